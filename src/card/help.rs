//! The help cards (pure), rendered from the command tables the parser uses, so help cannot
//! drift from what is accepted: the full card (`/督办 帮助`) and the short one that answers an
//! @-mention of the bot it cannot read.

use serde_json::Value;

use crate::card::fmt::{card, header, hr, markdown, md_text};
use crate::command::spec::{CommandSpec, OTHER_COMMANDS, PROJECT_COMMANDS, REQUIREMENT_COMMANDS};

/// How a group reaches the bot (the app's default permission delivers only messages that @ it).
pub const HOW_TO_ADDRESS: &str = "在群里 @督办 后输入指令";

/// The multi-line creation form, shown in help (it parses: see the test).
pub const MULTILINE_EXAMPLE: &str = "/督办 完成三季度合规自查报告\n负责人：@张三  协办：@李四\n截止：11月30日 18:00\n优先级：高\n资源投入：2人×3天\n场景：监管检查前完成自查";

/// The help card for `commands` (pass [`crate::command::spec::SUPERVISE_COMMANDS`]): how to
/// address the bot, each `/督办` subcommand with an example, the multi-line form, then the
/// `/项目`, `/需求` and `/纪要` families in brief.
pub fn help_card(commands: &[CommandSpec]) -> Value {
    let mut elements = vec![markdown(&format!(
        "**{HOW_TO_ADDRESS}**，例如 `@督办 /督办 列表`；常用指令可省略 `/督办`：`@督办 列表`、`@督办 帮助`。\
         单聊里直接发送即可。\n\
         （只有管理员为应用开通了“获取群组中所有消息”权限，群里不 @督办 直接发送 `/督办 …` 才能收到。）\n\
         英文别名以 `/task` 开头；事项卡片上的按钮也可以签收、更新进展、申请延期和验收。",
    ))];
    elements.push(hr());
    let lines: Vec<String> = commands
        .iter()
        .take(40)
        .map(|c| {
            let word = if c.zh.is_empty() {
                "/督办".to_owned()
            } else {
                format!("/督办 {}", c.zh)
            };
            let args = if c.args.is_empty() {
                String::new()
            } else {
                format!(" {}", md_text(c.args, 120))
            };
            let alias = if c.en.is_empty() {
                String::new()
            } else {
                format!("（{}）", c.en)
            };
            format!(
                "- **{word}**{args}：{}{alias}\n  示例 `{}`",
                md_text(c.summary, 120),
                c.example.replace('`', "'")
            )
        })
        .collect();
    elements.push(markdown(&format!("**督办事项**\n{}", lines.join("\n"))));
    elements.push(markdown(&format!(
        "**多行写法**（逐项写明负责人、截止、优先级、资源投入、场景）：\n```\n{MULTILINE_EXAMPLE}\n```"
    )));
    elements.push(hr());
    elements.push(markdown(&family_lines(
        "项目",
        "/项目",
        "/project",
        PROJECT_COMMANDS,
        &["新建", "推进", "列表"],
    )));
    elements.push(markdown(&family_lines(
        "需求",
        "/需求",
        "/req",
        REQUIREMENT_COMMANDS,
        &["", "列表"],
    )));
    elements.push(markdown(&family_lines(
        "例会",
        "/例会",
        "/meeting-series",
        crate::command::spec::SERIES_COMMANDS,
        &["新建", "列表", "改期"],
    )));
    let minutes: Vec<String> = OTHER_COMMANDS
        .iter()
        .take(10)
        .map(|c| {
            format!(
                "**会议纪要** `{}`（`{}`）\n- **{}** {}：{}\n  示例 `{}`",
                c.zh,
                c.en,
                c.zh,
                md_text(c.args, 120),
                md_text(c.summary, 120),
                c.example.replace('`', "'")
            )
        })
        .collect();
    elements.push(markdown(&minutes.join("\n")));
    card(
        header("督办使用说明", "blue", None, &[]),
        elements,
        "督办使用说明",
    )
}

/// The short card that answers a message which @-mentions the bot but is no command.
pub fn short_help_card() -> Value {
    card(
        header("督办没看懂这条消息", "wathet", None, &[]),
        vec![markdown(&format!(
            "{HOW_TO_ADDRESS}，例如：\n\
             - `@督办 列表`：查看本群的督办事项\n\
             - `@督办 /督办 写周报 @张三 周五前`：新建督办事项\n\
             - `@督办 帮助`：全部指令与示例（含 `/项目`、`/需求`、`/纪要`）",
        ))],
        "督办没看懂这条消息",
    )
}

/// A family's section: its prefix and alias, the chosen subcommands with examples, and where
/// the rest is.
fn family_lines(name: &str, prefix: &str, alias: &str, commands: &[CommandSpec], pick: &[&str]) -> String {
    let mut out = format!("**{name}** `{prefix}`（`{alias}`）");
    for c in commands.iter().filter(|c| pick.contains(&c.zh)) {
        let word = if c.zh.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix} {}", c.zh)
        };
        let example = c.example.lines().next().unwrap_or_default().replace('`', "'");
        out.push_str(&format!(
            "\n- **{word}**：{}\n  示例 `{example}`",
            md_text(c.summary, 120)
        ));
    }
    out.push_str(&format!("\n- 全部{name}指令：`{prefix} 帮助`"));
    out
}

/// A help card for one command family (`/项目`, `/需求`) from its command table.
pub(crate) fn family_help_card(
    title: &str,
    prefix: &str,
    alias: &str,
    commands: &[CommandSpec],
    intro: &str,
) -> Value {
    let mut elements = vec![
        markdown(&format!("{intro}\n英文别名以 `{alias}` 开头，效果相同。")),
        hr(),
    ];
    for c in commands.iter().take(60) {
        let (zh, en) = if c.zh.is_empty() {
            (prefix.to_owned(), alias.to_owned())
        } else {
            (format!("{prefix} {}", c.zh), format!("{alias} {}", c.en))
        };
        let args = if c.args.is_empty() {
            String::new()
        } else {
            format!(" {}", md_text(c.args, 200))
        };
        let example = c.example.replace('`', "'");
        let example = if example.contains('\n') {
            format!("\n```\n{example}\n```")
        } else {
            format!("`{example}`")
        };
        elements.push(markdown(&format!(
            "**{zh}**{args}\n{}（英文：`{en}`）\n示例：{example}",
            md_text(c.summary, 200),
        )));
    }
    card(header(title, "blue", None, &[]), elements, title)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;
    use crate::card::fmt::within_limits;
    use crate::command::spec::SUPERVISE_COMMANDS;
    use crate::command::{Command, Context, Mention, SuperviseCmd, parse};
    use crate::domain::ids::{OpenId, Person};

    #[test]
    fn every_command_appears_with_alias_and_example() {
        let c = help_card(SUPERVISE_COMMANDS);
        let text = c.to_string();
        for spec in SUPERVISE_COMMANDS {
            assert!(text.contains(spec.example), "{}", spec.zh);
            if !spec.zh.is_empty() {
                assert!(text.contains(&format!("（{}）", spec.en)), "{}", spec.en);
            }
        }
        assert!(within_limits(&c));
    }

    #[test]
    fn the_other_families_and_how_to_address_the_bot_are_said() {
        let text = help_card(SUPERVISE_COMMANDS).to_string();
        for word in [
            "/项目",
            "/需求",
            "/纪要",
            "/minutes",
            "在群里 @督办 后输入指令",
            "获取群组中所有消息",
        ] {
            assert!(text.contains(word), "{word}");
        }
        let short = short_help_card().to_string();
        assert!(short.contains(HOW_TO_ADDRESS) && short.contains("@督办 帮助"));
        assert!(within_limits(&short_help_card()));
    }

    #[test]
    fn the_multi_line_form_shown_in_help_parses() {
        let text = help_card(SUPERVISE_COMMANDS).to_string();
        assert!(text.contains("负责人：@张三"));
        let cal = Calendar::builtin();
        let ctx = Context {
            now: "2026-03-11T10:00:00+08:00".parse().unwrap(),
            calendar: &cal,
            is_reply: false,
        };
        let people = [("@张三", "ou_zhang", "张三"), ("@李四", "ou_li", "李四")];
        let mut typed = MULTILINE_EXAMPLE.to_owned();
        let mut mentions = Vec::new();
        for (n, (at, id, name)) in people.iter().enumerate() {
            let key = format!("@_user_{}", n + 1);
            typed = typed.replace(at, &key);
            mentions.push(Mention {
                key,
                person: Person {
                    open_id: OpenId((*id).to_owned()),
                    name: (*name).to_owned(),
                },
            });
        }
        let parsed = parse(&typed, &mentions, &ctx).unwrap();
        let Some(Command::Supervise(SuperviseCmd::Create(c))) = parsed else {
            panic!("{parsed:?}");
        };
        assert_eq!(c.owner.name, "张三");
        assert_eq!(c.scenario.as_deref(), Some("监管检查前完成自查"));
    }

    #[test]
    fn snapshot_of_the_help_card() {
        insta::assert_json_snapshot!("help_card", help_card(SUPERVISE_COMMANDS));
    }

    #[test]
    fn snapshot_of_the_short_help_card() {
        insta::assert_json_snapshot!("short_help_card", short_help_card());
    }
}
