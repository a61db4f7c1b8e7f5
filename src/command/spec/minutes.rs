//! The `/纪要` row: a command with its own prefix, shown in a separate section of the help card.

use super::table::{CommandSpec, Key};

/// Commands with their own prefix (not `/督办 <word>`), shown in a separate section of the help
/// card. Here `zh` and `en` are the whole Chinese and English command words.
pub const OTHER_COMMANDS: &[CommandSpec] = &[CommandSpec {
    key: Key::Minutes,
    zh: "/纪要",
    en: "/minutes",
    aliases: &[],
    args: "<粘贴会议纪要> 或 <飞书文档/妙记链接>，或回复纪要消息",
    summary: "从会议纪要中整理待办事项，确认后一键转为督办",
    example: "/纪要 https://example.feishu.cn/docx/AbCdEf",
}];
