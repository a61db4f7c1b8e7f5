//! Times of day: annotations after a date, parts of the day, clock times.

use super::super::lex::Cursor;

use super::days::*;
use super::expr::*;

/// `(周五)`, `（星期五）`, ` 周五` after a date.
pub(in crate::command::when) fn annotation(c: &mut Cursor) -> Option<u8> {
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

pub(in crate::command::when) fn part_of_day(c: &mut Cursor) -> Option<Part> {
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

/// `晚22:00`, `晚9点`: a bare 晚 right before a clock time is the evening (alone it is no part of
/// day: `晚些时候`).
fn evening_before_clock(c: &mut Cursor) -> Option<Part> {
    let mark = c.mark();
    if !c.eat("晚") {
        return None;
    }
    let at = c.mark();
    c.ws();
    if clock(c).is_some() {
        c.reset(at);
        Some(Part::Evening)
    } else {
        c.reset(mark);
        None
    }
}

/// [part of day] [clock], at least one of them.
pub(in crate::command::when) fn time_of_day(c: &mut Cursor, from_day: Option<Part>) -> Option<Tod> {
    let mark = c.mark();
    let part = part_of_day(c).or_else(|| evening_before_clock(c)).or(from_day);
    c.ws();
    let clock = clock(c);
    if part.is_none() && clock.is_none() {
        c.reset(mark);
        return None;
    }
    Some(Tod { part, clock })
}

/// `18:00`, `3点`, `三点半`, `10点一刻`, `18时30分`, `9点05`.
pub(in crate::command::when) fn clock(c: &mut Cursor) -> Option<Clock> {
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
