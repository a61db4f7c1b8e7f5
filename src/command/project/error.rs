//! Why a `/项目` line could not be understood (pure), in plain Chinese with an example from
//! [`PROJECT_COMMANDS`](crate::command::spec::PROJECT_COMMANDS).

use std::fmt;

use crate::command::grammar::{IdError, MAX_TITLE_CHARS, Trailing, clip};
use crate::command::spec::ProjectSub;
use crate::command::when::DeadlineError;

/// Why a `/项目` line could not be understood.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProjectParseError {
    /// Not a `/项目` subcommand.
    UnknownSubcommand {
        /// The word.
        word: String,
    },
    /// `新建` without a name.
    MissingName,
    /// A name over [`MAX_TITLE_CHARS`] characters.
    NameTooLong {
        /// Its length.
        chars: usize,
    },
    /// `新建` without an @-mentioned owner.
    MissingOwner,
    /// No project number.
    MissingId {
        /// The subcommand.
        command: &'static str,
    },
    /// Not a project number.
    BadId {
        /// The subcommand.
        command: &'static str,
        /// What was typed.
        input: String,
    },
    /// `计划` without a stage.
    MissingStage,
    /// `计划` without an owner or a date.
    NothingToPlan,
    /// The date was refused.
    BadDeadline(#[source] DeadlineError),
    /// `退回` without a reason.
    MissingReason,
    /// `关联` without a `DB-` number.
    MissingItem {
        /// The subcommand.
        command: &'static str,
    },
    /// `列表` with an unknown filter.
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

impl ProjectParseError {
    /// A correct example line from the `/项目` table.
    pub fn example(&self) -> &'static str {
        let key = match self {
            Self::MissingId { command }
            | Self::TrailingInput { command, .. }
            | Self::MissingItem { command }
            | Self::BadId { command, .. } => ProjectSub::from_word(command).unwrap_or(ProjectSub::Create),
            Self::MissingName | Self::NameTooLong { .. } | Self::MissingOwner => ProjectSub::Create,
            Self::MissingStage | Self::NothingToPlan | Self::BadDeadline(_) => ProjectSub::Plan,
            Self::MissingReason => ProjectSub::Rollback,
            Self::UnknownFilter { .. } => ProjectSub::List,
            Self::UnknownSubcommand { .. } => ProjectSub::Help,
        };
        key.spec().example
    }

    /// A short title naming what was wrong (`计划完成时间没看懂`), for the refusal card.
    pub fn title(&self) -> &'static str {
        match self {
            Self::UnknownSubcommand { .. } => "没有这个项目指令",
            Self::MissingName => "缺少项目名称",
            Self::NameTooLong { .. } => "项目名称太长",
            Self::MissingOwner => "缺少项目负责人",
            Self::MissingId { .. } => "缺少项目编号",
            Self::BadId { .. } => "项目编号没看懂",
            Self::MissingStage => "缺少阶段",
            Self::NothingToPlan => "缺少阶段负责人或计划时间",
            Self::BadDeadline(_) => "计划完成时间没看懂",
            Self::MissingReason => "缺少退回原因",
            Self::MissingItem { .. } => "缺少事项编号",
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
            Self::UnknownSubcommand { word } => format!("没有“{word}”这个项目指令，可用的指令见下方帮助"),
            Self::MissingName => "请写明项目名称".to_owned(),
            Self::NameTooLong { chars } => format!("项目名称有{chars}个字，最多{MAX_TITLE_CHARS}个字"),
            Self::MissingOwner => "请 @ 一位项目负责人".to_owned(),
            Self::MissingId { command } => format!("“{command}”需要写明项目编号，例如 XM-3"),
            Self::BadId { command, input } => {
                format!("“{input}”不是项目编号；“{command}”后面请写项目编号，例如 XM-3")
            }
            Self::MissingStage => "请写明要计划的阶段（阶段名称或序号）".to_owned(),
            Self::NothingToPlan => "请 @ 阶段负责人，或写上计划完成时间（至少一项）".to_owned(),
            Self::BadDeadline(e) => format!("计划完成时间有问题：{e}"),
            Self::MissingReason => "退回时请写明原因".to_owned(),
            Self::MissingItem { command } => format!("“{command}”请写明督办事项编号，例如 DB-12"),
            Self::UnknownFilter { word } => {
                format!("项目列表不支持“{word}”，可以写：我的、进行中、延期、全部")
            }
            Self::TrailingInput { command, junk } => Trailing::message(command, junk),
        }
    }
}

impl fmt::Display for ProjectParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}。正确的写法例如：{}", self.problem(), self.example())
    }
}

impl From<IdError> for ProjectParseError {
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

impl From<Trailing> for ProjectParseError {
    fn from(Trailing { command, junk }: Trailing) -> Self {
        Self::TrailingInput { command, junk }
    }
}
