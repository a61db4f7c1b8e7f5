//! 督办 item buttons: `{"op":"<op>","item":<n>,"v":<version>}`, where `op` is the action's
//! stable key ([`ActionKind::key`]: `acknowledge`, `progress`, `submit`, `accept`, `reject`,
//! `request_extension`, `approve_extension`, `reject_extension`, `nudge`, `cancel`). Forms
//! send their fields in `form_value`:
//!
//! | op | form fields |
//! | --- | --- |
//! | `progress` | `percent` (select, `"0"`…`"100"`), `note` (text) |
//! | `request_extension` | `date` (date picker, `"2024-04-01 +0800"`), `reason` (text) |
//! | `reject` | `reason` (text, required) |

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use super::error::CallbackError;
use super::value::{form_text, id_field, parse_picker};
use crate::domain::ids::ItemId;
use crate::domain::permissions::ActionKind;
use crate::domain::supervision::Action;

/// A parsed item card interaction: which item, which action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardAction {
    /// The item the card belongs to.
    pub item: ItemId,
    /// What the user asked for.
    pub action: Action,
}

/// The callback `value` for `kind` on `item`.
pub fn callback_value(kind: ActionKind, item: ItemId) -> Value {
    json!({ "op": kind.key(), "item": item.0 })
}

/// Parses an item button's value (already decoded) and, for forms, its fields.
pub(super) fn parse(
    value: &Value,
    form: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Result<CardAction, CallbackError> {
    let op = value
        .get("op")
        .and_then(Value::as_str)
        .ok_or(CallbackError::Malformed)?;
    let item = id_field(value, "item", ItemId, ItemId::parse).ok_or(CallbackError::Malformed)?;
    let kind = ActionKind::from_key(op).ok_or_else(|| CallbackError::UnknownOp {
        op: op.chars().take(40).collect(),
    })?;
    let field = |name: &str| form_text(form, name);
    let action = match kind {
        ActionKind::Acknowledge => Action::Acknowledge,
        ActionKind::Progress => Action::Progress {
            percent: field("percent").map(|p| parse_percent(&p)).transpose()?,
            note: field("note"),
        },
        ActionKind::Submit => Action::Submit { note: field("note") },
        ActionKind::Accept => Action::Accept,
        ActionKind::Reject => Action::Reject {
            reason: field("reason").ok_or(CallbackError::MissingReason)?,
        },
        ActionKind::RequestExtension => {
            let raw = field("date").ok_or(CallbackError::MissingDate)?;
            let (deadline, has_time) = parse_picker(&raw)?;
            if deadline <= now {
                return Err(CallbackError::PastDate);
            }
            Action::RequestExtension {
                deadline,
                has_time,
                reason: field("reason"),
            }
        }
        ActionKind::ApproveExtension => Action::ApproveExtension,
        ActionKind::RejectExtension => Action::RejectExtension {
            reason: field("reason"),
        },
        ActionKind::Nudge => Action::Nudge,
        ActionKind::Cancel => Action::Cancel {
            reason: field("reason"),
        },
        ActionKind::Reassign | ActionKind::SetDeadline => {
            return Err(CallbackError::Unsupported { action: kind });
        }
    };
    Ok(CardAction { item, action })
}

fn parse_percent(raw: &str) -> Result<u8, CallbackError> {
    raw.trim()
        .trim_end_matches(['%', '％'])
        .parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
        .ok_or_else(|| CallbackError::BadPercent {
            input: raw.chars().take(20).collect(),
        })
}
