//! Small pieces every part of the grammar uses.

use super::super::lex::Cursor;

pub(in crate::command::when) fn finished(c: &mut Cursor) -> bool {
    c.ws();
    c.at_end()
}

/// Optional duration suffix: 后/以后/之后/内/之内/以内.
pub(in crate::command::when) fn duration_suffix(c: &mut Cursor) {
    c.ws();
    let _ = c.eat_any(&["以后", "之后", "过后", "后", "之内", "以内", "内"]);
}

/// Hours and minutes from now (C3: exact).
pub(in crate::command::when) fn exact(c: &mut Cursor) -> Option<i64> {
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
