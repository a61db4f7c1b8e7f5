//! TEMPORARY stand-in for the Chinese deadline parser (pure; no I/O, no clock).
//!
//! It has the exact public API of the real `when.rs`, which another engineer is writing, but only
//! understands a handful of phrases: `YYYY-MM-DD [HH:MM]`, `M月D日 [HH:MM]`, `明天 [HH:MM]`,
//! `周X` / `下周X` with an optional `前`, `N个工作日内`, and refuses `尽快`. Everything else is
//! [`DeadlineError::NotATime`]. The integrator replaces this file with the real parser.

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::{self, TimeZone};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError, DayRule};

/// A parsed deadline: the instant, and whether the user gave a clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The instant the item is due.
    pub at: Timestamp,
    /// Whether a clock time was given (otherwise the time is the 18:00 default).
    pub has_time: bool,
}

/// Phrases the parser understands, for help texts.
pub const EXAMPLES: &[&str] = &["明天", "下周五前", "11月30日 18:00", "3个工作日内", "2026-06-30"];

/// Why a deadline could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    /// The input contains no time expression at all.
    #[error("「{input}」不是一个时间，请写成“下周五前”“11月30日 18:00”这样的形式")]
    NotATime {
        /// What was typed.
        input: String,
    },
    /// A vague word with no date (尽快, 改天).
    #[error("「{input}」没有具体日期，请写明截止时间，例如“下周五前”")]
    Vague {
        /// What was typed.
        input: String,
    },
    /// A date or time that does not exist.
    #[error("「{input}」这个日期或时间不存在，请检查后重新输入")]
    Impossible {
        /// What was typed.
        input: String,
    },
    /// The deadline is not in the future.
    #[error("「{input}」已经过去了，截止时间需要晚于现在")]
    Past {
        /// What was typed.
        input: String,
    },
    /// The working-day calendar cannot answer.
    #[error("{0}")]
    Calendar(#[from] CalendarError),
}

impl DeadlineError {
    /// True only when the input has no time expression at all.
    pub fn is_not_a_time(&self) -> bool {
        matches!(self, Self::NotATime { .. })
    }
}

/// Parses a Chinese deadline relative to `now` (Asia/Shanghai).
///
/// # Errors
/// [`DeadlineError`] when the input is not a time, or is one that is refused.
pub fn parse_deadline(input: &str, now: Timestamp, cal: &Calendar) -> Result<Deadline, DeadlineError> {
    let text = input.trim();
    let not = || DeadlineError::NotATime {
        input: input.to_owned(),
    };
    if text == "尽快" {
        return Err(DeadlineError::Vague {
            input: input.to_owned(),
        });
    }
    let today = now.to_zoned_datetime(shanghai()).date();
    let (head, time) = split_time(text).ok_or_else(not)?;
    let head = head
        .strip_suffix("之前")
        .or_else(|| head.strip_suffix('前'))
        .unwrap_or(head);
    let impossible = || DeadlineError::Impossible {
        input: input.to_owned(),
    };
    let date = if let Some(d) = iso_date(head) {
        d.ok_or_else(impossible)?
    } else if let Some((m, d)) = month_day(head) {
        let this = Date::new(today.year(), m, d).map_err(|_| impossible())?;
        if at(this, time)? > now {
            this
        } else {
            Date::new(today.year() + 1, m, d).map_err(|_| impossible())?
        }
    } else if head == "明天" {
        today.tomorrow().map_err(|_| impossible())?
    } else if let Some(n) = head
        .strip_suffix("个工作日内")
        .and_then(|n| n.parse::<u32>().ok())
    {
        if n == 0 {
            return Err(not());
        }
        cal.nth_after(today, n, DayRule::Working)?
    } else if let Some(rest) = head.strip_prefix("下周") {
        let wd = weekday(rest).ok_or_else(not)?;
        let monday = today
            .checked_sub(jiff::Span::new().days(i64::from(today.weekday().to_monday_zero_offset())))
            .map_err(|_| impossible())?;
        monday
            .checked_add(jiff::Span::new().days(7 + i64::from(wd)))
            .map_err(|_| impossible())?
    } else if let Some(rest) = head.strip_prefix('周') {
        let wd = weekday(rest).ok_or_else(not)?;
        let mut d = today;
        for _ in 0..8 {
            if i64::from(d.weekday().to_monday_zero_offset()) == i64::from(wd) && at(d, time)? > now {
                break;
            }
            d = d.tomorrow().map_err(|_| impossible())?;
        }
        d
    } else {
        return Err(not());
    };
    let instant = at(date, time)?;
    if instant <= now {
        return Err(DeadlineError::Past {
            input: input.to_owned(),
        });
    }
    Ok(Deadline {
        at: instant,
        has_time: time.is_some(),
    })
}

/// Formats an instant as RFC 3339 in +08:00 (`2026-03-20T18:00:00+08:00`).
pub fn format_rfc3339(at: Timestamp) -> String {
    at.to_zoned_datetime(shanghai())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

fn shanghai() -> TimeZone {
    TimeZone::fixed(tz::offset(8))
}

fn at(d: Date, time: Option<Time>) -> Result<Timestamp, DeadlineError> {
    let t = time.unwrap_or(Time::constant(18, 0, 0, 0));
    d.to_datetime(t)
        .to_zoned_datetime(shanghai())
        .map(|z| z.timestamp())
        .map_err(|_| DeadlineError::Impossible { input: d.to_string() })
}

/// Splits an optional trailing ` HH:MM` off; `None` when the time part is malformed.
fn split_time(text: &str) -> Option<(&str, Option<Time>)> {
    let Some((head, tail)) = text.rsplit_once(' ') else {
        return Some((text, None));
    };
    let (h, m) = tail.split_once(':')?;
    let h: i8 = h.parse().ok()?;
    let m: i8 = m.parse().ok()?;
    let t = Time::new(h, m, 0, 0).ok()?;
    Some((head.trim_end(), Some(t)))
}

/// `Some(None)` for a well-formed but impossible `YYYY-MM-DD`.
fn iso_date(s: &str) -> Option<Option<Date>> {
    let mut it = s.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    Some(Date::new(y, m, d).ok())
}

fn month_day(s: &str) -> Option<(i8, i8)> {
    let (m, rest) = s.split_once('月')?;
    let d = rest.strip_suffix('日').or_else(|| rest.strip_suffix('号'))?;
    Some((m.parse().ok()?, d.parse().ok()?))
}

/// Monday-zero offset of 一…日.
fn weekday(s: &str) -> Option<i8> {
    Some(match s {
        "一" => 0,
        "二" => 1,
        "三" => 2,
        "四" => 3,
        "五" => 4,
        "六" => 5,
        "日" | "天" => 6,
        _ => return None,
    })
}
