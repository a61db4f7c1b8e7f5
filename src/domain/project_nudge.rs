//! Project and requirement reminders (pure), on the reminder engine's working-day rules:
//!
//! - a project whose current stage is past its planned end nudges the stage's owner (the
//!   project owner when the stage has none), at most once per working day, inside nudging hours;
//! - a project without stage movement for `stalled_after` working days is flagged in its group,
//!   again after each further `stalled_after` working days of standstill;
//! - a requirement not triaged within `sla_workdays` working days nudges the managers, at most
//!   once per working day.
//!
//! [`next_project_check`] / [`next_requirement_check`] give the next instant worth looking at
//! (the due index key); [`project_due_now`] / [`requirement_due_now`] say what to send then.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError, DayRule};
use crate::domain::ids::{ItemId, Person};
use crate::domain::project::{Project, ProjectStatus};
use crate::domain::requirement::{ReqStatus, Requirement, triage_overdue};
use crate::domain::schedule::{ReminderPolicy, adjust_to_working_hours, in_working_hours};
use crate::domain::time::{SHANGHAI, local};

/// What was sent for a project or requirement (stored beside it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchState {
    /// The local day of the last late-stage / SLA nudge.
    #[serde(default)]
    pub nudged_on: Option<Date>,
    /// The stall episode (the project's `last_moved_at`) the flags count for.
    #[serde(default)]
    pub stalled_episode: Option<Timestamp>,
    /// Stalled flags sent in that episode.
    #[serde(default)]
    pub stalled_flags: u32,
}

/// A project reminder due now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectCheck {
    /// The current stage is past its planned end: nudge `owner`.
    LateStage {
        /// The stage's index.
        stage: usize,
        /// Who is nudged.
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

/// The id used to spread morning reminders (projects and requirements share the spread).
fn spread_id(n: u64) -> ItemId {
    ItemId(n)
}

/// Midnight (local) of `d`: adjusted to working hours it becomes that day's working morning.
fn day_start(d: Date) -> Result<Timestamp, CalendarError> {
    SHANGHAI
        .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
        .map_err(|_| CalendarError::NoData { year: d.year() })
}

fn episode_flags(p: &Project, s: &WatchState) -> u32 {
    if s.stalled_episode == Some(p.last_moved_at) {
        s.stalled_flags
    } else {
        0
    }
}

/// From when the current stage counts as late for nudging: its planned end, or for a
/// date-only plan (that day's 18:00) the start of the following day, so the owner is nudged
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

/// What is due for `p` at `now` (nothing outside nudging hours).
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

/// When a late nudge is next worth checking: the planned end, or now, or the next working
/// morning when today's nudge went out.
fn next_late(
    end: Timestamp,
    nudged_on: Option<Date>,
    now: Timestamp,
    policy: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Timestamp, CalendarError> {
    let today = local(now).date();
    let t = if end > now {
        end
    } else if nudged_on == Some(today) {
        day_start(cal.nth_after(today, 1, policy.day_rule)?)?
    } else {
        now
    };
    Ok(t)
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

/// Whether the managers are to be nudged about `r` now.
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::audit::Source;
    use crate::domain::deadline::Deadline;
    use crate::domain::ids::{ChatId, OpenId, ProjectId, RequirementId};
    use crate::domain::priority::Priority;
    use crate::domain::project::{ProjectAction, StageTemplate};
    use crate::domain::requirement::NewRequirement;
    use crate::domain::supervision::{Actor, Policy};

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn person(id: &str, name: &str) -> Person {
        Person {
            open_id: OpenId(id.to_owned()),
            name: name.to_owned(),
        }
    }

    /// XM-1 created Wed 2026-03-11 10:00, 需求对接 planned for Thu 12 18:00, owned by 李四.
    fn project() -> Project {
        let p = Project::create(
            ProjectId(1),
            ChatId("oc_g".to_owned()),
            "营业部开户流程优化",
            person("ou_zs", "张三"),
            &StageTemplate::default_five(),
            ts("2026-03-11T10:00:00+08:00"),
        );
        let (p, _) = p
            .apply(
                ProjectAction::Plan {
                    stage: "1".to_owned(),
                    owner: Some(person("ou_ls", "李四")),
                    planned_end: Some(Deadline {
                        at: ts("2026-03-12T18:00:00+08:00"),
                        has_time: false,
                    }),
                },
                &Actor {
                    person: person("ou_zs", "张三"),
                },
                &Policy::default(),
                ts("2026-03-11T10:00:00+08:00"),
                Source::System,
            )
            .unwrap();
        p
    }

    fn policy() -> ReminderPolicy {
        ReminderPolicy::default()
    }

    #[test]
    fn a_stage_is_first_checked_at_its_planned_end_moved_to_the_next_working_morning() {
        let cal = Calendar::builtin();
        let next = next_project_check(
            &project(),
            &WatchState::default(),
            ts("2026-03-11T10:00:00+08:00"),
            &policy(),
            &cal,
            5,
        )
        .unwrap()
        .unwrap();
        // Thu 18:00 is after hours → Fri morning, 09:0x.
        let l = local(next);
        assert_eq!(l.date().to_string(), "2026-03-13");
        assert_eq!(l.hour(), 9);
    }

    #[test]
    fn a_late_stage_nudges_its_owner_once_per_working_day() {
        let cal = Calendar::builtin();
        let p = project();
        let fri = ts("2026-03-13T09:05:00+08:00");
        let mut s = WatchState::default();
        let due = project_due_now(&p, &s, fri, &policy(), &cal, 5).unwrap();
        assert!(
            matches!(&due[..], [ProjectCheck::LateStage { owner, .. }] if owner.name == "李四"),
            "{due:?}"
        );
        mark_project_sent(&p, &mut s, &due, fri);
        let later = ts("2026-03-13T15:00:00+08:00");
        assert!(
            project_due_now(&p, &s, later, &policy(), &cal, 5)
                .unwrap()
                .is_empty()
        );
        // Next check: Monday morning (the weekend is skipped).
        let next = next_project_check(&p, &s, later, &policy(), &cal, 5)
            .unwrap()
            .unwrap();
        assert_eq!(local(next).date().to_string(), "2026-03-16");
    }

    #[test]
    fn nothing_is_sent_outside_working_hours() {
        let cal = Calendar::builtin();
        let sat = ts("2026-03-14T10:00:00+08:00");
        assert!(
            project_due_now(&project(), &WatchState::default(), sat, &policy(), &cal, 5)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn a_project_without_movement_is_flagged_after_n_working_days_and_again_after_2n() {
        let cal = Calendar::builtin();
        let mut p = project();
        p.stages[0].planned_end = None;
        let mut s = WatchState::default();
        // Created Wed 11; five working days later is Wed 18.
        let next = next_project_check(&p, &s, p.created_at, &policy(), &cal, 5)
            .unwrap()
            .unwrap();
        assert_eq!(local(next).date().to_string(), "2026-03-18");
        let due = project_due_now(&p, &s, next, &policy(), &cal, 5).unwrap();
        assert_eq!(due, vec![ProjectCheck::Stalled { workdays: 5 }]);
        mark_project_sent(&p, &mut s, &due, next);
        assert!(
            project_due_now(&p, &s, next, &policy(), &cal, 5)
                .unwrap()
                .is_empty()
        );
        let again = next_project_check(&p, &s, next, &policy(), &cal, 5)
            .unwrap()
            .unwrap();
        assert_eq!(local(again).date().to_string(), "2026-03-25");
    }

    #[test]
    fn a_done_project_is_not_watched() {
        let mut p = project();
        p.status = ProjectStatus::Done;
        let cal = Calendar::builtin();
        assert_eq!(
            next_project_check(&p, &WatchState::default(), p.created_at, &policy(), &cal, 5).unwrap(),
            None
        );
    }

    fn requirement() -> Requirement {
        Requirement::create(
            RequirementId(1),
            NewRequirement {
                chat_id: ChatId("oc_b".to_owned()),
                title: "两融开户线上化".to_owned(),
                unit: None,
                scenario: None,
                expected: None,
                priority: Priority::P2,
                contact: None,
                description: None,
                submitter: person("ou_b", "营业部"),
            },
            ts("2026-03-11T10:00:00+08:00"),
        )
    }

    #[test]
    fn an_untriaged_requirement_nudges_after_the_sla_once_per_working_day() {
        let cal = Calendar::builtin();
        let r = requirement();
        let mut s = WatchState::default();
        // Submitted Wed; SLA 2 working days → overdue from Mon 16 (Thu, Fri counted).
        let next = next_requirement_check(&r, &s, r.created_at, &policy(), &cal, 2)
            .unwrap()
            .unwrap();
        assert_eq!(local(next).date().to_string(), "2026-03-16");
        assert!(requirement_due_now(&r, &s, next, &policy(), &cal, 2).unwrap());
        s.nudged_on = Some(local(next).date());
        assert!(!requirement_due_now(&r, &s, next, &policy(), &cal, 2).unwrap());
        let again = next_requirement_check(&r, &s, next, &policy(), &cal, 2)
            .unwrap()
            .unwrap();
        assert_eq!(local(again).date().to_string(), "2026-03-17");
    }
}
