//! `下达 列表` / `下达 查看 XD-3` / `下达 取消 XD-3 原因` / `下达 延期 XD-3 <新截止时间> [原因]`
//! (pure): the words after `下达` that manage a batch rather than issue one.

use super::create::{Prefer, Search, find_deadline};
use crate::command::ast::SuperviseCmd;
use crate::command::context::Context;
use crate::command::error::ParseError;
use crate::command::grammar::{Cursor, Token};
use crate::domain::ids::BatchId;

/// The words after `下达` that manage a batch.
pub(crate) const WORDS: [&str; 4] = ["列表", "查看", "取消", "延期"];

/// Whether the line after `下达` starts with one of [`WORDS`].
pub(super) fn is_batch_word(c: &Cursor) -> bool {
    c.peek().and_then(Token::bare).is_some_and(|w| WORDS.contains(&w))
}

/// Parses `列表`, `查看 XD-3`, `取消 XD-3 原因`, `延期 XD-3 <截止时间> [原因]`.
pub(super) fn parse(c: &mut Cursor, ctx: &Context<'_>) -> Result<SuperviseCmd, ParseError> {
    let word = c.peek().and_then(Token::bare).unwrap_or_default().to_owned();
    c.advance(1);
    if word == "列表" {
        return Ok(SuperviseCmd::IssueList);
    }
    let word: &'static str = WORDS.into_iter().find(|w| *w == word).unwrap_or("查看");
    let id = c
        .peek()
        .and_then(Token::bare)
        .and_then(BatchId::parse)
        .ok_or(ParseError::MissingBatchId { word })?;
    c.advance(1);
    Ok(match word {
        "取消" => SuperviseCmd::IssueCancel {
            id,
            reason: c.rest_text().ok_or(ParseError::BatchCancelNeedsReason)?,
        },
        "延期" => {
            let rest = c.rest().to_vec();
            let usable: Vec<bool> = rest.iter().map(|t| t.bare().is_some()).collect();
            match find_deadline(&rest, &usable, Prefer::First, ctx) {
                Search::Found { deadline, start, len } => {
                    let mut others: Vec<Token> = rest.get(..start).unwrap_or(&[]).to_vec();
                    others.extend_from_slice(rest.get(start + len..).unwrap_or(&[]));
                    let mut reason = Cursor::new(others, "下达");
                    c.advance(rest.len());
                    SuperviseCmd::IssueExtend {
                        id,
                        deadline,
                        reason: reason.rest_text(),
                    }
                }
                Search::Refused(e) => return Err(ParseError::BatchDeadline(e)),
                Search::Nothing => return Err(ParseError::BatchExtendNeedsDeadline),
            }
        }
        _ => SuperviseCmd::IssueShow(id),
    })
}
