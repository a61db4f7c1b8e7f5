//! Reading a cadence from what a person typed (pure): `每周一 9:30`, `每两周三 14:00`,
//! `每月第三个工作日`, `每月15号 上午10点`, `每季度末` …  Full-width characters and Chinese
//! numerals are understood.

use jiff::civil::{Time, Weekday};

use super::model::{Cadence, CadenceError};

/// Full-width ASCII folded, whitespace and a few separators dropped.
fn normalise(input: &str) -> Vec<char> {
    input
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '週' => '周',
            '號' => '号',
            '個' => '个',
            '點' => '点',
            '兩' => '两',
            '禮' => '礼',
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，' | '、' | '的'))
        .collect()
}

struct Cursor {
    chars: Vec<char>,
    pos: usize,
}

impl Cursor {
    fn eat(&mut self, word: &str) -> bool {
        let w: Vec<char> = word.chars().collect();
        if self.chars[self.pos..].starts_with(&w) {
            self.pos += w.len();
            true
        } else {
            false
        }
    }

    fn eat_any(&mut self, words: &[&str]) -> bool {
        words.iter().any(|w| self.eat(w))
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    /// An Arabic or Chinese number up to 99.
    fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        let mut value: u32 = 0;
        let mut digits = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            value = value.saturating_mul(10).saturating_add(d);
            digits += 1;
            self.pos += 1;
        }
        if digits > 0 {
            return Some(value);
        }
        // Chinese: 三, 十, 十五, 二十, 二十五, 三十一.
        let mut tens: Option<u32> = None;
        let mut units: Option<u32> = None;
        while let Some(c) = self.peek() {
            if c == '十' && tens.is_none() {
                tens = Some(units.take().unwrap_or(1));
            } else if let Some(d) = cn_digit(c) {
                if units.is_some() {
                    break;
                }
                units = Some(d);
            } else {
                break;
            }
            self.pos += 1;
        }
        match (tens, units) {
            (None, None) => {
                self.pos = start;
                None
            }
            (t, u) => Some(t.unwrap_or(0) * 10 + u.unwrap_or(0)),
        }
    }
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn weekday(cur: &mut Cursor) -> Option<Weekday> {
    cur.eat_any(&["星期", "礼拜", "周"]);
    let day = match cur.peek()? {
        '一' => Weekday::Monday,
        '二' => Weekday::Tuesday,
        '三' => Weekday::Wednesday,
        '四' => Weekday::Thursday,
        '五' => Weekday::Friday,
        '六' => Weekday::Saturday,
        '日' | '天' => Weekday::Sunday,
        _ => return None,
    };
    cur.pos += 1;
    Some(day)
}

enum Part {
    Morning,
    Noon,
    Afternoon,
    Bare,
}

/// A clock time: `9:30`, `14:00`, `9点`, `9点半`, `9点15分`, `9点一刻`, `上午9:30`, `下午2点`.
/// A bare hour 1–6 without 上午/早上 means the afternoon, as in the deadline conventions (C4).
fn time(cur: &mut Cursor) -> Result<Option<Time>, ()> {
    if cur.peek().is_none() {
        return Ok(None);
    }
    let part = if cur.eat_any(&["上午", "早上", "早晨", "凌晨"]) {
        Part::Morning
    } else if cur.eat_any(&["下午", "晚上", "傍晚"]) {
        Part::Afternoon
    } else if cur.eat("中午") {
        Part::Noon
    } else {
        Part::Bare
    };
    let Some(hour) = cur.number() else {
        return Err(());
    };
    let minute = if cur.eat_any(&[":", "：", "."]) {
        cur.number().ok_or(())?
    } else if cur.eat_any(&["点", "时"]) {
        if cur.eat("半") {
            30
        } else if cur.eat("一刻") {
            15
        } else if cur.eat("三刻") {
            45
        } else if let Some(m) = cur.number() {
            cur.eat("分");
            m
        } else {
            cur.eat("整");
            0
        }
    } else {
        return Err(());
    };
    let hour = match part {
        Part::Afternoon if (1..12).contains(&hour) => hour + 12,
        Part::Noon if (1..=2).contains(&hour) => hour + 12,
        Part::Bare if (1..=6).contains(&hour) => hour + 12,
        _ => hour,
    };
    cur.eat("开");
    if cur.peek().is_some() || hour > 23 || minute > 59 {
        return Err(());
    }
    let h = i8::try_from(hour).map_err(|_| ())?;
    let m = i8::try_from(minute).map_err(|_| ())?;
    Time::new(h, m, 0, 0).map(Some).map_err(|_| ())
}

pub(super) fn parse(input: &str) -> Result<Cadence, CadenceError> {
    let chars = normalise(input);
    if chars.is_empty() {
        return Err(CadenceError::empty());
    }
    let mut cur = Cursor { chars, pos: 0 };
    let bad = |_: &Cursor| CadenceError::unreadable(input.trim());
    let cadence = if cur.eat_any(&["每两周", "每隔一周", "隔周", "双周", "每2周"]) {
        let day = weekday(&mut cur);
        let time = time(&mut cur).map_err(|()| bad(&cur))?;
        Cadence::Biweekly { weekday: day, time }
    } else if cur.eat_any(&["每周", "每星期", "每个星期", "每礼拜", "每个礼拜"]) {
        let day = weekday(&mut cur);
        let time = time(&mut cur).map_err(|()| bad(&cur))?;
        Cadence::Weekly { weekday: day, time }
    } else if cur.eat_any(&["每个工作日", "每工作日", "工作日每天"]) {
        let time = time(&mut cur).map_err(|()| bad(&cur))?;
        Cadence::EveryWorkingDay { time }
    } else if cur.eat_any(&["每个交易日", "每交易日", "交易日每天"]) {
        let time = time(&mut cur).map_err(|()| bad(&cur))?;
        Cadence::EveryTradingDay { time }
    } else if cur.eat_any(&["每季度末", "每季末", "每季度最后一个工作日", "每个季度末"])
    {
        let time = time(&mut cur).map_err(|()| bad(&cur))?;
        Cadence::QuarterEnd { time }
    } else if cur.eat_any(&["每月", "每个月"]) {
        month(&mut cur).ok_or_else(|| bad(&cur))??
    } else {
        return Err(bad(&cur));
    };
    Ok(cadence)
}

/// After 每月: 第N个工作日 | 最后一个工作日 | 月末 | N日/号, then an optional time.
fn month(cur: &mut Cursor) -> Option<Result<Cadence, CadenceError>> {
    let cadence = if cur.eat("第") {
        let n = cur.number()?;
        cur.eat("个");
        if !cur.eat("工作日") {
            return None;
        }
        if !(1..=20).contains(&n) {
            return Some(Err(CadenceError::out_of_range("每月第N个工作日的N应在1到20之间")));
        }
        let time = time(cur).ok()?;
        Cadence::MonthNthWorkingDay {
            n: u8::try_from(n).ok()?,
            time,
        }
    } else if cur.eat_any(&["最后一个工作日", "最后1个工作日", "最后工作日", "末", "底"])
    {
        let time = time(cur).ok()?;
        Cadence::MonthLastWorkingDay { time }
    } else {
        let n = cur.number()?;
        if !cur.eat_any(&["日", "号"]) {
            return None;
        }
        if !(1..=31).contains(&n) {
            return Some(Err(CadenceError::out_of_range("每月N日的N应在1到31之间")));
        }
        let time = time(cur).ok()?;
        Cadence::MonthDay {
            day: u8::try_from(n).ok()?,
            time,
        }
    };
    Some(Ok(cadence))
}
