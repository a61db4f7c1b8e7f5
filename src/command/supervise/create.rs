//! Creation (pure): `/督办 <事项> @主办 [@协办…] <截止时间> [P0-P3] [#标签]`, on one line or as
//! structured `key：value` lines. See the grammar in [`crate::command`].

use crate::command::ast::CreateItem;
use crate::command::context::Context;
use crate::command::error::ParseError;
use crate::command::grammar::{
    MAX_MENTIONS, MAX_TAGS, MAX_TITLE_CHARS, Token, field_start, grammar_text, join, non_empty,
};
use crate::command::when::{DeadlineError, parse_deadline};
use crate::domain::deadline::Deadline;
use crate::domain::ids::Person;
use crate::domain::item::ItemClass;
use crate::domain::priority::Priority;

/// A field of the structured form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Owner,
    Assistants,
    Deadline,
    Priority,
    Resources,
    Scenario,
    Description,
    Tags,
    Class,
}

/// Field keys as users write them; looked up exactly.
const FIELDS: &[(&str, Field)] = &[
    ("负责人", Field::Owner),
    ("主办", Field::Owner),
    ("主办人", Field::Owner),
    ("协办", Field::Assistants),
    ("协办人", Field::Assistants),
    ("截止", Field::Deadline),
    ("截止时间", Field::Deadline),
    ("截止日期", Field::Deadline),
    ("期限", Field::Deadline),
    ("完成时间", Field::Deadline),
    ("优先级", Field::Priority),
    ("资源投入", Field::Resources),
    ("资源", Field::Resources),
    ("场景", Field::Scenario),
    ("说明", Field::Description),
    ("描述", Field::Description),
    ("备注", Field::Description),
    ("标签", Field::Tags),
    ("类别", Field::Class),
];

/// The longest run of adjacent words tried as one deadline ("明天 下午 3点").
const MAX_DEADLINE_WORDS: usize = 3;
/// The longest tail of a title word tried as a deadline, in characters.
const MAX_SUFFIX_CHARS: usize = 16;

/// Where to look for a deadline first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prefer {
    /// The group that ends last (creation: the deadline follows the title).
    Last,
    /// The group that starts first (`延期 DB-12 <deadline> <reason>`).
    First,
}

/// What a deadline search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Search {
    /// `len` tokens from `start` read as this deadline.
    Found {
        /// The deadline.
        deadline: Deadline,
        /// First token.
        start: usize,
        /// Number of tokens.
        len: usize,
    },
    /// Nothing parsed, but something was recognised as a time and refused.
    Refused(DeadlineError),
    /// No time expression at all.
    Nothing,
}

/// Looks for 1–3 adjacent usable tokens that read as a deadline (longest group first).
pub(crate) fn find_deadline(tokens: &[Token], usable: &[bool], prefer: Prefer, ctx: &Context<'_>) -> Search {
    let n = tokens.len().min(usable.len());
    let mut windows = Vec::new();
    match prefer {
        Prefer::Last => {
            for end in (0..n).rev() {
                for len in (1..=MAX_DEADLINE_WORDS.min(end + 1)).rev() {
                    windows.push((end + 1 - len, len));
                }
            }
        }
        Prefer::First => {
            for start in 0..n {
                for len in (1..=MAX_DEADLINE_WORDS.min(n - start)).rev() {
                    windows.push((start, len));
                }
            }
        }
    }
    let mut refused = None;
    for (start, len) in windows {
        let (Some(group), Some(ok)) = (tokens.get(start..start + len), usable.get(start..start + len)) else {
            continue;
        };
        if !ok.iter().all(|u| *u) {
            continue;
        }
        let words: Option<Vec<&str>> = group.iter().map(Token::bare).collect();
        let Some(words) = words else { continue };
        match parse_deadline(&words.join(" "), ctx.now, ctx.calendar) {
            Ok(deadline) => return Search::Found { deadline, start, len },
            Err(e) if !e.is_not_a_time() => {
                refused.get_or_insert(e);
            }
            Err(_) => {}
        }
    }
    refused.map_or(Search::Nothing, Search::Refused)
}

/// Parses a creation from the lines after the prefix (the first line may be empty).
pub(crate) fn parse(lines: &[Vec<Token>], ctx: &Context<'_>) -> Result<CreateItem, ParseError> {
    super::repeat::creation(lines, ctx, parse_lines)
}

/// [`parse`] once the `重复：` field is taken out (see [`super::repeat`]).
fn parse_lines(lines: &[Vec<Token>], ctx: &Context<'_>) -> Result<CreateItem, ParseError> {
    let mentions = lines
        .iter()
        .flatten()
        .filter(|t| matches!(t, Token::Mention(_)))
        .count();
    if mentions > MAX_MENTIONS {
        return Err(ParseError::TooManyMentions { count: mentions });
    }
    let structured = lines
        .iter()
        .skip(1)
        .any(|l| l.first().and_then(field_of).is_some());
    let (inline, fields, mut description) = if structured {
        let (fields, description) = read_fields(lines.get(1..).unwrap_or(&[]));
        (lines.first().cloned().unwrap_or_default(), fields, description)
    } else {
        (lines.concat(), Vec::new(), Vec::new())
    };

    // Mentions, priority and tags on the first line (or the whole text).
    let mut people: Vec<Person> = Vec::new();
    let mut priority = None;
    // `#突发` / `#挑战` / `#承诺` (or the `类别：` field) is the class, not a tag.
    let mut class: Option<ItemClass> = None;
    let mut tags: Vec<String> = Vec::new();
    let mut usable = vec![false; inline.len()];
    for (i, token) in inline.iter().enumerate() {
        match token {
            Token::Mention(p) => people.push(p.clone()),
            Token::Word { quoted: true, .. } => {}
            Token::Word {
                text, quoted: false, ..
            } => {
                if let Some(p) = Priority::parse(text).filter(|_| priority.is_none()) {
                    priority = Some(p);
                } else if text.starts_with('#') && text.len() > 1 {
                    for t in text.split('#').filter(|t| !t.is_empty()) {
                        match tag_class(t) {
                            Some(c) if class.is_none() => class = Some(c),
                            Some(_) => {}
                            None => tags.push(t.to_owned()),
                        }
                    }
                } else if let Some(slot) = usable.get_mut(i) {
                    *slot = true;
                }
            }
        }
    }
    let mut title_mask: Vec<bool> = inline
        .iter()
        .zip(&usable)
        .map(|(t, u)| *u || matches!(t, Token::Word { quoted: true, .. }))
        .collect();

    // Structured fields: the owner field's people come first, the assistants' last.
    let mut owners: Vec<Person> = Vec::new();
    let mut deadline_field: Option<Result<Deadline, ParseError>> = None;
    let (mut resources, mut scenario) = (None, None);
    for (field, value) in &fields {
        let text = join(value);
        let grammar = grammar_text(value);
        let persons = value.iter().filter_map(|t| match t {
            Token::Mention(p) => Some(p.clone()),
            Token::Word { .. } => None,
        });
        match field {
            Field::Owner => owners.extend(persons),
            Field::Assistants => people.extend(persons),
            Field::Deadline => {
                deadline_field = Some(if text.is_empty() {
                    Err(ParseError::MissingDeadline)
                } else {
                    parse_deadline(&grammar, ctx.now, ctx.calendar).map_err(ParseError::BadDeadline)
                });
            }
            Field::Priority if !text.is_empty() => {
                priority = Some(Priority::parse(&grammar).ok_or(ParseError::BadPriority { input: text })?);
            }
            Field::Priority => {}
            Field::Class if !text.is_empty() => {
                class = Some(ItemClass::parse(&grammar).ok_or(ParseError::BadClass { input: text })?);
            }
            Field::Class => {}
            Field::Resources => resources = non_empty(&text),
            Field::Scenario => scenario = non_empty(&text),
            Field::Description => description.extend(non_empty(&text)),
            Field::Tags => tags.extend(
                value
                    .iter()
                    .filter_map(Token::bare)
                    .flat_map(|w| w.split(['#', ',', '、']))
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned),
            ),
        }
    }
    owners.append(&mut people);
    let people = dedup_people(owners);
    let tags = dedup(tags);
    if tags.len() > MAX_TAGS {
        return Err(ParseError::TooManyTags { count: tags.len() });
    }

    // The deadline: a field wins; otherwise a group of words; otherwise the tail of the title.
    let mut words: Vec<String> = inline
        .iter()
        .zip(&title_mask)
        .filter(|(_, m)| **m)
        .map(|(t, _)| t.as_text())
        .collect();
    let deadline = match deadline_field {
        Some(d) => d?,
        None => match find_deadline(&inline, &usable, Prefer::Last, ctx) {
            Search::Found { deadline, start, len } => {
                for m in title_mask.iter_mut().skip(start).take(len) {
                    *m = false;
                }
                words = inline
                    .iter()
                    .zip(&title_mask)
                    .filter(|(_, m)| **m)
                    .map(|(t, _)| t.as_text())
                    .collect();
                deadline
            }
            found => {
                let last_bare = inline
                    .iter()
                    .zip(&title_mask)
                    .rev()
                    .find(|(_, m)| **m)
                    .and_then(|(t, _)| t.bare());
                // A last word that is itself a refused time (`3月14日` just passed) is not a title
                // with a time at its end: its tail (`14日`) must not be taken instead.
                let tail = last_bare.map(|w| match parse_deadline(w, ctx.now, ctx.calendar) {
                    Err(e) if !e.is_not_a_time() => Search::Refused(e),
                    _ => split_tail(w, ctx),
                });
                match (tail, found) {
                    (Some(Search::Found { deadline, start, .. }), _) => {
                        if let Some(w) = words.last_mut() {
                            let head: String = w.chars().take(start).collect();
                            *w = head;
                        }
                        deadline
                    }
                    (_, Search::Refused(e)) | (Some(Search::Refused(e)), _) => {
                        return Err(ParseError::BadDeadline(e));
                    }
                    // `五天内交三份报告`: the deadline glued before the task.
                    _ => match first_bare_word(&inline, &title_mask).map(|w| split_head(w, ctx)) {
                        Some(Search::Found { deadline, start, .. }) => {
                            if let Some(w) = words.first_mut() {
                                *w = w.chars().skip(start).collect();
                            }
                            deadline
                        }
                        _ => return Err(missing_before_deadline(&words, &people, ctx)),
                    },
                }
            }
        },
    };

    let title = words.join(" ");
    let title = if title.is_empty() {
        if !ctx.is_reply {
            return Err(ParseError::MissingTitle);
        }
        None
    } else {
        let chars = title.chars().count();
        if chars > MAX_TITLE_CHARS {
            return Err(ParseError::TitleTooLong { chars });
        }
        Some(title)
    };
    let mut people = people.into_iter();
    let owner = people.next().ok_or(ParseError::MissingOwner)?;
    Ok(CreateItem {
        title,
        owner,
        assistants: people.collect(),
        deadline,
        priority: priority.unwrap_or_default(),
        tags,
        resources,
        scenario,
        description: non_empty(&description.join("\n")),
        class,
        repeat: None,
    })
}

/// A `#` word that names a class: the Chinese words only (`#urgent` stays a tag).
fn tag_class(tag: &str) -> Option<ItemClass> {
    if tag.is_ascii() {
        return None;
    }
    ItemClass::parse(tag)
}

/// With no deadline found, report the first thing missing in reading order.
fn missing_before_deadline(words: &[String], people: &[Person], ctx: &Context<'_>) -> ParseError {
    if words.is_empty() && !ctx.is_reply {
        ParseError::MissingTitle
    } else if people.is_empty() {
        ParseError::MissingOwner
    } else {
        ParseError::MissingDeadline
    }
}

/// The longest tail of `word` that reads as a deadline, or is refused as one; `start` is in
/// characters. Never splits between two ASCII digits, and never takes the whole word.
fn split_tail(word: &str, ctx: &Context<'_>) -> Search {
    let chars: Vec<char> = word.chars().collect();
    let first = chars.len().saturating_sub(MAX_SUFFIX_CHARS).max(1);
    for start in first..chars.len() {
        let (Some(before), Some(at)) = (chars.get(start - 1), chars.get(start)) else {
            continue;
        };
        if before.is_ascii_digit() && at.is_ascii_digit() {
            continue;
        }
        let tail: String = chars.get(start..).unwrap_or(&[]).iter().collect();
        match parse_deadline(&tail, ctx.now, ctx.calendar) {
            Ok(deadline) => {
                return Search::Found {
                    deadline,
                    start,
                    len: 1,
                };
            }
            // The longest tail that reads as a time decides: a shorter one is a fragment of it
            // (`14日` of a refused `3月14日`).
            Err(e) if !e.is_not_a_time() => return Search::Refused(e),
            Err(_) => {}
        }
    }
    Search::Nothing
}

/// The first word of the title, when it is a bare word.
fn first_bare_word<'t>(inline: &'t [Token], mask: &[bool]) -> Option<&'t str> {
    inline
        .iter()
        .zip(mask)
        .find(|(_, m)| **m)
        .and_then(|(t, _)| t.bare())
}

/// The longest head of `word` that reads as a deadline ending like one (`五天内`, `月内`,
/// `后天上午10点前`, `国庆后第一个工作日`); `start` is where the task begins, in characters.
/// Never the whole word, never between two ASCII digits; a head such as `三季度` or `10月份`
/// stays part of the title (C14).
fn split_head(word: &str, ctx: &Context<'_>) -> Search {
    let chars: Vec<char> = word.chars().collect();
    for end in (2..chars.len()).rev() {
        let (Some(last), Some(next)) = (chars.get(end - 1), chars.get(end)) else {
            continue;
        };
        if (last.is_ascii_digit() && next.is_ascii_digit()) || !"内前日号天点时分半底末".contains(*last)
        {
            continue;
        }
        let head: String = chars.get(..end).unwrap_or(&[]).iter().collect();
        if let Ok(deadline) = parse_deadline(&head, ctx.now, ctx.calendar) {
            return Search::Found {
                deadline,
                start: end,
                len: 1,
            };
        }
    }
    Search::Nothing
}

/// `负责人：…` (the value may follow the colon directly).
fn field_of(token: &Token) -> Option<(Field, Option<Token>)> {
    field_start(token, FIELDS)
}

type Fields = Vec<(Field, Vec<Token>)>;

/// Reads `key：value` lines; lines not starting with a key continue the description.
fn read_fields(lines: &[Vec<Token>]) -> (Fields, Vec<String>) {
    let mut fields: Fields = Vec::new();
    let mut description = Vec::new();
    for line in lines {
        if line.first().and_then(field_of).is_none() {
            description.extend(non_empty(&join(line)));
            continue;
        }
        let mut current: Option<(Field, Vec<Token>)> = None;
        for token in line {
            if let Some((field, first)) = field_of(token) {
                if let Some(done) = current.take() {
                    push_field(&mut fields, &mut description, done);
                }
                current = Some((field, first.into_iter().collect()));
            } else if let Some((_, value)) = current.as_mut() {
                value.push(token.clone());
            }
        }
        if let Some(done) = current {
            push_field(&mut fields, &mut description, done);
        }
    }
    (fields, description)
}

/// Descriptions keep their place among continuation lines; other fields are collected.
fn push_field(fields: &mut Fields, description: &mut Vec<String>, (field, value): (Field, Vec<Token>)) {
    if field == Field::Description {
        description.extend(non_empty(&join(&value)));
    } else {
        fields.push((field, value));
    }
}

fn dedup(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

fn dedup_people(people: Vec<Person>) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    for p in people {
        if !out.iter().any(|q| q.open_id == p.open_id) {
            out.push(p);
        }
    }
    out
}
