//! `/需求` subcommands (pure, alias `/req`): the parsed [`ReqCmd`] here, its parser in
//! `parse.rs` (dispatch on [`RequirementSub`]), the submission form in `submit.rs`, errors in
//! `error.rs`, render and JSON in `render.rs`.
//!
//! ```text
//! /需求 <标题>                     submission; fields on the same or following lines:
//!   提出单位/营业部/单位：…  场景：…  期望上线时间/期望上线/上线时间：…  优先级：…
//!   联系人：@…  说明/描述/备注：…   (a line without a key continues 说明)
//! /需求 新建                       open the form card
//! /需求 受理 XQ-5 [XM-3|新建项目 [@负责人]]
//! /需求 合并 XQ-5 XQ-2             XQ-5 duplicates XQ-2
//! /需求 驳回 XQ-5 原因
//! /需求 待补充 XQ-5 需要补充什么
//! /需求 补充 XQ-5 补充内容
//! /需求 查看 XQ-5
//! /需求 列表 [待受理|我的|全部]     (default: not closed)
//! /需求 看板 | /需求 帮助 (also a bare `/需求`)
//! ```
//!
//! A mention outside a 联系人 field (e.g. on the title line) is the 联系人 when none is given.

mod error;
mod parse;
mod render;
mod submit;

use crate::command::spec::RequirementSub;
use crate::domain::deadline::Deadline;
use crate::domain::ids::{Person, ProjectId, RequirementId};
use crate::domain::priority::Priority;

pub use self::error::RequirementParseError;
pub(crate) use self::parse::parse;
pub(crate) use self::render::render;

/// A `/需求` subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReqCmd {
    /// Submit a requirement.
    Submit(NewReq),
    /// `新建`: open the form card.
    Form,
    /// `受理`.
    Accept {
        /// The requirement.
        id: RequirementId,
        /// Where it goes.
        target: AcceptTarget,
    },
    /// `合并`: `id` duplicates `into`.
    Merge {
        /// The duplicate.
        id: RequirementId,
        /// The surviving one.
        into: RequirementId,
    },
    /// `驳回`.
    Reject {
        /// The requirement.
        id: RequirementId,
        /// Why (required).
        reason: String,
    },
    /// `待补充`: ask the submitter.
    AskInfo {
        /// The requirement.
        id: RequirementId,
        /// What is missing.
        what: String,
    },
    /// `补充`: the submitter adds details.
    Supplement {
        /// The requirement.
        id: RequirementId,
        /// The details.
        text: String,
    },
    /// `查看`.
    Show(RequirementId),
    /// `列表`.
    List(ReqFilter),
    /// `看板`.
    Board,
    /// `帮助`.
    Help,
}

/// Where `受理` puts a requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AcceptTarget {
    /// Accepted, no project yet.
    None,
    /// Into an existing project.
    Project(ProjectId),
    /// `新建项目`: a new project named after the requirement (owner: the one mentioned, else the
    /// manager), default template.
    NewProject {
        /// 负责人.
        owner: Option<Person>,
    },
}

/// Which requirements `列表` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReqFilter {
    /// Not closed: 待受理, 待补充, 已受理 (the default).
    #[default]
    Open,
    /// `待受理` (and 待补充).
    Pending,
    /// `我的`: submitted by me or with me as contact.
    Mine,
    /// `全部`.
    All,
}

/// A requirement as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReq {
    /// 标题.
    pub title: String,
    /// 提出单位 / 营业部.
    pub unit: Option<String>,
    /// 场景.
    pub scenario: Option<String>,
    /// 期望上线时间.
    pub expected: Option<Deadline>,
    /// 优先级 (default P2).
    pub priority: Priority,
    /// 联系人.
    pub contact: Option<Person>,
    /// 说明.
    pub description: Option<String>,
}

impl ReqCmd {
    /// The `/需求` table row this command was parsed from.
    pub fn key(&self) -> RequirementSub {
        match self {
            Self::Submit(_) => RequirementSub::Submit,
            Self::Form => RequirementSub::Form,
            Self::Accept { .. } => RequirementSub::Accept,
            Self::Merge { .. } => RequirementSub::Merge,
            Self::Reject { .. } => RequirementSub::Reject,
            Self::AskInfo { .. } => RequirementSub::AskInfo,
            Self::Supplement { .. } => RequirementSub::Supplement,
            Self::Show(_) => RequirementSub::Show,
            Self::List(_) => RequirementSub::List,
            Self::Board => RequirementSub::Board,
            Self::Help => RequirementSub::Help,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
