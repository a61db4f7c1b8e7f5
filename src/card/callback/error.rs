//! Why a card callback could not be understood (the message is shown as a toast).

use crate::domain::permissions::ActionKind;

/// Why a callback could not be understood. The message is shown as a toast.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallbackError {
    /// The value is not an object with `op` and the record's key.
    #[error("这个按钮已失效，请刷新卡片或使用命令操作")]
    Malformed,
    /// An `op` this version does not know.
    #[error("这个按钮已失效（未知操作 {op}），请使用命令操作")]
    UnknownOp {
        /// The op received.
        op: String,
    },
    /// An op that cards cannot carry (e.g. 转交 needs a name).
    #[error("卡片上暂不支持{}，请使用命令操作", .action.label())]
    Unsupported {
        /// The action.
        action: ActionKind,
    },
    /// A required reason was left empty.
    #[error("请填写原因后再提交")]
    MissingReason,
    /// No date was picked.
    #[error("请先选择新的截止日期")]
    MissingDate,
    /// The date picker sent something unreadable.
    #[error("无法识别日期“{input}”，请重新选择")]
    BadDate {
        /// The raw value.
        input: String,
    },
    /// The picked date is not in the future.
    #[error("新的截止时间需要晚于现在，请重新选择")]
    PastDate,
    /// A required form field was left empty (project and requirement forms).
    #[error("请填写“{field}”后再提交")]
    MissingField {
        /// The field's Chinese label.
        field: &'static str,
    },
    /// A typed number is not of the expected form (`XM-3`, `XQ-2`, a 1–5 rating).
    #[error("无法识别“{input}”，请填写{expected}")]
    BadValue {
        /// What was typed.
        input: String,
        /// What is expected, e.g. `项目编号（如 XM-3）`.
        expected: &'static str,
    },
    /// The percentage is not a number from 0 to 100.
    #[error("无法识别进度“{input}”，请选择0%到100%之间的数值")]
    BadPercent {
        /// The raw value.
        input: String,
    },
}
