//! The entry point (pure): one chat message to a [`Command`] of the family its prefix names.

use crate::command::ast::{Command, SuperviseCmd};
use crate::command::context::Context;
use crate::command::error::ParseError;
use crate::command::grammar::{Token, lexer};
use crate::command::mention::Mention;
use crate::command::prefix::{Prefix, glued_is_ours, prefix_of};
use crate::command::{minutes, project, requirement, series, supervise};

/// Parses one chat message.
///
/// Returns `Ok(None)` when the message is not a command for this bot.
///
/// # Errors
/// [`ParseError`] when it is ours but wrong; its `Display` says what to type instead.
pub fn parse(text: &str, mentions: &[Mention], ctx: &Context<'_>) -> Result<Option<Command>, ParseError> {
    if !lexer::may_start_command(text, mentions) {
        return Ok(None);
    }
    parse_any(text, mentions, ctx)
}

/// [`parse`] without its quick test for chatter.
pub(crate) fn parse_any(
    text: &str,
    mentions: &[Mention],
    ctx: &Context<'_>,
) -> Result<Option<Command>, ParseError> {
    if let Some(minutes) = minutes::parse(text, mentions, ctx) {
        return minutes.map(|m| Some(Command::Minutes(m)));
    }
    let lines = lexer::lex(text, mentions);
    // Leading mentions (the bot) and blank lines before the prefix are skipped.
    let mut flat = lines
        .into_iter()
        .enumerate()
        .flat_map(|(n, line)| line.into_iter().map(move |t| (n, t)));
    let (prefix_line, prefix, glued, ascii) = loop {
        match flat.next() {
            Some((_, Token::Mention(_))) => {}
            Some((n, token)) => match token.bare().and_then(prefix_of) {
                Some((p, len)) => {
                    let ascii = token
                        .bare()
                        .and_then(|w| w.chars().nth(1))
                        .is_some_and(|c| c.is_ascii());
                    break (n, p, token.tail(len), ascii);
                }
                None => return Ok(None),
            },
            None => return Ok(None),
        }
    };
    let flat: Vec<(usize, Token)> = flat.collect();
    if let Some(word) = glued.as_ref().and_then(Token::bare)
        && !glued_is_ours(prefix, word, ascii, &flat, prefix_line)
    {
        return Ok(None);
    }
    if prefix == Prefix::Help {
        return Ok(Some(Command::Supervise(SuperviseCmd::Help)));
    }
    // The first line holds what follows the prefix; later lines (blank ones dropped) follow.
    let mut rest: Vec<Vec<Token>> = vec![glued.into_iter().collect()];
    let mut current = prefix_line;
    for (n, token) in flat {
        if n != current {
            rest.push(Vec::new());
            current = n;
        }
        if let Some(line) = rest.last_mut() {
            line.push(token);
        }
    }
    match prefix {
        Prefix::Project => project::parse(rest, ctx)
            .map(|c| Some(Command::Project(c)))
            .map_err(ParseError::Project),
        Prefix::Requirement => requirement::parse(rest, ctx)
            .map(|c| Some(Command::Requirement(c)))
            .map_err(ParseError::Requirement),
        Prefix::Series => series::parse(rest, ctx)
            .map(|c| Some(Command::Series(c)))
            .map_err(ParseError::Series),
        Prefix::Supervise | Prefix::Help => supervise::parse(rest, ctx).map(|c| Some(Command::Supervise(c))),
    }
}
