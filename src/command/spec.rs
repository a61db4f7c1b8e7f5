//! The command table: one row per `/督办` subcommand. The parser dispatches on it and the help
//! card is rendered from it, so help can never drift from what is accepted.

/// One subcommand as users see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSpec {
    /// The Chinese word (`列表`).
    pub zh: &'static str,
    /// The English alias used under `/task` (`list`).
    pub en: &'static str,
    /// The arguments, as shown in help (`[我的/我发起的/逾期/本周/@某人/全部]`).
    pub args: &'static str,
    /// What it does, one short Chinese sentence.
    pub summary: &'static str,
    /// A complete example line that parses.
    pub example: &'static str,
}

/// Every `/督办` subcommand, in help order. Creation (no subcommand word) comes first.
pub const SUPERVISE_COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        zh: "",
        en: "",
        args: "<事项> @主办 [@协办…] <截止时间> [P0-P3] [#标签]",
        summary: "新建督办事项",
        example: "/督办 完成三季度合规自查报告 @张三 @李四 下周五前 P1 #合规",
    },
    CommandSpec {
        zh: "列表",
        en: "list",
        args: "[我的/我发起的/逾期/本周/@某人/全部]",
        summary: "查看本群的督办事项",
        example: "/督办 列表 逾期",
    },
    CommandSpec {
        zh: "查看",
        en: "show",
        args: "DB-编号",
        summary: "查看详情和完整记录",
        example: "/督办 查看 DB-12",
    },
    CommandSpec {
        zh: "进展",
        en: "progress",
        args: "DB-编号 [百分比] 说明",
        summary: "更新进展",
        example: "/督办 进展 DB-12 60% 已完成初稿",
    },
    CommandSpec {
        zh: "完成",
        en: "done",
        args: "DB-编号 [说明]",
        summary: "主办提交完成",
        example: "/督办 完成 DB-12 报告已上传",
    },
    CommandSpec {
        zh: "验收",
        en: "accept",
        args: "DB-编号",
        summary: "督办人验收通过",
        example: "/督办 验收 DB-12",
    },
    CommandSpec {
        zh: "退回",
        en: "reject",
        args: "DB-编号 原因",
        summary: "督办人退回并说明原因",
        example: "/督办 退回 DB-12 缺少附件",
    },
    CommandSpec {
        zh: "延期",
        en: "extend",
        args: "DB-编号 新截止时间 原因",
        summary: "申请延期，由督办人批准",
        example: "/督办 延期 DB-12 下周三 等待监管口径",
    },
    CommandSpec {
        zh: "催办",
        en: "nudge",
        args: "DB-编号",
        summary: "催促主办（有冷却时间）",
        example: "/督办 催办 DB-12",
    },
    CommandSpec {
        zh: "转交",
        en: "reassign",
        args: "DB-编号 @新主办",
        summary: "更换主办",
        example: "/督办 转交 DB-12 @王五",
    },
    CommandSpec {
        zh: "取消",
        en: "cancel",
        args: "DB-编号 [原因]",
        summary: "取消事项",
        example: "/督办 取消 DB-12 需求已撤回",
    },
    CommandSpec {
        zh: "帮助",
        en: "help",
        args: "",
        summary: "显示本帮助",
        example: "/督办 帮助",
    },
];

/// Commands with their own prefix (not `/督办 <word>`), shown in a separate section of the help
/// card. Here `zh` and `en` are the whole Chinese and English command words.
pub const OTHER_COMMANDS: &[CommandSpec] = &[CommandSpec {
    zh: "/纪要",
    en: "/minutes",
    args: "<粘贴会议纪要> 或 <飞书文档/妙记链接>，或回复纪要消息",
    summary: "从会议纪要中整理待办事项，确认后一键转为督办",
    example: "/纪要 https://example.feishu.cn/docx/AbCdEf",
}];
