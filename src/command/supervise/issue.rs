//! `下达 <事项> 对象：… 截止：… [指标：…] [优先级：…] [@主办 @协办…]` (pure), on one line or one
//! field per line, like a creation. Which units `对象` names is the registry's to say, in the
//! service; the deadline, the target and the priority are read here.

use crate::command::ast::IssueBatch;
use crate::command::context::Context;
use crate::command::error::ParseError;
use crate::command::grammar::{Token, field_start, grammar_text, join};
use crate::command::when::parse_deadline;
use crate::domain::batch::Target;
use crate::domain::priority::Priority;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Units,
    Deadline,
    Target,
    Priority,
}

const KEYS: &[(&str, Field)] = &[
    ("对象", Field::Units),
    ("下达对象", Field::Units),
    ("单位", Field::Units),
    ("截止", Field::Deadline),
    ("截止时间", Field::Deadline),
    ("指标", Field::Target),
    ("目标", Field::Target),
    ("优先级", Field::Priority),
];

/// Parses the tokens after `下达` (every line, the first without its `下达`).
pub(super) fn parse(tokens: &[Token], ctx: &Context<'_>) -> Result<IssueBatch, ParseError> {
    let mut title: Vec<Token> = Vec::new();
    let mut fields: Vec<(Field, Vec<Token>)> = Vec::new();
    let mut people = Vec::new();
    for t in tokens {
        if let Token::Mention(p) = t {
            if !people
                .iter()
                .any(|q: &crate::domain::ids::Person| q.open_id == p.open_id)
            {
                people.push(p.clone());
            }
            continue;
        }
        if let Some((f, tail)) = field_start(t, KEYS) {
            fields.push((f, tail.into_iter().collect()));
            continue;
        }
        match fields.last_mut() {
            Some((_, v)) => v.push(t.clone()),
            None => title.push(t.clone()),
        }
    }
    let text_of = |f: Field| {
        fields
            .iter()
            .rev()
            .filter(|(k, _)| *k == f)
            .map(|(_, v)| grammar_text(v))
            .find(|s| !s.trim().is_empty())
    };
    let title = join(&title);
    if title.trim().is_empty() {
        return Err(ParseError::IssueIncomplete { what: "事项" });
    }
    let selector = text_of(Field::Units).ok_or(ParseError::IssueIncomplete { what: "对象" })?;
    let when = text_of(Field::Deadline).ok_or(ParseError::IssueIncomplete { what: "截止" })?;
    let deadline = parse_deadline(&when, ctx.now, ctx.calendar).map_err(ParseError::IssueDeadline)?;
    let target = match text_of(Field::Target) {
        Some(t) => Some(Target::parse(&t).map_err(|e| ParseError::BadTarget {
            message: e.to_string(),
        })?),
        None => None,
    };
    let priority = match text_of(Field::Priority) {
        Some(p) => Priority::parse(&p).ok_or(ParseError::BadPriority { input: p })?,
        None => Priority::default(),
    };
    Ok(IssueBatch {
        title: title.trim().to_owned(),
        selector,
        deadline,
        target,
        priority,
        owners: people,
    })
}
