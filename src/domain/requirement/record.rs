//! The requirement as stored: its status, the submitter's supplements and rating, creation,
//! and who submitted it.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::deadline::Deadline;
use crate::domain::ids::{ChatId, OpenId, Person, ProjectId, RequirementId};
use crate::domain::priority::Priority;
use crate::domain::text::opt_text;

/// A requirement's stored status.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReqStatus {
    /// 待受理
    Submitted,
    /// 待补充: a manager asked the submitter for details.
    NeedsInfo,
    /// 已受理
    Accepted,
    /// 已合并 (see `merged_into`)
    Merged,
    /// 已驳回
    Rejected {
        /// Why.
        reason: String,
    },
    /// 已上线: the linked project was completed (the loop's happy end).
    Launched,
    /// 已关闭: the linked project was cancelled.
    Closed {
        /// Why.
        reason: String,
    },
}

impl ReqStatus {
    /// The Chinese label.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Submitted => "待受理",
            Self::NeedsInfo => "待补充",
            Self::Accepted => "已受理",
            Self::Merged => "已合并",
            Self::Rejected { .. } => "已驳回",
            Self::Launched => "已上线",
            Self::Closed { .. } => "已关闭",
        }
    }

    /// Whether a manager still has to decide.
    pub fn is_open(&self) -> bool {
        matches!(self, Self::Submitted | Self::NeedsInfo)
    }
}

/// The submitter's rating of what was delivered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    /// 1–5 stars.
    pub rating: u8,
    /// What they said.
    pub comment: Option<String>,
    /// When.
    pub at: Timestamp,
}

/// Details the submitter added (after 待补充 or on their own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supplement {
    /// The text.
    pub text: String,
    /// When.
    pub at: Timestamp,
}

/// A new requirement as submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequirement {
    /// The submitting group.
    pub chat_id: ChatId,
    /// 标题.
    pub title: String,
    /// 提出单位 / 营业部.
    pub unit: Option<String>,
    /// 场景.
    pub scenario: Option<String>,
    /// 期望上线时间.
    pub expected: Option<Deadline>,
    /// 优先级.
    pub priority: Priority,
    /// 联系人.
    pub contact: Option<Person>,
    /// 说明.
    pub description: Option<String>,
    /// Who sent it.
    pub submitter: Person,
}

/// A requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    /// `XQ-n`.
    pub id: RequirementId,
    /// The submitting (branch) group: status cards go there.
    pub chat_id: ChatId,
    /// 标题.
    pub title: String,
    /// 提出单位 / 营业部.
    pub unit: Option<String>,
    /// 场景.
    pub scenario: Option<String>,
    /// 期望上线时间.
    pub expected: Option<Deadline>,
    /// 优先级.
    pub priority: Priority,
    /// 联系人.
    pub contact: Option<Person>,
    /// 说明.
    pub description: Option<String>,
    /// Who sent it.
    pub submitter: Person,
    /// Stored status.
    pub status: ReqStatus,
    /// The project it was accepted into.
    pub project: Option<ProjectId>,
    /// The requirement it duplicates.
    pub merged_into: Option<RequirementId>,
    /// The question of the latest 待补充.
    #[serde(default)]
    pub info_request: Option<String>,
    /// What the submitter added, oldest first.
    #[serde(default)]
    pub supplements: Vec<Supplement>,
    /// The submitter's rating.
    pub feedback: Option<Feedback>,
    /// Submitted.
    pub created_at: Timestamp,
    /// Last change.
    pub updated_at: Timestamp,
    /// First decision by a manager (受理, 合并, 驳回 or 待补充).
    pub triaged_at: Option<Timestamp>,
    /// Incremented on every change.
    pub version: u64,
    /// The registered unit (单位) it belongs to: the unit whose group it was submitted in,
    /// else the registered unit its 提出单位 names (which stays as written). Fixed at
    /// submission; `None` when neither applies (and for requirements from before units).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_unit: Option<String>,
}
impl Requirement {
    /// A new requirement, 待受理, version 1.
    pub fn create(id: RequirementId, new: NewRequirement, now: Timestamp) -> Self {
        Self {
            id,
            chat_id: new.chat_id,
            title: new.title.trim().to_owned(),
            unit: opt_text(new.unit),
            scenario: opt_text(new.scenario),
            expected: new.expected,
            priority: new.priority,
            contact: new.contact,
            description: opt_text(new.description),
            submitter: new.submitter,
            status: ReqStatus::Submitted,
            project: None,
            merged_into: None,
            info_request: None,
            supplements: Vec::new(),
            feedback: None,
            created_at: now,
            updated_at: now,
            triaged_at: None,
            version: 1,
            org_unit: None,
        }
    }

    /// The same requirement, belonging to the registered unit `unit` (when there is one).
    #[must_use]
    pub fn in_unit(mut self, unit: Option<String>) -> Self {
        self.org_unit = unit;
        self
    }

    /// The audit record of the submission.
    pub fn creation_record(&self, source: Source) -> AuditRecord {
        AuditRecord {
            at: self.created_at,
            actor: self.submitter.clone(),
            action: "r_create".to_owned(),
            source,
            changes: vec![Change::new("status", "", self.status.label())],
            note: None,
        }
    }

    /// Whether `who` submitted it or is its contact person.
    pub fn is_submitter(&self, who: &OpenId) -> bool {
        self.submitter.open_id == *who || self.contact.as_ref().is_some_and(|c| c.open_id == *who)
    }
}

/// `★★★☆☆` for a 1–5 rating.
pub fn stars(rating: u8) -> String {
    let r = usize::from(rating.min(5));
    format!("{}{}", "★".repeat(r), "☆".repeat(5 - r))
}
