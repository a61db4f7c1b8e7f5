//! What resolution reads: `now`, today, the calendar, the limits; and a candidate.

use jiff::civil::Date;
use jiff::tz::Offset;
use jiff::{Timestamp, ToSpan};

use super::super::error::DeadlineError;
use super::super::grammar::YearSpec;
use crate::calendar::{Calendar, CalendarError};

/// Asia/Shanghai: UTC+08:00 all year, no daylight saving.
pub(in crate::command::when) const SHANGHAI: Offset = Offset::constant(8);

/// Largest counts accepted; beyond them the calendar or the clock cannot answer anyway.
pub(super) const MAX_DAYS: i64 = 36_600;
pub(super) const MAX_MONTHS: i64 = 1_200;
pub(super) const MAX_YEARS: i64 = 100;
pub(super) const MAX_COUNT: i64 = 10_000;
pub(super) const MAX_MINUTES: i64 = 60 * 24 * 366;
/// A month-day without a year that passed at most this many days ago is refused as past rather
/// than moved to next year (see [`refuse_recent_past`]).
pub const RECENT_PAST_DAYS: i64 = 60;

/// What one resolution needs.
pub(in crate::command::when) struct Ctx<'a> {
    pub(in crate::command::when) input: &'a str,
    pub(in crate::command::when) now: Timestamp,
    pub(in crate::command::when) today: Date,
    pub(in crate::command::when) cal: &'a Calendar,
    /// A trailing 前 (or 截止…) was present (C9).
    pub(in crate::command::when) before: bool,
}

/// One candidate day of a form.
pub(in crate::command::when) enum Cand {
    /// Try this day.
    Day(Date),
    /// This period has no suitable day; try the next candidate.
    Skip,
    /// No more candidates.
    End,
}

impl Ctx<'_> {
    pub(super) fn input(&self) -> String {
        self.input.to_owned()
    }

    pub(super) fn past(&self) -> DeadlineError {
        DeadlineError::Past { input: self.input() }
    }

    pub(super) fn out_of_range(&self) -> DeadlineError {
        DeadlineError::OutOfRange { input: self.input() }
    }

    pub(super) fn cal(&self, e: CalendarError) -> DeadlineError {
        let year = match e {
            CalendarError::NoData { year } => year,
            CalendarError::BadData { .. } => self.today.year(),
        };
        DeadlineError::NoCalendar {
            input: self.input(),
            year,
        }
    }

    pub(super) fn ambiguous(&self, hint: &'static str) -> DeadlineError {
        DeadlineError::Ambiguous {
            input: self.input(),
            hint,
        }
    }

    pub(super) fn add_days(&self, d: Date, n: i64) -> Result<Date, DeadlineError> {
        d.checked_add(n.days()).map_err(|_| self.out_of_range())
    }

    pub(super) fn add_months(&self, d: Date, n: i64) -> Result<Date, DeadlineError> {
        d.checked_add(n.months()).map_err(|_| self.out_of_range())
    }

    pub(super) fn year(&self, spec: YearSpec) -> Result<i16, DeadlineError> {
        let y = match spec {
            YearSpec::Abs(y) => y,
            YearSpec::Rel(r) => i64::from(self.today.year()) + r,
        };
        i16::try_from(y)
            .ok()
            .filter(|y| (1..=9999).contains(y))
            .ok_or_else(|| self.out_of_range())
    }

    /// A checked date; `month` and `day` already known to be 1–12 and 1–31.
    pub(super) fn date(&self, year: i16, month: i64, day: i64) -> Result<Date, DeadlineError> {
        let (m, d) = (i8::try_from(month).unwrap_or(0), i8::try_from(day).unwrap_or(0));
        let first = Date::new(year, m, 1).map_err(|_| self.out_of_range())?;
        let days = first.days_in_month();
        if d > days {
            return Err(DeadlineError::NoSuchDay {
                input: self.input(),
                year,
                month: m,
                days,
            });
        }
        Date::new(year, m, d).map_err(|_| self.out_of_range())
    }

    pub(super) fn check_month(&self, month: i64) -> Result<(), DeadlineError> {
        if (1..=12).contains(&month) {
            Ok(())
        } else {
            Err(DeadlineError::NoSuchMonth {
                input: self.input(),
                month,
            })
        }
    }

    pub(super) fn check_day(&self, day: i64) -> Result<(), DeadlineError> {
        if (1..=31).contains(&day) {
            Ok(())
        } else {
            Err(DeadlineError::NoSuchDayOfMonth {
                input: self.input(),
                day,
            })
        }
    }

    pub(super) fn monday(&self) -> Result<Date, DeadlineError> {
        let back = i64::from(self.today.weekday().to_monday_zero_offset());
        self.add_days(self.today, -back)
    }
}

/// 周一 … 周日 for Monday = 1 … Sunday = 7.
pub(in crate::command::when) fn weekday_zh(n: i8) -> &'static str {
    match n {
        1 => "周一",
        2 => "周二",
        3 => "周三",
        4 => "周四",
        5 => "周五",
        6 => "周六",
        _ => "周日",
    }
}
