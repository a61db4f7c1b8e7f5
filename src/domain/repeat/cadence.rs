//! A stand-in for the shared cadence parser (`crate::domain::cadence`, written by the meeting
//! series work) with the same names, covering the rules recurring items use: 每周 / 每周X,
//! 每个工作日, 每月最后一个工作日, 每月N日, 每季度末. Replaced by the shared module when it lands.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::calendar::{Calendar, CalendarError, DayRule};

/// A rule of recurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    /// 每周 (the anchor's weekday) or 每周X.
    Weekly(Option<Weekday>),
    /// 每个工作日.
    Workdays,
    /// 每月N日.
    MonthDay(i8),
    /// 每月最后一个工作日.
    MonthLastWorkday,
    /// 每季度末 (the quarter's last working day).
    QuarterEnd,
}

/// Why a rule does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CadenceError {
    /// Not a rule this parser knows.
    #[error("不认识的周期")]
    Unknown,
    /// A day of month outside 1–31.
    #[error("每月的日期需要在1到31之间")]
    BadDay,
}

const WEEKDAYS: [(&str, Weekday); 8] = [
    ("一", Weekday::Monday),
    ("二", Weekday::Tuesday),
    ("三", Weekday::Wednesday),
    ("四", Weekday::Thursday),
    ("五", Weekday::Friday),
    ("六", Weekday::Saturday),
    ("日", Weekday::Sunday),
    ("天", Weekday::Sunday),
];

impl Cadence {
    /// Reads a rule.
    ///
    /// # Errors
    /// [`CadenceError`].
    pub fn parse(s: &str) -> Result<Self, CadenceError> {
        let s = s.trim();
        match s {
            "每周" | "每星期" => return Ok(Self::Weekly(None)),
            "每个工作日" | "每工作日" | "每天" | "每日" => return Ok(Self::Workdays),
            "每月最后一个工作日" | "每月底" | "每月末" => return Ok(Self::MonthLastWorkday),
            "每季度末" | "每季末" | "每季度最后一个工作日" => return Ok(Self::QuarterEnd),
            _ => {}
        }
        if let Some(d) = s.strip_prefix("每周").or_else(|| s.strip_prefix("每星期")) {
            return WEEKDAYS
                .iter()
                .find(|(w, _)| *w == d)
                .map(|(_, w)| Self::Weekly(Some(*w)))
                .ok_or(CadenceError::Unknown);
        }
        if let Some(d) = s.strip_prefix("每月") {
            let n = d.trim_end_matches(['日', '号']);
            if n.len() < d.len() && !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) {
                return n
                    .parse::<i8>()
                    .ok()
                    .filter(|n| (1..=31).contains(n))
                    .map(Self::MonthDay)
                    .ok_or(CadenceError::BadDay);
            }
        }
        Err(CadenceError::Unknown)
    }

    /// The period (first and last day) containing `d`: its week (Monday–Sunday), month,
    /// quarter, or the day itself.
    pub fn period_of(&self, d: Date) -> (Date, Date) {
        match self {
            Self::Weekly(_) => {
                let monday = d
                    .checked_sub(i64::from(d.weekday().to_monday_zero_offset()).days())
                    .unwrap_or(d);
                (monday, monday.checked_add(6.days()).unwrap_or(monday))
            }
            Self::Workdays => (d, d),
            Self::MonthDay(_) | Self::MonthLastWorkday => (d.first_of_month(), d.last_of_month()),
            Self::QuarterEnd => {
                let first_month = (d.month() - 1) / 3 * 3 + 1;
                let start = Date::new(d.year(), first_month, 1).unwrap_or(d);
                let end = start
                    .checked_add(2.months())
                    .map_or(d, |m| m.last_of_month());
                (start, end)
            }
        }
    }

    /// The occurrence in the period that starts at `from` (or the next one when it is a day
    /// off): the anchor's weekday for 每周, day N for 每月N日 (clamped to the month), the last
    /// working day of the month or quarter.
    ///
    /// # Errors
    /// [`CalendarError`] when the calendar has no data.
    pub fn occurrence_on_or_after(&self, from: Date, anchor: Date, cal: &Calendar) -> Result<Date, CalendarError> {
        let (start, end) = self.period_of(from);
        let day = match self {
            Self::Weekly(w) => {
                let w = w.unwrap_or_else(|| anchor.weekday());
                start
                    .checked_add(i64::from(w.to_monday_zero_offset()).days())
                    .unwrap_or(start)
            }
            Self::Workdays => from,
            Self::MonthDay(n) => start
                .with()
                .day((*n).min(end.day()))
                .build()
                .unwrap_or(end),
            Self::MonthLastWorkday | Self::QuarterEnd => cal.last_in(start, end, DayRule::Working)?.unwrap_or(end),
        };
        cal.first_on_or_after(day.max(from), DayRule::Working)
    }

    /// The rule in words (`每周（周五）`).
    pub fn describe(&self) -> String {
        match self {
            Self::Weekly(None) => "每周".to_owned(),
            Self::Weekly(Some(w)) => {
                let zh = WEEKDAYS.iter().find(|(_, x)| x == w).map_or("", |(z, _)| z);
                format!("每周{zh}")
            }
            Self::Workdays => "每个工作日".to_owned(),
            Self::MonthDay(n) => format!("每月{n}日"),
            Self::MonthLastWorkday => "每月最后一个工作日".to_owned(),
            Self::QuarterEnd => "每季度末".to_owned(),
        }
    }
}
