//! A thin owner sentence after the work it names (pure): `一、计划财务部：完成往来款清理，
//! 12月15日前。对接人：祝晓岚。` — the contact owns the sentence before, with its deadline; after
//! done work (`…已提交事务所（已完成）。对接人：阮国栋。`) the contact owns nothing.

use crate::minutes::item::ActionItem;
use crate::minutes::weights::Signal;

use super::to_item;
use super::walk::Walk;

impl Walk<'_, '_> {
    /// Joins `plain` (the sentence before, asking for work and giving it to no one) to the thin
    /// `item` after it: the item has that work and, when it names no date of its own, that
    /// sentence's deadline (and its text without the deadline's words).
    pub(super) fn join_plain(&self, plain: &str, item: &mut ActionItem) {
        let before = self.ctx.scan(plain);
        if item.deadline.is_none() && before.deadline.is_some() {
            let work = to_item(before);
            item.text = format!(
                "{}：{}",
                work.text.trim_end_matches(['，', '。', '；']),
                item.text
            );
            item.deadline = work.deadline;
            item.deadline_text = work.deadline_text;
        } else {
            item.text = format!("{}：{}", plain.trim_end_matches(['。', '；', '！']), item.text);
        }
    }
}

/// Whether a speaker's item only points back at the work said before it (`霍总，这个我来做吧，…`,
/// `这块我来`): a call (`霍总，`) may open it.
pub(super) fn points_back(text: &str) -> bool {
    let t = text.trim();
    let t = t
        .split_once(['，', ','])
        .filter(|(call, _)| (1..=4).contains(&call.chars().count()) && !call.contains('我'))
        .map_or(t, |(_, rest)| rest.trim_start());
    ["这个", "这块", "这事", "这件事", "那个"]
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .is_some_and(|r| r.starts_with('我'))
}

/// Whether a sentence's signals mark it done or a status (`已完成`), so a thin owner sentence
/// after it on the same line (`对接人：某某`) has no work.
pub(super) fn is_done(sig: &[(Signal, i32)]) -> bool {
    sig.iter().any(|(g, w)| *g == Signal::Done && *w < 0)
}
