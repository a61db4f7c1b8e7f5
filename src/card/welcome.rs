//! The welcome card (pure): posted once when the bot joins a group and on a person's first 1:1
//! message. What duban does, the three most useful commands with an example each (taken from
//! the command table, so they always parse), how to address the bot, and a 帮助 button whose
//! callback ([`help_value`]) is answered with the help card ([`crate::card::help_card`]).

use serde_json::Value;

use crate::card::callback::help_value;
use crate::card::fmt::{card, header, hr, markdown};
use crate::card::widgets::{button, with};
use crate::command::spec::{CommandSpec, Key, SUPERVISE_COMMANDS, SuperviseSub};

/// The subcommand words (`zh`, `""` for creation) shown on the welcome card, most useful first.
const FEATURED: [&str; 3] = ["", "列表", "进展"];

/// Who the welcome card is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    /// A group the bot just joined.
    Group {
        /// The registered unit whose group this is (`None`: not a unit's group yet, and the
        /// card tells admins how to bind it with `/督办 绑定单位`).
        unit: Option<String>,
    },
    /// A person writing to the bot 1:1 for the first time.
    Person,
}

/// The welcome card for `audience`.
pub fn welcome_card(audience: &Audience) -> Value {
    let in_group = matches!(audience, Audience::Group { .. });
    let mut elements = vec![markdown(
        "我是**督办**机器人，帮大家把要跟进的工作变成公开、可跟踪的督办事项：\
         指定主办、协办和截止时间，按工作日自动提醒，卡片上一键签收、更新进展、申请延期和验收，每一步都有记录。",
    )];
    elements.push(markdown(if in_group {
        "**怎么用**：在群里 @督办 后输入指令（输入 @ 后在列表里选中督办）。群里只有 @督办 的消息我才能收到，没有 @ 我的消息我看不到。"
    } else {
        "**怎么用**：在这里直接输入指令即可；在群里使用时，请在群里 @督办 后输入指令。"
    }));
    elements.push(hr());
    elements.push(markdown("**最常用的三条指令**"));
    let prefix = if in_group { "@督办 " } else { "" };
    for spec in featured() {
        elements.push(markdown(&format!(
            "**{}**\n示例：`{prefix}{}`",
            spec.summary,
            spec.example.replace('`', "'")
        )));
    }
    if let Audience::Group { unit } = audience {
        elements.push(hr());
        elements.push(markdown(&unit_note(unit.as_deref())));
    }
    elements.push(with(
        button("welcome_help", "帮助：查看全部指令", "primary", help_value()),
        "size",
        "medium",
    ));
    card(
        header("你好，我是督办", "blue", Some("群聊督办机器人"), &[]),
        elements,
        "督办机器人：使用说明",
    )
}

/// What the group card says about units: the unit it is registered as, or how an admin binds
/// it (the example is the `绑定单位` row's, so it always parses).
fn unit_note(unit: Option<&str>) -> String {
    if let Some(name) = unit {
        return format!(
            "**本群已登记为单位「{name}」**：在本群新建的督办事项、项目和需求都计入{name}，参加全公司的晾晒和按单位统计。"
        );
    }
    let example = SUPERVISE_COMMANDS
        .iter()
        .find(|c| c.key == Key::Supervise(SuperviseSub::BindUnit))
        .map_or("", |c| c.example)
        .replace('`', "'");
    format!(
        "**管理员请注意**：如果本群是某个营业部、分公司或总部部门的工作群，请管理员在本群发送\n`@督办 {example}`\n把本群登记为该单位（名称、类别、片区、@负责人）。登记后，总部下达的任务会直接发到本群，本群的事项计入全公司按单位的晾晒和统计。"
    )
}

fn featured() -> impl Iterator<Item = &'static CommandSpec> {
    FEATURED
        .iter()
        .filter_map(|zh| SUPERVISE_COMMANDS.iter().find(|c| c.zh == *zh))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::card::callback::{Callback, parse};
    use crate::card::fmt::within_limits;
    use serde_json::json;

    fn group() -> Value {
        welcome_card(&Audience::Group { unit: None })
    }

    #[test]
    fn the_group_card_says_to_at_the_bot_and_shows_three_examples_that_parse() {
        let c = group();
        let text = c.to_string();
        assert!(text.contains("在群里 @督办 后输入指令"), "{text}");
        assert_eq!(featured().count(), 3);
        let cal = crate::calendar::Calendar::builtin();
        let ctx = crate::command::Context {
            now: "2026-03-11T10:00:00+08:00".parse().unwrap(),
            calendar: &cal,
            is_reply: false,
        };
        for spec in featured() {
            assert!(
                text.contains(&format!("@督办 {}", spec.example)),
                "{}",
                spec.example
            );
            // Mentions in the examples are typed names here; the parser needs them resolved, so
            // only check that each example is a command the parser recognises.
            let parsed = crate::command::parse(spec.example, &[], &ctx);
            assert!(!matches!(parsed, Ok(None)), "{}", spec.example);
        }
        assert!(within_limits(&c));
    }

    #[test]
    fn the_help_button_carries_the_help_op() {
        let text = group().to_string();
        assert!(text.contains("帮助"));
        let now = crate::card::fixtures::now();
        let card = group();
        let value = &card["body"]["elements"].as_array().unwrap().last().unwrap()["behaviors"][0]["value"];
        assert_eq!(parse(value, None, now), Ok(Callback::Help));
        assert_eq!(parse(&json!({"op": "help"}), None, now), Ok(Callback::Help));
        assert_eq!(parse(&json!("{\"op\":\"help\"}"), None, now), Ok(Callback::Help));
        assert_ne!(
            parse(&json!({"op": "ack", "item": 1}), None, now),
            Ok(Callback::Help)
        );
    }

    #[test]
    fn a_group_that_is_no_unit_yet_is_told_how_to_bind_it_and_a_unit_group_sees_its_unit() {
        let text = group().to_string();
        assert!(text.contains("管理员请注意"), "{text}");
        let bind = SuperviseSub::BindUnit.spec();
        assert!(text.contains(&format!("@督办 {}", bind.example)), "{text}");
        let cal = crate::calendar::Calendar::builtin();
        let ctx = crate::command::Context {
            now: "2026-03-11T10:00:00+08:00".parse().unwrap(),
            calendar: &cal,
            is_reply: false,
        };
        assert!(!matches!(
            crate::command::parse(bind.example, &[], &ctx),
            Ok(None)
        ));

        let unit = welcome_card(&Audience::Group {
            unit: Some("杭州营业部".to_owned()),
        })
        .to_string();
        assert!(unit.contains("本群已登记为单位「杭州营业部」"), "{unit}");
        assert!(!unit.contains("管理员请注意"), "{unit}");
        assert!(!welcome_card(&Audience::Person).to_string().contains("绑定单位"));
    }

    #[test]
    fn the_one_to_one_card_needs_no_mention() {
        let text = welcome_card(&Audience::Person).to_string();
        assert!(text.contains("直接输入指令"));
        assert!(!text.contains("`@督办 /督办"));
    }

    #[test]
    fn snapshot_of_the_group_welcome_card() {
        insta::assert_json_snapshot!("welcome_card_group", group());
    }
}
