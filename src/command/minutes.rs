//! `/纪要` (English `/minutes`): hand meeting minutes to the bot (pure).
//!
//! Three forms: `/纪要 <pasted minutes, any number of lines>`, `/纪要 <https link>` to a Feishu
//! doc or minutes page, and a bare `/纪要` sent as a reply to the message holding the minutes.
//! The pasted text is kept as typed (mention placeholders included), because the extractor
//! needs the original lines and the message's mention list.

use crate::command::context::Context;
use crate::command::error::ParseError;
use crate::command::mention::Mention;

/// What `/纪要` carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MinutesCmd {
    /// The minutes pasted after the command (trimmed, line breaks kept).
    Text(String),
    /// A link to a Feishu doc or minutes page.
    Link(String),
    /// A bare `/纪要` replying to the message that holds the minutes.
    FromReply,
}

/// The command words, checked after any leading mentions.
const PREFIXES: &[&str] = &["/纪要", "／纪要", "、纪要", "/minutes", "／minutes", "、minutes"];

/// Parses `/纪要 …`; `None` when the message does not start with the prefix.
pub(crate) fn parse(
    text: &str,
    mentions: &[Mention],
    ctx: &Context<'_>,
) -> Option<Result<MinutesCmd, ParseError>> {
    let rest = strip_leading_mentions(text, mentions);
    let after = PREFIXES.iter().find_map(|p| strip_prefix_ci(rest, p))?;
    // The prefix must stand alone (`/纪要整理` is not ours), unless what is glued on is a link
    // or runs over several lines: pasted minutes with a missing space.
    let glued = after
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && c != '@');
    if glued && !after.trim().contains('\n') && !is_link(after.trim()) {
        return None;
    }
    let body = after.trim_matches(|c: char| c.is_whitespace());
    if body.is_empty() {
        return Some(if ctx.is_reply {
            Ok(MinutesCmd::FromReply)
        } else {
            Err(ParseError::MinutesEmpty)
        });
    }
    if is_link(body) {
        return Some(Ok(MinutesCmd::Link(body.to_owned())));
    }
    Some(Ok(MinutesCmd::Text(body.to_owned())))
}

/// Skips whitespace and leading `@_user_N` placeholders (the bot's mention).
fn strip_leading_mentions<'a>(text: &'a str, mentions: &[Mention]) -> &'a str {
    let mut rest = text.trim_start_matches(|c: char| c.is_whitespace() || is_zero_width(c));
    loop {
        let Some(m) = mentions
            .iter()
            .find(|m| !m.key.is_empty() && rest.starts_with(m.key.as_str()))
        else {
            return rest;
        };
        rest = rest
            .get(m.key.len()..)
            .unwrap_or_default()
            .trim_start_matches(|c: char| c.is_whitespace() || is_zero_width(c));
    }
}

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// `text` without `prefix` (ASCII letters compared case-insensitively).
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..).unwrap_or_default())
}

/// One `http(s)://` word and nothing else.
fn is_link(body: &str) -> bool {
    let lower = body.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !body.chars().any(char::is_whitespace)
        && body.chars().count() <= 2000
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;
    use crate::command::{Command, parse as parse_command};
    use crate::domain::ids::{OpenId, Person};
    use proptest::prelude::*;

    fn cal() -> &'static Calendar {
        static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
        CAL.get_or_init(Calendar::builtin)
    }

    fn ctx(is_reply: bool) -> Context<'static> {
        Context {
            now: "2026-03-11T10:00:00+08:00".parse().unwrap(),
            calendar: cal(),
            is_reply,
        }
    }

    fn bot() -> Vec<Mention> {
        vec![Mention {
            key: "@_user_1".to_owned(),
            person: Person {
                open_id: OpenId("ou_bot".to_owned()),
                name: "督办助手".to_owned(),
            },
        }]
    }

    fn run(text: &str, reply: bool) -> Result<Option<Command>, ParseError> {
        parse_command(text, &bot(), &ctx(reply))
    }

    #[test]
    fn pasted_minutes_keep_every_line() {
        let text = "@_user_1 /纪要 合规周会\n待办：\n1. @_user_2 负责自查，下周五前";
        assert_eq!(
            run(text, false),
            Ok(Some(Command::Minutes(MinutesCmd::Text(
                "合规周会\n待办：\n1. @_user_2 负责自查，下周五前".to_owned()
            ))))
        );
    }

    #[test]
    fn minutes_may_start_on_the_next_line() {
        assert_eq!(
            run("/纪要\n会议主题：风控例会\n- 张三：更新限额表（3月20日）", false),
            Ok(Some(Command::Minutes(MinutesCmd::Text(
                "会议主题：风控例会\n- 张三：更新限额表（3月20日）".to_owned()
            ))))
        );
    }

    #[test]
    fn a_single_link_is_a_link() {
        let url = "https://example.feishu.cn/minutes/obcnq3b9jl72l83w4f149w9c";
        assert_eq!(
            run(&format!("／纪要　{url}"), false),
            Ok(Some(Command::Minutes(MinutesCmd::Link(url.to_owned()))))
        );
        assert_eq!(
            run("/minutes https://example.feishu.cn/docx/AbC", false),
            Ok(Some(Command::Minutes(MinutesCmd::Link(
                "https://example.feishu.cn/docx/AbC".to_owned()
            ))))
        );
    }

    #[test]
    fn a_link_inside_text_is_just_text() {
        let got = run("/纪要 详见 https://example.feishu.cn/docx/AbC", false);
        assert!(matches!(got, Ok(Some(Command::Minutes(MinutesCmd::Text(_))))));
    }

    #[test]
    fn a_bare_command_in_reply_takes_the_quoted_message() {
        assert_eq!(
            run("/纪要", true),
            Ok(Some(Command::Minutes(MinutesCmd::FromReply)))
        );
        assert_eq!(
            run("/MINUTES  ", true),
            Ok(Some(Command::Minutes(MinutesCmd::FromReply)))
        );
    }

    #[test]
    fn a_bare_command_outside_a_reply_explains_the_three_ways() {
        let err = run("@_user_1 /纪要", false).unwrap_err();
        assert_eq!(err, ParseError::MinutesEmpty);
        let text = err.to_string();
        assert!(
            text.contains("粘贴") && text.contains("回复") && text.contains("链接"),
            "{text}"
        );
    }

    #[test]
    fn a_glued_word_is_not_the_command() {
        assert_eq!(run("/纪要整理好了", false), Ok(None));
        assert_eq!(run("/minutesx", false), Ok(None));
    }

    proptest! {
        #[test]
        fn parsing_never_panics(s in "\\PC{0,200}", reply in any::<bool>()) {
            let _ = run(&format!("/纪要 {s}"), reply);
            let _ = run(&s, reply);
        }

        #[test]
        fn pasted_text_is_returned_trimmed(s in "[a-z一-龥：，。 \n]{1,80}") {
            let trimmed = s.trim();
            prop_assume!(!trimmed.is_empty());
            prop_assert_eq!(
                run(&format!("/纪要 {s}"), false),
                Ok(Some(Command::Minutes(MinutesCmd::Text(trimmed.to_owned()))))
            );
        }
    }
}
