//! `绑定单位 <名称> [类型] [片区] @负责人…` and `单位 [列表] | 解绑 <名称>` (pure). Whether the
//! region is known, the group free and the name new is the registry's to say, in the service.

use crate::command::ast::{BindUnit, UnitsCmd};
use crate::command::error::ParseError;
use crate::command::grammar::{Cursor, Token};
use crate::domain::unit::UnitKind;

/// `绑定单位 杭州营业部 [营业部] [华东片区] @负责人…`: the name first, then the kind (one of the
/// known kinds), the region (any other word) and the heads in any order.
pub(super) fn bind(c: &mut Cursor) -> Result<BindUnit, ParseError> {
    let name = match c.peek().and_then(Token::bare) {
        Some(w) => w.to_owned(),
        None => {
            return Err(ParseError::MissingUnitName {
                command: "绑定单位"
            });
        }
    };
    c.advance(1);
    let mut out = BindUnit {
        name,
        kind: None,
        region: None,
        heads: Vec::new(),
    };
    loop {
        if let Some(p) = c.next_mention() {
            if !out.heads.iter().any(|h| h.open_id == p.open_id) {
                out.heads.push(p);
            }
            continue;
        }
        let Some(word) = c.peek().and_then(Token::bare).map(str::to_owned) else {
            break;
        };
        if out.kind.is_none() && UnitKind::known(&word).is_some() {
            out.kind = Some(word);
        } else if out.region.is_none() {
            out.region = Some(word);
        } else {
            break;
        }
        c.advance(1);
    }
    Ok(out)
}

/// `单位`, `单位 列表`, `单位 解绑 杭州营业部`.
pub(super) fn units(c: &mut Cursor) -> Result<UnitsCmd, ParseError> {
    let Some(word) = c.peek().map(|t| (t.bare().map(str::to_owned), t.as_text())) else {
        return Ok(UnitsCmd::List);
    };
    match word {
        (Some(w), _) if w == "列表" || w.eq_ignore_ascii_case("list") => {
            c.advance(1);
            Ok(UnitsCmd::List)
        }
        (Some(w), _) if w == "解绑" || w.eq_ignore_ascii_case("unbind") => {
            c.advance(1);
            let name = c
                .rest_text()
                .ok_or(ParseError::MissingUnitName { command: "单位" })?;
            Ok(UnitsCmd::Unbind { name })
        }
        (_, text) => Err(ParseError::UnknownUnitsWord { word: text }),
    }
}
