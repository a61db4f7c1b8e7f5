//! The `/需求` (alias `/req`) table.

use super::table::{CommandSpec, RequirementSub, Row};

/// Every `/需求` (alias `/req`) subcommand, in help order.
pub const REQUIREMENT_COMMANDS: &[CommandSpec] = RequirementSub::TABLE;

impl RequirementSub {
    /// This subcommand's words, arguments, summary and example.
    pub(super) const fn row(self) -> Row {
        match self {
            Self::Submit => Row {
                zh: "",
                en: "",
                aliases: &[],
                args: "<需求标题>，换行写 提出单位：… 场景：… 期望上线时间：… 优先级：… 联系人：@… 说明：…",
                summary: "提交需求（也可以只写标题）",
                example: "/需求 两融客户到期提醒\n提出单位：杭州分公司\n期望上线时间：12月31日\n优先级：高",
            },
            Self::Form => Row {
                zh: "新建",
                en: "new",
                aliases: &[],
                args: "",
                summary: "打开需求填写表单",
                example: "/需求 新建",
            },
            Self::Accept => Row {
                zh: "受理",
                en: "accept",
                aliases: &[],
                args: "XQ-编号 [XM-编号/新建项目]",
                summary: "需求管理员受理，可关联已有项目或新建项目",
                example: "/需求 受理 XQ-5 XM-3",
            },
            Self::Merge => Row {
                zh: "合并",
                en: "merge",
                aliases: &[],
                args: "XQ-编号 XQ-编号",
                summary: "与已有需求重复，合并到后者",
                example: "/需求 合并 XQ-5 XQ-2",
            },
            Self::Reject => Row {
                zh: "驳回",
                en: "reject",
                aliases: &[],
                args: "XQ-编号 原因",
                summary: "驳回需求（须写明原因）",
                example: "/需求 驳回 XQ-5 监管规定不允许线上办理",
            },
            Self::AskInfo => Row {
                zh: "待补充",
                en: "askinfo",
                aliases: &[],
                args: "XQ-编号 需要补充什么",
                summary: "请提出人补充信息",
                example: "/需求 待补充 XQ-5 请补充涉及的客户数量",
            },
            Self::Supplement => Row {
                zh: "补充",
                en: "supplement",
                aliases: &[],
                args: "XQ-编号 补充内容",
                summary: "提出人补充需求信息",
                example: "/需求 补充 XQ-5 约3000户客户",
            },
            Self::Show => Row {
                zh: "查看",
                en: "show",
                aliases: &[],
                args: "XQ-编号",
                summary: "查看需求详情和进展",
                example: "/需求 查看 XQ-5",
            },
            Self::List => Row {
                zh: "列表",
                en: "list",
                aliases: &[],
                args: "[待受理/我的/全部]",
                summary: "查看需求（默认为未关闭的需求）",
                example: "/需求 列表 待受理",
            },
            Self::Board => Row {
                zh: "看板",
                en: "board",
                aliases: &[],
                args: "",
                summary: "需求看板：按营业部、按状态、按等待时间",
                example: "/需求 看板",
            },
            Self::Help => Row {
                zh: "帮助",
                en: "help",
                aliases: &[],
                args: "",
                summary: "显示本帮助",
                example: "/需求 帮助",
            },
        }
    }
}
