//! Why an item action was refused, in the plain Chinese the user reads.

use jiff::Timestamp;

use crate::domain::permissions::ActionKind;
use crate::domain::status::Status;
use crate::domain::time::format_instant;

/// Why an action was refused. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The action does not apply in the item's status.
    #[error("{}", wrong_state_message(*.action, *.status))]
    WrongState {
        /// The refused action.
        action: ActionKind,
        /// The item's status.
        status: Status,
    },
    /// The actor holds none of the roles the action needs.
    #[error("只有{who}可以{}", .action.label())]
    Forbidden {
        /// The refused action.
        action: ActionKind,
        /// Who may, named (e.g. `督办人（李四）或管理员`).
        who: String,
    },
    /// A percentage above 100.
    #[error("进度应在0%到100%之间，收到的是{percent}%")]
    InvalidPercent {
        /// The value given.
        percent: u8,
    },
    /// A progress update with neither a note nor a percentage.
    #[error("请写明进展说明或完成百分比，例如：/督办 进展 DB-12 60% 已完成初稿")]
    EmptyProgress,
    /// A reason is required.
    #[error("{}时请写明原因", .action.label())]
    MissingReason {
        /// The action.
        action: ActionKind,
    },
    /// An extension request is already waiting.
    #[error("已有一个延期申请（延至{}）在等待督办人处理，请勿重复申请", format_instant(*.requested))]
    ExtensionPending {
        /// The pending request's deadline.
        requested: Timestamp,
    },
    /// No extension request to decide on.
    #[error("当前没有待处理的延期申请")]
    NoExtensionPending,
    /// The requested deadline is not later than the current one (or than now).
    #[error("新的截止时间需要晚于当前截止时间（{}）和现在", format_instant(*.current))]
    ExtensionNotLater {
        /// The current deadline.
        current: Timestamp,
    },
    /// Nudged too recently.
    #[error("刚刚已经催办过了，请在{}之后再催办", format_instant(*.again_at))]
    NudgeTooSoon {
        /// The earliest time the next nudge is accepted.
        again_at: Timestamp,
    },
    /// A deadline set directly that is not in the future.
    #[error("新的截止时间（{}）已经过去，请写一个将来的时间", format_instant(*.deadline))]
    DeadlineNotFuture {
        /// The deadline given.
        deadline: Timestamp,
    },
    /// A deadline set directly that is the current one.
    #[error("截止时间已经是{}了", format_instant(*.deadline))]
    SameDeadline {
        /// The deadline given.
        deadline: Timestamp,
    },
    /// Reassigning to the current owner.
    #[error("{name}已经是主办了")]
    SameOwner {
        /// The owner's name.
        name: String,
    },
}

fn wrong_state_message(action: ActionKind, status: Status) -> String {
    let verb = action.label();
    match (status, action) {
        (Status::Done, _) => format!("事项已完成，不能再{verb}"),
        (Status::Cancelled, _) => format!("事项已取消，不能再{verb}"),
        (Status::InProgress | Status::Submitted, ActionKind::Acknowledge) => "事项已经签收过了".to_owned(),
        (Status::Submitted, _) => format!("事项已提交完成，正在等待验收，暂时不能{verb}"),
        (Status::Pending | Status::InProgress, ActionKind::Accept | ActionKind::Reject) => {
            format!("事项还没有提交完成，暂时不能{verb}")
        }
        (Status::Pending | Status::InProgress, _) => {
            format!("事项当前为“{}”，不能{verb}", status.label())
        }
    }
}
