//! The `/督办` table.

use super::table::{CommandSpec, Row, SuperviseSub};

/// Every `/督办` subcommand, in help order.
pub const SUPERVISE_COMMANDS: &[CommandSpec] = SuperviseSub::TABLE;

impl SuperviseSub {
    /// This subcommand's words, arguments, summary and example.
    pub(super) const fn row(self) -> Row {
        match self {
            Self::Create => Row {
                zh: "",
                en: "",
                aliases: &[],
                args: "<事项> @主办 [@协办…] <截止时间> [P0-P3] [#标签]",
                summary: "新建督办事项",
                example: "/督办 完成三季度合规自查报告 @张三 @李四 下周五前 P1 #合规",
            },
            Self::List => Row {
                zh: "列表",
                en: "list",
                aliases: &[],
                args: "[我的/我发起的/逾期/本周/@某人/全部]",
                summary: "查看本群的督办事项",
                example: "/督办 列表 逾期",
            },
            Self::Show => Row {
                zh: "查看",
                en: "show",
                aliases: &[],
                args: "DB-编号",
                summary: "查看详情和完整记录",
                example: "/督办 查看 DB-12",
            },
            Self::Progress => Row {
                zh: "进展",
                en: "progress",
                aliases: &[],
                args: "DB-编号 [百分比] 说明",
                summary: "更新进展",
                example: "/督办 进展 DB-12 60% 已完成初稿",
            },
            Self::Done => Row {
                zh: "完成",
                en: "done",
                aliases: &[],
                args: "DB-编号 [说明]",
                summary: "主办提交完成",
                example: "/督办 完成 DB-12 报告已上传",
            },
            Self::Accept => Row {
                zh: "验收",
                en: "accept",
                aliases: &[],
                args: "DB-编号",
                summary: "督办人验收通过",
                example: "/督办 验收 DB-12",
            },
            Self::Reject => Row {
                zh: "退回",
                en: "reject",
                aliases: &[],
                args: "DB-编号 原因",
                summary: "督办人退回并说明原因",
                example: "/督办 退回 DB-12 缺少附件",
            },
            Self::Extend => Row {
                zh: "延期",
                en: "extend",
                aliases: &[],
                args: "DB-编号 新截止时间 原因",
                summary: "申请延期，由督办人批准",
                example: "/督办 延期 DB-12 下周三 等待监管口径",
            },
            Self::Nudge => Row {
                zh: "催办",
                en: "nudge",
                aliases: &[],
                args: "DB-编号",
                summary: "催促主办（有冷却时间）",
                example: "/督办 催办 DB-12",
            },
            Self::Reassign => Row {
                zh: "转交",
                en: "reassign",
                aliases: &[],
                args: "DB-编号 @新主办",
                summary: "更换主办",
                example: "/督办 转交 DB-12 @王五",
            },
            Self::Repeat => Row {
                zh: "重复",
                en: "repeat",
                aliases: &[],
                args: "停止 DB-编号",
                summary: "结束重复事项（当期仍需完成）",
                example: "/督办 重复 停止 DB-12",
            },
            Self::Cancel => Row {
                zh: "取消",
                en: "cancel",
                aliases: &[],
                args: "DB-编号 [原因]",
                summary: "取消事项",
                example: "/督办 取消 DB-12 需求已撤回",
            },
            Self::Board => Row {
                zh: "晾晒",
                en: "board",
                aliases: &["看板"],
                args: "",
                summary: "晾晒看板：各状态数量、逾期排名、本周到期和按时完成表扬（也可写“看板”）",
                example: "/督办 晾晒",
            },
            Self::Stats => Row {
                zh: "统计",
                en: "stats",
                aliases: &[],
                args: "[本月/上月/本季度] [@某人]",
                summary: "按人统计按时完成率、平均延误、延期和被催办次数",
                example: "/督办 统计 上月",
            },
            Self::Export => Row {
                zh: "导出",
                en: "export",
                aliases: &[],
                args: "[本月/上月/本季度]",
                summary: "把督办事项导出为 Excel 文件私信发给你（管理员：全部；督办人：自己发起的）",
                example: "/督办 导出 本月",
            },
            Self::Issue => Row {
                zh: "下达",
                en: "issue",
                aliases: &[],
                args: "<事项> 对象：<全部营业部/华东片区/@杭州营业部…> 截止：<截止时间> [指标：≥30户]",
                summary: "把同一事项下达给多个单位，每个单位一项督办，汇总卡片实时更新（管理员和登记的督办人）",
                example: "/督办 下达 完成反洗钱自查 对象：全部营业部 截止：下周五 指标：100%",
            },
            Self::Report => Row {
                zh: "汇报",
                en: "report",
                aliases: &[],
                args: "DB-编号 数值 [说明]",
                summary: "主办汇报下达指标的完成数（卡片显示达成率）",
                example: "/督办 汇报 DB-12 24户 本周新增5户",
            },
            Self::BindUnit => Row {
                zh: "绑定单位",
                en: "bindunit",
                aliases: &[],
                args: "<单位名称> [营业部/分公司/总部部门] [片区] @负责人…",
                summary: "把本群登记为一个单位的群（管理员，在该单位的群里发送）",
                example: "/督办 绑定单位 杭州营业部 营业部 华东片区 @钱明",
            },
            Self::Units => Row {
                zh: "单位",
                en: "units",
                aliases: &[],
                args: "[列表] / 解绑 <单位名称>",
                summary: "查看已登记的单位；管理员可解绑在群里绑定的单位",
                example: "/督办 单位 列表",
            },
            Self::Help => Row {
                zh: "帮助",
                en: "help",
                aliases: &[],
                args: "",
                summary: "显示本帮助",
                example: "/督办 帮助",
            },
        }
    }
}
