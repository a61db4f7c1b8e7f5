//! Why a recurring item's `重复：` rule or `/督办 重复 停止` could not be read (pure), with the
//! example the refusal card shows. Kept apart from the parser so the command errors can name it
//! without importing the parser back.

use crate::domain::repeat::RepeatError;

/// A creation with a rule, for the refusal cards.
pub(crate) const EXAMPLE: &str = "/督办 提交本周经营周报 @张三 每周五前 重复：每周";
/// The stop command, for the refusal cards.
pub(crate) const STOP_EXAMPLE: &str = "/督办 重复 停止 DB-12";
/// The rules people can write, for the refusal cards.
const RULES: &str = "每周、每个工作日、每月最后一个工作日、每月15日、每季度末";

/// Why a recurring item could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RepeatParseError {
    /// `重复：` with nothing after it.
    #[error("“重复：”后面请写上重复规则，可以写：{RULES}")]
    Missing,
    /// A rule the cadence parser does not read.
    #[error("没看懂重复规则“{input}”（{reason}），可以写：{RULES}")]
    Unreadable {
        /// The rule as typed.
        input: String,
        /// Why, in plain Chinese.
        reason: String,
    },
    /// Two `重复：` fields.
    #[error("重复规则只能写一个，请保留一个“重复：…”")]
    Twice,
    /// The first deadline cannot be met by the rule (see [`RepeatError`]).
    #[error("{0}，请把截止时间改到这一期之内，或换一个重复规则")]
    Plan(RepeatError),
    /// `重复` not followed by 停止 and an item number.
    #[error("“重复”后面请写“停止”和事项编号，结束这个事项的重复")]
    NotStop,
}

impl RepeatParseError {
    /// A short title for the refusal card.
    pub fn title(&self) -> &'static str {
        match self {
            Self::Missing => "缺少重复规则",
            Self::Unreadable { .. } => "重复规则没看懂",
            Self::Twice => "重复规则写了两次",
            Self::Plan(RepeatError::TooFar { .. }) => "截止时间超出了这一期",
            Self::Plan(RepeatError::Calendar(_)) => "工作日历缺少数据",
            Self::NotStop => "重复指令没看懂",
        }
    }

    /// A correct example line.
    pub fn example(&self) -> &'static str {
        match self {
            Self::NotStop => STOP_EXAMPLE,
            Self::Missing | Self::Unreadable { .. } | Self::Twice | Self::Plan(_) => EXAMPLE,
        }
    }
}
