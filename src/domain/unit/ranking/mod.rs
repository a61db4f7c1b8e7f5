//! The firm's 晾晒 (pure): units ranked by on-time completion, the late units, this week's
//! due items per unit, and per-unit figures for `/督办 统计 … 按单位`.
//!
//! Nothing is re-derived here: a unit's figures are the per-主办 figures of
//! [`board::stats`] over the unit's items, added up; its overdue and due-this-week rows are
//! the group board's ([`board::board`]). So a unit is on time exactly when a group is.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::Date;
use sha2::{Digest, Sha256};

use crate::calendar::Calendar;
use crate::domain::board::{self, BoardRow, Period};
use crate::domain::ids::ItemId;
use crate::domain::supervision::Item;
use crate::domain::time::local;

/// One unit and its items (read through the per-unit index).
#[derive(Debug, Clone, Copy)]
pub struct UnitItems<'a> {
    /// The unit's name.
    pub unit: &'a str,
    /// Its items (open ones and those closed in or after the period).
    pub items: &'a [Item],
}

/// A unit's figures for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitFigures {
    /// The unit.
    pub unit: String,
    /// Completed in the period.
    pub completed: u32,
    /// Of those, by their deadline.
    pub on_time: u32,
    /// `on_time / completed` (None when nothing was completed).
    pub on_time_rate: Option<f64>,
    /// Average working days late over the completed items (on-time ones count 0).
    pub avg_delay_workdays: Option<f64>,
    /// Overdue now.
    pub open_overdue: u32,
    /// Approved extensions on items active in the period.
    pub extensions: u32,
    /// 被催办 on items active in the period.
    pub times_urged: u32,
}

/// The figures of each unit for `period`, in the order given. `overdue_chases`: as for
/// [`board::stats`].
pub fn unit_figures(
    units: &[UnitItems<'_>],
    overdue_chases: &HashMap<ItemId, u32>,
    period: Period,
    now: Timestamp,
    cal: &Calendar,
) -> Vec<UnitFigures> {
    units
        .iter()
        .map(|u| {
            let people = board::stats(u.items, overdue_chases, period, None, now, cal);
            let mut f = UnitFigures {
                unit: u.unit.to_owned(),
                completed: 0,
                on_time: 0,
                on_time_rate: None,
                avg_delay_workdays: None,
                open_overdue: 0,
                extensions: 0,
                times_urged: 0,
            };
            let mut delay = 0.0;
            for p in &people {
                f.completed += p.completed;
                f.on_time += p.on_time;
                f.open_overdue += p.open_overdue;
                f.extensions = f.extensions.saturating_add(p.extensions);
                f.times_urged = f.times_urged.saturating_add(p.times_urged);
                delay += p.avg_delay_workdays.unwrap_or(0.0) * f64::from(p.completed);
            }
            if f.completed > 0 {
                f.on_time_rate = Some(f64::from(f.on_time) / f64::from(f.completed));
                f.avg_delay_workdays = Some(delay / f64::from(f.completed));
            }
            f
        })
        .collect()
}

/// A unit with overdue items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LateUnit {
    /// The unit.
    pub unit: String,
    /// Its overdue items, most working days first.
    pub rows: Vec<BoardRow>,
}

impl LateUnit {
    /// The most working days any of its items is overdue.
    pub fn worst_workdays(&self) -> u32 {
        self.rows.first().map_or(0, |r| r.overdue_workdays)
    }
}

/// Units ranked: 按时完成 first, then 逾期.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// Units with on-time completions in the period: most first, then the higher rate, then
    /// by name.
    pub on_time: Vec<UnitFigures>,
    /// Units with overdue items: most items first, then the worst delay, then by name.
    pub late: Vec<LateUnit>,
}

/// Ranks `units` by on-time completion in `period`, and by what is overdue at `now`.
pub fn rank(
    units: &[UnitItems<'_>],
    overdue_chases: &HashMap<ItemId, u32>,
    period: Period,
    now: Timestamp,
    cal: &Calendar,
) -> Ranking {
    let boards: Vec<board::Board> = units.iter().map(|u| board::board(u.items, now, cal, 0)).collect();
    ranking_from(units, &boards, overdue_chases, period, now, cal)
}

fn ranking_from(
    units: &[UnitItems<'_>],
    boards: &[board::Board],
    overdue_chases: &HashMap<ItemId, u32>,
    period: Period,
    now: Timestamp,
    cal: &Calendar,
) -> Ranking {
    let mut on_time: Vec<UnitFigures> = unit_figures(units, overdue_chases, period, now, cal)
        .into_iter()
        .filter(|f| f.on_time > 0)
        .collect();
    on_time.sort_by(|a, b| {
        b.on_time
            .cmp(&a.on_time)
            .then(a.completed.cmp(&b.completed))
            .then_with(|| a.unit.cmp(&b.unit))
    });
    let mut late: Vec<LateUnit> = units
        .iter()
        .zip(boards)
        .filter(|(_, b)| !b.overdue.is_empty())
        .map(|(u, b)| LateUnit {
            unit: u.unit.to_owned(),
            rows: b.overdue.clone(),
        })
        .collect();
    late.sort_by(|a, b| {
        b.rows
            .len()
            .cmp(&a.rows.len())
            .then(b.worst_workdays().cmp(&a.worst_workdays()))
            .then_with(|| a.unit.cmp(&b.unit))
    });
    Ranking { on_time, late }
}

/// A 下达 batch's line on the org board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchLine {
    /// `XD-n`.
    pub id: crate::domain::ids::BatchId,
    /// 事项.
    pub title: String,
    /// The roll-up headline ([`crate::domain::batch::rollup::Rollup::headline`]).
    pub headline: String,
    /// Units done.
    pub done: u32,
    /// Units counted.
    pub total: u32,
}

/// The firm's 晾晒 board.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgBoard {
    /// This month's ranking.
    pub ranking: Ranking,
    /// Items due by Sunday, per unit (units with none left out), in the order given.
    pub due_this_week: Vec<(String, Vec<BoardRow>)>,
    /// Open 下达 batches, as given.
    pub batches: Vec<BatchLine>,
    /// The local day it describes.
    pub generated_for: Date,
}

impl OrgBoard {
    /// Nothing to say: no unit completed anything on time this month, none is late, nothing
    /// is due this week and no 下达 is open.
    pub fn is_empty(&self) -> bool {
        self.ranking.on_time.is_empty()
            && self.ranking.late.is_empty()
            && self.due_this_week.is_empty()
            && self.batches.is_empty()
    }
}

/// The org board at `now`: this month's ranking, this week's due items, open batches.
pub fn org_board(
    units: &[UnitItems<'_>],
    batches: Vec<BatchLine>,
    overdue_chases: &HashMap<ItemId, u32>,
    now: Timestamp,
    cal: &Calendar,
) -> OrgBoard {
    let boards: Vec<board::Board> = units.iter().map(|u| board::board(u.items, now, cal, 0)).collect();
    let ranking = ranking_from(units, &boards, overdue_chases, Period::ThisMonth, now, cal);
    let due_this_week = units
        .iter()
        .zip(&boards)
        .filter(|(_, b)| !b.due_this_week.is_empty())
        .map(|(u, b)| (u.unit.to_owned(), b.due_this_week.clone()))
        .collect();
    OrgBoard {
        ranking,
        due_this_week,
        batches,
        generated_for: local(now).date(),
    }
}

/// A stable digest of the org board's content (not its day): the weekly post to the leaders'
/// chat is skipped when it equals the last one posted.
pub fn fingerprint(b: &OrgBoard) -> String {
    let mut h = Sha256::new();
    let row = |h: &mut Sha256, tag: &str, r: &BoardRow| {
        h.update(format!(
            "{tag}:{}:{}:{}:{}:{};",
            r.id,
            r.title,
            r.owner.open_id,
            r.deadline.as_millisecond(),
            r.overdue_workdays
        ));
    };
    for f in &b.ranking.on_time {
        h.update(format!("t:{}:{}:{};", f.unit, f.on_time, f.completed));
    }
    for l in &b.ranking.late {
        h.update(format!("l:{};", l.unit));
        for r in &l.rows {
            row(&mut h, "o", r);
        }
    }
    for (unit, rows) in &b.due_this_week {
        h.update(format!("w:{unit};"));
        for r in rows {
            row(&mut h, "w", r);
        }
    }
    for x in &b.batches {
        h.update(format!("b:{}:{}:{};", x.id, x.title, x.headline));
    }
    hex::encode(h.finalize()).chars().take(16).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
