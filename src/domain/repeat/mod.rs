//! Recurring items (pure): a series of ordinary items, one per period of a cadence
//! ([`crate::domain::cadence::Cadence`]), never two open at once.
//!
//! A series is named by its first occurrence's number (`DB-5` and every later occurrence say
//! "第N期" of the series of DB-5): users already know that number, and any occurrence's number
//! addresses the series (`/督办 重复 停止 DB-9`), so no second kind of id is needed.
//!
//! Each occurrence owns one period of the cadence (the week, month, quarter or working day) and
//! is due on the cadence's day in it at the first occurrence's time of day; a day off moves the
//! deadline to the next working day (遇节假日顺延). A period without any working day (a week
//! wholly inside the Spring Festival) has no occurrence. The next occurrence takes the first
//! period after the current one whose deadline is still ahead, so a series that was left
//! overdue for weeks resumes with the current period rather than a string of overdue items.
//!
//! When the next one is created ([`NextWhen`]) is decided by the service; this module answers
//! which period and deadline it has ([`next_occurrence`]), whether a rule can be met by the
//! first deadline at all ([`first_occurrence`]), and when a period starts ([`period_start_at`]).

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
pub use crate::domain::cadence::Cadence;
use crate::domain::ids::{ItemId, Person};
use crate::domain::time::{SHANGHAI, local};

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

/// The hour a period's first working day starts, for [`NextWhen::PeriodStart`].
const PERIOD_START_HOUR: i8 = 9;
/// The most periods looked at when searching the next occurrence (ten years of working days).
const MAX_PERIODS: usize = 2_600;

/// When the next occurrence of a series is created (`[repeat] next`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NextWhen {
    /// As soon as the current one closes (accepted or cancelled), even before its period.
    OnClose,
    /// When its period starts (09:00 of the period's first working day), and not before; if the
    /// current one is still open then, as soon as it closes.
    PeriodStart,
    /// Whichever comes first of the two (the default). A series never has two open
    /// occurrences, so an open one holds the next back until it closes.
    #[default]
    First,
}

/// A series of recurring items, as stored (the per-series cursor of the rollover).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    /// The first occurrence, which names the series.
    pub id: ItemId,
    /// The rule as typed after `重复：` (read with [`Cadence::parse`]).
    pub rule: String,
    /// The first occurrence's deadline date before any holiday move (the cadence's anchor:
    /// the weekday or day of month when the rule does not name one).
    pub anchor: Date,
    /// The time of day every occurrence is due.
    pub time: Time,
    /// Whether that time was typed (otherwise the 18:00 default of a date).
    pub has_time: bool,
    /// The open (or last) occurrence.
    pub current: ItemId,
    /// Its number, 1 for the first.
    pub number: u32,
    /// The first day of its period.
    pub period_start: Date,
    /// The last day of its period.
    pub period_end: Date,
    /// The day the current occurrence was planned for (after any holiday move): the next one
    /// is strictly later.
    pub due: Date,
    /// With [`NextWhen::PeriodStart`]: the current one closed before the next period started;
    /// the next occurrence is created at this instant (by the scheduler).
    #[serde(default)]
    pub next_at: Option<Timestamp>,
    /// Set once the series was ended (`/督办 重复 停止`).
    #[serde(default)]
    pub stopped: Option<Stopped>,
}

/// Who ended a series, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stopped {
    /// Who.
    pub by: Person,
    /// When.
    pub at: Timestamp,
}

/// Which occurrence an item is (tree beside the item).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// The series (its first item).
    pub series: ItemId,
    /// 第N期.
    pub number: u32,
}

/// One period and the deadline of its occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planned {
    /// First day of the period.
    pub period_start: Date,
    /// Last day of the period.
    pub period_end: Date,
    /// When the occurrence is due.
    pub deadline: Timestamp,
}

/// Why a series cannot be planned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RepeatError {
    /// The first deadline lies beyond the first period the rule gives (每个工作日 with a deadline
    /// next month): the occurrences in between could never be met.
    #[error("截止时间在 {deadline} 之后的周期里，而「{rule}」每期都要在当期内完成")]
    TooFar {
        /// The rule, described.
        rule: String,
        /// The latest date the first deadline may have.
        deadline: String,
    },
    /// The working-day calendar has no data for a date the series needs.
    #[error("工作日历缺少 {0} 年的数据，无法安排下一期")]
    Calendar(i16),
}

/// The instant `date` at `time`, in Asia/Shanghai.
pub fn at(date: Date, time: Time) -> Timestamp {
    date.to_datetime(time)
        .to_zoned_datetime(jiff::tz::TimeZone::fixed(SHANGHAI))
        .map_or(Timestamp::UNIX_EPOCH, |z| z.timestamp())
}

fn next_day(d: Date) -> Date {
    d.tomorrow().unwrap_or(d)
}

fn cal_err(d: Date) -> RepeatError {
    RepeatError::Calendar(d.year())
}

/// Whether the period `[start, end]` has a day the cadence counts (a working or trading day).
fn has_workday(c: &Cadence, start: Date, end: Date, cal: &Calendar) -> Result<bool, RepeatError> {
    Ok(cal
        .last_in(start, end, c.day_rule())
        .map_err(|_| cal_err(start))?
        .is_some())
}

/// `d`, or the next day the cadence counts when it is a day off (遇节假日顺延).
pub fn moved(c: &Cadence, d: Date, cal: &Calendar) -> Result<Date, RepeatError> {
    cal.first_on_or_after(d, c.day_rule()).map_err(|_| cal_err(d))
}

/// The cadence a series follows: a plain 每周 keeps the first deadline's weekday (the shared
/// cadence would open each week on its first working day, which suits meetings, not
/// deadlines).
pub fn for_items(c: Cadence, anchor: Date) -> Cadence {
    match c {
        Cadence::Weekly { weekday: None, time } => Cadence::Weekly {
            weekday: Some(anchor.weekday()),
            time,
        },
        other => other,
    }
}

/// The rule in words, without the shared cadence's holiday clause (the card adds its own).
pub fn describe(c: &Cadence) -> String {
    let d = c.describe();
    d.split('；').next().unwrap_or(&d).to_owned()
}

/// The first occurrence of `cadence` for a deadline typed as `deadline` at `now`: its period
/// and its deadline (moved off a day off). Refused when the deadline is later than the end of
/// the first period after today's that has a working day.
///
/// # Errors
/// [`RepeatError::TooFar`], [`RepeatError::Calendar`].
pub fn first_occurrence(
    cadence: &Cadence,
    deadline: Timestamp,
    now: Timestamp,
    cal: &Calendar,
) -> Result<Planned, RepeatError> {
    let typed = local(deadline);
    let anchor = typed.date();
    let cadence = &for_items(*cadence, anchor);
    let date = moved(cadence, anchor, cal)?;
    let today = local(now).date();
    // The latest period the first deadline may fall in: the one after today's (with work).
    let (_, today_end) = cadence.period_of_anchored(today, anchor);
    let mut from = next_day(today_end);
    let mut latest = today_end;
    for _ in 0..MAX_PERIODS {
        let (s, e) = cadence.period_of_anchored(from, anchor);
        latest = e;
        if has_workday(cadence, s, e, cal)? {
            break;
        }
        from = next_day(e);
    }
    if date > latest {
        return Err(RepeatError::TooFar {
            rule: describe(cadence),
            deadline: format!("{}月{}日", latest.month(), latest.day()),
        });
    }
    let (mut s, mut e) = cadence.period_of_anchored(anchor, anchor);
    if !has_workday(cadence, s, e, cal)? {
        (s, e) = cadence.period_of_anchored(date, anchor);
    }
    Ok(Planned {
        period_start: s,
        period_end: e,
        deadline: at(date, typed.time()),
    })
}

/// The occurrence after `series`'s current one, as of `now`: the first later period with a
/// working day whose deadline is still ahead.
///
/// # Errors
/// [`RepeatError::Calendar`] when the calendar runs out.
pub fn next_occurrence(
    cadence: &Cadence,
    series: &Series,
    now: Timestamp,
    cal: &Calendar,
) -> Result<Planned, RepeatError> {
    let cadence = &for_items(*cadence, series.anchor);
    let mut from = next_day(series.period_end);
    for _ in 0..MAX_PERIODS {
        let (s, e) = cadence.period_of_anchored(from, series.anchor);
        from = next_day(e);
        if !has_workday(cadence, s, e, cal)? {
            continue;
        }
        let day = occurrence_in(cadence, s, e, series.anchor, cal)?;
        if day <= series.due {
            // The previous occurrence was moved onto or past this one's day: one deadline.
            continue;
        }
        let deadline = at(day, series.time);
        if deadline > now {
            return Ok(Planned {
                period_start: s,
                period_end: e,
                deadline,
            });
        }
    }
    Err(cal_err(from))
}

/// The occurrence of the period `s..=e`: its own nominal day moved off a day off. The shared
/// [`Cadence::occurrence_on_or_after`] answers "the first occurrence on or after a day", which
/// for a meeting rightly includes an earlier period's occurrence that a holiday pushed into
/// this one; a series needs this period's own day, so the day-of-week and day-of-month
/// cadences are placed here (the working-day ones never leave their period).
fn occurrence_in(c: &Cadence, s: Date, e: Date, anchor: Date, cal: &Calendar) -> Result<Date, RepeatError> {
    let nominal = match *c {
        Cadence::Weekly { weekday, .. } | Cadence::Biweekly { weekday, .. } => {
            let wd = weekday.unwrap_or(anchor.weekday());
            s.checked_add(jiff::Span::new().days(i64::from(wd.to_monday_zero_offset())))
                .unwrap_or(s)
        }
        Cadence::MonthDay { day, .. } => {
            let day = i8::try_from(day).unwrap_or(31).min(e.day());
            Date::new(s.year(), s.month(), day).unwrap_or(e)
        }
        _ => return c.occurrence_on_or_after(s, anchor, cal).map_err(|_| cal_err(s)),
    };
    moved(c, nominal, cal)
}

/// When the period of `p` starts for [`NextWhen::PeriodStart`]: 09:00 on its first working day
/// (never after the deadline).
///
/// # Errors
/// [`RepeatError::Calendar`].
pub fn period_start_at(c: &Cadence, p: &Planned, cal: &Calendar) -> Result<Timestamp, RepeatError> {
    let first = moved(c, p.period_start, cal)?;
    let start = at(first, Time::constant(PERIOD_START_HOUR, 0, 0, 0));
    Ok(start.min(p.deadline))
}

impl Series {
    /// Whether the series still makes new occurrences.
    pub fn is_active(&self) -> bool {
        self.stopped.is_none()
    }
}
