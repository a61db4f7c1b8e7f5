//! The parsed `/需求` command (pure), and the table row each one comes from.

use crate::command::spec::RequirementSub;
use crate::domain::deadline::Deadline;
use crate::domain::ids::{Person, ProjectId, RequirementId};
use crate::domain::priority::Priority;

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
