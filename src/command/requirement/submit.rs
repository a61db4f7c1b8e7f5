//! A `/需求` submission (pure): a title, then `key：value` fields on the same or following
//! lines; a line without a key continues 说明.

use crate::command::context::Context;
use crate::command::grammar::{MAX_TITLE_CHARS, Token, clip, field_start, grammar_text, join, non_empty};
use crate::command::when::parse_deadline;
use crate::domain::ids::Person;
use crate::domain::priority::Priority;

use super::ast::NewReq;
use super::error::RequirementParseError;

/// A field of the submission form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Unit,
    Scenario,
    Expected,
    Priority,
    Contact,
    Description,
}

const FIELDS: &[(&str, Field)] = &[
    ("提出单位", Field::Unit),
    ("营业部", Field::Unit),
    ("单位", Field::Unit),
    ("分支机构", Field::Unit),
    ("场景", Field::Scenario),
    ("业务场景", Field::Scenario),
    ("期望上线时间", Field::Expected),
    ("期望上线", Field::Expected),
    ("上线时间", Field::Expected),
    ("期望时间", Field::Expected),
    ("优先级", Field::Priority),
    ("联系人", Field::Contact),
    ("说明", Field::Description),
    ("描述", Field::Description),
    ("备注", Field::Description),
];

/// A token starting a field (`场景：…`), with the text glued after the colon.
fn field_of(token: &Token) -> Option<(Field, Option<Token>)> {
    field_start(token, FIELDS)
}

/// A submission: title tokens up to the first field, then `key：value` fields.
pub(super) fn submit(lines: &[Vec<Token>], ctx: &Context<'_>) -> Result<NewReq, RequirementParseError> {
    let mut title: Vec<Token> = Vec::new();
    let mut fields: Vec<(Field, Vec<Token>)> = Vec::new();
    // A mention outside a 联系人 field is the contact (the first one).
    let mut loose_contact: Option<Person> = None;
    for (n, line) in lines.iter().enumerate() {
        let starts_with_field = line.first().and_then(field_of).is_some();
        if n > 0 && !starts_with_field {
            // A line without a key continues 说明, in order.
            fields.push((Field::Description, line.clone()));
            continue;
        }
        for token in line {
            if let Some((field, glued)) = field_of(token) {
                fields.push((field, glued.into_iter().collect()));
                continue;
            }
            let in_contact = fields.last().is_some_and(|(f, _)| *f == Field::Contact);
            match (token, fields.last_mut()) {
                (Token::Mention(p), _) if !in_contact => {
                    loose_contact.get_or_insert_with(|| p.clone());
                }
                (_, Some((_, value))) => value.push(token.clone()),
                (_, None) => title.push(token.clone()),
            }
        }
    }
    let mut description: Vec<String> = Vec::new();
    let mut req = NewReq {
        title: String::new(),
        unit: None,
        scenario: None,
        expected: None,
        priority: Priority::default(),
        contact: None,
        description: None,
    };
    let words = title;
    req.title = join(&words);
    if req.title.is_empty() {
        return Err(RequirementParseError::MissingTitle);
    }
    let chars = req.title.chars().count();
    if chars > MAX_TITLE_CHARS {
        return Err(RequirementParseError::TitleTooLong { chars });
    }
    for (field, value) in fields {
        let text = join(&value);
        let text = text.trim();
        let grammar = grammar_text(&value);
        let grammar = grammar.trim();
        match field {
            Field::Unit => req.unit = non_empty(text),
            Field::Scenario => req.scenario = non_empty(text),
            Field::Description => description.extend(non_empty(text)),
            Field::Priority if !text.is_empty() => {
                req.priority = Priority::parse(grammar)
                    .ok_or_else(|| RequirementParseError::BadPriority { input: clip(text) })?;
            }
            Field::Priority => {}
            Field::Expected if !text.is_empty() => {
                req.expected = Some(
                    parse_deadline(grammar, ctx.now, ctx.calendar)
                        .map_err(RequirementParseError::BadDeadline)?,
                );
            }
            Field::Expected => {}
            Field::Contact => match value.as_slice() {
                [Token::Mention(p)] => req.contact = Some(p.clone()),
                [] => {}
                _ => return Err(RequirementParseError::BadContact),
            },
        }
    }
    if req.contact.is_none() {
        req.contact = loose_contact;
    }
    req.description = non_empty(&description.join("\n"));
    Ok(req)
}
