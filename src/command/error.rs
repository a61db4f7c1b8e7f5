//! Parse errors (pure): what was wrong with a `/督办` line, in plain Chinese, with an example
//! line (taken from [`SUPERVISE_COMMANDS`]) showing what to type instead. The `/项目` and
//! `/需求` errors fold into [`ParseError`]; the toolkit's [`IdError`] and [`Trailing`] are
//! worded here for `/督办`.

use std::fmt;

use crate::command::grammar::{IdError, MAX_MENTIONS, MAX_TAGS, MAX_TITLE_CHARS, Trailing};
use crate::command::project::ProjectParseError;
use crate::command::requirement::RequirementParseError;
use crate::command::series::SeriesParseError;
use crate::command::spec::{
    CommandSpec, PROJECT_COMMANDS, REQUIREMENT_COMMANDS, SUPERVISE_COMMANDS, SuperviseSub,
};
use crate::command::supervise::RepeatParseError;
use crate::command::when::DeadlineError;

/// Why a `/督办` line could not be understood.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParseError {
    /// The word after `/督办` is not a subcommand (and the line is not a creation).
    UnknownSubcommand {
        /// The word as typed.
        word: String,
    },
    /// A creation without a title (allowed only when replying to a message).
    MissingTitle,
    /// The title is longer than [`MAX_TITLE_CHARS`].
    TitleTooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// A creation without an @-mentioned owner.
    MissingOwner,
    /// A creation without a deadline.
    MissingDeadline,
    /// The deadline was recognised but refused (past, impossible, vague …).
    BadDeadline(#[source] DeadlineError),
    /// More than [`MAX_MENTIONS`] mentions.
    TooManyMentions {
        /// How many there were.
        count: usize,
    },
    /// More than [`MAX_TAGS`] tags.
    TooManyTags {
        /// How many there were.
        count: usize,
    },
    /// A priority field that is not P0–P3 / 紧急 / 高 / 中 / 低.
    BadPriority {
        /// The value as typed.
        input: String,
    },
    /// A subcommand that needs an item number got none.
    MissingItemId {
        /// The subcommand (`查看`).
        command: &'static str,
    },
    /// The item number is not of the form `DB-12`.
    BadItemId {
        /// The subcommand (`查看`).
        command: &'static str,
        /// What was typed instead.
        input: String,
    },
    /// A progress percentage outside 0–100.
    BadPercent {
        /// The value as typed.
        input: String,
    },
    /// `进展` with neither a percentage nor a note.
    MissingProgress,
    /// `退回` without a reason.
    MissingReason,
    /// `转交` without an @-mentioned new owner.
    MissingPerson,
    /// `延期` without a new deadline.
    ExtendNeedsDeadline,
    /// `列表` with a filter it does not know.
    UnknownFilter {
        /// The word as typed.
        word: String,
    },
    /// `统计` with a period it does not know.
    UnknownPeriod {
        /// The word as typed.
        word: String,
    },
    /// `导出` with a word that is not a period.
    UnknownExportPeriod {
        /// The word as typed.
        word: String,
    },
    /// Words left over after a complete subcommand.
    TrailingInput {
        /// The subcommand (`查看`).
        command: &'static str,
        /// The leftover text.
        junk: String,
    },
    /// A `/项目` line was wrong.
    Project(#[source] ProjectParseError),
    /// A `/需求` line was wrong.
    Requirement(#[source] RequirementParseError),
    /// `/纪要` with no minutes, no link and not in reply to a message.
    MinutesEmpty,
    /// `下达` without its title, 对象 or 截止 (`what`).
    IssueIncomplete {
        /// 事项 / 对象 / 截止.
        what: &'static str,
    },
    /// `下达`'s `截止：…` not understood (answered as [`ParseError::BadDeadline`], with the
    /// 下达 example).
    IssueDeadline(#[source] DeadlineError),
    /// `指标：…` not understood (the domain's message).
    BadTarget {
        /// Why, in plain Chinese.
        message: String,
    },
    /// `下达 查看/取消/延期` (`word`) without a batch number (`XD-3`).
    MissingBatchId {
        /// 查看 / 取消 / 延期.
        word: &'static str,
    },
    /// `下达 取消 XD-3` without a reason.
    BatchCancelNeedsReason,
    /// `下达 延期 XD-3` without a new deadline.
    BatchExtendNeedsDeadline,
    /// `下达 延期 XD-3 …`'s new deadline not understood or past.
    BatchDeadline(#[source] DeadlineError),
    /// `汇报 DB-12` without a value.
    MissingReportValue,
    /// `绑定单位` / `单位 解绑` without the unit's name.
    MissingUnitName {
        /// `绑定单位` or `单位`.
        command: &'static str,
    },
    /// `单位 <word>` with a word that is neither 列表 nor 解绑.
    UnknownUnitsWord {
        /// The word.
        word: String,
    },
    /// A class (`类别：…` or `类别 DB-12 …`) that is not 承诺 / 挑战 / 突发 (empty: none given).
    BadClass {
        /// The value as typed.
        input: String,
    },
    /// A `/例会` line was wrong.
    Series(#[source] SeriesParseError),
    /// A recurring item's `重复：` rule, or `重复 停止`, was wrong.
    Repeat(#[source] RepeatParseError),
    /// `考评` with a word that is not a period (nor 导出 / 推送).
    UnknownAppraisalPeriod {
        /// The word as typed.
        word: String,
    },
    /// `标杆` / `负面` without the person, the code, or (for 备注) the record or the text.
    BehaviourIncomplete {
        /// `标杆` or `负面`.
        command: &'static str,
        /// What is missing: `@某人`, `代码`, `编号`, `备注`.
        what: &'static str,
    },
}

/// The example shown for `/督办 下达 取消` errors.
pub const BATCH_CANCEL_EXAMPLE: &str = "/督办 下达 取消 XD-3 口径调整，重新下达";
/// The example shown for `/督办 下达 延期` errors.
pub const BATCH_EXTEND_EXAMPLE: &str = "/督办 下达 延期 XD-3 下周五 等待总部口径";

/// The example shown for `/纪要` errors.
pub const MINUTES_EXAMPLE: &str = "/纪要 （在后面粘贴会议纪要全文）";

impl ParseError {
    /// A correct example line (from [`SUPERVISE_COMMANDS`]) for the command that failed.
    pub fn example(&self) -> &'static str {
        let key = match self {
            Self::Project(e) => return e.example(),
            Self::Requirement(e) => return e.example(),
            Self::Series(e) => return e.example(),
            Self::Repeat(e) => return e.example(),
            Self::MissingItemId { command }
            | Self::BadItemId { command, .. }
            | Self::TrailingInput { command, .. } => {
                SuperviseSub::from_word(command).unwrap_or(SuperviseSub::Create)
            }
            Self::BadPercent { .. } | Self::MissingProgress => SuperviseSub::Progress,
            Self::MissingReason => SuperviseSub::Reject,
            Self::MissingPerson => SuperviseSub::Reassign,
            Self::ExtendNeedsDeadline => SuperviseSub::Extend,
            Self::UnknownFilter { .. } => SuperviseSub::List,
            Self::UnknownPeriod { .. } => SuperviseSub::Stats,
            Self::UnknownExportPeriod { .. } => SuperviseSub::Export,
            Self::UnknownSubcommand { .. }
            | Self::MissingTitle
            | Self::TitleTooLong { .. }
            | Self::MissingOwner
            | Self::MissingDeadline
            | Self::BadDeadline(_)
            | Self::TooManyMentions { .. }
            | Self::TooManyTags { .. }
            | Self::BadPriority { .. } => SuperviseSub::Create,
            Self::MinutesEmpty => return MINUTES_EXAMPLE,
            Self::MissingUnitName { command } => {
                SuperviseSub::from_word(command).unwrap_or(SuperviseSub::BindUnit)
            }
            Self::UnknownUnitsWord { .. } => SuperviseSub::Units,
            Self::UnknownAppraisalPeriod { .. } => SuperviseSub::Appraisal,
            Self::BehaviourIncomplete { command, .. } => {
                SuperviseSub::from_word(command).unwrap_or(SuperviseSub::Commend)
            }
            Self::MissingReportValue => SuperviseSub::Report,
            Self::MissingBatchId { word: "取消" } | Self::BatchCancelNeedsReason => {
                return BATCH_CANCEL_EXAMPLE;
            }
            Self::MissingBatchId { word: "延期" }
            | Self::BatchExtendNeedsDeadline
            | Self::BatchDeadline(_) => return BATCH_EXTEND_EXAMPLE,
            Self::MissingBatchId { .. } => return "/督办 下达 查看 XD-3",
            Self::BadClass { .. } => SuperviseSub::Class,
            Self::IssueIncomplete { .. } | Self::BadTarget { .. } | Self::IssueDeadline(_) => {
                SuperviseSub::Issue
            }
        };
        key.spec().example
    }

    /// True when the caller should answer with the help card (an unknown subcommand).
    pub fn wants_help(&self) -> bool {
        matches!(
            self,
            Self::UnknownSubcommand { .. }
                | Self::Project(ProjectParseError::UnknownSubcommand { .. })
                | Self::Requirement(RequirementParseError::UnknownSubcommand { .. })
                | Self::Series(SeriesParseError::UnknownSubcommand { .. })
        )
    }

    /// The command table whose help card answers this error: [`SUPERVISE_COMMANDS`],
    /// [`PROJECT_COMMANDS`] or [`REQUIREMENT_COMMANDS`].
    pub fn help_commands(&self) -> &'static [CommandSpec] {
        match self {
            Self::Project(_) => PROJECT_COMMANDS,
            Self::Requirement(_) => REQUIREMENT_COMMANDS,
            Self::Series(_) => crate::command::spec::SERIES_COMMANDS,
            _ => SUPERVISE_COMMANDS,
        }
    }

    /// A short title naming the field that was wrong (`截止时间没看懂`, `缺少主办人`), for the
    /// refusal card.
    pub fn title(&self) -> &'static str {
        match self {
            Self::UnknownSubcommand { .. } => "没有这个督办指令",
            Self::MissingTitle => "缺少事项内容",
            Self::TitleTooLong { .. } => "事项标题太长",
            Self::MissingOwner => "缺少主办人",
            Self::MissingDeadline => "缺少截止时间",
            Self::BadDeadline(DeadlineError::Past { .. } | DeadlineError::RecentPast { .. }) => {
                "截止时间已经过去"
            }
            Self::BadDeadline(_) => "截止时间没看懂",
            Self::TooManyMentions { .. } => "@ 的人太多",
            Self::TooManyTags { .. } => "标签太多",
            Self::BadPriority { .. } => "优先级没看懂",
            Self::MissingItemId { .. } => "缺少事项编号",
            Self::BadItemId { .. } => "事项编号没看懂",
            Self::BadPercent { .. } => "进度没看懂",
            Self::MissingProgress => "缺少进展内容",
            Self::MissingReason => "缺少退回原因",
            Self::MissingPerson => "缺少新的主办人",
            Self::ExtendNeedsDeadline => "缺少新的截止时间",
            Self::UnknownFilter { .. } => "列表范围没看懂",
            Self::UnknownPeriod { .. } => "统计期间没看懂",
            Self::UnknownExportPeriod { .. } => "导出期间没看懂",
            Self::TrailingInput { .. } => Trailing::TITLE,
            Self::Project(e) => e.title(),
            Self::Requirement(e) => e.title(),
            Self::Series(e) => e.title(),
            Self::Repeat(e) => e.title(),
            Self::MinutesEmpty => "纪要内容是空的",
            Self::MissingUnitName { .. } => "缺少单位名称",
            Self::UnknownUnitsWord { .. } => "单位指令没看懂",
            Self::UnknownAppraisalPeriod { .. } => "考评期间没看懂",
            Self::BehaviourIncomplete { what: "@某人", .. } => "缺少被记录的人",
            Self::BehaviourIncomplete { what: "代码", .. } => "缺少行为代码",
            Self::BehaviourIncomplete { what: "编号", .. } => "缺少记录编号",
            Self::BehaviourIncomplete { .. } => "缺少备注内容",
            Self::IssueIncomplete { what: "对象" } => "缺少下达对象",
            Self::IssueIncomplete { what: "截止" } => "缺少截止时间",
            Self::IssueIncomplete { .. } => "缺少下达的事项",
            Self::BadTarget { .. } => "指标没看懂",
            Self::MissingReportValue => "缺少汇报的数值",
            Self::MissingBatchId { .. } => "缺少下达编号",
            Self::BatchCancelNeedsReason => "缺少取消原因",
            Self::BatchExtendNeedsDeadline => "缺少新的截止时间",
            Self::BatchDeadline(DeadlineError::Past { .. } | DeadlineError::RecentPast { .. }) => {
                "截止时间已经过去"
            }
            Self::BatchDeadline(_) => "截止时间没看懂",
            Self::BadClass { input } if input.is_empty() => "缺少类别",
            Self::BadClass { .. } => "类别没看懂",
            Self::IssueDeadline(DeadlineError::Past { .. } | DeadlineError::RecentPast { .. }) => {
                "截止时间已经过去"
            }
            Self::IssueDeadline(_) => "截止时间没看懂",
        }
    }

    /// What was wrong, without the example: the refusal card shows [`Self::example`] once,
    /// under it (the `Display` form carries both, for one-line uses).
    pub fn message(&self) -> String {
        match self {
            Self::Project(e) => e.message(),
            Self::Requirement(e) => e.message(),
            Self::Series(e) => e.message(),
            _ => self.problem(),
        }
    }

    fn problem(&self) -> String {
        match self {
            Self::UnknownSubcommand { word } => {
                format!(
                    "没有“{word}”这个督办指令。可用的指令见下方帮助；如果是要新建事项，请写明事项、@主办人和截止时间"
                )
            }
            Self::MissingTitle => "请写明要督办的事项内容".to_owned(),
            Self::TitleTooLong { chars } => {
                format!("事项标题有{chars}个字，最多{MAX_TITLE_CHARS}个字；详细内容请另起一行写“说明：…”")
            }
            Self::MissingOwner => {
                "还没有指定主办人，请 @ 一位群成员作为主办人（第一个 @ 的人为主办）".to_owned()
            }
            Self::MissingDeadline => "还没有写截止时间，请补上，例如“下周五前”或“11月30日 18:00”".to_owned(),
            // The title names the field; the parser's reason reads on its own.
            Self::BadDeadline(e) => e.to_string(),
            Self::TooManyMentions { count } => {
                format!("一次 @ 了{count}人，最多{MAX_MENTIONS}人，请减少后重试")
            }
            Self::TooManyTags { count } => format!("一共有{count}个标签，最多{MAX_TAGS}个，请减少后重试"),
            Self::BadPriority { input } => {
                format!("优先级“{input}”看不懂，请写 P0、P1、P2、P3，或 紧急、高、中、低")
            }
            Self::MissingItemId { command } => format!("“{command}”需要写明事项编号，例如 DB-12"),
            Self::BadItemId { command, input } => {
                format!("“{input}”不是事项编号；“{command}”后面请写事项编号，例如 DB-12")
            }
            Self::BadPercent { input } => format!("进度“{input}”不对，百分比需要在 0% 到 100% 之间"),
            Self::MissingProgress => "请写上进度百分比或进展说明（至少一项）".to_owned(),
            Self::MissingReason => "退回时请写明原因，方便主办人修改".to_owned(),
            Self::MissingPerson => "转交时请 @ 新的主办人".to_owned(),
            Self::ExtendNeedsDeadline => "延期时请在编号后写上新的截止时间".to_owned(),
            Self::UnknownFilter { word } => {
                format!("列表不支持“{word}”，可以写：我的、我发起的、逾期、本周、全部，或 @某人")
            }
            Self::UnknownPeriod { word } => {
                format!("统计不支持“{word}”，可以写：本月、上月、本季度，@某人，或 按单位")
            }
            Self::UnknownExportPeriod { word } => {
                format!("导出不支持“{word}”，可以写：本月、上月、本季度，或不写（导出全部）")
            }
            Self::TrailingInput { command, junk } => Trailing::message(command, junk),
            Self::Project(e) => e.to_string(),
            Self::Requirement(e) => e.to_string(),
            Self::Series(e) => e.to_string(),
            Self::Repeat(e) => e.to_string(),
            Self::IssueIncomplete { what: "对象" } => {
                "请写明下达对象，例如“对象：全部营业部”、“对象：华东片区”或“对象：@杭州营业部 @长沙营业部”".to_owned()
            }
            Self::IssueIncomplete { what: "截止" } => "请写明截止时间，例如“截止：下周五”".to_owned(),
            Self::IssueIncomplete { .. } => "请在“下达”后写明要下达的事项".to_owned(),
            Self::BadTarget { message } => message.clone(),
            Self::MissingBatchId { word } => format!("“下达 {word}”后面请写下达编号，例如 XD-3"),
            Self::BatchCancelNeedsReason => {
                "取消下达时请写明原因（各单位会看到），例如“口径调整，重新下达”".to_owned()
            }
            Self::BatchExtendNeedsDeadline => {
                "请在下达编号后写上新的截止时间，例如“下周五”或“12月18日 18:00”".to_owned()
            }
            Self::BatchDeadline(e) => e.to_string(),
            Self::MissingReportValue => "请在事项编号后写上完成的数值，例如 24户 或 85%".to_owned(),
            Self::IssueDeadline(e) => e.to_string(),
            Self::BadClass { input } if input.is_empty() => {
                "请写明类别：承诺、挑战或突发".to_owned()
            }
            Self::BadClass { input } => format!("类别“{input}”看不懂，请写 承诺、挑战 或 突发"),
            Self::MissingUnitName { command } => {
                format!("“{command}”后面请写上单位名称，例如“杭州营业部”")
            }
            Self::UnknownUnitsWord { word } => {
                format!("“单位”后面不支持“{word}”，可以写：列表，或 解绑 单位名称")
            }
            Self::UnknownAppraisalPeriod { word } => {
                format!(
                    "考评不支持“{word}”，可以写：{}，或 @某人；导出写“考评 导出 本季度”",
                    crate::domain::appraisal::Window::WORDS.replace('/', "、")
                )
            }
            Self::BehaviourIncomplete { command, what: "@某人" } => {
                format!("“{command}”后面请先 @ 被记录的人")
            }
            Self::BehaviourIncomplete { command, what: "代码" } => {
                format!("“{command}”请在 @某人 后写上行为代码（例如 B01、N01，见配置的行为目录）")
            }
            Self::BehaviourIncomplete { command, what: "编号" } => {
                format!("“{command} 备注”后面请写记录编号，例如 BR-3")
            }
            Self::BehaviourIncomplete { command, .. } => {
                format!("“{command} 备注 BR-编号”后面请写上你的备注")
            }
            Self::MinutesEmpty => "“/纪要”后面还没有内容：可以直接粘贴会议纪要全文，或附上飞书文档/妙记的链接，也可以回复包含纪要的那条消息再发送“/纪要”".to_owned(),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Project(e) => e.fmt(f),
            Self::Requirement(e) => e.fmt(f),
            Self::Series(e) => write!(f, "{e}。例如：{}", e.example()),
            _ => write!(f, "{}。正确的写法例如：{}", self.problem(), self.example()),
        }
    }
}

impl From<IdError> for ParseError {
    fn from(e: IdError) -> Self {
        match e {
            IdError::Missing { command } => Self::MissingItemId { command },
            IdError::Bad { command, input } => Self::BadItemId { command, input },
        }
    }
}

impl From<Trailing> for ParseError {
    fn from(Trailing { command, junk }: Trailing) -> Self {
        Self::TrailingInput { command, junk }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_ends_with_an_example_from_the_command_table() {
        let e = ParseError::MissingReason;
        assert_eq!(e.example(), "/督办 退回 DB-12 缺少附件");
        assert!(e.to_string().starts_with("退回时请写明原因"));
        assert!(e.to_string().ends_with("/督办 退回 DB-12 缺少附件"));
    }

    #[test]
    fn the_title_names_the_wrong_field_and_the_message_leaves_the_example_to_the_card() {
        let e = ParseError::BadPriority {
            input: "很急".to_owned(),
        };
        assert_eq!(e.title(), "优先级没看懂");
        assert!(e.message().contains("很急"));
        assert!(!e.message().contains(e.example()));
        let e = ParseError::Project(ProjectParseError::MissingReason);
        assert_eq!(e.title(), "缺少退回原因");
        assert!(!e.message().contains(e.example()));
    }

    #[test]
    fn a_deadline_that_has_passed_is_titled_as_passed_not_as_unreadable() {
        let past = ParseError::BadDeadline(DeadlineError::Past {
            input: "本周一".to_owned(),
        });
        assert_eq!(past.title(), "截止时间已经过去");
        assert_eq!(past.message(), "“本周一”已经过去了，请给一个将来的截止时间");
        let unread = ParseError::BadDeadline(DeadlineError::NotATime {
            input: "改天".to_owned(),
        });
        assert_eq!(unread.title(), "截止时间没看懂");
    }

    #[test]
    fn only_an_unknown_subcommand_wants_help() {
        assert!(
            ParseError::UnknownSubcommand {
                word: "删除".to_owned()
            }
            .wants_help()
        );
        assert!(!ParseError::MissingOwner.wants_help());
    }
}
