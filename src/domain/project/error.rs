//! Why a project action was refused, in the plain Chinese the user reads.

use super::action::ProjectActionKind;
use super::status::ProjectStatus;
use crate::domain::ids::ItemId;

/// Why a project action was refused. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProjectError {
    /// The project is done or cancelled.
    #[error("项目{}，不能再{}", .status.label(), .action.label())]
    Closed {
        /// The refused action.
        action: ProjectActionKind,
        /// The project's status.
        status: ProjectStatus,
    },
    /// The actor may not do this.
    #[error("只有{who}可以{}", .action.label())]
    Forbidden {
        /// The refused action.
        action: ProjectActionKind,
        /// Who may, named.
        who: String,
    },
    /// 退回 on the first stage.
    #[error("项目还在第一个阶段（{stage}），无法再退回")]
    AtFirstStage {
        /// The first stage's name.
        stage: String,
    },
    /// 退回 without a reason.
    #[error("退回时请写明原因，例如：/项目 退回 XM-3 需求口径有变化")]
    MissingReason,
    /// No such stage.
    #[error("项目里没有“{input}”这个阶段，可选：{choices}")]
    UnknownStage {
        /// What was typed.
        input: String,
        /// The stages, numbered.
        choices: String,
    },
    /// Planning a stage that is already finished.
    #[error("“{stage}”阶段已经完成，不能再修改计划")]
    StageFinished {
        /// The stage's name.
        stage: String,
    },
    /// 计划 without an owner or a date.
    #[error("请写明阶段负责人（@某人）或计划完成时间，例如：/项目 计划 XM-3 产品设计 @李四 12月10日")]
    NothingToPlan,
    /// Linking an item twice.
    #[error("{item}已经关联到这个项目了")]
    AlreadyLinked {
        /// The item.
        item: ItemId,
    },
    /// Unlinking an item that is not linked.
    #[error("{item}没有关联到这个项目")]
    NotLinked {
        /// The item.
        item: ItemId,
    },
    /// A blank name, or one over the limit.
    #[error("项目名称不能为空，且最多{MAX_NAME_CHARS}个字")]
    BadName,
}

/// The longest project name, in characters.
pub const MAX_NAME_CHARS: usize = 100;
