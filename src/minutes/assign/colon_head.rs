//! A name before the line's opening colon (pure): `陆建平：本轮复核通过的名单，范晓琳汇总后…` — who
//! speaks and hands the work on, unless no one else is given it (then the name labels its
//! owner: `张三：整理名单，李四配合`); names alone after the last colon or dash; and work dealt
//! out to members (`问题清单分给某甲和某乙`).

use super::strip_leads;
use super::words::{SECOND_HANDS, extend};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, OwnerHow};

/// Whether the clause at `s..e` of `text` opens the line (after list marks) and a colon follows.
pub(super) fn opens(text: &str, s: usize, e: usize) -> bool {
    strip_leads(text.get(..s).unwrap_or_default()).trim().is_empty()
        && text.get(e..).is_some_and(|r| r.starts_with(['：', ':']))
}

/// The name before the colon (`found`) leads when no one else was given the work, or when
/// those who were only help or check it (`张三：整理名单，李四审核`); else it only spoke.
pub(super) fn settle(
    found: Vec<OwnerRef>,
    text: &str,
    lead: &mut Vec<OwnerRef>,
    help: &mut Vec<OwnerRef>,
    how: &mut OwnerHow,
) {
    if lead.is_empty() || second_to_head(text, lead) {
        let after = std::mem::replace(lead, found);
        extend(help, after);
        *how = (*how).max(OwnerHow::Named);
    }
}

/// Whether the owners found after the colon only help or check the one before it
/// (`李四审核`, `李四一起`, `史晓军 support`).
fn second_to_head(text: &str, lead: &[OwnerRef]) -> bool {
    lead.iter().any(|o| {
        text.match_indices(o.name()).any(|(i, n)| {
            let after = text.get(i + n.len()..).unwrap_or_default().trim_start();
            SECOND_HANDS
                .iter()
                .chain(&["一起", "配合", "协助", "support", "assist", "review"])
                .any(|w| after.starts_with(w))
        })
    })
}

impl Ctx<'_> {
    /// `中秋假期值守：司马懿`: the task, then only names after a colon (or a dash at the end:
    /// `适当性回访话术明早定稿——邵峰`, `OA账号开通——柯嘉，入职前三天`).
    pub(super) fn names_at_the_end(&self, text: &str) -> bool {
        let end = text.trim_end_matches(['。', '.', ' ', '；', ';']);
        let after_dash = ["——", " — ", " – ", "—"]
            .iter()
            .filter_map(|d| end.rsplit_once(d).map(|(_, t)| t))
            .min_by_key(|t| t.len());
        end.rsplit_once(['：', ':'])
            .map(|(_, t)| t)
            .or(after_dash)
            .and_then(|tail| tail.split(['，', ',']).next())
            .is_some_and(|tail| self.names_if_all(strip_leads(tail.trim())).is_some())
    }

    /// `问题清单分给夏晨阳和郑佳宁`: the members the work is dealt out to; `结业考试题目雷鸣、
    /// 唐若曦出`: the members closing the clause with `出`, who write it.
    pub(super) fn dealt_to(&self, clause: &str) -> Option<Vec<OwnerRef>> {
        if let Some(before) = clause.trim_end_matches(['。', ' ']).strip_suffix('出')
            && let Some((found, false)) = self.tail_names(before)
            // Members only: `一周发出` names no one.
            && found.iter().all(|o| o.person().is_some())
        {
            return Some(found);
        }
        let (_, after) = clause.split_once("分给")?;
        self.members_prefix(after).map(|(found, _)| found)
    }
}
