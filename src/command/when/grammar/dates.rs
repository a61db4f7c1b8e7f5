//! Dates and periods: years, month-days, numeric dates, months, years, quarters.

use super::super::lex::{Cursor, Num};

use super::days::*;
use super::expr::*;

/// 2026年, 26年, 二〇二六年, 今年/明年/去年/后年.
pub(in crate::command::when) fn year_prefix(c: &mut Cursor) -> Option<YearSpec> {
    const REL: &[(&str, i64)] = &[("今年", 0), ("明年", 1), ("去年", -1), ("后年", 2), ("前年", -2)];
    if let Some((_, n)) = REL.iter().find(|(w, _)| c.eat(w)) {
        return Some(YearSpec::Rel(*n));
    }
    let mark = c.mark();
    if let Some(n) = c.number()
        && c.eat("年")
    {
        return Some(YearSpec::Abs(full_year(n)));
    }
    c.reset(mark);
    None
}

pub(in crate::command::when) fn full_year(n: Num) -> i64 {
    if n.value < 100 && (n.digits == 2 || n.digits == 0) {
        2000 + n.value
    } else {
        n.value
    }
}

/// Dates: 2026-03-20, 2026/3/20, 2026.3.20, 3/20, 3-20, [year]M月D日/号, D日/号, M月底 …
pub(in crate::command::when) fn date(c: &mut Cursor, before: bool) -> Option<Day> {
    let start = c.mark();
    if let Some(d) = suffixed_duration(c) {
        return Some(d);
    }
    c.reset(start);
    if let Some(d) = numeric_date(c, before) {
        return Some(d);
    }
    c.reset(start);
    let year = year_prefix(c);
    let mark = c.mark();
    let month = match c.number() {
        Some(m) if c.eat("月") => Some(m.value),
        _ => {
            c.reset(mark);
            None
        }
    };
    if year.is_some() && month.is_none() {
        // 2026年底 / 明年底 belong to year_period; 2026年三季度末 to quarter.
        return None;
    }
    let Some(month) = month else {
        let d = c.number()?;
        c.eat_any(&["日", "号"])?;
        return Some(Day::Date {
            year: None,
            month: None,
            day: d.value,
        });
    };
    let mark = c.mark();
    if let Some(d) = c.number()
        && (c.eat_any(&["日", "号"]).is_some() || c.peek().is_none_or(|ch| ch == ' ' || ch == '('))
    {
        return Some(Day::Date {
            year,
            month: Some(month),
            day: d.value,
        });
    }
    c.reset(mark);
    let part = month_part(c)?;
    Some(Day::Period(Period::Month {
        sel: Sel::Named { year, n: month },
        part,
    }))
}

/// `2026-03-20`, `2026/3/20`, `2026.3.20`, `3/20`, `3-20`; `3.20` as a limit (`before`: `3.20前`).
pub(in crate::command::when) fn numeric_date(c: &mut Cursor, before: bool) -> Option<Day> {
    let a = c.arabic()?;
    let sep = c.peek().filter(|ch| matches!(ch, '-' | '/' | '.'))?;
    let _ = c.bump();
    let b = c.arabic()?;
    let (year, month, day) = if a.digits == 4 {
        if !c.eat(&sep.to_string()) {
            return None;
        }
        let d = c.arabic()?;
        (Some(YearSpec::Abs(a.value)), b, d)
    } else if sep == '.' {
        // 3.20 reads like a decimal number; the full 2026.3.20 is a date, and so is 3.20 stating
        // a limit (`3.20前`, `截止3.20`, `3.20日`).
        let mark = c.mark();
        let limit = before || c.eat_any(&["日", "号"]).is_some();
        c.reset(mark);
        if !limit || a.digits > 2 || !(1..=12).contains(&a.value) {
            return None;
        }
        (None, a, b)
    } else {
        (None, a, b)
    };
    if month.digits > 2 || day.digits > 2 || a.digits > 4 || a.digits == 3 {
        return None;
    }
    if c.peek()
        .is_some_and(|ch| ch.is_ascii_digit() || matches!(ch, '-' | '/' | '.'))
    {
        return None;
    }
    let _ = c.eat_any(&["日", "号"]);
    Some(Day::Date {
        year,
        month: Some(month.value),
        day: day.value,
    })
}

/// 底/末 | 初 | 上旬/中旬/下旬 | 内 after a month.
pub(in crate::command::when) fn month_part(c: &mut Cursor) -> Option<MonthPart> {
    Some(
        match c.eat_any(&["底", "末", "初", "上旬", "中旬", "下旬", "之内", "以内", "内"])? {
            "初" => MonthPart::Early,
            "上旬" => MonthPart::First10,
            "中旬" => MonthPart::Mid10,
            "下旬" => MonthPart::Last10,
            "之内" | "以内" | "内" => MonthPart::Whole,
            _ => MonthPart::End,
        },
    )
}

/// 月底/月末/月初/上旬… (this month), 本月(底), 下个月(底), 本月20号, 下个月5号.
pub(in crate::command::when) fn month_period(c: &mut Cursor, _before: bool) -> Option<Day> {
    const BARE: &[(&str, MonthPart)] = &[
        ("月底", MonthPart::End),
        ("月末", MonthPart::End),
        ("月初", MonthPart::Early),
        ("上旬", MonthPart::First10),
        ("中旬", MonthPart::Mid10),
        ("下旬", MonthPart::Last10),
        ("月内", MonthPart::Whole),
    ];
    if let Some((_, part)) = BARE.iter().find(|(w, _)| c.eat(w)) {
        return Some(Day::Period(Period::Month {
            sel: Sel::Fill,
            part: *part,
        }));
    }
    const PREFIX: &[(&str, i64)] = &[
        ("下下个月", 2),
        ("下下月", 2),
        ("下个月", 1),
        ("下一个月", 1),
        ("下月", 1),
        ("这个月", 0),
        ("这月", 0),
        ("本月", 0),
        ("当月", 0),
        ("上个月", -1),
        ("上月", -1),
    ];
    let (_, offset) = PREFIX.iter().find(|(w, _)| c.eat(w)).copied()?;
    let mark = c.mark();
    if let Some(d) = c.number()
        && c.eat_any(&["日", "号"]).is_some()
    {
        return Some(Day::OfMonth { offset, day: d.value });
    }
    c.reset(mark);
    // `下个月的第三个工作日`, `本月第5个交易日`: the month's n-th working day.
    let _ = c.eat("的");
    if c.eat("第")
        && let Some(n) = c.number()
    {
        let _ = c.eat("个");
        if let Some(rule) = day_rule(c) {
            let _ = c.eat_any(&["前", "之前", "以前"]);
            return Some(Day::NthOfMonth {
                offset,
                n: n.value,
                rule,
            });
        }
    }
    c.reset(mark);
    let part = month_part(c).unwrap_or(MonthPart::Whole);
    Some(Day::Period(Period::Month {
        sel: Sel::Offset(offset),
        part,
    }))
}

/// 年底/年末/年内, 今年(底/内), 明年(底), 2026年底.
pub(in crate::command::when) fn year_period(c: &mut Cursor, _before: bool) -> Option<Day> {
    if c.eat_any(&["年底", "年末", "年终"]).is_some() {
        return Some(Day::Period(Period::Year {
            year: None,
            whole: false,
        }));
    }
    if c.eat("年内") {
        return Some(Day::Period(Period::Year {
            year: None,
            whole: true,
        }));
    }
    let year = year_prefix(c)?;
    if c.eat_any(&["年底", "年末", "底", "末"]).is_some() {
        return Some(Day::Period(Period::Year {
            year: Some(year),
            whole: false,
        }));
    }
    let within = c.eat_any(&["之内", "以内", "内"]).is_some();
    if !within && !matches!(year, YearSpec::Rel(_)) {
        // 2025年 alone is a year in a title (2025年年报), not a deadline.
        return None;
    }
    Some(Day::Period(Period::Year {
        year: Some(year),
        whole: true,
    }))
}

/// 季度末/季末, 本季度(末/内), 下季度(末), [2026年](第)N季度末, [2026年]QN末.
pub(in crate::command::when) fn quarter(c: &mut Cursor, _before: bool) -> Option<Day> {
    if c.eat_any(&["季度末", "季度底", "季末"]).is_some() {
        return Some(Day::Period(Period::Quarter {
            sel: Sel::Fill,
            whole: false,
        }));
    }
    const PREFIX: &[(&str, i64)] = &[
        ("下一季度", 1),
        ("下个季度", 1),
        ("下季度", 1),
        ("这个季度", 0),
        ("这季度", 0),
        ("本季度", 0),
        ("当季", 0),
        ("本季", 0),
        ("上个季度", -1),
        ("上季度", -1),
    ];
    if let Some((_, offset)) = PREFIX.iter().find(|(w, _)| c.eat(w)).copied() {
        let whole = c.eat_any(&["末", "底"]).is_none();
        if whole {
            let _ = c.eat_any(&["之内", "以内", "内"]);
        }
        return Some(Day::Period(Period::Quarter {
            sel: Sel::Offset(offset),
            whole,
        }));
    }
    let year = year_prefix(c);
    // `Q2末`: the quarter by its letter, its end only (as `二季度末`).
    if c.eat_any(&["Q", "q"]).is_some() {
        let n = c.number()?.value;
        if !(1..=4).contains(&n) {
            return None;
        }
        c.eat_any(&["末", "底"])?;
        return Some(Day::Period(Period::Quarter {
            sel: Sel::Named { year, n },
            whole: false,
        }));
    }
    let _ = c.eat("第");
    let n = c.number()?.value;
    if !(1..=4).contains(&n) {
        return None;
    }
    if !c.eat("季度") {
        return None;
    }
    // 三季度 alone is a title word (C14); only its end is a deadline.
    c.eat_any(&["末", "底"])?;
    Some(Day::Period(Period::Quarter {
        sel: Sel::Named { year, n },
        whole: false,
    }))
}

/// `W37`, `W37内`, `wk37`: an ISO week by its number (1–53).
pub(in crate::command::when) fn iso_week(c: &mut Cursor, _before: bool) -> Option<Day> {
    c.eat_any(&["WK", "Wk", "wk", "W", "w"])?;
    let n = c.number()?.value;
    if !(1..=53).contains(&n) {
        return None;
    }
    let _ = c.eat_any(&["之内", "以内", "内", "末", "底"]);
    Some(Day::IsoWeek(n))
}

/// `10月`, `2026年3月`: a month without a day.
pub(in crate::command::when) fn month_only(c: &mut Cursor) -> Option<i64> {
    let _ = year_prefix(c);
    let m = c.number()?;
    c.eat("月").then_some(m.value)
}
