//! What the grammar produces: an unresolved description of a deadline.

use crate::calendar::DayRule;

/// A parsed, unresolved deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::command::when) enum Expr {
    /// An exact duration from now, in minutes (`2小时后`, `45分钟内`).
    Exact { minutes: i64 },
    /// A vague word with no date (尽快, 改天, 有空).
    Vague,
    /// A month with no day (`10月`): never a deadline, but `13月` is refused as impossible.
    MonthOnly { month: i64 },
    /// A day and/or a time of day.
    At {
        day: Option<Day>,
        /// A weekday annotation after a date (`12月4日（周五）`); 0 = not a weekday (星期八).
        annot: Option<u8>,
        time: Option<Tod>,
    },
}

/// The day part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::command::when) enum Day {
    /// 今天 = 0, 明天 = 1, 昨天 = −1 …
    Rel(i64),
    /// 周X (`week` None: fill forward), 本周X = 0, 下周X = 1, 上周X = −1. `wd` 1 = Monday … 7 =
    /// Sunday; 0 = not a weekday.
    Weekday { week: Option<i64>, wd: u8 },
    /// A calendar date; missing year/month are filled forward.
    Date {
        year: Option<YearSpec>,
        month: Option<i64>,
        day: i64,
    },
    /// Day `day` of the month `offset` months from this one (`本月20号`, `下个月5号`).
    OfMonth { offset: i64, day: i64 },
    /// The `n`-th working (or trading) day of the month `offset` months from this one
    /// (`下个月的第三个工作日`, `本月第5个交易日`).
    NthOfMonth { offset: i64, n: i64, rule: DayRule },
    /// N天 / N周 / 半个月.
    Days(i64),
    /// N个月.
    Months(i64),
    /// N年内.
    Years(i64),
    /// N个工作日 / N个交易日.
    Count { n: i64, rule: DayRule },
    /// A holiday block (`name` None: the next one). `after` None: the bare name (needs 前).
    Holiday {
        name: Option<&'static str>,
        after: Option<(i64, DayRule)>,
    },
    /// A period (C9/C10).
    Period(Period),
    /// `W37`: the ISO 8601 week of that number (filled forward), by its Friday.
    IsoWeek(i64),
    /// Recognised but ambiguous; the hint says what to write instead.
    Ambiguous(&'static str),
}

/// A written year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::command::when) enum YearSpec {
    /// 2026年 (two-digit years are 20xx).
    Abs(i64),
    /// 今年 = 0, 明年 = 1, 去年 = −1.
    Rel(i64),
}

/// Periods whose end (or, with 前, whose start) is meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::command::when) enum Period {
    /// 本周(内) = 0, 下周 = 1, 下下周 = 2, 上周 = −1.
    Week { offset: i64 },
    /// 周末 (None: the next one), 本周末 = 0, 下周末 = 1.
    Weekend { offset: Option<i64> },
    /// 月底, 本月, 下个月, 3月底, 月初, 上旬 …
    Month { sel: Sel, part: MonthPart },
    /// 季度末, 本季度, 下季度, 三季度末.
    Quarter { sel: Sel, whole: bool },
    /// 年底 (None: fill forward), 今年, 明年底.
    Year { year: Option<YearSpec>, whole: bool },
}

/// Which month or quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::command::when) enum Sel {
    /// The current one, filled forward if it is over.
    Fill,
    /// Explicitly this (0), next (1) or last (−1) one.
    Offset(i64),
    /// The `n`-th month or quarter of `year` (filled forward when the year is missing).
    Named { year: Option<YearSpec>, n: i64 },
}

/// Which days of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::command::when) enum MonthPart {
    /// The whole month (本月, 下个月内).
    Whole,
    /// 月底 / 月末.
    End,
    /// 月初: days 1–5.
    Early,
    /// 上旬: days 1–10.
    First10,
    /// 中旬: days 11–20.
    Mid10,
    /// 下旬: day 21 to the end.
    Last10,
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::command::when) struct Tod {
    pub(in crate::command::when) part: Option<Part>,
    pub(in crate::command::when) clock: Option<Clock>,
}

/// A clock time as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::command::when) struct Clock {
    pub(in crate::command::when) hour: i64,
    pub(in crate::command::when) minute: i64,
    /// Seconds, only in `HH:MM:SS`.
    pub(in crate::command::when) second: i64,
    /// Written with a leading zero (`02:00`): taken as a 24-hour time.
    pub(in crate::command::when) padded: bool,
}

/// A part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::command::when) enum Part {
    Dawn,
    Morning,
    Forenoon,
    Noon,
    Afternoon,
    Dusk,
    Evening,
    WorkStart,
    WorkEnd,
}
