//! Messages that speak to the bot (pure): a group message that @-mentions it, or a 1:1 message.
//!
//! People who have @-mentioned the bot often leave out the command word: `@督办 帮助`,
//! `@督办 列表 我的`, `@督办 项目 列表`. Such a message reads as the command it abbreviates:
//! the bot's own mentions at the start are dropped, and a `/督办` subcommand word (Chinese, or
//! its English alias) first stands for `/督办 <word> …`; `项目` / `需求` followed by one of
//! their subcommand words stands for `/项目 …` / `/需求 …`. A message that is a command
//! already (`@督办 /督办 列表`) is parsed as it is. Anything else stays `Ok(None)`: the caller
//! answers it with a short help card, since the person was talking to the bot.

use crate::command::ast::Command;
use crate::command::context::Context;
use crate::command::error::ParseError;
use crate::command::grammar::lexer;
use crate::command::mention::Mention;
use crate::command::parse::parse;
use crate::command::spec::{ProjectSub, RequirementSub, SuperviseSub};
use crate::domain::ids::OpenId;

/// Whether `bot` is among the message's mentions.
pub fn mentions_bot(mentions: &[Mention], bot: &OpenId) -> bool {
    mentions.iter().any(|m| m.person.open_id == *bot)
}

/// Parses a message that speaks to the bot (see the module docs). `bot` is the bot's open_id
/// when known; its mentions at the start of the text are skipped.
///
/// # Errors
/// [`ParseError`] when the message, read as a command, is wrong.
pub fn parse_addressed(
    text: &str,
    mentions: &[Mention],
    bot: Option<&OpenId>,
    ctx: &Context<'_>,
) -> Result<Option<Command>, ParseError> {
    if let Some(c) = parse(text, mentions, ctx)? {
        return Ok(Some(c));
    }
    let rest = lexer::normalise(strip_bot_mentions(text, mentions, bot));
    let rest = rest.trim_start();
    let mut words = rest.split_whitespace();
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    let prefix = if SuperviseSub::from_word(first).is_some() {
        "/督办 "
    } else if matches!(first, "项目" | "需求" | "督办") && !second.is_empty() {
        let known = match first {
            "项目" => ProjectSub::from_word(second).is_some(),
            "需求" => RequirementSub::from_word(second).is_some(),
            _ => SuperviseSub::from_word(second).is_some(),
        };
        if !known {
            return Ok(None);
        }
        "/"
    } else {
        return Ok(None);
    };
    parse(&format!("{prefix}{rest}"), mentions, ctx)
}

/// `text` without the bot's mention placeholders (and spaces) at its start.
fn strip_bot_mentions<'t>(text: &'t str, mentions: &[Mention], bot: Option<&OpenId>) -> &'t str {
    let Some(bot) = bot else {
        return text;
    };
    let keys: Vec<&str> = mentions
        .iter()
        .filter(|m| m.person.open_id == *bot && !m.key.is_empty())
        .map(|m| m.key.as_str())
        .collect();
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        let next = keys.iter().find_map(|k| {
            trimmed
                .strip_prefix(k)
                // `@_user_1` must not eat the start of `@_user_10`.
                .filter(|after| !after.starts_with(|c: char| c.is_ascii_digit()))
        });
        match next {
            Some(after) => rest = after,
            None => return trimmed,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;
    use crate::command::{ListFilter, ProjectCmd, ProjectFilter, SuperviseCmd};
    use crate::domain::ids::Person;

    fn bot() -> OpenId {
        OpenId("ou_bot".to_owned())
    }

    fn mention(key: &str, id: &str, name: &str) -> Mention {
        Mention {
            key: key.to_owned(),
            person: Person {
                open_id: OpenId(id.to_owned()),
                name: name.to_owned(),
            },
        }
    }

    fn run(text: &str, mentions: &[Mention]) -> Result<Option<Command>, ParseError> {
        let cal = Calendar::builtin();
        let ctx = Context {
            now: "2026-03-11T10:00:00+08:00".parse().unwrap(),
            calendar: &cal,
            is_reply: false,
        };
        parse_addressed(text, mentions, Some(&bot()), &ctx)
    }

    #[test]
    fn a_subcommand_word_after_the_bot_reads_as_the_supervise_command() {
        let b = [mention("@_user_1", "ou_bot", "督办")];
        assert_eq!(
            run("@_user_1 帮助", &b).unwrap(),
            Some(Command::Supervise(SuperviseCmd::Help))
        );
        assert_eq!(
            run("@_user_1\u{3000}列表 我的", &b).unwrap(),
            Some(Command::Supervise(SuperviseCmd::List(ListFilter::Mine)))
        );
        assert_eq!(
            run("@_user_1 list", &b).unwrap(),
            Some(Command::Supervise(SuperviseCmd::List(ListFilter::Open)))
        );
        assert_eq!(
            run("帮助", &[]).unwrap(),
            Some(Command::Supervise(SuperviseCmd::Help)),
            "1:1"
        );
    }

    #[test]
    fn an_alias_after_the_bot_reads_as_its_subcommand() {
        let b = [mention("@_user_1", "ou_bot", "督办")];
        assert_eq!(
            run("@_user_1 看板", &b).unwrap(),
            Some(Command::Supervise(SuperviseCmd::Board))
        );
        assert_eq!(
            run("@_user_1 项目 board", &b).unwrap(),
            Some(Command::Project(ProjectCmd::Board { all: false }))
        );
    }

    #[test]
    fn a_full_command_after_the_bot_is_parsed_as_it_is() {
        let b = [mention("@_user_1", "ou_bot", "督办")];
        assert_eq!(
            run("@_user_1 /督办 列表", &b).unwrap(),
            Some(Command::Supervise(SuperviseCmd::List(ListFilter::Open)))
        );
    }

    #[test]
    fn a_family_word_with_its_subcommand_reads_as_that_family() {
        let b = [mention("@_user_1", "ou_bot", "督办")];
        assert_eq!(
            run("@_user_1 项目 列表", &b).unwrap(),
            Some(Command::Project(ProjectCmd::List(ProjectFilter::default())))
        );
        assert_eq!(run("@_user_1 项目 进度如何", &b).unwrap(), None);
    }

    #[test]
    fn chatter_to_the_bot_stays_unparsed() {
        let b = [mention("@_user_1", "ou_bot", "督办")];
        for text in ["@_user_1 谢谢", "@_user_1", "@_user_1 督办", "请 @_user_1 帮助"] {
            assert_eq!(run(text, &b).unwrap(), None, "{text}");
        }
    }

    #[test]
    fn only_the_bots_own_placeholder_is_skipped() {
        let ms: Vec<Mention> = (1..=10)
            .map(|n| {
                if n == 1 {
                    mention("@_user_1", "ou_bot", "督办")
                } else {
                    mention(&format!("@_user_{n}"), &format!("ou_{n}"), "某人")
                }
            })
            .collect();
        assert_eq!(
            run("@_user_10 帮助", &ms).unwrap(),
            None,
            "@_user_10 is not the bot"
        );
        assert!(mentions_bot(&ms, &bot()));
        assert!(!mentions_bot(&ms[1..], &bot()));
    }
}
