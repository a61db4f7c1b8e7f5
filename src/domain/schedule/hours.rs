//! Working hours (pure): which instants are inside `quiet_start`–`quiet_end` on a working
//! day, moving a time to the next working morning (with a per-item spread), and adding working
//! minutes.

use jiff::civil::{Date, Time};
use jiff::{SignedDuration, Timestamp};

use crate::calendar::{Calendar, CalendarError};
use crate::domain::ids::ItemId;
use crate::domain::schedule::ReminderPolicy;
use crate::domain::time::{SHANGHAI, local};

pub(super) fn hm(t: (i8, i8)) -> Time {
    Time::new(t.0.clamp(0, 23), t.1.clamp(0, 59), 0, 0).unwrap_or(Time::midnight())
}

pub(super) fn instant(d: Date, t: Time) -> Result<Timestamp, CalendarError> {
    SHANGHAI
        .to_timestamp(d.to_datetime(t))
        .map_err(|_| CalendarError::NoData { year: d.year() })
}

pub(super) fn plus(t: Timestamp, d: SignedDuration) -> Result<Timestamp, CalendarError> {
    t.checked_add(d).map_err(|_| CalendarError::NoData {
        year: local(t).date().year(),
    })
}

/// Whether `t` is inside working hours: `quiet_start` ≤ local time < `quiet_end` on a day that
/// counts under `p.day_rule`.
///
/// # Errors
/// [`CalendarError::NoData`] for a year without calendar data.
pub fn in_working_hours(t: Timestamp, p: &ReminderPolicy, cal: &Calendar) -> Result<bool, CalendarError> {
    let dt = local(t);
    let time = dt.time();
    Ok(time >= hm(p.quiet_start) && time < hm(p.quiet_end) && cal.counts(dt.date(), p.day_rule)?)
}

/// The working morning of `day` for `item`: `quiet_start` plus 1..=`spread_minutes` minutes
/// (by item id), skipping :00 and :30.
pub(super) fn morning(day: Date, item: ItemId, p: &ReminderPolicy) -> Result<Timestamp, CalendarError> {
    let spread = u64::from(p.spread_minutes.max(1));
    let first = 1 + (item.0 % spread);
    let start = day.to_datetime(hm(p.quiet_start));
    let mut dt = start;
    for minutes in first..first + 3 {
        let m = i64::try_from(minutes).unwrap_or(1);
        dt = start
            .checked_add(SignedDuration::from_mins(m))
            .map_err(|_| CalendarError::NoData { year: day.year() })?;
        if dt.minute() != 0 && dt.minute() != 30 {
            break;
        }
    }
    SHANGHAI
        .to_timestamp(dt)
        .map_err(|_| CalendarError::NoData { year: day.year() })
}

/// The first working day whose morning is at or after `t`'s moment (today if before
/// `quiet_start` on a working day, otherwise the next working day).
pub(super) fn next_working_day(
    t: Timestamp,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Date, CalendarError> {
    let dt = local(t);
    let d = dt.date();
    if dt.time() < hm(p.quiet_start) && cal.counts(d, p.day_rule)? {
        Ok(d)
    } else {
        cal.nth_after(d, 1, p.day_rule)
    }
}

/// `t` if it is inside working hours; otherwise the next working morning at `quiet_start` plus a
/// spread of 1..=`spread_minutes` minutes chosen by `item` (never exactly :00 or :30), and `true`.
///
/// # Errors
/// [`CalendarError::NoData`] for a year without calendar data.
pub fn adjust_to_working_hours(
    t: Timestamp,
    item: ItemId,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<(Timestamp, bool), CalendarError> {
    if in_working_hours(t, p, cal)? {
        return Ok((t, false));
    }
    let day = next_working_day(t, p, cal)?;
    Ok((morning(day, item, p)?, true))
}

/// `start` plus `minutes` minutes counted only inside working hours on working days.
pub(super) fn add_work_minutes(
    start: Timestamp,
    minutes: u32,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Timestamp, CalendarError> {
    let mut left = SignedDuration::from_mins(i64::from(minutes));
    let mut t = start;
    let mut day = local(start).date();
    loop {
        if cal.counts(day, p.day_rule)? {
            let open = instant(day, hm(p.quiet_start))?;
            let close = instant(day, hm(p.quiet_end))?;
            let from = t.max(open);
            if from < close {
                let avail = from.duration_until(close);
                if left <= avail {
                    return plus(from, left);
                }
                left -= avail;
            }
        }
        day = day
            .tomorrow()
            .map_err(|_| CalendarError::NoData { year: day.year() })?;
        t = instant(day, Time::midnight())?;
    }
}
