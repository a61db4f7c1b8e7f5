//! The deadline grammar (pure): normalised text → [`Expr`], an unresolved description of the
//! deadline. Nothing here knows `now` or the calendar. Numbers are kept raw and validated by
//! `resolve`, so that `2月30日` is recognised (and refused there) instead of being taken for text.
//!
//! The whole input must be one expression: [`parse`] returns `None` when anything is left over,
//! which is what keeps `整理3份合同`, `10月份` or `下周一的会议材料` from becoming deadlines (C14).

use super::lex::{Cursor, Num};
use crate::calendar::DayRule;

/// A parsed, unresolved deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Expr {
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
pub(super) enum Day {
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
    /// Recognised but ambiguous; the hint says what to write instead.
    Ambiguous(&'static str),
}

/// A written year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearSpec {
    /// 2026年 (two-digit years are 20xx).
    Abs(i64),
    /// 今年 = 0, 明年 = 1, 去年 = −1.
    Rel(i64),
}

/// Periods whose end (or, with 前, whose start) is meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Period {
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
pub(super) enum Sel {
    /// The current one, filled forward if it is over.
    Fill,
    /// Explicitly this (0), next (1) or last (−1) one.
    Offset(i64),
    /// The `n`-th month or quarter of `year` (filled forward when the year is missing).
    Named { year: Option<YearSpec>, n: i64 },
}

/// Which days of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MonthPart {
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
pub(super) struct Tod {
    pub(super) part: Option<Part>,
    pub(super) clock: Option<Clock>,
}

/// A clock time as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Clock {
    pub(super) hour: i64,
    pub(super) minute: i64,
    /// Seconds, only in `HH:MM:SS`.
    pub(super) second: i64,
    /// Written with a leading zero (`02:00`): taken as a 24-hour time.
    pub(super) padded: bool,
}

/// A part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
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
pub(super) fn parse(s: &str, before: bool) -> Option<Expr> {
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

fn finished(c: &mut Cursor) -> bool {
    c.ws();
    c.at_end()
}

/// Optional duration suffix: 后/以后/之后/内/之内/以内.
fn duration_suffix(c: &mut Cursor) {
    c.ws();
    let _ = c.eat_any(&["以后", "之后", "过后", "后", "之内", "以内", "内"]);
}

/// Hours and minutes from now (C3: exact).
fn exact(c: &mut Cursor) -> Option<i64> {
    let minutes = if c.eat_any(&["半个小时", "半小时", "半个钟头", "半个钟"]).is_some() {
        30
    } else {
        let n = c.number()?.value;
        c.ws();
        if c.eat("分钟") {
            n
        } else if c.eat_any(&["个半小时", "个半钟头", "个半钟"]).is_some() {
            n.saturating_mul(60).saturating_add(30)
        } else if c.eat_any(&["个小时", "小时", "个钟头", "个钟"]).is_some() {
            let mut m = n.saturating_mul(60);
            if c.eat("半") {
                m = m.saturating_add(30);
            } else {
                let mark = c.mark();
                match c.number() {
                    Some(extra) if c.eat("分钟") => m = m.saturating_add(extra.value),
                    _ => c.reset(mark),
                }
            }
            m
        } else {
            return None;
        }
    };
    duration_suffix(c);
    Some(minutes)
}

/// `10月`, `2026年3月`: a month without a day.
fn month_only(c: &mut Cursor) -> Option<i64> {
    let _ = year_prefix(c);
    let m = c.number()?;
    c.eat("月").then_some(m.value)
}

/// The day part, with the part of day some words carry (今晚 = 今天 + 晚上).
fn day(c: &mut Cursor, before: bool) -> Option<(Day, Option<Part>)> {
    let start = c.mark();
    let attempts: [fn(&mut Cursor, bool) -> Option<Day>; 7] = [
        holiday,
        counted,
        duration_days,
        date,
        month_period,
        year_period,
        quarter,
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

fn relative_day(c: &mut Cursor) -> Option<(Day, Option<Part>)> {
    const WORDS: &[(&str, i64, Option<Part>)] = &[
        ("今晚", 0, Some(Part::Evening)),
        ("今夜", 0, Some(Part::Evening)),
        ("今早", 0, Some(Part::Morning)),
        ("明晚", 1, Some(Part::Evening)),
        ("明早", 1, Some(Part::Morning)),
        ("明晨", 1, Some(Part::Morning)),
        ("大后天", 3, None),
        ("后天", 2, None),
        ("明天", 1, None),
        ("明日", 1, None),
        ("明儿", 1, None),
        ("次日", 1, None),
        ("今天", 0, None),
        ("今日", 0, None),
        ("今儿", 0, None),
        ("当天", 0, None),
        ("大前天", -3, None),
        ("前天", -2, None),
        ("昨天", -1, None),
        ("昨日", -1, None),
        ("昨晚", -1, Some(Part::Evening)),
    ];
    for (w, n, part) in WORDS {
        if c.eat(w) {
            let _ = c.eat_any(&["之内", "以内", "内"]);
            return Some((Day::Rel(*n), *part));
        }
    }
    None
}

/// A weekday character: 一…六, 日/天, 1–7. Some(0) for a recognisable non-weekday (八, 9, 十).
fn weekday_char(c: &mut Cursor) -> Option<u8> {
    let ch = c.peek()?;
    let wd = match ch {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '日' | '天' => 7,
        '七' | '八' | '九' | '十' | '零' | '〇' => 0,
        '1' => 1,
        '2' => 2,
        '3' => 3,
        '4' => 4,
        '5' => 5,
        '6' => 6,
        '7' => 7,
        '0' | '8' | '9' => 0,
        _ => return None,
    };
    let _ = c.bump();
    if ch.is_ascii_digit() && c.peek().is_some_and(|n| n.is_ascii_digit()) {
        return Some(0);
    }
    if wd == 0 {
        // Swallow the rest of an invalid number (星期十一).
        while c
            .peek()
            .is_some_and(|n| n.is_ascii_digit() || "一二三四五六七八九十零〇".contains(n))
        {
            let _ = c.bump();
        }
    }
    Some(wd)
}

/// 周X / 本周X / 下周X / 下下周X / 上周X, 本周(内) / 下周, 周末 / 下周末.
fn week(c: &mut Cursor) -> Option<Day> {
    const PREFIX: &[(&str, i64)] = &[
        ("下下个", 2),
        ("下下", 2),
        ("下个", 1),
        ("下一个", 1),
        ("下一", 1),
        ("下", 1),
        ("这个", 0),
        ("这", 0),
        ("本", 0),
        ("当", 0),
        ("上上个", -2),
        ("上上", -2),
        ("上个", -1),
        ("上一个", -1),
        ("上", -1),
    ];
    let offset = PREFIX.iter().find(|(w, _)| c.eat(w)).map(|(_, n)| *n);
    c.eat_any(&["星期", "礼拜", "周"])?;
    if let Some(wd) = weekday_char(c) {
        return Some(Day::Weekday { week: offset, wd });
    }
    if c.eat("末") {
        return Some(Day::Period(Period::Weekend { offset }));
    }
    let offset = offset?;
    let _ = c.eat_any(&["之内", "以内", "内"]);
    Some(Day::Period(Period::Week { offset }))
}

const HOLIDAYS: &[(&str, Option<&str>)] = &[
    ("五一劳动节", Some("劳动节")),
    ("劳动节", Some("劳动节")),
    ("五一", Some("劳动节")),
    ("元旦节", Some("元旦")),
    ("元旦", Some("元旦")),
    ("春节", Some("春节")),
    ("过年", Some("春节")),
    ("清明节", Some("清明")),
    ("清明", Some("清明")),
    ("端午节", Some("端午")),
    ("端午", Some("端午")),
    ("中秋节", Some("中秋")),
    ("中秋", Some("中秋")),
    ("国庆节", Some("国庆节")),
    ("国庆", Some("国庆节")),
    ("十一", Some("国庆节")),
    ("节假日", None),
    ("长假", None),
    ("假期", None),
    ("放假", None),
    ("节", None),
    ("年", Some("春节")),
];

/// <节>前 (bare name + `before`), <节>后第一个工作日, <节>后N个工作日内; 节前/节后 (next block).
fn holiday(c: &mut Cursor, before: bool) -> Option<Day> {
    let (word, name) = HOLIDAYS.iter().find(|(w, _)| c.eat(w)).copied()?;
    // 年, 节 and 十一 are holidays only in 年前/节后…/十一前: elsewhere they are other words.
    let weak = matches!(word, "年" | "节" | "十一");
    let _ = c.eat_any(&["假期", "假"]);
    c.ws();
    if c.at_end() {
        return if before {
            Some(Day::Holiday { name, after: None })
        } else if weak {
            None
        } else {
            Some(Day::Ambiguous(
                "请写“某节前”（放假前最后一个工作日）或“某节后第一个工作日”",
            ))
        };
    }
    c.eat_any(&["过后", "之后", "以后", "后"])?;
    c.ws();
    if finished(c) {
        return Some(Day::Ambiguous("节后请写“节后第一个工作日”或“节后3个工作日内”"));
    }
    let _ = c.eat("的");
    let n = if c
        .eat_any(&["第一个", "第1个", "第一", "首个", "头一个"])
        .is_some()
    {
        1
    } else {
        let n = c.number()?.value;
        let _ = c.eat("个");
        n
    };
    let rule = day_rule(c)?;
    let _ = c.eat_any(&["之内", "以内", "内"]);
    Some(Day::Holiday {
        name,
        after: Some((n, rule)),
    })
}

fn day_rule(c: &mut Cursor) -> Option<DayRule> {
    if c.eat("工作日") {
        Some(DayRule::Working)
    } else if c.eat("交易日") {
        Some(DayRule::Trading)
    } else {
        None
    }
}

/// 下一个工作日, N个工作日(内/后), N个交易日.
fn counted(c: &mut Cursor, _before: bool) -> Option<Day> {
    let n = if c.eat_any(&["下一个", "下个", "下一", "次一个", "次一"]).is_some() {
        1
    } else {
        let n = c.number()?.value;
        c.ws();
        let _ = c.eat("个");
        n
    };
    let rule = day_rule(c)?;
    duration_suffix(c);
    Some(Day::Count { n, rule })
}

/// N天(后/内), N日内, N周, 半个月, N个月, N年内.
fn duration_days(c: &mut Cursor, _before: bool) -> Option<Day> {
    if c.eat_any(&["半个月", "半月"]).is_some() {
        duration_suffix(c);
        return Some(Day::Days(15));
    }
    if c.eat_any(&["半年"]).is_some() {
        duration_suffix(c);
        return Some(Day::Months(6));
    }
    let n = c.number()?.value;
    c.ws();
    let day = if c.eat("天") {
        Day::Days(n)
    } else if c
        .eat_any(&["个星期", "个礼拜", "个周", "星期", "礼拜", "周"])
        .is_some()
    {
        Day::Days(n.saturating_mul(7))
    } else if c.eat("个半月") {
        Day::Days(n.saturating_mul(30).saturating_add(15))
    } else if c.eat("个月") {
        Day::Months(n)
    } else {
        return None;
    };
    duration_suffix(c);
    Some(day)
}

/// Days and years that need a 内/后 to be durations (`3日内`, `2年内`).
fn suffixed_duration(c: &mut Cursor) -> Option<Day> {
    let num = c.number()?;
    let n = num.value;
    c.ws();
    let unit = c.eat_any(&["日", "年"])?;
    if unit == "年" && (num.digits > 2 || n >= 100) {
        // 2026年内 is a year, not a duration of 2026 years.
        return None;
    }
    c.eat_any(&["以后", "之后", "后", "之内", "以内", "内"])?;
    Some(if unit == "年" {
        Day::Years(n)
    } else {
        Day::Days(n)
    })
}

/// 2026年, 26年, 二〇二六年, 今年/明年/去年/后年.
fn year_prefix(c: &mut Cursor) -> Option<YearSpec> {
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

fn full_year(n: Num) -> i64 {
    if n.value < 100 && (n.digits == 2 || n.digits == 0) {
        2000 + n.value
    } else {
        n.value
    }
}

/// Dates: 2026-03-20, 2026/3/20, 2026.3.20, 3/20, 3-20, [year]M月D日/号, D日/号, M月底 …
fn date(c: &mut Cursor, _before: bool) -> Option<Day> {
    let start = c.mark();
    if let Some(d) = suffixed_duration(c) {
        return Some(d);
    }
    c.reset(start);
    if let Some(d) = numeric_date(c) {
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

/// `2026-03-20`, `2026/3/20`, `2026.3.20`, `3/20`, `3-20`.
fn numeric_date(c: &mut Cursor) -> Option<Day> {
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
        // 3.20 reads like a decimal number; only the full 2026.3.20 is a date.
        return None;
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
fn month_part(c: &mut Cursor) -> Option<MonthPart> {
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
fn month_period(c: &mut Cursor, _before: bool) -> Option<Day> {
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
    let part = month_part(c).unwrap_or(MonthPart::Whole);
    Some(Day::Period(Period::Month {
        sel: Sel::Offset(offset),
        part,
    }))
}

/// 年底/年末/年内, 今年(底/内), 明年(底), 2026年底.
fn year_period(c: &mut Cursor, _before: bool) -> Option<Day> {
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

/// 季度末/季末, 本季度(末/内), 下季度(末), [2026年](第)N季度末.
fn quarter(c: &mut Cursor, _before: bool) -> Option<Day> {
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

/// `(周五)`, `（星期五）`, ` 周五` after a date.
fn annotation(c: &mut Cursor) -> Option<u8> {
    let mark = c.mark();
    let opened = c.eat("(");
    c.ws();
    let wd = c.eat_any(&["星期", "礼拜", "周"]).and_then(|_| weekday_char(c));
    c.ws();
    match wd {
        Some(wd) if !opened || c.eat(")") => Some(wd),
        _ => {
            c.reset(mark);
            None
        }
    }
}

fn part_of_day(c: &mut Cursor) -> Option<Part> {
    const WORDS: &[(&str, Part)] = &[
        ("凌晨", Part::Dawn),
        ("早上", Part::Morning),
        ("早晨", Part::Morning),
        ("一早", Part::Morning),
        ("清早", Part::Morning),
        ("一大早", Part::Morning),
        ("上午", Part::Forenoon),
        ("中午", Part::Noon),
        ("午后", Part::Afternoon),
        ("下午", Part::Afternoon),
        ("傍晚", Part::Dusk),
        ("晚上", Part::Evening),
        ("晚间", Part::Evening),
        ("夜里", Part::Evening),
        ("夜间", Part::Evening),
        ("上班前", Part::WorkStart),
        ("上班", Part::WorkStart),
        ("下班前", Part::WorkEnd),
        ("下班", Part::WorkEnd),
    ];
    WORDS.iter().find(|(w, _)| c.eat(w)).map(|(_, p)| *p)
}

/// [part of day] [clock], at least one of them.
fn time_of_day(c: &mut Cursor, from_day: Option<Part>) -> Option<Tod> {
    let mark = c.mark();
    let part = part_of_day(c).or(from_day);
    c.ws();
    let clock = clock(c);
    if part.is_none() && clock.is_none() {
        c.reset(mark);
        return None;
    }
    Some(Tod { part, clock })
}

/// `18:00`, `3点`, `三点半`, `10点一刻`, `18时30分`, `9点05`.
fn clock(c: &mut Cursor) -> Option<Clock> {
    let mark = c.mark();
    let Some(h) = c.number() else {
        c.reset(mark);
        return None;
    };
    let padded = h.digits == 2;
    if c.eat(":") {
        match c.arabic() {
            Some(m) if m.digits == 2 => {
                let sec_mark = c.mark();
                let second = match (c.eat(":"), c.arabic()) {
                    (true, Some(s)) if s.digits == 2 => s.value,
                    _ => {
                        c.reset(sec_mark);
                        0
                    }
                };
                return Some(Clock {
                    hour: h.value,
                    minute: m.value,
                    second,
                    padded: h.digits >= 2,
                });
            }
            _ => {
                c.reset(mark);
                return None;
            }
        }
    }
    if c.eat_any(&["点钟", "点", "时"]).is_none() {
        c.reset(mark);
        return None;
    }
    let minute = if c.eat("半") {
        30
    } else if c.eat("一刻") {
        15
    } else if c.eat("三刻") {
        45
    } else if c.eat("整") {
        0
    } else {
        let m = c.mark();
        match c.number() {
            Some(n) => {
                let _ = c.eat_any(&["分钟", "分"]);
                n.value
            }
            None => {
                c.reset(m);
                0
            }
        }
    };
    Some(Clock {
        hour: h.value,
        minute,
        second: 0,
        padded: padded && h.value < 10,
    })
}
