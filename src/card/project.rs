//! Project cards (pure): the live project card, the board, the list and the help card; and
//! [`parse_project_callback`] for the project card's buttons and forms.

use serde_json::Value;

use crate::card::fmt::{card, header, hr, markdown, md_text};
use crate::command::spec::{CommandSpec, PROJECT_COMMANDS};

/// The `/项目` help card, rendered from [`PROJECT_COMMANDS`].
pub fn project_help_card() -> Value {
    family_help_card(
        "项目使用说明",
        "/项目",
        "/project",
        PROJECT_COMMANDS,
        "项目按阶段推进：需求对接 → 产品设计 → 开发评审 → 测试升级 → 效果反馈。\
         项目卡片上的按钮也可以推进、退回和更新阶段计划。",
    )
}

/// A help card for one command family (`/项目`, `/需求`) from its command table.
pub(crate) fn family_help_card(title: &str, prefix: &str, alias: &str, commands: &[CommandSpec], intro: &str) -> Value {
    let mut elements = vec![markdown(&format!("{intro}\n英文别名以 `{alias}` 开头，效果相同。")), hr()];
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
