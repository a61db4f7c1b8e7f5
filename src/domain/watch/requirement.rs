//! A requirement's reminder: not triaged within the intake SLA (受理时限) → its managers.

use jiff::Timestamp;

use super::state::{WatchState, day_start, next_late, spread_id};
use crate::calendar::{Calendar, CalendarError, DayRule};
use crate::domain::requirement::{ReqStatus, Requirement, triage_overdue};
use crate::domain::schedule::{ReminderPolicy, adjust_to_working_hours, in_working_hours};
use crate::domain::time::local;

/// Whether the managers are to be reminded about `r` now.
///
/// # Errors
/// [`CalendarError::NoData`] when the calendar lacks a year involved.
pub fn requirement_due_now(
    r: &Requirement,
    s: &WatchState,
    now: Timestamp,
    policy: &ReminderPolicy,
    cal: &Calendar,
    sla_workdays: u32,
) -> Result<bool, CalendarError> {
    Ok(in_working_hours(now, policy, cal)?
        && triage_overdue(r, now, cal, sla_workdays)
        && s.nudged_on != Some(local(now).date()))
}

/// The next instant the intake SLA of `r` may fire (`None`: triaged, nothing to watch).
///
/// # Errors
/// [`CalendarError::NoData`] when the calendar lacks a year involved.
pub fn next_requirement_check(
    r: &Requirement,
    s: &WatchState,
    now: Timestamp,
    policy: &ReminderPolicy,
    cal: &Calendar,
    sla_workdays: u32,
) -> Result<Option<Timestamp>, CalendarError> {
    if r.status != ReqStatus::Submitted {
        return Ok(None);
    }
    let since = r
        .supplements
        .last()
        .map_or(r.created_at, |x| x.at.max(r.created_at));
    let first = day_start(cal.nth_after(
        local(since).date(),
        sla_workdays.saturating_add(1),
        DayRule::Working,
    )?)?;
    let t = next_late(first, s.nudged_on, now, policy, cal)?;
    adjust_to_working_hours(t, spread_id(r.id.0), policy, cal).map(|(t, _)| Some(t))
}
