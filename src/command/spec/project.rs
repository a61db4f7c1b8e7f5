//! The `/项目` (alias `/project`) table.

use super::table::{CommandSpec, ProjectSub, Row};

/// Every `/项目` (alias `/project`) subcommand, in help order.
pub const PROJECT_COMMANDS: &[CommandSpec] = ProjectSub::TABLE;

impl ProjectSub {
    /// This subcommand's words, arguments, summary and example.
    pub(super) const fn row(self) -> Row {
        match self {
            Self::Create => Row {
                zh: "新建",
                en: "new",
                aliases: &[],
                args: "<项目名称> @负责人 [模板]",
                summary: "新建项目（默认五个阶段：需求对接→产品设计→开发评审→测试升级→效果反馈）",
                example: "/项目 新建 智能投顾小程序改版 @张三",
            },
            Self::Plan => Row {
                zh: "计划",
                en: "plan",
                aliases: &[],
                args: "XM-编号 <阶段名或序号> [@阶段负责人] [计划完成时间]",
                summary: "设置某个阶段的负责人和计划完成时间",
                example: "/项目 计划 XM-3 产品设计 @李四 12月10日",
            },
            Self::Advance => Row {
                zh: "推进",
                en: "advance",
                aliases: &[],
                args: "XM-编号 [说明]",
                summary: "确认当前阶段完成，进入下一阶段",
                example: "/项目 推进 XM-3 设计稿已评审通过",
            },
            Self::Rollback => Row {
                zh: "退回",
                en: "rollback",
                aliases: &[],
                args: "XM-编号 原因",
                summary: "退回上一阶段（须写明原因）",
                example: "/项目 退回 XM-3 设计稿需要补充合规提示",
            },
            Self::Link => Row {
                zh: "关联",
                en: "link",
                aliases: &[],
                args: "XM-编号 DB-编号",
                summary: "把督办事项关联到项目",
                example: "/项目 关联 XM-3 DB-12",
            },
            Self::Unlink => Row {
                zh: "取消关联",
                en: "unlink",
                aliases: &[],
                args: "XM-编号 DB-编号",
                summary: "解除督办事项与项目的关联",
                example: "/项目 取消关联 XM-3 DB-12",
            },
            Self::Show => Row {
                zh: "查看",
                en: "show",
                aliases: &[],
                args: "XM-编号",
                summary: "查看项目卡片：阶段进度、负责人、计划与实际时间、未完成事项",
                example: "/项目 查看 XM-3",
            },
            Self::List => Row {
                zh: "列表",
                en: "list",
                aliases: &[],
                args: "[我的/进行中/延期/全部]",
                summary: "查看本群的项目",
                example: "/项目 列表 延期",
            },
            Self::Board => Row {
                zh: "看板",
                en: "board",
                aliases: &[],
                args: "[全部]",
                summary: "项目看板：各阶段数量、停滞项目、延期项目（“全部”为全部门）",
                example: "/项目 看板 全部",
            },
            Self::Cancel => Row {
                zh: "取消",
                en: "cancel",
                aliases: &[],
                args: "XM-编号 [原因]",
                summary: "取消项目",
                example: "/项目 取消 XM-3 需求已撤回",
            },
            Self::Align => Row {
                zh: "对齐",
                en: "align",
                aliases: &[],
                args: "XM-编号",
                summary: "把项目对齐到负责人本周期的 OKR，项目里新建的事项随之对齐",
                example: "/项目 对齐 XM-3",
            },
            Self::Help => Row {
                zh: "帮助",
                en: "help",
                aliases: &[],
                args: "",
                summary: "显示本帮助",
                example: "/项目 帮助",
            },
        }
    }
}
