//! `/项目` subcommands (pure, alias `/project`): the parsed [`ProjectCmd`] here, its parser in
//! `parse.rs` (dispatch on [`ProjectSub`]), errors in `error.rs`, render and JSON in `render.rs`.
//!
//! ```text
//! /项目 新建 <名称> @负责人 [模板]        (名称 before the mention; one template word after)
//! /项目 计划 XM-3 <阶段名|序号> [@阶段负责人] [计划完成时间]   (at least one of the two)
//! /项目 推进 XM-3 [说明]
//! /项目 退回 XM-3 原因
//! /项目 关联 XM-3 DB-12   |   /项目 取消关联 XM-3 DB-12
//! /项目 查看 XM-3
//! /项目 列表 [我的|进行中|延期|全部]     (default 进行中)
//! /项目 看板 [全部]
//! /项目 取消 XM-3 [原因]
//! /项目 帮助                             (also a bare `/项目`)
//! ```

mod error;
mod parse;
mod render;

use crate::domain::deadline::Deadline;
use crate::domain::ids::{ItemId, Person, ProjectId};

pub use self::error::ProjectParseError;
pub(crate) use self::parse::parse;
pub(crate) use self::render::render;
use crate::command::spec::ProjectSub;

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
            Self::Help => ProjectSub::Help,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
