//! The `/需求` parser (pure): the first word is looked up in [`REQUIREMENT_COMMANDS`] and
//! dispatched on its [`RequirementSub`] key with an exhaustive `match`; a line without a
//! subcommand word is a submission (`submit.rs`).
//!
//! [`REQUIREMENT_COMMANDS`]: crate::command::spec::REQUIREMENT_COMMANDS

use crate::command::context::Context;
use crate::command::grammar::{Cursor, Token, clip, trim_punct};
use crate::command::spec::RequirementSub;
use crate::domain::ids::{ProjectId, RequirementId};

use super::ast::{AcceptTarget, ReqCmd, ReqFilter};
use super::error::RequirementParseError;
use super::submit::submit;

/// Parses what follows `/需求`.
pub(crate) fn parse(lines: Vec<Vec<Token>>, ctx: &Context<'_>) -> Result<ReqCmd, RequirementParseError> {
    let flat: Vec<Token> = lines.concat();
    let Some(first) = flat.first() else {
        return Ok(ReqCmd::Help);
    };
    let key = match first.bare().and_then(RequirementSub::from_word) {
        Some(key) => key,
        None if looks_like_unknown_subcommand(&flat) => {
            return Err(RequirementParseError::UnknownSubcommand {
                word: clip(&first.as_text()),
            });
        }
        None => RequirementSub::Submit,
    };
    let zh = key.spec().zh;
    let mut c = Cursor::new(flat.get(1..).unwrap_or(&[]).to_vec(), zh);
    let text = |c: &mut Cursor| {
        c.rest_text()
            .ok_or(RequirementParseError::MissingText { command: zh })
    };
    let id = |c: &mut Cursor| c.next_id(RequirementId::parse);
    let cmd = match key {
        RequirementSub::Submit => return submit(&lines, ctx).map(ReqCmd::Submit),
        RequirementSub::Form => ReqCmd::Form,
        RequirementSub::Accept => ReqCmd::Accept {
            id: id(&mut c)?,
            target: target(&mut c)?,
        },
        RequirementSub::Merge => ReqCmd::Merge {
            id: id(&mut c)?,
            into: id(&mut c)?,
        },
        RequirementSub::Reject => ReqCmd::Reject {
            id: id(&mut c)?,
            reason: text(&mut c)?,
        },
        RequirementSub::AskInfo => ReqCmd::AskInfo {
            id: id(&mut c)?,
            what: text(&mut c)?,
        },
        RequirementSub::Supplement => ReqCmd::Supplement {
            id: id(&mut c)?,
            text: text(&mut c)?,
        },
        RequirementSub::Show => ReqCmd::Show(id(&mut c)?),
        RequirementSub::List => ReqCmd::List(filter(&mut c)?),
        RequirementSub::Board => ReqCmd::Board,
        RequirementSub::Help => return Ok(ReqCmd::Help),
    };
    c.finish()?;
    Ok(cmd)
}

/// `删除 XQ-3`: a short word and an explicit `XQ-` number, nothing else.
fn looks_like_unknown_subcommand(tokens: &[Token]) -> bool {
    match tokens {
        [
            Token::Word {
                text: w,
                quoted: false,
                ..
            },
            Token::Word {
                text: id,
                quoted: false,
                ..
            },
        ] => {
            let short = w.chars().count() <= 4 || (w.is_ascii() && w.len() <= 12);
            short
                && id.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("XQ"))
                && RequirementId::parse(trim_punct(id)).is_some()
        }
        _ => false,
    }
}

fn target(c: &mut Cursor) -> Result<AcceptTarget, RequirementParseError> {
    let Some(token) = c.peek().cloned() else {
        return Ok(AcceptTarget::None);
    };
    c.advance(1);
    let word = token.bare().map(trim_punct).unwrap_or_default();
    if matches!(word, "新建项目" | "新项目" | "new") {
        return Ok(AcceptTarget::NewProject {
            owner: c.next_mention(),
        });
    }
    let is_project = word.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("XM"));
    match ProjectId::parse(word).filter(|_| is_project) {
        Some(p) => Ok(AcceptTarget::Project(p)),
        None => Err(RequirementParseError::BadTarget {
            input: clip(&token.as_text()),
        }),
    }
}

fn filter(c: &mut Cursor) -> Result<ReqFilter, RequirementParseError> {
    match c.next_choice(FILTERS) {
        Ok(filter) => Ok(filter.unwrap_or_default()),
        Err(word) => Err(RequirementParseError::UnknownFilter { word: clip(&word) }),
    }
}

/// The words of `列表`'s filters.
const FILTERS: &[(&str, ReqFilter)] = &[
    ("待受理", ReqFilter::Pending),
    ("pending", ReqFilter::Pending),
    ("我的", ReqFilter::Mine),
    ("mine", ReqFilter::Mine),
    ("全部", ReqFilter::All),
    ("all", ReqFilter::All),
    ("未关闭", ReqFilter::Open),
    ("open", ReqFilter::Open),
];
