//! Chinese deadlines (pure; no I/O, no clock): `"下周五前"`, `"3个工作日内"`, `"12月5日 18:00"`,
//! `"节后第一个工作日"` → one instant in Asia/Shanghai (UTC+08:00), relative to an injected `now`.
//!
//! The rules are /work/shared/deadline-conventions.md (C0–C15); each function cites the rule it
//! implements. The work is split in three steps:
//! - `lex`: normalise full-width and traditional characters, strip 截止…/…前 wrappers;
//! - `grammar`: the whole text → an unresolved expression, or "not a time" if anything is left;
//! - `resolve`: expression + `now` + [`Calendar`] → instant, refusing impossible, vague, past
//!   and uncovered (no calendar data) deadlines with a plain Chinese message.

mod english;
mod grammar;
mod lex;
mod resolve;
#[cfg(test)]
mod tests;

pub use self::english::english_deadline;
pub use self::resolve::RECENT_PAST_DAYS;

use jiff::Timestamp;

use crate::calendar::Calendar;
use crate::domain::deadline::Deadline;

/// Short valid examples, suggested in error messages.
pub const EXAMPLES: &[&str] = &[
    "下周五前",
    "3个工作日内",
    "12月5日 18:00",
    "月底",
    "明天下午3点",
    "节后第一个工作日",
    "2小时内",
];

/// Why a text is not an acceptable deadline. Every message is user-facing Chinese.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    /// The text contains no time expression (or more than one: leftover text).
    #[error("没有看懂“{input}”里的截止时间。可以这样写：{}", examples())]
    NotATime {
        /// The text as typed.
        input: String,
    },
    /// A vague word with no date (尽快, 改天, 有空).
    #[error("“{input}”不是一个明确的截止时间，请写具体的日期或期限，例如：{}", examples())]
    Vague {
        /// The text as typed.
        input: String,
    },
    /// Recognised, but it can mean more than one time.
    #[error("“{input}”有歧义：{hint}。也可以这样写：{}", examples())]
    Ambiguous {
        /// The text as typed.
        input: String,
        /// What to write instead.
        hint: &'static str,
    },
    /// A month outside 1–12 (13月).
    #[error("“{input}”不是有效日期：没有{month}月，月份只能是1到12")]
    NoSuchMonth {
        /// The text as typed.
        input: String,
        /// The month written.
        month: i64,
    },
    /// A day the month does not have (2月30日, 4月31日, 2027年2月29日).
    #[error("“{input}”不是有效日期：{year}年{month}月只有{days}天")]
    NoSuchDay {
        /// The text as typed.
        input: String,
        /// The year the date would fall in.
        year: i16,
        /// The month.
        month: i8,
        /// How many days that month has.
        days: i8,
    },
    /// A day of the month outside 1–31 (32日).
    #[error("“{input}”不是有效日期：没有{day}号，一个月最多31天")]
    NoSuchDayOfMonth {
        /// The text as typed.
        input: String,
        /// The day written.
        day: i64,
    },
    /// An impossible clock time (25点, 18:60) or one that contradicts its part of day (上午15点).
    #[error(
        "“{input}”不是有效时间：小时应在0到23之间、分钟应在0到59之间，并与上午/下午相符，例如“下午3点”或“15:30”"
    )]
    NoSuchTime {
        /// The text as typed.
        input: String,
    },
    /// Not a weekday (星期八).
    #[error("“{input}”不是有效的星期：只有周一到周日（周日也可写作周天、星期天）")]
    NoSuchWeekday {
        /// The text as typed.
        input: String,
    },
    /// A weekday annotation that contradicts the date (12月3日（周五）).
    #[error("“{input}”前后矛盾：{}年{}月{}日是{weekday}，请核对日期或星期", .date.year(), .date.month(), .date.day())]
    WeekdayMismatch {
        /// The text as typed.
        input: String,
        /// The date written.
        date: jiff::civil::Date,
        /// Its real weekday (周一…周日).
        weekday: &'static str,
    },
    /// The deadline is not later than now (C8).
    #[error("“{input}”已经过去了，请给一个将来的截止时间")]
    Past {
        /// The text as typed.
        input: String,
    },
    /// A month-day without a year that passed recently (within
    /// [`RECENT_PAST_DAYS`] days): probably a slip, so neither moved to next year nor guessed.
    #[error("“{input}”已经过去了。如果指的是明年，请写明年份，如“{example}”；否则请换一个将来的日期")]
    RecentPast {
        /// The text as typed.
        input: String,
        /// The same month-day next year (`2027年3月14日`).
        example: String,
    },
    /// A count of zero or too large to compute (0个工作日, 99999天).
    #[error("“{input}”超出了能计算的范围，请给一个一百年以内的将来时间")]
    OutOfRange {
        /// The text as typed.
        input: String,
    },
    /// The deadline needs working days of a year whose holiday calendar is not loaded (C11).
    #[error(
        "“{input}”需要按{year}年的节假日安排计算，但该年的日历尚未载入；请改用具体日期，或请管理员补充日历数据"
    )]
    NoCalendar {
        /// The text as typed.
        input: String,
        /// The year without data.
        year: i16,
    },
}

impl DeadlineError {
    /// True only when the text contains no time expression at all, so that a command parser may
    /// treat the word as part of a title. Impossible, vague, ambiguous, contradictory and past
    /// deadlines, and missing calendar years, are recognised and refused: they return false.
    pub fn is_not_a_time(&self) -> bool {
        matches!(self, Self::NotATime { .. })
    }
}

fn examples() -> String {
    EXAMPLES
        .iter()
        .map(|e| format!("“{e}”"))
        .collect::<Vec<_>>()
        .join("、")
}

/// Longest text considered; anything longer is a sentence, not a deadline.
const MAX_CHARS: usize = 40;

/// Parses a Chinese deadline relative to `now` (Asia/Shanghai), using `cal` for working days,
/// trading days and holiday blocks.
///
/// # Errors
/// [`DeadlineError::NotATime`] when the text holds no time expression or anything besides one;
/// the other variants when it holds one that cannot be accepted (see each variant).
pub fn parse_deadline(input: &str, now: Timestamp, cal: &Calendar) -> Result<Deadline, DeadlineError> {
    let original = input.trim();
    let not_a_time = || DeadlineError::NotATime {
        input: original.to_owned(),
    };
    let english = english_deadline(input);
    let normal = lex::normalise(english.as_deref().unwrap_or(input));
    if normal.is_empty() || normal.chars().count() > MAX_CHARS {
        return Err(not_a_time());
    }
    let (core, before) = lex::strip_wrappers(&normal);
    let expr = grammar::parse(&core, before).ok_or_else(not_a_time)?;
    let ctx = resolve::Ctx {
        input: original,
        now,
        today: resolve::SHANGHAI.to_datetime(now).date(),
        cal,
        before,
    };
    let deadline = resolve::resolve(expr, &ctx)?;
    // Every accepted deadline is strictly later than now (C8), whatever path produced it.
    if deadline.at <= now {
        return Err(DeadlineError::Past {
            input: original.to_owned(),
        });
    }
    Ok(deadline)
}

/// `at` as RFC 3339 in Asia/Shanghai, whole seconds: `2026-03-20T18:00:00+08:00`.
pub fn format_rfc3339(at: Timestamp) -> String {
    let dt = resolve::SHANGHAI.to_datetime(at);
    format!("{}+08:00", dt.strftime("%Y-%m-%dT%H:%M:%S"))
}

/// A note when the deadline falls on a day off: `3月21日是周六`, `4月5日是清明节假期`; `None` on a
/// working day (调休 working weekends included). Deadlines given as a named date are kept as
/// typed (C2), so cards and replies show this note instead of moving them. Without calendar data
/// for the year only weekends are noted.
pub fn day_off_note(at: Timestamp, cal: &Calendar) -> Option<String> {
    let date = resolve::SHANGHAI.to_datetime(at).date();
    let day = format!("{}月{}日", date.month(), date.day());
    let weekend = || {
        crate::calendar::is_weekend(date).then(|| {
            format!(
                "{day}是{}",
                resolve::weekday_zh(date.weekday().to_monday_one_offset())
            )
        })
    };
    match cal.is_workday(date) {
        Ok(true) => None,
        Ok(false) => {
            let names: Vec<&'static str> = cal
                .holiday_blocks(date.year())
                .unwrap_or_default()
                .iter()
                .filter(|b| b.start <= date && date <= b.end)
                .map(|b| holiday_name(&b.name))
                .collect();
            if names.is_empty() {
                weekend()
            } else {
                Some(format!("{day}是{}假期", names.join("、")))
            }
        }
        Err(_) => weekend(),
    }
}

/// The everyday name of a holiday in the calendar data (`清明` → `清明节`).
fn holiday_name(data: &str) -> &'static str {
    match data {
        "元旦" => "元旦",
        "春节" => "春节",
        "清明" | "清明节" => "清明节",
        "劳动节" | "五一" => "劳动节",
        "端午" | "端午节" => "端午节",
        "中秋" | "中秋节" => "中秋节",
        "国庆节" | "国庆" => "国庆节",
        _ => "法定节",
    }
}
