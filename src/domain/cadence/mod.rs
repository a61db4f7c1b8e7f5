//! Cadences on the working-day calendar (pure): how often a 例会 meets or a recurring item
//! comes back. `每周一 9:30`, `每两周三 14:00`, `每周`, `每个工作日 9:00`, `每个交易日 9:15`,
//! `每月第三个工作日`, `每月最后一个工作日`, `每月15号`, `每季度末`.
//!
//! The rule every cadence keeps: when the named day is not a working day (a trading day for
//! 每个交易日), the occurrence moves to the next one. Occurrences that land on the same day after
//! moving are one occurrence. [`Cadence::describe`] says so in the sentence cards show.

mod model;
mod parse;
#[cfg(test)]
mod tests;

use jiff::ToSpan;
use jiff::civil::{Date, Time, Weekday};

use crate::calendar::{Calendar, CalendarError, DayRule};

pub use self::model::{Cadence, CadenceError, EXAMPLES};

impl Cadence {
    /// Reads a cadence such as `每周一 9:30`.
    ///
    /// # Errors
    /// [`CadenceError`] with a message and examples when the text is not a cadence.
    pub fn parse(text: &str) -> Result<Self, CadenceError> {
        parse::parse(text)
    }

    /// The time of day, if one was typed.
    pub fn time(&self) -> Option<Time> {
        match *self {
            Self::Weekly { time, .. }
            | Self::Biweekly { time, .. }
            | Self::EveryWorkingDay { time }
            | Self::EveryTradingDay { time }
            | Self::MonthNthWorkingDay { time, .. }
            | Self::MonthLastWorkingDay { time }
            | Self::MonthDay { time, .. }
            | Self::QuarterEnd { time } => time,
        }
    }

    /// The same cadence at another time of day.
    #[must_use]
    pub fn with_time(mut self, t: Option<Time>) -> Self {
        match &mut self {
            Self::Weekly { time, .. }
            | Self::Biweekly { time, .. }
            | Self::EveryWorkingDay { time }
            | Self::EveryTradingDay { time }
            | Self::MonthNthWorkingDay { time, .. }
            | Self::MonthLastWorkingDay { time }
            | Self::MonthDay { time, .. }
            | Self::QuarterEnd { time } => *time = t,
        }
        self
    }

    /// Which days an occurrence may fall on: trading days for 每个交易日, working days otherwise.
    pub fn day_rule(&self) -> DayRule {
        match self {
            Self::EveryTradingDay { .. } => DayRule::Trading,
            _ => DayRule::Working,
        }
    }

    /// The first occurrence on or after `from`: the nominal day of each period, moved to the next
    /// working (trading) day when it is not one. 每两周 counts its weeks from `anchor`'s week.
    ///
    /// # Errors
    /// [`CalendarError::NoData`] when the answer needs a year the calendar has no data for.
    pub fn occurrence_on_or_after(
        &self,
        from: Date,
        anchor: Date,
        cal: &Calendar,
    ) -> Result<Date, CalendarError> {
        let rule = self.day_rule();
        match *self {
            Self::EveryWorkingDay { .. } | Self::EveryTradingDay { .. } => {
                return cal.first_on_or_after(from, rule);
            }
            Self::MonthNthWorkingDay { .. } | Self::MonthLastWorkingDay { .. } | Self::QuarterEnd { .. } => {
                // The nominal day is already a working day: walk the periods from `from`'s.
                let mut start = self.period_of(from).0;
                for _ in 0..30 {
                    let (s, e) = self.period_of(start);
                    if let Some(d) = self.working_day_in(s, e, cal)?
                        && d >= from
                    {
                        return Ok(d);
                    }
                    start = next(e);
                }
                return Err(CalendarError::NoData { year: from.year() });
            }
            _ => {}
        }
        // Nominal days moved forward can pass the next nominal day (a holiday longer than the
        // period): start a few periods back so a moved occurrence that lands on or after `from`
        // is found, and take the first that does.
        let mut start = self.period_of(back(from, 45)).0;
        for _ in 0..80 {
            let (s, e) = self.period_of_anchored(start, anchor);
            if let Some(nominal) = self.nominal_in(s, e, anchor) {
                let d = cal.first_on_or_after(nominal, rule)?;
                if d >= from {
                    return Ok(d);
                }
            }
            start = next(e);
        }
        Err(CalendarError::NoData { year: from.year() })
    }

    /// The period containing `date`: the day (每个工作日 / 交易日), the Monday–Sunday week (每周,
    /// and 每两周 without an anchor), the month, or the quarter. Both ends inclusive.
    pub fn period_of(&self, date: Date) -> (Date, Date) {
        match self {
            Self::EveryWorkingDay { .. } | Self::EveryTradingDay { .. } => (date, date),
            Self::Weekly { .. } | Self::Biweekly { .. } => {
                let monday = back(date, i64::from(date.weekday().to_monday_zero_offset()));
                (monday, forward(monday, 6))
            }
            Self::MonthNthWorkingDay { .. } | Self::MonthLastWorkingDay { .. } | Self::MonthDay { .. } => {
                (date.first_of_month(), date.last_of_month())
            }
            Self::QuarterEnd { .. } => {
                let first_month = (date.month() - 1) / 3 * 3 + 1;
                let start = Date::new(date.year(), first_month, 1).unwrap_or(date);
                let end = Date::new(date.year(), first_month + 2, 1)
                    .map(|d| d.last_of_month())
                    .unwrap_or(date);
                (start, end)
            }
        }
    }

    /// [`Cadence::period_of`], with 每两周's fortnight counted from `anchor`'s week.
    pub fn period_of_anchored(&self, date: Date, anchor: Date) -> (Date, Date) {
        let (start, end) = self.period_of(date);
        if !matches!(self, Self::Biweekly { .. }) {
            return (start, end);
        }
        let anchor_monday = self.period_of(anchor).0;
        let weeks = anchor_monday
            .until(start)
            .map(|s| i64::from(s.get_days()) / 7)
            .unwrap_or(0);
        if weeks.rem_euclid(2) == 0 {
            (start, forward(start, 13))
        } else {
            let s = back(start, 7);
            (s, forward(s, 13))
        }
    }

    /// The nominal (unmoved) day in the period `s..=e`, for the day-of-week and day-of-month
    /// cadences.
    fn nominal_in(&self, s: Date, e: Date, anchor: Date) -> Option<Date> {
        match *self {
            Self::Weekly { weekday, .. } => {
                let wd = weekday.unwrap_or(Weekday::Monday);
                Some(forward(s, i64::from(wd.to_monday_zero_offset())))
            }
            Self::Biweekly { weekday, .. } => {
                let wd = weekday.unwrap_or(anchor.weekday());
                Some(forward(s, i64::from(wd.to_monday_zero_offset())))
            }
            Self::MonthDay { day, .. } => {
                let day = i8::try_from(day).ok()?.min(e.day());
                Date::new(s.year(), s.month(), day).ok()
            }
            _ => None,
        }
    }

    /// The working day a month / quarter cadence picks inside `s..=e`.
    fn working_day_in(&self, s: Date, e: Date, cal: &Calendar) -> Result<Option<Date>, CalendarError> {
        match *self {
            Self::MonthNthWorkingDay { n, .. } => {
                let first = cal.first_on_or_after(s, DayRule::Working)?;
                if first > e {
                    return Ok(None);
                }
                let nth = cal.nth_after(first, u32::from(n).saturating_sub(1), DayRule::Working)?;
                if nth > e {
                    cal.last_in(s, e, DayRule::Working)
                } else {
                    Ok(Some(nth))
                }
            }
            _ => cal.last_in(s, e, DayRule::Working),
        }
    }

    /// The sentence cards show, e.g. `每周一 9:30；遇节假日顺延到下一个工作日`.
    pub fn describe(&self) -> String {
        const SHIFT: &str = "；遇节假日顺延到下一个工作日";
        let t = self
            .time()
            .map(|t| format!(" {}:{:02}", t.hour(), t.minute()))
            .unwrap_or_default();
        match *self {
            Self::Weekly {
                weekday: Some(wd), ..
            } => format!("每周{}{t}{SHIFT}", day_char(wd)),
            Self::Weekly { weekday: None, .. } => {
                format!("每周一期（每周第一个工作日开始）{t}")
            }
            Self::Biweekly {
                weekday: Some(wd), ..
            } => format!("每两周的周{}{t}{SHIFT}", day_char(wd)),
            Self::Biweekly { weekday: None, .. } => {
                format!("每两周一次（与首次同一个星期几）{t}{SHIFT}")
            }
            Self::EveryWorkingDay { .. } => {
                format!("每个工作日{t}（按国务院节假日安排，调休上班日照常）")
            }
            Self::EveryTradingDay { .. } => {
                format!("每个交易日{t}（沪深北交易所开市日，周末和节假日休市）")
            }
            Self::MonthNthWorkingDay { n, .. } => format!("每月第{n}个工作日{t}"),
            Self::MonthLastWorkingDay { .. } => format!("每月最后一个工作日{t}"),
            Self::MonthDay { day, .. } => {
                let short = if day > 28 { "（小月取月末）" } else { "" };
                format!("每月{day}日{short}{t}{SHIFT}")
            }
            Self::QuarterEnd { .. } => {
                format!("每季度末（3、6、9、12月的最后一个工作日）{t}")
            }
        }
    }
}

/// 一 … 日 for Monday … Sunday.
pub fn day_char(wd: Weekday) -> char {
    match wd {
        Weekday::Monday => '一',
        Weekday::Tuesday => '二',
        Weekday::Wednesday => '三',
        Weekday::Thursday => '四',
        Weekday::Friday => '五',
        Weekday::Saturday => '六',
        Weekday::Sunday => '日',
    }
}

fn forward(d: Date, days: i64) -> Date {
    d.checked_add(days.days()).unwrap_or(d)
}

fn back(d: Date, days: i64) -> Date {
    d.checked_sub(days.days()).unwrap_or(d)
}

fn next(d: Date) -> Date {
    forward(d, 1)
}
