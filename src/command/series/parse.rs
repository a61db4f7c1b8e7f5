//! The `/例会` parser (pure): the first word is looked up in
//! [`SERIES_COMMANDS`](crate::command::spec::SERIES_COMMANDS) and dispatched on its
//! [`SeriesSub`] key.

use crate::command::context::Context;
use crate::command::grammar::{Cursor, MAX_TITLE_CHARS, Token, clip};
use crate::command::spec::SeriesSub;
use crate::command::when::parse_deadline;
use crate::domain::cadence::Cadence;
use crate::domain::ids::{Person, SeriesId};

use super::ast::{NewSeries, SeriesCmd, is_link};
use super::error::SeriesParseError;

/// Parses what follows `/例会` (lines are joined).
pub(crate) fn parse(lines: Vec<Vec<Token>>, ctx: &Context<'_>) -> Result<SeriesCmd, SeriesParseError> {
    let flat: Vec<Token> = lines.concat();
    let Some(first) = flat.first() else {
        return Ok(SeriesCmd::Help);
    };
    let Some(key) = first.bare().and_then(SeriesSub::from_word) else {
        return Err(SeriesParseError::UnknownSubcommand {
            word: clip(&first.as_text()),
        });
    };
    let mut c = Cursor::new(flat.get(1..).unwrap_or(&[]).to_vec(), key.spec().zh);
    let cmd = match key {
        SeriesSub::Create => return create(c.rest()).map(SeriesCmd::Create),
        SeriesSub::List => SeriesCmd::List,
        SeriesSub::Show => SeriesCmd::Show(c.next_id(SeriesId::parse)?),
        SeriesSub::Pause => SeriesCmd::Pause(c.next_id(SeriesId::parse)?),
        SeriesSub::Resume => SeriesCmd::Resume(c.next_id(SeriesId::parse)?),
        SeriesSub::Cancel => SeriesCmd::Cancel(c.next_id(SeriesId::parse)?),
        SeriesSub::Reschedule => {
            let id = c.next_id(SeriesId::parse)?;
            let text = c
                .rest()
                .iter()
                .filter_map(|t| t.bare().map(str::to_owned))
                .collect::<Vec<_>>()
                .join(" ");
            c.advance(c.rest().len());
            if text.is_empty() {
                return Err(SeriesParseError::MissingTime);
            }
            let to = parse_deadline(&text, ctx.now, ctx.calendar).map_err(SeriesParseError::BadTime)?;
            SeriesCmd::Reschedule { id, to }
        }
        SeriesSub::Help => return Ok(SeriesCmd::Help),
    };
    c.finish()?;
    Ok(cmd)
}

/// Where a field value starts: `提纲：<link>` (or `提纲` `<link>` / `提纲：` `<link>`).
const FIELDS: &[(&str, &str)] = &[
    ("提纲", "提纲"),
    ("议程", "提纲"),
    ("agenda", "提纲"),
    ("看板", "看板"),
    ("board", "看板"),
];

fn field_of(word: &str) -> Option<(&'static str, &str)> {
    FIELDS.iter().find_map(|(k, field)| {
        let rest = word.strip_prefix(k)?;
        let rest = rest
            .strip_prefix(':')
            .or_else(|| rest.strip_prefix('='))
            .or_else(|| rest.is_empty().then_some(""))?;
        Some((*field, rest))
    })
}

fn starts_cadence(word: &str) -> bool {
    ["每", "隔周", "双周"].iter().any(|p| word.starts_with(p))
}

/// `新建 <名称…> <周期…> [@参会人…] [提纲：…] [看板：…]`.
fn create(tokens: &[Token]) -> Result<NewSeries, SeriesParseError> {
    let mut name: Vec<String> = Vec::new();
    let mut cadence: Vec<String> = Vec::new();
    let mut attendees: Vec<Person> = Vec::new();
    let (mut agenda, mut board) = (None, None);
    let mut i = 0;
    while let Some(t) = tokens.get(i) {
        i += 1;
        match t {
            Token::Mention(p) => {
                if !attendees.iter().any(|a| a.open_id == p.open_id) {
                    attendees.push(p.clone());
                }
            }
            Token::Word { .. } => {
                let word = t.bare().unwrap_or_default();
                if let Some((field, rest)) = field_of(word) {
                    let value = if rest.is_empty() {
                        i += 1;
                        tokens.get(i - 1).and_then(Token::bare).unwrap_or_default()
                    } else {
                        rest
                    };
                    if !is_link(value) {
                        return Err(SeriesParseError::BadLink {
                            field,
                            input: clip(value),
                        });
                    }
                    let slot = if field == "提纲" {
                        &mut agenda
                    } else {
                        &mut board
                    };
                    *slot = Some(value.to_owned());
                } else if cadence.is_empty() && !starts_cadence(word) {
                    if attendees.is_empty() {
                        name.push(t.as_text());
                    } else {
                        return Err(SeriesParseError::MissingCadence);
                    }
                } else {
                    cadence.push(word.to_owned());
                }
            }
        }
    }
    if name.is_empty() {
        return Err(SeriesParseError::MissingName);
    }
    if cadence.is_empty() {
        return Err(SeriesParseError::MissingCadence);
    }
    let name = name.join(" ");
    if name.chars().count() > MAX_TITLE_CHARS {
        return Err(SeriesParseError::MissingName);
    }
    let cadence_text = cadence.join(" ");
    let parsed = Cadence::parse(&cadence_text).map_err(SeriesParseError::BadCadence)?;
    Ok(NewSeries {
        name,
        cadence: parsed,
        cadence_text,
        attendees,
        agenda,
        board,
    })
}
