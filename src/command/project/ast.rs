//! The parsed `/项目` command (pure), and the table row each one comes from.

use crate::command::spec::ProjectSub;
use crate::domain::deadline::Deadline;
use crate::domain::ids::{ItemId, Person, ProjectId};

/// A `/项目` subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectCmd {
    /// `新建`.
    Create {
        /// The name.
        name: String,
        /// 负责人.
        owner: Person,
        /// A configured template's name (default template when absent).
        template: Option<String>,
    },
    /// `计划`: a stage's owner and/or planned end.
    Plan {
        /// The project.
        id: ProjectId,
        /// Stage name or 1-based number, as typed.
        stage: String,
        /// New stage owner.
        owner: Option<Person>,
        /// New planned end.
        planned_end: Option<Deadline>,
    },
    /// `推进`.
    Advance {
        /// The project.
        id: ProjectId,
        /// A remark.
        note: Option<String>,
    },
    /// `退回`.
    Rollback {
        /// The project.
        id: ProjectId,
        /// Why (required).
        reason: String,
    },
    /// `关联`.
    Link {
        /// The project.
        id: ProjectId,
        /// The 督办 item.
        item: ItemId,
    },
    /// `取消关联`.
    Unlink {
        /// The project.
        id: ProjectId,
        /// The 督办 item.
        item: ItemId,
    },
    /// `查看`.
    Show(ProjectId),
    /// `列表`.
    List(ProjectFilter),
    /// `看板`; `all` = the whole department, else this group.
    Board {
        /// `全部`.
        all: bool,
    },
    /// `取消`.
    Cancel {
        /// The project.
        id: ProjectId,
        /// Why.
        reason: Option<String>,
    },
    /// `对齐 XM-3`: choose the OKR objective or key result the project serves.
    Align {
        /// The project.
        id: ProjectId,
    },
    /// `帮助`.
    Help,
}

/// Which projects `列表` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectFilter {
    /// `进行中` (the default).
    #[default]
    Active,
    /// `我的`: projects I own or own a stage of.
    Mine,
    /// `延期`: active projects whose current stage is past its plan.
    Late,
    /// `全部`: including done and cancelled ones.
    All,
}

impl ProjectCmd {
    /// The `/项目` table row this command was parsed from.
    pub fn key(&self) -> ProjectSub {
        match self {
            Self::Create { .. } => ProjectSub::Create,
            Self::Plan { .. } => ProjectSub::Plan,
            Self::Advance { .. } => ProjectSub::Advance,
            Self::Rollback { .. } => ProjectSub::Rollback,
            Self::Link { .. } => ProjectSub::Link,
            Self::Unlink { .. } => ProjectSub::Unlink,
            Self::Show(_) => ProjectSub::Show,
            Self::List(_) => ProjectSub::List,
            Self::Board { .. } => ProjectSub::Board,
            Self::Cancel { .. } => ProjectSub::Cancel,
            Self::Align { .. } => ProjectSub::Align,
            Self::Help => ProjectSub::Help,
        }
    }
}
