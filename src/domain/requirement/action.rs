//! What a person does to a requirement: [`ReqAction`], its audit key and its verb.

use crate::domain::ids::{ProjectId, RequirementId};

/// Something a person does to a requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReqAction {
    /// 受理, optionally into a project.
    Accept {
        /// The project.
        project: Option<ProjectId>,
    },
    /// 合并: a duplicate of another requirement.
    Merge {
        /// The surviving requirement.
        into: RequirementId,
    },
    /// 驳回.
    Reject {
        /// Why (required).
        reason: String,
    },
    /// 待补充: ask the submitter for details.
    AskInfo {
        /// What is missing (required).
        what: String,
    },
    /// 补充: the submitter adds details.
    Supplement {
        /// The details.
        text: String,
    },
    /// 效果反馈.
    Feedback {
        /// 1–5.
        rating: u8,
        /// Comment.
        comment: Option<String>,
    },
}

impl ReqAction {
    /// The stable key used in audit records and card callbacks (`r_accept` …).
    pub fn key(&self) -> &'static str {
        match self {
            Self::Accept { .. } => "r_accept",
            Self::Merge { .. } => "r_merge",
            Self::Reject { .. } => "r_reject",
            Self::AskInfo { .. } => "r_ask_info",
            Self::Supplement { .. } => "r_supplement",
            Self::Feedback { .. } => "r_feedback",
        }
    }

    /// The Chinese verb.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Accept { .. } => "受理",
            Self::Merge { .. } => "合并",
            Self::Reject { .. } => "驳回",
            Self::AskInfo { .. } => "要求补充",
            Self::Supplement { .. } => "补充说明",
            Self::Feedback { .. } => "效果反馈",
        }
    }
}

/// The Chinese verb of a requirement audit key (`r_accept` → 受理), for history views.
pub fn action_label(key: &str) -> Option<&'static str> {
    let every = [
        ReqAction::Accept { project: None },
        ReqAction::Merge {
            into: RequirementId(0),
        },
        ReqAction::Reject {
            reason: String::new(),
        },
        ReqAction::AskInfo { what: String::new() },
        ReqAction::Supplement { text: String::new() },
        ReqAction::Feedback {
            rating: 0,
            comment: None,
        },
    ];
    every.iter().find(|a| a.key() == key).map(ReqAction::label)
}
