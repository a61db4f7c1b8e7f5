//! Why a `/例会` line could not be understood (pure), in plain Chinese with an example from
//! [`SERIES_COMMANDS`](crate::command::spec::SERIES_COMMANDS).

use crate::command::grammar::{IdError, Trailing, clip};
use crate::command::spec::SeriesSub;
use crate::command::when::DeadlineError;
use crate::domain::cadence::CadenceError;

/// Why a `/例会` line could not be understood.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SeriesParseError {
    /// Not a `/例会` subcommand.
    #[error("没有“{word}”这个例会指令，可用的指令见下方帮助")]
    UnknownSubcommand {
        /// The word.
        word: String,
    },
    /// `新建` without a name.
    #[error("请先写例会名称，再写周期")]
    MissingName,
    /// `新建` without a cadence.
    #[error("请写明例会周期，例如“每周一 9:30”")]
    MissingCadence,
    /// The cadence was not understood.
    #[error("{0}")]
    BadCadence(CadenceError),
    /// A 提纲 / 看板 value that is not a link.
    #[error("{field}“{input}”不是链接；请粘贴飞书文档/知识库链接，或以 http:// 或 https:// 开头的网址")]
    BadLink {
        /// 提纲 or 看板.
        field: &'static str,
        /// What was typed.
        input: String,
    },
    /// No series number.
    #[error("“{command}”需要写明例会编号，例如 HYS-1")]
    MissingId {
        /// The subcommand.
        command: &'static str,
    },
    /// Not a series number.
    #[error("“{input}”不是例会编号；“{command}”后面请写例会编号，例如 HYS-1")]
    BadId {
        /// The subcommand.
        command: &'static str,
        /// What was typed.
        input: String,
    },
    /// `改期` without a time.
    #[error("请写明改到什么时候，例如“下周二 14:00”")]
    MissingTime,
    /// `改期` with a time that was refused.
    #[error("新时间有问题：{0}")]
    BadTime(DeadlineError),
    /// Words left over.
    #[error("“{command}”后面多了“{junk}”，请删去多余的内容")]
    TrailingInput {
        /// The subcommand.
        command: &'static str,
        /// The leftovers.
        junk: String,
    },
}

impl SeriesParseError {
    /// A correct example line from the `/例会` table.
    pub fn example(&self) -> &'static str {
        let key = match self {
            Self::MissingId { command }
            | Self::BadId { command, .. }
            | Self::TrailingInput { command, .. } => SeriesSub::from_word(command).unwrap_or(SeriesSub::Help),
            Self::MissingName | Self::MissingCadence | Self::BadCadence(_) | Self::BadLink { .. } => {
                SeriesSub::Create
            }
            Self::MissingTime | Self::BadTime(_) => SeriesSub::Reschedule,
            Self::UnknownSubcommand { .. } => SeriesSub::Help,
        };
        key.spec().example
    }

    /// A short title naming what was wrong, for the refusal card.
    pub fn title(&self) -> &'static str {
        match self {
            Self::UnknownSubcommand { .. } => "没有这个例会指令",
            Self::MissingName => "缺少例会名称",
            Self::MissingCadence => "缺少例会周期",
            Self::BadCadence(_) => "例会周期没看懂",
            Self::BadLink { .. } => "链接没看懂",
            Self::MissingId { .. } => "缺少例会编号",
            Self::BadId { .. } => "例会编号没看懂",
            Self::MissingTime => "缺少新时间",
            Self::BadTime(_) => "新时间没看懂",
            Self::TrailingInput { .. } => Trailing::TITLE,
        }
    }

    /// What was wrong, without the example.
    pub fn message(&self) -> String {
        self.to_string()
    }
}

impl From<IdError> for SeriesParseError {
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

impl From<Trailing> for SeriesParseError {
    fn from(Trailing { command, junk }: Trailing) -> Self {
        Self::TrailingInput { command, junk }
    }
}
