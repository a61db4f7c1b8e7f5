//! What a person does to an item: [`Action`] with its arguments (its kind, without them, is
//! [`ActionKind`], the key of the permissions table).

use jiff::Timestamp;

use crate::domain::ids::Person;
use crate::domain::permissions::ActionKind;

/// Something a person does to an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// 签收
    Acknowledge,
    /// 更新进展
    Progress {
        /// New completion percentage.
        percent: Option<u8>,
        /// What was done.
        note: Option<String>,
    },
    /// 提交完成
    Submit {
        /// A closing note.
        note: Option<String>,
    },
    /// 验收
    Accept,
    /// 退回
    Reject {
        /// Why (required).
        reason: String,
    },
    /// 申请延期
    RequestExtension {
        /// The new deadline.
        deadline: Timestamp,
        /// Whether a time of day was given.
        has_time: bool,
        /// Why.
        reason: Option<String>,
    },
    /// 批准延期
    ApproveExtension,
    /// 拒绝延期
    RejectExtension {
        /// Why.
        reason: Option<String>,
    },
    /// 催办
    Nudge,
    /// 转交
    Reassign {
        /// The new owner.
        to: Person,
    },
    /// 取消
    Cancel {
        /// Why.
        reason: Option<String>,
    },
    /// 调整截止时间: the 督办人 (or an admin) sets the deadline directly, without the owner's
    /// request (a 下达's 统一延期 moves every open unit item this way).
    SetDeadline {
        /// The new deadline (in the future).
        deadline: Timestamp,
        /// Whether a time of day was given.
        has_time: bool,
        /// Why.
        reason: Option<String>,
    },
}

impl Action {
    /// The kind, without arguments.
    pub fn kind(&self) -> ActionKind {
        match self {
            Self::Acknowledge => ActionKind::Acknowledge,
            Self::Progress { .. } => ActionKind::Progress,
            Self::Submit { .. } => ActionKind::Submit,
            Self::Accept => ActionKind::Accept,
            Self::Reject { .. } => ActionKind::Reject,
            Self::RequestExtension { .. } => ActionKind::RequestExtension,
            Self::ApproveExtension => ActionKind::ApproveExtension,
            Self::RejectExtension { .. } => ActionKind::RejectExtension,
            Self::Nudge => ActionKind::Nudge,
            Self::Reassign { .. } => ActionKind::Reassign,
            Self::Cancel { .. } => ActionKind::Cancel,
            Self::SetDeadline { .. } => ActionKind::SetDeadline,
        }
    }
}
