//! The entry point: a whole expression or nothing.

use super::super::lex::Cursor;

use super::basic::*;
use super::dates::*;
use super::days::*;
use super::expr::*;
use super::times::*;

const VAGUE: &[&str] = &[
    "尽快",
    "尽早",
    "越快越好",
    "马上",
    "立刻",
    "立即",
    "即刻",
    "赶紧",
    "改天",
    "改日",
    "有空",
    "有空时",
    "有空的时候",
    "有时间",
    "有时间的时候",
    "抽空",
    "得空",
    "回头",
    "随时",
    "近期",
    "最近",
    "近日",
    "这几天",
    "这两天",
    "过几天",
    "过两天",
    "过些天",
    "过些日子",
    "过段时间",
    "找时间",
    "择日",
    "晚些时候",
    "晚点",
    "稍后",
    "以后",
    "将来",
    "日后",
    "待定",
    "另行通知",
    "asap",
    "ASAP",
    "Asap",
];

/// Parses a whole normalised, unwrapped expression. `before`: a trailing 前 was stripped.
pub(in crate::command::when) fn parse(s: &str, before: bool) -> Option<Expr> {
    if VAGUE.contains(&s) {
        return Some(Expr::Vague);
    }
    let mut c = Cursor::new(s);
    if let Some(minutes) = exact(&mut c)
        && finished(&mut c)
    {
        return Some(Expr::Exact { minutes });
    }
    c.reset(0);
    if let Some(month) = month_only(&mut c)
        && finished(&mut c)
    {
        // `11月前` (C9): a month is a period, so "before" it means the last working day before it
        // starts; a bare `10月` names no deadline.
        if before && (1..=12).contains(&month) {
            return Some(Expr::At {
                day: Some(Day::Period(Period::Month {
                    sel: Sel::Named { year: None, n: month },
                    part: MonthPart::Whole,
                })),
                annot: None,
                time: None,
            });
        }
        return Some(Expr::MonthOnly { month });
    }
    c.reset(0);
    let (day, part) = match day(&mut c, before) {
        Some((d, p)) => (Some(d), p),
        None => (None, None),
    };
    c.ws();
    let annot = match day {
        Some(Day::Date { .. } | Day::Rel(_) | Day::OfMonth { .. }) => annotation(&mut c),
        _ => None,
    };
    c.ws();
    if day.is_some() {
        // ISO 8601's date/time separator (2026-03-20T18:00).
        let m = c.mark();
        if !(c.eat("T") && c.peek().is_some_and(|ch| ch.is_ascii_digit())) {
            c.reset(m);
        }
    }
    let time = time_of_day(&mut c, part);
    if day.is_none() && time.is_none() {
        return None;
    }
    finished(&mut c).then_some(Expr::At { day, annot, time })
}

/// The day part, with the part of day some words carry (今晚 = 今天 + 晚上).
fn day(c: &mut Cursor, before: bool) -> Option<(Day, Option<Part>)> {
    let start = c.mark();
    let attempts: [fn(&mut Cursor, bool) -> Option<Day>; 8] = [
        holiday,
        counted,
        duration_days,
        date,
        month_period,
        year_period,
        quarter,
        iso_week,
    ];
    if let Some(r) = relative_day(c) {
        return Some(r);
    }
    c.reset(start);
    if let Some(d) = week(c) {
        return Some((d, None));
    }
    for attempt in attempts {
        c.reset(start);
        if let Some(d) = attempt(c, before) {
            return Some((d, None));
        }
    }
    c.reset(start);
    None
}
