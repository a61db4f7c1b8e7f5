//! The roll-up of a 下达 batch (pure): where each unit's item stands, folded per state, the
//! late units by working days overdue, and the target attained (summed, or averaged for a
//! percentage). Overdue and working days come from the item itself
//! ([`Item::is_overdue`], [`Item::overdue_workdays`]); on time is completed by the deadline,
//! as on the 晾晒 board.

use jiff::Timestamp;

use super::Batch;
use super::target::{Amount, Cmp, Report};
use crate::calendar::Calendar;
use crate::domain::ids::{BatchId, ItemId};
use crate::domain::status::Status;
use crate::domain::supervision::Item;

/// One unit of a batch: its item once created, its latest report.
#[derive(Debug, Clone, Copy)]
pub struct Child<'a> {
    /// The unit's name.
    pub unit: &'a str,
    /// Its item (`None` while the fan-out has not reached it).
    pub item: Option<&'a Item>,
    /// The latest value it reported.
    pub report: Option<&'a Report>,
}

/// Where a unit stands, as the roll-up folds it. 逾期 takes the unit out of 待签收/进行中.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChildState {
    /// The item is not posted yet.
    Posting,
    /// 待签收.
    Pending,
    /// 进行中.
    InProgress,
    /// 待验收.
    Submitted,
    /// 已完成.
    Done,
    /// 逾期 (待签收 or 进行中 past the deadline).
    Overdue,
    /// 已取消.
    Cancelled,
}

impl ChildState {
    /// Every state, in the order the card lists them.
    pub const ORDER: [Self; 7] = [
        Self::Overdue,
        Self::Pending,
        Self::InProgress,
        Self::Submitted,
        Self::Done,
        Self::Posting,
        Self::Cancelled,
    ];

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Posting => "发送中",
            Self::Overdue => "逾期",
            Self::Cancelled => "已取消",
            Self::Pending => Status::Pending.label(),
            Self::InProgress => Status::InProgress.label(),
            Self::Submitted => Status::Submitted.label(),
            Self::Done => Status::Done.label(),
        }
    }

    /// The state of a unit's item at `now`.
    pub fn of(item: Option<&Item>, now: Timestamp) -> Self {
        let Some(it) = item else { return Self::Posting };
        if it.is_overdue(now) {
            return Self::Overdue;
        }
        match it.status {
            Status::Pending => Self::Pending,
            Status::InProgress => Self::InProgress,
            Status::Submitted => Self::Submitted,
            Status::Done => Self::Done,
            Status::Cancelled => Self::Cancelled,
        }
    }
}

/// A late unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LateUnit {
    /// The unit.
    pub unit: String,
    /// Its item.
    pub item: ItemId,
    /// Working days overdue (0 within the first working day).
    pub workdays: u32,
}

/// How a numeric target is summed up over the units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Counts and amounts (户, 万元): the reports are added up against target × units.
    Sum,
    /// Percentages: the reports are averaged against the target.
    Average,
}

/// The target attained over the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attained {
    /// Summed or averaged.
    pub mode: Mode,
    /// Units that reported.
    pub reported: u32,
    /// Units whose report meets the target.
    pub met: u32,
    /// The sum (or average) of the reports.
    pub value: Amount,
    /// What it is measured against: target × units (or the target, averaged).
    pub goal: Amount,
    /// `value / goal` in percent (≥ targets only).
    pub percent: Option<u32>,
}

/// A batch's roll-up at `now`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rollup {
    /// The batch.
    pub id: BatchId,
    /// Units counted (all but the cancelled ones).
    pub total: u32,
    /// Of those, how many have acknowledged (签收) or gone further.
    pub acknowledged: u32,
    /// Completed by the deadline.
    pub on_time: u32,
    /// The units per state, every state of [`ChildState::ORDER`] (lists may be empty).
    pub groups: Vec<(ChildState, Vec<String>)>,
    /// The late units, most working days first.
    pub late: Vec<LateUnit>,
    /// The target attained, when the batch has a numeric target.
    pub attained: Option<Attained>,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The roll-up of `batch` from its units' items and reports.
pub fn rollup(batch: &Batch, children: &[Child<'_>], now: Timestamp, cal: &Calendar) -> Rollup {
    let mut groups: Vec<(ChildState, Vec<String>)> =
        ChildState::ORDER.iter().map(|s| (*s, Vec::new())).collect();
    let mut late = Vec::new();
    let (mut total, mut acknowledged, mut on_time) = (0, 0, 0);
    for c in children {
        let state = ChildState::of(c.item, now);
        if let Some(g) = groups.iter_mut().find(|(s, _)| *s == state) {
            g.1.push(c.unit.to_owned());
        }
        if state == ChildState::Cancelled {
            continue;
        }
        total += 1;
        let Some(it) = c.item else { continue };
        if it.acknowledged_at.is_some() || it.status != Status::Pending {
            acknowledged += 1;
        }
        if it.status == Status::Done && it.completed_at.is_some_and(|d| d <= it.deadline) {
            on_time += 1;
        }
        if state == ChildState::Overdue {
            late.push(LateUnit {
                unit: c.unit.to_owned(),
                item: it.id,
                workdays: it.overdue_workdays(now, cal).unwrap_or(0),
            });
        }
    }
    late.sort_by(|a, b| b.workdays.cmp(&a.workdays).then(a.item.cmp(&b.item)));
    let attained = batch.target.as_ref().map(|t| {
        let counted = children
            .iter()
            .filter(|c| ChildState::of(c.item, now) != ChildState::Cancelled);
        let reports: Vec<Amount> = counted.filter_map(|c| c.report.map(|r| r.value)).collect();
        let met = count(reports.iter().filter(|v| t.attainment(**v).met).count());
        let n = count(reports.len());
        let sum = reports.iter().fold(Amount::default(), |a, v| a.plus(*v));
        let (mode, value, goal) = if t.is_rate() {
            (Mode::Average, sum.divided_by(n), t.value)
        } else {
            (Mode::Sum, sum, t.value.times(total))
        };
        Attained {
            mode,
            reported: n,
            met,
            value,
            goal,
            percent: match t.cmp {
                Cmp::AtLeast if n > 0 => value.percent_of(goal),
                _ => None,
            },
        }
    });
    Rollup {
        id: batch.id,
        total,
        acknowledged,
        on_time,
        groups,
        late,
        attained,
    }
}

impl Rollup {
    /// The units in `state`.
    pub fn units(&self, state: ChildState) -> &[String] {
        self.groups
            .iter()
            .find(|(s, _)| *s == state)
            .map_or(&[], |(_, v)| v.as_slice())
    }

    /// How many units are in `state`.
    pub fn count(&self, state: ChildState) -> u32 {
        count(self.units(state).len())
    }

    /// Whether every counted unit is done (or the batch has nothing left open).
    pub fn is_settled(&self) -> bool {
        self.total == self.count(ChildState::Done)
    }

    /// One line: `签收 3/5 · 进行中 1 · 已完成 2 · 逾期 1 · 达成 85%`; states with no unit are
    /// left out, except 签收 and 已完成.
    pub fn headline(&self) -> String {
        let mut parts = vec![format!("签收 {}/{}", self.acknowledged, self.total)];
        for s in [
            ChildState::Pending,
            ChildState::InProgress,
            ChildState::Submitted,
            ChildState::Done,
            ChildState::Overdue,
            ChildState::Posting,
        ] {
            let n = self.count(s);
            if n > 0 || s == ChildState::Done {
                parts.push(format!("{} {n}", s.label()));
            }
        }
        if let Some(p) = self.attained.as_ref().and_then(|a| a.percent) {
            parts.push(format!("达成 {p}%"));
        }
        parts.join(" · ")
    }
}
