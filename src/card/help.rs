//! The help card (pure), rendered from the command table the parser uses, so help cannot
//! drift from what is accepted.

use serde_json::Value;

use crate::card::fmt::{card, header, hr, markdown, md_text};
use crate::command::spec::{CommandSpec, OTHER_COMMANDS};

/// The help card for `commands` (pass [`crate::command::spec::SUPERVISE_COMMANDS`]), followed by
/// the commands with their own prefix ([`OTHER_COMMANDS`]: `/纪要`).
pub fn help_card(commands: &[CommandSpec]) -> Value {
    let mut elements = vec![markdown(
        "在群里发送下面的命令即可使用督办。英文别名以 `/task` 开头，效果相同。\n\
         事项卡片上的按钮也可以签收、更新进展、申请延期和验收。",
    )];
    elements.push(hr());
    for c in commands.iter().take(60) {
        let (zh, en) = if c.zh.is_empty() {
            ("/督办".to_owned(), "/task".to_owned())
        } else {
            (format!("/督办 {}", c.zh), format!("/task {}", c.en))
        };
        let args = if c.args.is_empty() {
            String::new()
        } else {
            format!(" {}", md_text(c.args, 200))
        };
        elements.push(markdown(&format!(
            "**{zh}**{args}\n{}（英文：`{en}`）\n示例：`{}`",
            md_text(c.summary, 200),
            c.example.replace('`', "'")
        )));
    }
    elements.push(hr());
    for c in OTHER_COMMANDS.iter().take(20) {
        elements.push(markdown(&format!(
            "**{}** {}\n{}（英文：`{}`）\n示例：`{}`",
            c.zh,
            md_text(c.args, 200),
            md_text(c.summary, 200),
            c.en,
            c.example.replace('`', "'")
        )));
    }
    card(
        header("督办使用说明", "blue", None, &[]),
        elements,
        "督办使用说明",
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::card::fmt::within_limits;
    use crate::command::spec::SUPERVISE_COMMANDS;

    #[test]
    fn every_command_appears_with_alias_and_example() {
        let c = help_card(SUPERVISE_COMMANDS);
        let text = c.to_string();
        for spec in SUPERVISE_COMMANDS {
            assert!(text.contains(spec.example), "{}", spec.zh);
            if !spec.zh.is_empty() {
                assert!(text.contains(&format!("/task {}", spec.en)), "{}", spec.en);
            }
        }
        assert!(within_limits(&c));
    }

    #[test]
    fn the_minutes_command_is_mentioned() {
        let text = help_card(SUPERVISE_COMMANDS).to_string();
        assert!(text.contains("/纪要") && text.contains("/minutes"));
    }

    #[test]
    fn snapshot_of_the_help_card() {
        insta::assert_json_snapshot!("help_card", help_card(SUPERVISE_COMMANDS));
    }
}
