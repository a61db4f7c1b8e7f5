//! The `/例会` (alias `/meeting-series`) table.

use super::table::{CommandSpec, Row, SeriesSub};

/// Every `/例会` subcommand, in help order.
pub const SERIES_COMMANDS: &[CommandSpec] = SeriesSub::TABLE;

impl SeriesSub {
    /// This subcommand's words, arguments, summary and example.
    pub(super) const fn row(self) -> Row {
        match self {
            Self::Create => Row {
                zh: "新建",
                en: "new",
                aliases: &[],
                args: "<名称> <周期> [@参会人…] [提纲：<文档链接>] [看板：<链接>]",
                summary: "新建例会：会前一个工作日16:00在群里发会前提醒，并请未完成事项的负责人更新进展",
                example: "/例会 新建 财管委周例会 每周一 9:30 提纲：https://example.feishu.cn/docx/AbCd",
            },
            Self::List => Row {
                zh: "列表",
                en: "list",
                aliases: &[],
                args: "",
                summary: "查看本群的例会",
                example: "/例会 列表",
            },
            Self::Show => Row {
                zh: "查看",
                en: "show",
                aliases: &[],
                args: "HYS-编号",
                summary: "查看例会：周期、接下来几次的时间、链接",
                example: "/例会 查看 HYS-1",
            },
            Self::Pause => Row {
                zh: "暂停",
                en: "pause",
                aliases: &[],
                args: "HYS-编号",
                summary: "暂停例会（不再发会前提醒，直到恢复）",
                example: "/例会 暂停 HYS-1",
            },
            Self::Resume => Row {
                zh: "恢复",
                en: "resume",
                aliases: &[],
                args: "HYS-编号",
                summary: "恢复已暂停的例会",
                example: "/例会 恢复 HYS-1",
            },
            Self::Cancel => Row {
                zh: "取消",
                en: "cancel",
                aliases: &[],
                args: "HYS-编号",
                summary: "取消例会（以后不再提醒）",
                example: "/例会 取消 HYS-1",
            },
            Self::Reschedule => Row {
                zh: "改期",
                en: "move",
                aliases: &[],
                args: "HYS-编号 <新时间>",
                summary: "只把下一次例会改到新时间，以后各次照常",
                example: "/例会 改期 HYS-1 下周二 14:00",
            },
            Self::Help => Row {
                zh: "帮助",
                en: "help",
                aliases: &[],
                args: "",
                summary: "显示本帮助",
                example: "/例会 帮助",
            },
        }
    }
}
