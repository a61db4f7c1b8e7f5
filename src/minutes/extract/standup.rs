//! Stand-up minutes (pure): a person's name alone over `- 昨天：… / - 今天：… / - 阻塞：…`. What
//! was done yesterday is a report, today's plan is that person's work (the label is no
//! deadline), and a blocker is theirs only when it names no one else.

use crate::minutes::explain::Verdict;

use super::walk::Walk;

/// The parts of one person's stand-up report.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Part {
    Done,
    Plan,
    Blocker,
}

const LABELS: &[(&str, Part)] = &[
    ("昨天", Part::Done),
    ("昨日", Part::Done),
    ("已完成", Part::Done),
    ("yesterday", Part::Done),
    // A weekly round by person: `本周：` reports the week's work, `下周：` plans the next.
    ("本周", Part::Done),
    ("上周", Part::Done),
    ("本周完成", Part::Done),
    ("本周进展", Part::Done),
    ("下周", Part::Plan),
    ("下周计划", Part::Plan),
    ("今天", Part::Plan),
    ("今日", Part::Plan),
    ("今日计划", Part::Plan),
    ("今天计划", Part::Plan),
    ("today", Part::Plan),
    ("阻塞", Part::Blocker),
    ("卡点", Part::Blocker),
    ("风险", Part::Blocker),
    ("blocker", Part::Blocker),
    ("blockers", Part::Blocker),
];

/// `今天：条件单分页改造` → (Plan, `条件单分页改造`).
pub(super) fn part(body: &str) -> Option<(Part, &str)> {
    let (key, rest) = body.split_once(['：', ':'])?;
    let key = key.trim().to_lowercase();
    let (_, p) = LABELS.iter().find(|(l, _)| *l == key)?;
    Some((*p, rest.trim()))
}

impl Walk<'_, '_> {
    /// Under a person's name in a stand-up, line `n`'s text after its label and whether it is
    /// the plan (else a blocker); `Some(None)` for a done part or an empty one, noted as no
    /// item here.
    pub(super) fn standup_part<'b>(
        &mut self,
        n: usize,
        trimmed: &str,
        body: &'b str,
    ) -> Option<Option<(&'b str, bool)>> {
        if !self.group.as_ref().is_some_and(|(_, _, flat)| *flat) {
            return None;
        }
        let (p, rest) = part(body)?;
        let empty = ["无", "暂无", "none", "n/a"].contains(&rest.to_lowercase().as_str())
            // `下周：无新增，继续配合…`: nothing new planned, only ongoing work.
            || ["无新增", "暂无新增", "无新的"].iter().any(|w| rest.starts_with(w));
        if p == Part::Done || rest.is_empty() || empty {
            self.tr.note(n, trimmed, Verdict::NotItem, Vec::new(), None);
            return Some(None);
        }
        Some(Some((rest, p == Part::Plan)))
    }
}
