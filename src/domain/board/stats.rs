//! Per-主办 statistics for a period: what the firm's OKR and performance reviews ask for.

use std::collections::{BTreeMap, HashMap};

use jiff::Timestamp;

use crate::calendar::{Calendar, DayRule};
use crate::domain::ids::{ItemId, OpenId, Person};
use crate::domain::item::Item;
use crate::domain::status::Status;
use crate::domain::time::local;

use super::on_time::{completed_in, on_time};
use super::period::Period;

/// One 主办's figures for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonStats {
    /// The 主办.
    pub person: Person,
    /// Items completed (验收通过) in the period.
    pub completed: u32,
    /// Of those, completed by their deadline.
    pub on_time: u32,
    /// `on_time / completed`, 0–1; `None` when nothing was completed.
    pub on_time_rate: Option<f64>,
    /// Average working days late over the completed items (on-time items count 0).
    pub avg_delay_workdays: Option<f64>,
    /// Items overdue now.
    pub open_overdue: u32,
    /// Approved extensions on the items active in the period.
    pub extensions: u32,
    /// 被催办: manual 催办 plus the overdue chases (at the deadline and each overdue working
    /// day) on the items active in the period; the reminders before the deadline (签收, the day
    /// before, hours before) are routine and do not count.
    pub times_urged: u32,
    /// Items completed in the period per class, in [`crate::domain::item::ItemClass::ALL`] order (承诺, 挑战, 突发).
    pub completed_by_class: [u32; 3],
}

/// Whether `it` was active in `[start, end)`: created before the end and not closed before the
/// start. (Extension and nudge counts are stored per item, not per date.)
fn active_in(it: &Item, start: Timestamp, end: Timestamp) -> bool {
    let closed_at = match it.status {
        Status::Done => it.completed_at,
        Status::Cancelled => Some(it.updated_at),
        Status::Pending | Status::InProgress | Status::Submitted => None,
    };
    it.created_at < end && closed_at.is_none_or(|c| c >= start)
}

/// Per-主办 statistics for `period` (only `person` when given), most completions first.
/// `overdue_chases` holds the overdue chases sent per item
/// (see [`crate::domain::schedule::overdue_chases`]).
pub fn stats(
    items: &[Item],
    overdue_chases: &HashMap<ItemId, u32>,
    period: Period,
    person: Option<&OpenId>,
    now: Timestamp,
    cal: &Calendar,
) -> Vec<PersonStats> {
    let (start, end) = period.range(now);
    let mut acc: BTreeMap<OpenId, (PersonStats, u32)> = BTreeMap::new();
    for it in items {
        if person.is_some_and(|p| *p != it.owner.open_id) {
            continue;
        }
        let done = completed_in(it, start, end);
        let overdue = it.is_overdue(now);
        if !done && !overdue && !active_in(it, start, end) {
            continue;
        }
        let (s, delay_sum) = acc.entry(it.owner.open_id.clone()).or_insert_with(|| {
            (
                PersonStats {
                    person: it.owner.clone(),
                    completed: 0,
                    on_time: 0,
                    on_time_rate: None,
                    avg_delay_workdays: None,
                    open_overdue: 0,
                    extensions: 0,
                    times_urged: 0,
                    completed_by_class: [0; 3],
                },
                0,
            )
        });
        if done {
            s.completed += 1;
            let k = crate::domain::item::ItemClass::ALL
                .iter()
                .position(|c| *c == it.class)
                .unwrap_or(0);
            if let Some(n) = s.completed_by_class.get_mut(k) {
                *n += 1;
            }
            if on_time(it) {
                s.on_time += 1;
            } else if let Some(c) = it.completed_at {
                let late = cal
                    .count_between(local(it.deadline).date(), local(c).date(), DayRule::Working)
                    .unwrap_or(0);
                *delay_sum = delay_sum.saturating_add(late);
            }
        }
        if overdue {
            s.open_overdue += 1;
        }
        if active_in(it, start, end) {
            s.extensions = s.extensions.saturating_add(it.extension_count);
            let chased = overdue_chases.get(&it.id).copied().unwrap_or(0);
            s.times_urged = s
                .times_urged
                .saturating_add(it.nudge_count)
                .saturating_add(chased);
        }
    }
    let mut rows: Vec<PersonStats> = acc
        .into_values()
        .map(|(mut s, delay_sum)| {
            if s.completed > 0 {
                s.on_time_rate = Some(f64::from(s.on_time) / f64::from(s.completed));
                s.avg_delay_workdays = Some(f64::from(delay_sum) / f64::from(s.completed));
            }
            s
        })
        .collect();
    rows.sort_by(|a, b| {
        b.completed
            .cmp(&a.completed)
            .then(b.on_time.cmp(&a.on_time))
            .then(a.open_overdue.cmp(&b.open_overdue))
            .then_with(|| a.person.name.cmp(&b.person.name))
    });
    rows
}
