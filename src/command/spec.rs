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
        zh: "晾晒",
        en: "board",
        args: "",
        summary: "晾晒看板：各状态数量、逾期排名、本周到期和按时完成表扬（也可写“看板”）",
        example: "/督办 晾晒",
    },
    CommandSpec {
        zh: "统计",
        en: "stats",
        args: "[本月/上月/本季度] [@某人]",
        summary: "按人统计按时完成率、平均延误、延期和被催办次数",
        example: "/督办 统计 上月",
    },
    CommandSpec {
        zh: "导出",
        en: "export",
        args: "[本月/上月/本季度]",
        summary: "把督办事项导出为 Excel 文件私信发给你（管理员：全部；督办人：自己发起的）",
        example: "/督办 导出 本月",
    },
    CommandSpec {
        zh: "帮助",
        en: "help",
        args: "",
        summary: "显示本帮助",
        example: "/督办 帮助",
    },
];

/// Every `/项目` subcommand (alias `/project`), in help order.
pub const PROJECT_COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        zh: "新建",
        en: "new",
        args: "<项目名称> @负责人 [模板]",
        summary: "新建项目（默认五个阶段：需求对接→产品设计→开发评审→测试升级→效果反馈）",
        example: "/项目 新建 智能投顾小程序改版 @张三",
    },
    CommandSpec {
        zh: "计划",
        en: "plan",
        args: "XM-编号 <阶段名或序号> [@阶段负责人] [计划完成时间]",
        summary: "设置某个阶段的负责人和计划完成时间",
        example: "/项目 计划 XM-3 产品设计 @李四 12月10日",
    },
    CommandSpec {
        zh: "推进",
        en: "advance",
        args: "XM-编号 [说明]",
        summary: "确认当前阶段完成，进入下一阶段",
        example: "/项目 推进 XM-3 设计稿已评审通过",
    },
    CommandSpec {
        zh: "退回",
        en: "rollback",
        args: "XM-编号 原因",
        summary: "退回上一阶段（须写明原因）",
        example: "/项目 退回 XM-3 设计稿需要补充合规提示",
    },
    CommandSpec {
        zh: "关联",
        en: "link",
        args: "XM-编号 DB-编号",
        summary: "把督办事项关联到项目",
        example: "/项目 关联 XM-3 DB-12",
    },
    CommandSpec {
        zh: "取消关联",
        en: "unlink",
        args: "XM-编号 DB-编号",
        summary: "解除督办事项与项目的关联",
        example: "/项目 取消关联 XM-3 DB-12",
    },
    CommandSpec {
        zh: "查看",
        en: "show",
        args: "XM-编号",
        summary: "查看项目卡片：阶段进度、负责人、计划与实际时间、未完成事项",
        example: "/项目 查看 XM-3",
    },
    CommandSpec {
        zh: "列表",
        en: "list",
        args: "[我的/进行中/延期/全部]",
        summary: "查看本群的项目",
        example: "/项目 列表 延期",
    },
    CommandSpec {
        zh: "看板",
        en: "board",
        args: "[全部]",
        summary: "项目看板：各阶段数量、停滞项目、延期项目（“全部”为全部门）",
        example: "/项目 看板 全部",
    },
    CommandSpec {
        zh: "取消",
        en: "cancel",
        args: "XM-编号 [原因]",
        summary: "取消项目",
        example: "/项目 取消 XM-3 需求已撤回",
    },
    CommandSpec {
        zh: "帮助",
        en: "help",
        args: "",
        summary: "显示本帮助",
        example: "/项目 帮助",
    },
];

/// Every `/需求` subcommand (alias `/req`), in help order. Submission (no subcommand word)
/// comes first.
pub const REQUIREMENT_COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        zh: "",
        en: "",
        args: "<需求标题>，换行写 提出单位：… 场景：… 期望上线时间：… 优先级：… 联系人：@… 说明：…",
        summary: "提交需求（也可以只写标题）",
        example: "/需求 两融客户到期提醒\n提出单位：杭州分公司\n期望上线时间：12月31日\n优先级：高",
    },
    CommandSpec {
        zh: "新建",
        en: "new",
        args: "",
        summary: "打开需求填写表单",
        example: "/需求 新建",
    },
    CommandSpec {
        zh: "受理",
        en: "accept",
        args: "XQ-编号 [XM-编号/新建项目]",
        summary: "需求管理员受理，可关联已有项目或新建项目",
        example: "/需求 受理 XQ-5 XM-3",
    },
    CommandSpec {
        zh: "合并",
        en: "merge",
        args: "XQ-编号 XQ-编号",
        summary: "与已有需求重复，合并到后者",
        example: "/需求 合并 XQ-5 XQ-2",
    },
    CommandSpec {
        zh: "驳回",
        en: "reject",
        args: "XQ-编号 原因",
        summary: "驳回需求（须写明原因）",
        example: "/需求 驳回 XQ-5 监管规定不允许线上办理",
    },
    CommandSpec {
        zh: "待补充",
        en: "askinfo",
        args: "XQ-编号 需要补充什么",
        summary: "请提出人补充信息",
        example: "/需求 待补充 XQ-5 请补充涉及的客户数量",
    },
    CommandSpec {
        zh: "补充",
        en: "supplement",
        args: "XQ-编号 补充内容",
        summary: "提出人补充需求信息",
        example: "/需求 补充 XQ-5 约3000户客户",
    },
    CommandSpec {
        zh: "查看",
        en: "show",
        args: "XQ-编号",
        summary: "查看需求详情和进展",
        example: "/需求 查看 XQ-5",
    },
    CommandSpec {
        zh: "列表",
        en: "list",
        args: "[待受理/我的/全部]",
        summary: "查看需求（默认为未关闭的需求）",
        example: "/需求 列表 待受理",
    },
    CommandSpec {
        zh: "看板",
        en: "board",
        args: "",
        summary: "需求看板：按营业部、按状态、按等待时间",
        example: "/需求 看板",
    },
    CommandSpec {
        zh: "帮助",
        en: "help",
        args: "",
        summary: "显示本帮助",
        example: "/需求 帮助",
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
