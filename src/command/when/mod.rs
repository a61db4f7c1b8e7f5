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
mod error;
mod grammar;
mod lex;
mod resolve;
#[cfg(test)]
mod tests;

pub use self::english::{english_deadline, english_weekday};
pub use self::error::{DeadlineError, EXAMPLES};
pub use self::resolve::RECENT_PAST_DAYS;

use jiff::Timestamp;

use crate::calendar::Calendar;
use crate::domain::deadline::Deadline;

/// Whether `core` names the next working or trading day (`下个工作日`, `下一个交易日`).
fn next_day_counted(core: &str) -> bool {
    ["下一个", "下个", "下一", "次一个", "次一"]
        .iter()
        .find_map(|p| core.trim().strip_prefix(p))
        .is_some_and(|r| ["工作日", "交易日"].contains(&r.trim()))
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
    // `下个工作日前`: by the next working day (C1), not working days ago.
    let before = before && !next_day_counted(&core);
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
