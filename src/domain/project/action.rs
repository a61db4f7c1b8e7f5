//! What a person does to a project: [`ProjectAction`] with its arguments, and its kind.

use crate::domain::deadline::Deadline;
use crate::domain::ids::{ItemId, Person};
use crate::domain::listed::listed;

/// Something a person does to a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectAction {
    /// 计划: set a stage's owner and/or planned end.
    Plan {
        /// The stage: its name or its 1-based number.
        stage: String,
        /// The new owner.
        owner: Option<Person>,
        /// The new planned end.
        planned_end: Option<Deadline>,
    },
    /// 推进: confirm the current stage and move to the next (or complete the project).
    Advance {
        /// A remark.
        note: Option<String>,
    },
    /// 退回: back to the previous stage (or reopen the last stage of a done project).
    Rollback {
        /// Why (required).
        reason: String,
    },
    /// 关联: link a 督办 item.
    LinkItem(ItemId),
    /// 取消关联: unlink a 督办 item.
    UnlinkItem(ItemId),
    /// 改名.
    Rename(String),
    /// 取消.
    Cancel {
        /// Why.
        reason: Option<String>,
    },
}

listed! {
/// A [`ProjectAction`] without its arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProjectActionKind {
    /// 计划
    Plan,
    /// 推进
    Advance,
    /// 退回
    Rollback,
    /// 关联
    LinkItem,
    /// 取消关联
    UnlinkItem,
    /// 改名
    Rename,
    /// 取消
    Cancel,
}
}

impl ProjectActionKind {
    /// The stable key used in audit records (`p_advance` …).
    pub fn key(self) -> &'static str {
        match self {
            Self::Plan => "p_plan",
            Self::Advance => "p_advance",
            Self::Rollback => "p_rollback",
            Self::LinkItem => "p_link",
            Self::UnlinkItem => "p_unlink",
            Self::Rename => "p_rename",
            Self::Cancel => "p_cancel",
        }
    }

    /// The Chinese verb.
    pub fn label(self) -> &'static str {
        match self {
            Self::Plan => "更新阶段计划",
            Self::Advance => "推进",
            Self::Rollback => "退回",
            Self::LinkItem => "关联事项",
            Self::UnlinkItem => "取消关联",
            Self::Rename => "修改名称",
            Self::Cancel => "取消项目",
        }
    }
}

impl ProjectAction {
    /// The kind.
    pub fn kind(&self) -> ProjectActionKind {
        match self {
            Self::Plan { .. } => ProjectActionKind::Plan,
            Self::Advance { .. } => ProjectActionKind::Advance,
            Self::Rollback { .. } => ProjectActionKind::Rollback,
            Self::LinkItem(_) => ProjectActionKind::LinkItem,
            Self::UnlinkItem(_) => ProjectActionKind::UnlinkItem,
            Self::Rename(_) => ProjectActionKind::Rename,
            Self::Cancel { .. } => ProjectActionKind::Cancel,
        }
    }
}
