//! Blocks of labelled fields in general (pure), as secretaries write them beside review blocks:
//!
//! ```text
//! 事项：整理三季度两融客户集中度名单
//! 负责人：王磊
//! 时限：10月20日前
//! ```
//!
//! or on one line (`事项：… 负责人：… 时限：…`, apart by spaces, `；`, `|` or `，`). The work
//! (`事项`, `任务`, `整改项` …, numbered or not) opens such a block when its owner, helper, deadline
//! or state follows on the same line or on the next one; its state (`状态：已完成`, `进展：已关闭`)
//! says when there is nothing left to do.

use super::Block;
use super::keys::{LEAD, REJECT, split_key};
use super::words::{describes, field_parts, is_core_field, label, opens_with_key, work_key};
use crate::minutes::scan::{Ctx, OwnerHow, Scan, has_task_verb};

impl Block {
    /// A block opened by its work (`事项：…`, `任务二：…`, `整改项：…`) when its owner, helper,
    /// deadline or state follows, on the same line or on the next lines (`next`, the lines after
    /// with their list markers; fields that describe it, `说明：…`, may come between).
    pub(crate) fn start_work(body: &str, next: &[&str]) -> Option<Self> {
        // `## 事项一：…`: a heading's marks go.
        let body = body.trim_start_matches('#').trim_start().replace("**", "");
        let parts = field_parts(&body);
        let (first, rest) = parts.split_first()?;
        let title = work_key(first)?;
        if title.is_empty() || title.chars().count() > 80 || REJECT.contains(&title) {
            return None;
        }
        let mut block = Self {
            title: title.to_owned(),
            general: true,
            ..Self::default()
        };
        // `整理名单（负责人：王磊）`: a field in parentheses after the work is one of the block's.
        if let Some((work, rest)) = title.split_once(['（', '('])
            && let Some(inner) = rest.trim_end().strip_suffix(['）', ')'])
            && !work.trim().is_empty()
            && field_parts(inner).iter().all(|p| is_core_field(p))
            && block.field(inner)
        {
            block.title = work.trim().to_owned();
        }
        if !rest.is_empty() {
            return (rest.iter().any(|p| is_core_field(p)) && block.field(&rest.join("；"))).then_some(block);
        }
        for line in next.iter().take(4) {
            let (_, line) = crate::minutes::layout::strip_marker(line);
            let line = line.replace("**", "");
            let parts = field_parts(&line);
            if parts.iter().any(|p| is_core_field(p)) {
                return Some(block);
            }
            // `说明：…`, `措施：…`: more of the block, its owner may follow.
            let describes = parts
                .first()
                .is_some_and(|p| opens_with_key(p) && work_key(p).is_none_or(|_| describes(p)));
            if !describes {
                return None;
            }
        }
        None
    }

    /// A block opened by its work written bare, as a title (`1. 整理两融客户集中度名单`, `二、…`,
    /// or alone over its fields), when the next line names its owner (`负责人：王磊`, with its
    /// deadline or not).
    pub(crate) fn start_titled(body: &str, next: &[&str]) -> Option<Self> {
        let title = body.trim_start_matches('#').trim().replace("**", "");
        let title = crate::minutes::layout::strip_marker(&title).1.trim();
        let (_, line) = crate::minutes::layout::strip_marker(next.first()?);
        let line = line.replace("**", "");
        let owned = field_parts(&line).iter().any(|p| split_key(p, LEAD).is_some());
        (owned
            && !title.contains(['：', ':', '。', '？', '?', '，', ','])
            && (4..=40).contains(&title.chars().count())
            && crate::minutes::scan::has_task_verb(title))
        .then(|| Self {
            title: title.to_owned(),
            general: true,
            ..Self::default()
        })
    }

    /// A general block still without its owner, helper, deadline or state: `措施：…` and
    /// `内容：…` after its work say more of it.
    pub(crate) fn awaits_fields(&self) -> bool {
        self.general && !self.ends_at_blank()
    }

    /// `措施：改为自动检测` in a general block still without its fields: its work goes into the
    /// title (true), or the line is the next block's (false).
    pub(super) fn describe(&mut self, part: &str) -> bool {
        if !(self.awaits_fields() && describes(part)) {
            return false;
        }
        if let Some(v) = work_key(part).filter(|v| !v.is_empty()) {
            self.title = format!("{}：{v}", self.title.trim_end_matches(['。', '；']));
        }
        true
    }

    /// Whether `line` is someone speaking (`李娜：我下周一前…`), not a field of this general block:
    /// its label, no field key, reads as a person (`is_person`).
    pub(crate) fn said_by_someone(&self, line: &str, is_person: impl Fn(&str) -> bool) -> bool {
        self.general
            && !opens_with_key(line)
            && label(line).is_some_and(|l| is_person(l.trim_start_matches('@')))
    }

    /// A general block (or a finding, `问题2：…`) ends at a blank line once it has a field of its own.
    pub(crate) fn ends_at_blank(&self) -> bool {
        (self.general || self.finding)
            && !(self.lead.is_empty()
                && self.help.is_empty()
                && self.due.is_empty()
                && self.state.is_empty()
                && self.conclusion.is_empty())
    }

    /// The work a block asks for beside its owner field: the parts of its follow-up field naming no
    /// one (`要求：五一后第一个工作日提交测试方案`), and what the owner field says after the name
    /// (`负责人：韦振东，下下周一前完成开发排期`).
    pub(super) fn asked_work(&self, ctx: &Ctx<'_>) -> Vec<Scan> {
        let mut out: Vec<Scan> = self
            .next
            .iter()
            .flat_map(|n| n.split(['；', ';', '。']))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| ctx.scan(p))
            .filter(|sc| sc.how == OwnerHow::None && has_task_verb(&sc.text))
            .collect();
        let lead = self.lead.trim();
        if lead.contains(['，', ',']) {
            let sc = ctx.scan(lead);
            if sc.how != OwnerHow::None && has_task_verb(&sc.text) {
                out.push(sc);
            }
        }
        out
    }
}
