//! Reminder card buttons: `{"op":"snooze","item":12,"for":"1h"|"tomorrow"|"next_workday"}`
//! (稍后提醒) and `{"op":"working","item":12}` (处理中). They change no record's state, so
//! they carry no version.

use serde_json::{Value, json};

use super::error::CallbackError;
use super::value::id_field;
use crate::domain::ids::ItemId;
use crate::domain::schedule::SnoozeChoice;

/// The ops of the reminder card's buttons.
pub(super) const OPS: [&str; 2] = ["snooze", "working"];

/// What a nudge card button asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NudgeAction {
    /// 稍后提醒.
    Snooze {
        /// The item.
        item: ItemId,
        /// When.
        choice: SnoozeChoice,
    },
    /// 处理中: no more reminders today.
    Working {
        /// The item.
        item: ItemId,
    },
}

/// The callback value of a nudge button.
pub fn nudge_callback_value(action: NudgeAction) -> Value {
    match action {
        NudgeAction::Snooze { item, choice } => json!({"op": "snooze", "item": item.0, "for": choice.key()}),
        NudgeAction::Working { item } => json!({"op": "working", "item": item.0}),
    }
}

/// Parses a nudge button's value (already decoded; `op` is one of [`OPS`]).
pub(super) fn parse(op: &str, value: &Value) -> Result<NudgeAction, CallbackError> {
    let item = id_field(value, "item", ItemId, ItemId::parse).ok_or(CallbackError::Malformed)?;
    if op == "working" {
        return Ok(NudgeAction::Working { item });
    }
    value
        .get("for")
        .and_then(Value::as_str)
        .and_then(SnoozeChoice::from_key)
        .map(|choice| NudgeAction::Snooze { item, choice })
        .ok_or(CallbackError::Malformed)
}
