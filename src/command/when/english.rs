//! English deadlines as written in English-mixed minutes and commands (`by Apr 24`, `next Wed`,
//! `EOD tomorrow`, `by 8/31`, `by 3/13 (Fri)`, `end of October`, `tomorrow noon`, `within 3
//! working days`, `end of month`, `before 五一`, `first working day after 国庆`, `TBD`),
//! rewritten to the Chinese expression with the same meaning, which the parser then reads under
//! the same rules (deadline-conventions.md). Only whole expressions from this small vocabulary
//! are rewritten; anything else stays "not a time".

const WEEKDAYS: &[(&str, &str)] = &[
    ("monday", "一"),
    ("mon", "一"),
    ("tuesday", "二"),
    ("tues", "二"),
    ("tue", "二"),
    ("wednesday", "三"),
    ("wed", "三"),
    ("thursday", "四"),
    ("thurs", "四"),
    ("thur", "四"),
    ("thu", "四"),
    ("friday", "五"),
    ("fri", "五"),
    ("saturday", "六"),
    ("sat", "六"),
    ("sunday", "日"),
    ("sun", "日"),
];

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Fixed phrases.
const PHRASES: &[(&str, &str)] = &[
    ("eod", "今天下班前"),
    ("end of day", "今天下班前"),
    ("end of today", "今天下班前"),
    ("cob", "今天下班前"),
    ("close of business", "今天下班前"),
    ("today", "今天下班前"),
    ("tonight", "今晚"),
    ("tomorrow", "明天"),
    ("eod tomorrow", "明天下班前"),
    ("tomorrow eod", "明天下班前"),
    ("end of tomorrow", "明天下班前"),
    ("tomorrow morning", "明天上午"),
    ("tomorrow afternoon", "明天下午"),
    ("tomorrow noon", "明天中午"),
    ("noon tomorrow", "明天中午"),
    ("today before leaving", "今天下班前"),
    ("before leaving today", "今天下班前"),
    ("before leaving", "今天下班前"),
    ("day after tomorrow", "后天"),
    // `EOW` (end of which day of the week?) is read as no date, as the minutes sets label it.
    ("eow", "待定"),
    ("end of week", "本周内"),
    ("end of the week", "本周内"),
    ("end of this week", "本周内"),
    ("this week", "本周内"),
    ("next week", "下周内"),
    ("end of next week", "下周内"),
    ("eom", "月底"),
    ("end of month", "月底"),
    ("end of the month", "月底"),
    ("end of this month", "月底"),
    ("month end", "月底"),
    ("month-end", "月底"),
    ("end of next month", "下个月底"),
    ("eoq", "季度末"),
    ("end of quarter", "季度末"),
    ("end of the quarter", "季度末"),
    ("quarter end", "季度末"),
    ("quarter-end", "季度末"),
    ("end of year", "年底"),
    ("end of the year", "年底"),
    ("year end", "年底"),
    ("year-end", "年底"),
    ("next working day", "下一个工作日"),
    ("next business day", "下一个工作日"),
    ("tbd", "待定"),
    ("tbc", "待定"),
];

/// The Chinese expression for an English deadline, or `None` when `input` is not one.
pub fn english_deadline(input: &str) -> Option<String> {
    let s = input
        .trim()
        .trim_end_matches(['.', ',', ';', '。', '，'])
        .trim()
        .to_lowercase();
    if !s.chars().any(|c| c.is_ascii_alphabetic()) && !s.contains('/') {
        return None;
    }
    // `before leaving`: a fixed phrase, whatever its first word.
    if let Some((_, zh)) = PHRASES.iter().find(|(en, _)| *en == s) {
        return Some((*zh).to_owned());
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.as_slice() {
        ["by" | "due" | "until" | "till" | "eta", rest @ ..]
        | ["due", "by", rest @ ..]
        | ["no", "later", "than", rest @ ..]
            if !rest.is_empty() =>
        {
            // `due before 端午`: the word after says how; `by CNY`: before the holiday.
            holiday(&rest.join(" "))
                .map(|h| format!("{h}前"))
                .or_else(|| phrase(&rest.join(" ")))
                .or_else(|| english_deadline(&rest.join(" ")))
        }
        ["before", rest @ ..] if !rest.is_empty() => {
            let inner = rest.join(" ");
            phrase(&inner)
                .map(|zh| {
                    zh.strip_suffix("下班前")
                        .map_or_else(|| format!("{zh}前"), |day| format!("{day}下班前"))
                })
                .or_else(|| (!inner.chars().any(|c| c.is_ascii_alphabetic())).then(|| format!("{inner}前")))
        }
        ["within" | "in", rest @ ..] if !rest.is_empty() => count(rest),
        _ => phrase(&s),
    }
}

/// A Chinese holiday named in English (`CNY`, `the National Day holiday`, `Mid-Autumn`), as
/// the deadline parser names it.
fn holiday(s: &str) -> Option<&'static str> {
    let s = s.trim();
    let s = s.strip_prefix("the ").unwrap_or(s);
    let s = ["holidays", "holiday", "break", "festival"]
        .iter()
        .find_map(|w| s.strip_suffix(w))
        .unwrap_or(s)
        .trim();
    Some(match s {
        "cny" | "chinese new year" | "lunar new year" | "spring" => "春节",
        "national day" | "golden week" => "国庆",
        "mid-autumn" | "mid autumn" => "中秋",
        "dragon boat" => "端午",
        "qingming" | "tomb-sweeping" | "tomb sweeping" => "清明",
        "may day" | "labour day" | "labor day" => "五一",
        "new year" | "new year's day" => "元旦",
        _ => return None,
    })
}

/// One expression without a leading `by`.
fn phrase(s: &str) -> Option<String> {
    if let Some((_, zh)) = PHRASES.iter().find(|(en, _)| *en == s) {
        return Some((*zh).to_owned());
    }
    if let Some(h) = holiday(s) {
        return Some(h.to_owned());
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if let Some(c) = count(&words) {
        return Some(c);
    }
    // `3/13 (Fri)`: the weekday noted after the date, checked against it as `3月13日（周五）`.
    if let [date @ .., note] = words.as_slice()
        && let Some(d) = note
            .strip_prefix(['(', '（'])
            .and_then(|n| n.strip_suffix([')', '）']))
            .and_then(weekday)
        && !date.is_empty()
    {
        let day = phrase(&date.join(" ")).filter(|zh| zh.ends_with('日'))?;
        return Some(format!("{day}（周{d}）"));
    }
    match words.as_slice() {
        // `end of October`: the month's last working day, as `10月底`.
        ["end", "of", month] => MONTHS
            .iter()
            .find(|(en, _)| en == month)
            .map(|(_, m)| format!("{m}月底")),
        // `first working day after 国庆`, `… after the CNY holiday`: as `国庆后第一个工作日`.
        ["first", "working" | "business", "day", "after", holiday] if !holiday.is_ascii() => {
            Some(format!("{holiday}后第一个工作日"))
        }
        // `the first working day after …`: the article says nothing of the day.
        ["the", rest @ ..] if !rest.is_empty() => phrase(&rest.join(" ")),
        ["first", "working" | "business", "day", "after", rest @ ..] => {
            holiday(&rest.join(" ")).map(|h| format!("{h}后第一个工作日"))
        }
        ["next", day] => weekday(day).map(|d| format!("下周{d}")),
        [day, "next", "week"] => weekday(day).map(|d| format!("下周{d}")),
        ["this", day] => weekday(day).map(|d| format!("本周{d}")),
        ["eod" | "cob", day] | [day, "eod" | "cob"] => weekday(day).map(|d| format!("周{d}下班前")),
        [day] => weekday(day)
            .map(|d| format!("周{d}"))
            .or_else(|| month_day(day, None)),
        [a, b] => month_day(a, Some(b))
            .or_else(|| month_day(b, Some(a)))
            // `Friday 12:00`, `Thu 3pm`: a weekday and the hour on it.
            .or_else(|| Some(format!("周{}{}", weekday(a)?, clock(b)?))),
        _ => None,
    }
}

/// `12:00`, `9:30`, `3pm`, `11am` as `12:00`, `9:30`, `15:00`, `11:00`.
fn clock(w: &str) -> Option<String> {
    if let Some((h, m)) = w.split_once(':') {
        let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
        return (h < 24 && m < 60).then(|| format!("{h}:{m:02}"));
    }
    let (h, pm) = w
        .strip_suffix("pm")
        .map(|h| (h, true))
        .or_else(|| w.strip_suffix("am").map(|h| (h, false)))?;
    let h: u8 = h.parse().ok().filter(|h| (1..=12).contains(h))?;
    let h = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    Some(format!("{h}:00"))
}

/// `3 working days`, `2 business days`, `5 days`, `2 trading days`, `4 hours`.
fn count(words: &[&str]) -> Option<String> {
    let [n, unit @ ..] = words else { return None };
    // `within two weeks`: a number written as a word too.
    let n: u32 = n
        .parse()
        .ok()
        .or_else(|| {
            NUMBERS
                .iter()
                .position(|w| w == n)
                .and_then(|i| u32::try_from(i + 1).ok())
        })
        .filter(|n| *n > 0)?;
    let zh = match unit {
        ["working" | "business", "day" | "days"] => format!("{n}个工作日内"),
        ["trading", "day" | "days"] => format!("{n}个交易日内"),
        ["day" | "days"] => format!("{n}天内"),
        ["week" | "weeks"] => format!("{}天内", n * 7),
        ["hour" | "hours" | "hrs" | "hr" | "h"] => format!("{n}小时内"),
        _ => return None,
    };
    Some(zh)
}

/// The numbers written as words, from one.
const NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];

/// The weekday an English name or abbreviation (`Fri`, `friday`, any case) names, as `五`.
pub fn english_weekday(w: &str) -> Option<&'static str> {
    weekday(&w.to_lowercase())
}

fn weekday(w: &str) -> Option<&'static str> {
    WEEKDAYS.iter().find(|(en, _)| *en == w).map(|(_, zh)| *zh)
}

/// `Apr 24`, `24 Apr`, `April 24th`, or `8/31` (month first).
fn month_day(a: &str, b: Option<&&str>) -> Option<String> {
    let day = |s: &str| -> Option<u8> {
        let d = s
            .trim_end_matches("st")
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th");
        d.parse().ok().filter(|d| (1..=31).contains(d))
    };
    match b {
        Some(b) => {
            let m = MONTHS.iter().find(|(en, _)| *en == a.trim_end_matches('.'))?.1;
            Some(format!("{m}月{}日", day(b)?))
        }
        None => {
            let (m, d) = a.split_once('/')?;
            let m: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
            Some(format!("{m}月{}日", day(d)?))
        }
    }
}
