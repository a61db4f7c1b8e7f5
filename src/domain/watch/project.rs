//! A project's reminders: its current stage running late, and no stage movement for too long.

use jiff::Timestamp;

use super::state::{WatchState, day_start, next_late, spread_id};
use crate::calendar::{Calendar, CalendarError, DayRule};
use crate::domain::ids::Person;
use crate::domain::project::{Project, ProjectStatus};
use crate::domain::schedule::{ReminderPolicy, adjust_to_working_hours, in_working_hours};
use crate::domain::time::local;

/// A project reminder due now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectCheck {
    /// The current stage is past its planned end: remind `owner`.
    LateStage {
        /// The stage's index.
        stage: usize,
        /// Who is reminded.
        owner: Person,
        /// The planned end.
        planned_end: Timestamp,
    },
    /// No stage movement for `workdays` working days.
    Stalled {
        /// Working days since the last movement.
        workdays: u32,
    },
}
fn episode_flags(p: &Project, s: &WatchState) -> u32 {
    if s.stalled_episode == Some(p.last_moved_at) {
        s.stalled_flags
    } else {
        0
    }
}

/// From when the current stage counts as late for reminding: its planned end, or for a
/// date-only plan (that day's 18:00) the start of the following day, so the owner is reminded
/// on the next working morning rather than in the evening of the planned day.
fn late_end(p: &Project) -> Option<Timestamp> {
    if p.status != ProjectStatus::Active {
        return None;
    }
    let st = p.current_stage()?;
    let end = st.planned_end?;
    if st.planned_has_time {
        return Some(end);
    }
    let next_day = local(end).date().tomorrow().ok()?;
    day_start(next_day).ok()
}

/// What is due for `p` at `now` (nothing outside working hours).
///
/// # Errors
/// [`CalendarError::NoData`] when the calendar lacks a year involved.
pub fn project_due_now(
    p: &Project,
    s: &WatchState,
    now: Timestamp,
    policy: &ReminderPolicy,
    cal: &Calendar,
    stalled_after: u32,
) -> Result<Vec<ProjectCheck>, CalendarError> {
    let mut out = Vec::new();
    if p.status != ProjectStatus::Active || !in_working_hours(now, policy, cal)? {
        return Ok(out);
    }
    let today = local(now).date();
    if let Some(end) = late_end(p)
        && end <= now
        && s.nudged_on != Some(today)
    {
        let stage = p.current_stage();
        let owner = stage
            .and_then(|st| st.owner.clone())
            .unwrap_or_else(|| p.owner.clone());
        out.push(ProjectCheck::LateStage {
            stage: p.current,
            owner,
            planned_end: stage.and_then(|st| st.planned_end).unwrap_or(end),
        });
    }
    if stalled_after > 0 {
        let workdays = p.stalled_workdays(now, cal)?;
        let flags = episode_flags(p, s);
        if workdays >= stalled_after.saturating_mul(flags + 1) {
            out.push(ProjectCheck::Stalled { workdays });
        }
    }
    Ok(out)
}

/// Records that `sent` went out at `now`.
pub fn mark_project_sent(p: &Project, s: &mut WatchState, sent: &[ProjectCheck], now: Timestamp) {
    for c in sent {
        match c {
            ProjectCheck::LateStage { .. } => s.nudged_on = Some(local(now).date()),
            ProjectCheck::Stalled { .. } => {
                let flags = episode_flags(p, s);
                s.stalled_episode = Some(p.last_moved_at);
                s.stalled_flags = flags + 1;
            }
        }
    }
}

/// The next instant a reminder of `p` may be due (`None`: nothing to watch).
///
/// # Errors
/// [`CalendarError::NoData`] when the calendar lacks a year involved.
pub fn next_project_check(
    p: &Project,
    s: &WatchState,
    now: Timestamp,
    policy: &ReminderPolicy,
    cal: &Calendar,
    stalled_after: u32,
) -> Result<Option<Timestamp>, CalendarError> {
    if p.status != ProjectStatus::Active {
        return Ok(None);
    }
    let mut best: Option<Timestamp> = None;
    if let Some(end) = late_end(p) {
        best = Some(next_late(end, s.nudged_on, now, policy, cal)?);
    }
    if stalled_after > 0 {
        let target = stalled_after.saturating_mul(episode_flags(p, s) + 1);
        let day = cal.nth_after(local(p.last_moved_at).date(), target, DayRule::Working)?;
        let t = day_start(day)?;
        best = Some(best.map_or(t, |b| b.min(t)));
    }
    best.map(|t| adjust_to_working_hours(t, spread_id(p.id.0), policy, cal).map(|(t, _)| t))
        .transpose()
}
