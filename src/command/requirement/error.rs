//! Why a `/需求` line could not be understood (pure), in plain Chinese with an example from
//! [`REQUIREMENT_COMMANDS`](crate::command::spec::REQUIREMENT_COMMANDS).

use std::fmt;

use crate::command::grammar::{IdError, MAX_TITLE_CHARS, Trailing, clip};
use crate::command::spec::RequirementSub;
use crate::command::when::DeadlineError;

/// Why a `/需求` line could not be understood.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RequirementParseError {
    /// A short unknown word followed by a requirement number.
    UnknownSubcommand {
        /// The word.
        word: String,
    },
    /// No title.
    MissingTitle,
    /// A title over [`MAX_TITLE_CHARS`].
    TitleTooLong {
        /// Its length.
        chars: usize,
    },
    /// 期望上线时间 refused.
    BadDeadline(#[source] DeadlineError),
    /// 优先级 not understood.
    BadPriority {
        /// What was typed.
        input: String,
    },
    /// 联系人 without a mention.
    BadContact,
    /// No requirement number.
    MissingId {
        /// The subcommand.
        command: &'static str,
    },
    /// Not a requirement number.
    BadId {
        /// The subcommand.
        command: &'static str,
        /// What was typed.
        input: String,
    },
    /// `受理` followed by something that is neither `XM-3` nor `新建项目`.
    BadTarget {
        /// What was typed.
        input: String,
    },
    /// A required text (原因 / 补充内容 / 需要补充什么) is missing.
    MissingText {
        /// The subcommand.
        command: &'static str,
    },
    /// `列表` filter unknown.
    UnknownFilter {
        /// The word.
        word: String,
    },
    /// Words left over.
    TrailingInput {
        /// The subcommand.
        command: &'static str,
        /// The leftovers.
        junk: String,
    },
}

impl RequirementParseError {
    /// A correct example line from the `/需求` table.
    pub fn example(&self) -> &'static str {
        let key = match self {
            Self::MissingId { command }
            | Self::MissingText { command }
            | Self::TrailingInput { command, .. }
            | Self::BadId { command, .. } => {
                RequirementSub::from_word(command).unwrap_or(RequirementSub::Submit)
            }
            Self::BadTarget { .. } => RequirementSub::Accept,
            Self::UnknownFilter { .. } => RequirementSub::List,
            Self::UnknownSubcommand { .. } => RequirementSub::Help,
            Self::MissingTitle
            | Self::TitleTooLong { .. }
            | Self::BadDeadline(_)
            | Self::BadPriority { .. }
            | Self::BadContact => RequirementSub::Submit,
        };
        key.spec().example
    }

    /// A short title naming what was wrong (`期望上线时间没看懂`), for the refusal card.
    pub fn title(&self) -> &'static str {
        match self {
            Self::UnknownSubcommand { .. } => "没有这个需求指令",
            Self::MissingTitle => "缺少需求标题",
            Self::TitleTooLong { .. } => "需求标题太长",
            Self::BadDeadline(_) => "期望上线时间没看懂",
            Self::BadPriority { .. } => "优先级没看懂",
            Self::BadContact => "联系人没看懂",
            Self::MissingId { .. } => "缺少需求编号",
            Self::BadId { .. } => "需求编号没看懂",
            Self::BadTarget { .. } => "受理到哪个项目没看懂",
            Self::MissingText { command } => match RequirementSub::from_word(command) {
                Some(RequirementSub::Reject) => "缺少驳回原因",
                Some(RequirementSub::AskInfo) => "缺少要补充的内容",
                _ => "缺少补充内容",
            },
            Self::UnknownFilter { .. } => "列表范围没看懂",
            Self::TrailingInput { .. } => Trailing::TITLE,
        }
    }

    /// What was wrong, without the example (the refusal card shows the example once, apart).
    pub fn message(&self) -> String {
        self.problem()
    }

    fn problem(&self) -> String {
        match self {
            Self::UnknownSubcommand { word } => format!("没有“{word}”这个需求指令，可用的指令见下方帮助"),
            Self::MissingTitle => "请写明需求标题；也可以发送“/需求 新建”打开填写表单".to_owned(),
            Self::TitleTooLong { chars } => {
                format!("需求标题有{chars}个字，最多{MAX_TITLE_CHARS}个字；详细内容请另起一行写“说明：…”")
            }
            Self::BadDeadline(e) => format!("期望上线时间有问题：{e}"),
            Self::BadPriority { input } => {
                format!("优先级“{input}”看不懂，请写 P0、P1、P2、P3，或 紧急、高、中、低")
            }
            Self::BadContact => "联系人请 @ 一位同事".to_owned(),
            Self::MissingId { command } => format!("“{command}”需要写明需求编号，例如 XQ-5"),
            Self::BadId { command, input } => {
                format!("“{input}”不是需求编号；“{command}”后面请写需求编号，例如 XQ-5")
            }
            Self::BadTarget { input } => {
                format!("“{input}”看不懂；受理时可以写项目编号（如 XM-3）或“新建项目”，也可以不写")
            }
            Self::MissingText { command } => match RequirementSub::from_word(command) {
                Some(RequirementSub::Reject) => "驳回时请写明原因，提出人会看到".to_owned(),
                Some(RequirementSub::AskInfo) => "请写明需要提出人补充什么".to_owned(),
                _ => "请写上补充的内容".to_owned(),
            },
            Self::UnknownFilter { word } => format!("需求列表不支持“{word}”，可以写：待受理、我的、全部"),
            Self::TrailingInput { command, junk } => Trailing::message(command, junk),
        }
    }
}

impl fmt::Display for RequirementParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let example = self.example().replace('\n', " ⏎ ");
        write!(f, "{}。正确的写法例如：{example}", self.problem())
    }
}

impl From<IdError> for RequirementParseError {
    fn from(e: IdError) -> Self {
        match e {
            IdError::Missing { command } => Self::MissingId { command },
            IdError::Bad { command, input } => Self::BadId {
                command,
                input: clip(&input),
            },
        }
    }
}

impl From<Trailing> for RequirementParseError {
    fn from(Trailing { command, junk }: Trailing) -> Self {
        Self::TrailingInput { command, junk }
    }
}
