//! `考评 [期间] [@某人]`, `考评 导出 [期间] [单位]`, `考评 推送 [期间]`, and
//! `标杆|负面 @某人 <代码> [DB-n] 说明` / `标杆|负面 备注 BR-n 说明`. The catalogue code is
//! checked in the service (the catalogue is configuration).

use crate::command::ast::{AppraisalCmd, BehaviourCmd};
use crate::command::error::ParseError;
use crate::command::grammar::{Cursor, Token};
use crate::domain::appraisal::{BehaviourKind, RecordId, Window};
use crate::domain::ids::ItemId;

/// `考评 …`.
pub(super) fn appraisal(c: &mut Cursor) -> Result<AppraisalCmd, ParseError> {
    match c.peek().and_then(Token::bare) {
        Some("导出" | "export") => {
            c.advance(1);
            let window = window(c)?.unwrap_or_default();
            let unit = c.rest_text();
            Ok(AppraisalCmd::Export { window, unit })
        }
        Some("推送" | "push") => {
            c.advance(1);
            let window = window(c)?.unwrap_or_default();
            Ok(AppraisalCmd::Push { window })
        }
        _ => {
            let mut person = c.next_mention();
            let w = window(c)?;
            if person.is_none() {
                person = c.next_mention();
            }
            Ok(AppraisalCmd::Show {
                window: w.unwrap_or_default(),
                person,
            })
        }
    }
}

/// An optional period word: `Ok(None)` when none is next, an error for another word.
fn window(c: &mut Cursor) -> Result<Option<Window>, ParseError> {
    let Some(token) = c.peek() else {
        return Ok(None);
    };
    match token.bare().map(|w| (w, Window::parse(w))) {
        Some((_, Some(w))) => {
            c.advance(1);
            Ok(Some(w))
        }
        Some((word, None)) => Err(ParseError::UnknownAppraisalPeriod { word: word.to_owned() }),
        None => Ok(None),
    }
}

/// `标杆|负面 …` (`kind` from the subcommand word).
pub(super) fn behaviour(c: &mut Cursor, kind: BehaviourKind) -> Result<BehaviourCmd, ParseError> {
    let command = kind.label();
    let missing = |what| ParseError::BehaviourIncomplete { command, what };
    if matches!(c.peek().and_then(Token::bare), Some("备注" | "comment")) {
        c.advance(1);
        let id = c
            .peek()
            .and_then(Token::bare)
            .and_then(RecordId::parse)
            .ok_or_else(|| missing("编号"))?;
        c.advance(1);
        let text = c.rest_text().ok_or_else(|| missing("备注"))?;
        return Ok(BehaviourCmd::Comment { kind, id, text });
    }
    let subject = c.next_mention().ok_or_else(|| missing("@某人"))?;
    let code = c
        .peek()
        .and_then(Token::bare)
        .map(str::to_owned)
        .ok_or_else(|| missing("代码"))?;
    c.advance(1);
    let item = c
        .peek()
        .and_then(Token::bare)
        .filter(|w| w.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("db")))
        .and_then(ItemId::parse);
    if item.is_some() {
        c.advance(1);
    }
    Ok(BehaviourCmd::Record {
        kind,
        subject,
        code,
        item,
        note: c.rest_text(),
    })
}
