//! The reminder policy (pure): which reminders an item is due at `now`, and when the next
//! one falls.
//!
//! Three independent streams per open item:
//! - **签收**: still 待签收 `ack_within_work_minutes` working minutes after creation → 主办.
//! - **the deadline ladder**: 10:00 on the working day before the deadline's day, `hours_before`
//!   hours before a deadline with a clock time (主办 + 协办), the deadline itself, then every
//!   working day at 10:00 "已逾期N个工作日" (主办; from day 2 also the 督办人; from day 3 加急 and
//!   the group's leaders). Only the LATEST passed step is ever due, so after downtime one
//!   reminder is sent, not one per missed step.
//! - **延期申请**: a request unanswered for `extension_unanswered_workdays` working days → 督办人.
//!
//! Every reminder is identified by a key (item, rule, occurrence: the deadline it was computed
//! for, the overdue day, the request time) recorded in [`NudgeState::sent`], so nothing is sent
//! twice and an extended deadline re-arms the ladder. Quiet hours apply to everything: a time
//! outside `quiet_start`–`quiet_end` on a working day (per `day_rule`) moves to the next working
//! morning plus a per-item spread (never on :00 or :30). 稍后提醒 and 处理中 hold everything
//! back until the snooze ends / the next working morning. 待验收 items wait on the 督办人 and
//! are not chased; closed items never are.

use std::collections::BTreeSet;

use jiff::{SignedDuration, Timestamp};

use crate::calendar::{Calendar, CalendarError};
use crate::domain::item::Item;
use crate::domain::status::Status;
use crate::domain::time::local;

mod hours;
mod text;
mod types;

use self::hours::{add_work_minutes, hm, instant, morning, next_working_day, plus};
pub use self::hours::{adjust_to_working_hours, in_working_hours};
use self::text::plan;
use self::types::Occ;
pub use self::types::{
    NudgeKind, NudgeState, PlannedNudge, ProgressAsk, ReminderPolicy, SnoozeChoice, SnoozeError,
};

fn occ(
    kind: NudgeKind,
    scheduled: Timestamp,
    item: &Item,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Occ, CalendarError> {
    let (at, moved) = adjust_to_working_hours(scheduled, item.id, p, cal)?;
    Ok(Occ {
        kind,
        scheduled,
        at,
        moved,
    })
}

/// Whether the owner is being chased at all (待签收 or 进行中).
fn chased(item: &Item) -> bool {
    matches!(item.status, Status::Pending | Status::InProgress)
}

fn unack_occ(item: &Item, p: &ReminderPolicy, cal: &Calendar) -> Result<Option<Occ>, CalendarError> {
    if item.status != Status::Pending {
        return Ok(None);
    }
    let when = add_work_minutes(item.created_at, p.ack_within_work_minutes, p, cal)?;
    occ(NudgeKind::Unacknowledged, when, item, p, cal).map(Some)
}

fn extension_occ(item: &Item, p: &ReminderPolicy, cal: &Calendar) -> Result<Option<Occ>, CalendarError> {
    let Some(ext) = item.extension.as_ref().filter(|_| chased(item)) else {
        return Ok(None);
    };
    let day_len = hm(p.quiet_start).duration_until(hm(p.quiet_end)).as_mins().max(0);
    let total = u32::try_from(day_len)
        .unwrap_or(0)
        .saturating_mul(p.extension_unanswered_workdays);
    let when = add_work_minutes(ext.requested_at, total, p, cal)?;
    occ(NudgeKind::ExtensionPending, when, item, p, cal).map(Some)
}

/// The 进展征集 requests the item carries, with when their meeting starts (a request is due
/// from its time, moved out of quiet hours like any reminder, until the meeting starts).
fn ask_occs(
    item: &Item,
    state: &NudgeState,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Vec<(Occ, Timestamp)>, CalendarError> {
    let mut out = Vec::with_capacity(state.asks.len());
    for a in &state.asks {
        out.push((occ(a.kind(), a.at, item, p, cal)?, a.meeting_at));
    }
    Ok(out)
}

/// DayBefore, HoursBefore and AtDeadline, those that apply, in ladder order.
fn fixed_steps(item: &Item, p: &ReminderPolicy, cal: &Calendar) -> Result<Vec<Occ>, CalendarError> {
    let mut out = Vec::new();
    let d = local(item.deadline).date();
    if let Ok(before) = d.yesterday() {
        let prev = cal.last_on_or_before(before, p.day_rule)?;
        let when = instant(prev, hm(p.day_before_at))?;
        let o = occ(NudgeKind::DayBefore, when, item, p, cal)?;
        if when > item.created_at && o.at < item.deadline {
            out.push(o);
        }
    }
    if item.deadline_has_time && p.hours_before > 0 {
        let when = plus(
            item.deadline,
            -SignedDuration::from_hours(i64::from(p.hours_before)),
        )?;
        let o = occ(NudgeKind::HoursBefore, when, item, p, cal)?;
        if when > item.created_at && o.at < item.deadline {
            out.push(o);
        }
    }
    out.push(occ(NudgeKind::AtDeadline, item.deadline, item, p, cal)?);
    Ok(out)
}

fn overdue_occ(item: &Item, day: u32, p: &ReminderPolicy, cal: &Calendar) -> Result<Occ, CalendarError> {
    let d = cal.nth_after(local(item.deadline).date(), day, p.day_rule)?;
    let when = instant(d, hm(p.overdue_daily_at))?;
    occ(NudgeKind::Overdue { day }, when, item, p, cal)
}

/// Overdue days already started at `t` (counting days in `(deadline date, t's date]`).
fn overdue_days(item: &Item, t: Timestamp, p: &ReminderPolicy, cal: &Calendar) -> Result<u32, CalendarError> {
    let d = local(item.deadline).date();
    let today = local(t).date();
    if today <= d {
        return Ok(0);
    }
    cal.count_between(d, today, p.day_rule)
}

/// The latest ladder step whose time is ≤ `t`.
fn latest_step(
    item: &Item,
    t: Timestamp,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Option<Occ>, CalendarError> {
    if !chased(item) {
        return Ok(None);
    }
    let n = overdue_days(item, t, p, cal)?;
    for day in [n, n.saturating_sub(1)] {
        if day >= 1 {
            let o = overdue_occ(item, day, p, cal)?;
            if o.at <= t {
                return Ok(Some(o));
            }
        }
    }
    let steps = fixed_steps(item, p, cal)?;
    Ok(steps.into_iter().rev().find(|o| o.at <= t))
}

/// The earliest ladder step whose time is > `t`.
fn next_step(
    item: &Item,
    t: Timestamp,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Option<Timestamp>, CalendarError> {
    if !chased(item) {
        return Ok(None);
    }
    let mut times: Vec<Timestamp> = fixed_steps(item, p, cal)?.iter().map(|o| o.at).collect();
    let n = overdue_days(item, t, p, cal)?;
    for day in [n, n.saturating_add(1)] {
        if day >= 1 {
            times.push(overdue_occ(item, day, p, cal)?.at);
        }
    }
    Ok(times.into_iter().filter(|at| *at > t).min())
}

/// Snooze and 处理中: nothing goes out before this instant (always inside working hours).
fn resume_at(
    item: &Item,
    state: &NudgeState,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Option<Timestamp>, CalendarError> {
    let mut resume = None;
    if let Some(s) = state.snoozed_until {
        resume = Some(adjust_to_working_hours(s, item.id, p, cal)?.0);
    }
    if let Some(d) = state.working_on {
        let next = morning(cal.nth_after(d, 1, p.day_rule)?, item.id, p)?;
        resume = resume.max(Some(next));
    }
    Ok(resume)
}

/// Every reminder due at `now` whose key is not in `state.sent`, collapsed per item: of the
/// deadline ladder only the latest passed step (after downtime: the latest overdue day), the
/// 签收 reminder only while the item is not yet overdue, and the extension reminder. Nothing
/// before a snooze ends (what it held back comes out then); on a 处理中 day nothing, and what
/// fell on that day is dropped, not delayed. Nothing for 待验收, done or cancelled items.
///
/// # Errors
/// [`CalendarError::NoData`] when a rule needs a year without calendar data.
pub fn due_now(
    item: &Item,
    state: &NudgeState,
    now: Timestamp,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Vec<PlannedNudge>, CalendarError> {
    let Some((due, resume)) = due_occs(item, state, now, p, cal)? else {
        return Ok(Vec::new());
    };
    Ok(due
        .into_iter()
        .map(|(o, key)| plan(item, o, key, resume, &state.asks, p, cal))
        .collect())
}

/// What [`due_now`] returns, before its texts are written: the occurrences with their keys,
/// and when a snooze ends. `None`: nothing (not chased, or snoozed at `now`).
#[allow(clippy::type_complexity)]
fn due_occs(
    item: &Item,
    state: &NudgeState,
    now: Timestamp,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Option<(Vec<(Occ, String)>, Option<Timestamp>)>, CalendarError> {
    if !chased(item) {
        return Ok(None);
    }
    let resume = resume_at(item, state, p, cal)?;
    if resume.is_some_and(|r| now < r) {
        return Ok(None);
    }
    // 处理中 drops (rather than delays) whatever fell on that day.
    let fresh = |o: &Occ| o.at <= now && state.working_on.is_none_or(|d| local(o.at).date() > d);
    let step = latest_step(item, now, p, cal)?;
    let overdue = step.is_some_and(|o| o.kind.is_past_deadline());
    let mut due: Vec<Occ> = Vec::new();
    if let Some(u) = unack_occ(item, p, cal)?.filter(|u| fresh(u) && !overdue) {
        due.push(u);
    }
    due.extend(step.filter(|o| fresh(o)));
    if let Some(e) = extension_occ(item, p, cal)?.filter(|e| fresh(e)) {
        due.push(e);
    }
    // 进展征集: held back by a snooze or 处理中 like the rest, never dropped before its meeting.
    for (o, meeting_at) in ask_occs(item, state, p, cal)? {
        if o.at <= now && now < meeting_at {
            due.push(o);
        }
    }
    let due = due
        .into_iter()
        .map(|o| (o, o.kind.key(item)))
        .filter(|(_, key)| !state.sent.contains(key))
        .collect();
    Ok(Some((due, resume)))
}

/// The keys of what [`due_now`] returns (without writing the texts).
fn due_keys(
    item: &Item,
    state: &NudgeState,
    now: Timestamp,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Vec<String>, CalendarError> {
    Ok(due_occs(item, state, now, p, cal)?
        .map(|(due, _)| due.into_iter().map(|(_, key)| key).collect())
        .unwrap_or_default())
}

/// The earliest instant after `now` at which [`due_now`] returns a reminder that it does not
/// return at `now` and that is not in `state.sent` (always inside working hours); `None` when
/// nothing more will come (closed or 待验收 items). The engine keys its due-index on this and
/// recomputes it whenever the item or its state changes.
///
/// # Errors
/// [`CalendarError::NoData`] when a rule needs a year without calendar data.
pub fn next_fire(
    item: &Item,
    state: &NudgeState,
    now: Timestamp,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Option<Timestamp>, CalendarError> {
    if !chased(item) {
        return Ok(None);
    }
    let already: BTreeSet<String> = due_keys(item, state, now, p, cal)?.into_iter().collect();
    let resume = resume_at(item, state, p, cal)?;
    let mut fixed: Vec<Timestamp> = Vec::new();
    fixed.extend(unack_occ(item, p, cal)?.map(|o| o.at));
    fixed.extend(extension_occ(item, p, cal)?.map(|o| o.at));
    fixed.extend(resume);
    for (o, meeting_at) in ask_occs(item, state, p, cal)? {
        fixed.extend(Some(o.at).filter(|at| *at < meeting_at));
    }
    let mut cursor = now;
    // Each round moves past one candidate; keys already sent (a clock that jumped back) are
    // skipped. The bound only guards against a pathological state.
    for _ in 0..1000 {
        let ladder = next_step(item, cursor, p, cal)?;
        let Some(candidate) = fixed.iter().copied().filter(|t| *t > cursor).chain(ladder).min() else {
            return Ok(None);
        };
        let at = resume.map_or(candidate, |r| r.max(candidate));
        if at > now {
            let fresh = due_keys(item, state, at, p, cal)?
                .iter()
                .any(|key| !already.contains(key));
            if fresh {
                return Ok(Some(at));
            }
        }
        cursor = candidate;
    }
    Ok(None)
}

/// Records `sent` as sent at `now`; the 进展征集 requests sent, or whose meeting has started,
/// are let go.
pub fn mark_sent(state: &mut NudgeState, sent: &[PlannedNudge], now: Timestamp) {
    for n in sent {
        if state.sent.insert(n.key.clone()) {
            state.auto_nudges = state.auto_nudges.saturating_add(1);
        }
    }
    state
        .asks
        .retain(|a| a.meeting_at > now && !sent.iter().any(|n| n.kind == a.kind()));
    if !sent.is_empty() {
        state.last_sent_at = Some(now);
    }
}

/// How many overdue chases were sent for the item: the reminder when the deadline passed and
/// one per overdue working day ([`NudgeKind::AtDeadline`], [`NudgeKind::Overdue`]). With manual
/// 催办 they are what 统计 counts as 被催办; the routine reminders before the deadline (签收,
/// the day before, hours before) and the extension reminder are not chasing.
pub fn overdue_chases(state: &NudgeState) -> u32 {
    let n = state
        .sent
        .iter()
        .filter(|key| {
            // Keys are `DB-n:<rule>:…` (see `NudgeKind::key`).
            matches!(key.split(':').nth(1), Some("deadline" | "overdue"))
        })
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// 稍后提醒: holds every reminder of the item back until the returned instant (inside working
/// hours).
///
/// # Errors
/// [`SnoozeError::Capped`] once the item was snoozed `snooze_cap` times;
/// [`SnoozeError::Calendar`] for a year without data.
pub fn snooze(
    state: &mut NudgeState,
    choice: SnoozeChoice,
    now: Timestamp,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Timestamp, SnoozeError> {
    if state.snooze_count >= p.snooze_cap {
        return Err(SnoozeError::Capped { cap: p.snooze_cap });
    }
    let today = local(now).date();
    let start = hm(p.quiet_start);
    let wanted = match choice {
        SnoozeChoice::OneHour => plus(now, SignedDuration::from_hours(1))?,
        SnoozeChoice::TomorrowMorning => {
            let tomorrow = today
                .tomorrow()
                .map_err(|_| CalendarError::NoData { year: today.year() })?;
            instant(tomorrow, start)?
        }
        SnoozeChoice::NextWorkday => instant(cal.nth_after(today, 1, p.day_rule)?, start)?,
    };
    let until = if in_working_hours(wanted, p, cal)? {
        wanted
    } else {
        instant(next_working_day(wanted, p, cal)?, start)?
    };
    state.snoozed_until = Some(until);
    state.snooze_count = state.snooze_count.saturating_add(1);
    Ok(until)
}

/// 处理中: no more reminders for the item on `now`'s local day.
pub fn mark_working(state: &mut NudgeState, now: Timestamp) {
    state.working_on = Some(local(now).date());
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod ask_tests;
