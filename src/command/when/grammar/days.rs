//! Days: relative days, weekdays, weeks, holidays, counted and duration days.

use super::super::lex::Cursor;
use crate::calendar::DayRule;

use super::basic::*;
use super::expr::*;

pub(in crate::command::when) fn relative_day(c: &mut Cursor) -> Option<(Day, Option<Part>)> {
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
pub(in crate::command::when) fn weekday_char(c: &mut Cursor) -> Option<u8> {
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
pub(in crate::command::when) fn week(c: &mut Cursor) -> Option<Day> {
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
    // 本周(内) / 下周(内) are periods (C10); `下下周` alone is not in the conventions: refused
    // rather than guessed (C0), while 下下周X is a day (C6).
    let offset = offset.filter(|o| *o <= 1)?;
    let _ = c.eat_any(&["之内", "以内", "内"]);
    Some(Day::Period(Period::Week { offset }))
}

const HOLIDAYS: &[(&str, Option<&str>)] = &[
    ("五一劳动节", Some("劳动节")),
    ("五一节", Some("劳动节")),
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
pub(in crate::command::when) fn holiday(c: &mut Cursor, before: bool) -> Option<Day> {
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
        // `节后第二个工作日`, `国庆后第3个工作日`: the N-th working day after the block.
        let _ = c.eat("第");
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

pub(in crate::command::when) fn day_rule(c: &mut Cursor) -> Option<DayRule> {
    if c.eat("工作日") {
        Some(DayRule::Working)
    } else if c.eat("交易日") {
        Some(DayRule::Trading)
    } else {
        None
    }
}

/// 下一个工作日, N个工作日(内/后), N个交易日.
pub(in crate::command::when) fn counted(c: &mut Cursor, _before: bool) -> Option<Day> {
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
pub(in crate::command::when) fn duration_days(c: &mut Cursor, _before: bool) -> Option<Day> {
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
pub(in crate::command::when) fn suffixed_duration(c: &mut Cursor) -> Option<Day> {
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
