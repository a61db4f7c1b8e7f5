//! The block stage of the walk (pure): a title over its fields (`事项：…` then `负责人：…`), the
//! field lines of an open block, and the end of a block when a line is none of its fields.

use crate::minutes::blocks::Block;
use crate::minutes::explain::Verdict;
use crate::minutes::layout::{Marker, strip_marker};

use super::walk::Walk;

impl Walk<'_, '_> {
    /// Reads line `n` (`body` without its marker) as a block's line; whether it was one. `next`
    /// are the next lines, blank ones aside. A line that is not closes the open block.
    pub(super) fn block_line(&mut self, n: usize, trimmed: &str, body: &str, next: &[&str]) -> bool {
        let next_line = next.first().copied();
        // `（7）存在问题：…` over `（8）评审意见：…`: numbered siblings, not a title over its fields.
        let is_numbered = |l: &str| {
            strip_marker(l).0 == Marker::List
                && l.starts_with(|c: char| c.is_ascii_digit() || "（(①②③④⑤⑥⑦⑧⑨".contains(c))
        };
        let sibling = is_numbered(trimmed) && next_line.is_some_and(is_numbered);
        // `- @某某 跟进…影响评估，时间待定` over `结论：…`: work given by a mention is no title.
        let mentioned = body.trim_start().starts_with('@');
        let fields_below = |l: &str| {
            (!sibling && !mentioned && !Block::is_description(body))
                .then(|| Block::before_fields(body, l))
                .flatten()
        };
        // `① 收益互换估值自动化` over `现状：…` then `结论：…`: the title's fields start after it.
        let field_line = match next {
            [d, l, ..] if Block::is_description(strip_marker(d).1) => Some(*l),
            _ => next_line,
        };
        // A title followed by its conclusion opens the next block, whatever it looks like; so
        // does work followed by its owner (`事项：…` then `负责人：…`), unless it says more of the
        // work of a general block still without its fields (`措施：…`).
        let opens_block = field_line.is_some_and(|l| fields_below(l).is_some())
            || (Block::start_work(body, next).is_some()
                && !self
                    .block
                    .as_ref()
                    .is_some_and(|(_, b)| b.awaits_fields() || b.takes_description(body)));
        let ctx = &self.ctx;
        if let Some((_, b)) = self.block.as_mut()
            && !opens_block
            && !b.said_by_someone(body, |w| ctx.is_name(w))
            && b.field(body)
        {
            self.tr.note(n, trimmed, Verdict::BlockLine, Vec::new(), None);
            return true;
        }
        self.close_block();
        // `某某项目协调会` over `时间：… 牵头：…` and `参会：…`: the meeting's header.
        let header =
            super::meeting_head::over_attendance(next) || super::meeting_head::over_meeting_date(n, next);
        if let Some(b) = Block::start(body).or_else(|| {
            (!header)
                .then(|| {
                    next_line
                        .and_then(|l| Block::start_heading(body, l))
                        .or_else(|| Block::start_work(body, next))
                        .or_else(|| field_line.and_then(fields_below))
                        .or_else(|| Block::start_titled(body, next))
                })
                .flatten()
        }) {
            self.block = Some((n, b));
            self.tr.note(n, trimmed, Verdict::BlockLine, Vec::new(), None);
            return true;
        }
        false
    }
}
