//! The card callback contract (pure): every button a card draws carries a `value`, and a click
//! comes back as that value plus, for forms, the `form_value` map. [`parse`] reads the value's
//! `op` once and hands it to its family's parser, returning one typed [`Callback`].
//!
//! | `op` | family | see |
//! | --- | --- | --- |
//! | `form` | a button that opens a form in a 1:1 card | [`drawn`] |
//! | `help` | the welcome card's 帮助 | [`help_value`] |
//! | `snooze`, `working` | the reminder card's 稍后提醒 / 处理中 | [`nudge`] |
//! | `m_convert`, `m_ignore`, `m_convert_all` | a meeting's follow-up card | [`minutes`] |
//! | `p_…` | a project card and its forms | [`project`] |
//! | `r_…` | a requirement card and its forms | [`requirement`] |
//! | `b_…` | a 下达 roll-up card and its forms | [`batch`] |
//! | `o_align`, `p_align` | the OKR alignment picker | [`okr`] |
//! | anything else | a 督办 item card and its forms ([`ActionKind`](crate::domain::permissions::ActionKind) keys) | [`item`] |
//!
//! A value may arrive as an object or as the same object in a JSON string. State-changing
//! buttons also carry the record's version `v` ([`drawn`]). Every refusal is a
//! [`CallbackError`] whose message is the Chinese toast.

pub mod batch;
pub mod drawn;
mod error;
pub mod item;
pub mod minutes;
pub mod nudge;
pub mod okr;
pub mod project;
pub mod requirement;
mod value;

use jiff::Timestamp;
use serde_json::{Map, Value, json};

pub use drawn::Drawn;
pub use error::CallbackError;
pub use item::{CardAction, callback_value};
pub use minutes::MinutesAction;
pub use nudge::{NudgeAction, nudge_callback_value};
pub use requirement::RequirementCardAction;
pub(crate) use value::form_text;

use crate::domain::ids::ProjectId;
use crate::domain::project::ProjectAction;

/// The `op` of the welcome card's 帮助 button.
pub const HELP_OP: &str = "help";

/// A card click, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    /// A button that opens a form in a 1:1 card: the form's op, its record and version.
    OpenForm(Drawn),
    /// The welcome card's 帮助 button.
    Help,
    /// A reminder card's 稍后提醒 / 处理中.
    Nudge(NudgeAction),
    /// A meeting follow-up card's 转为督办 / 忽略 / 全部转为督办.
    Minutes(MinutesAction),
    /// A project card's button or form.
    Project(ProjectId, ProjectAction),
    /// A requirement card's button or form.
    Requirement(RequirementCardAction),
    /// A 督办 item card's button or form.
    Item(CardAction),
    /// A 下达 roll-up card's button or form.
    Batch(batch::BatchCallback),
    /// The OKR alignment picker's choice (`o_align` / `p_align`).
    Align(okr::AlignPick),
}

/// The value of the welcome card's 帮助 button.
pub fn help_value() -> Value {
    json!({ "op": HELP_OP })
}

/// Parses a card click: the component's `value` and, for forms, the `form_value` map. `now`
/// judges picked dates (they must lie in the future).
///
/// # Errors
/// A [`CallbackError`] (its message is the toast) when the value is not a callback this
/// version draws, or a form field is missing or unreadable.
pub fn parse(
    value: &Value,
    form: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Result<Callback, CallbackError> {
    let value = value::decode(value).ok_or(CallbackError::Malformed)?;
    let value = value.as_ref();
    match value.get("op").and_then(Value::as_str) {
        Some(drawn::OPEN_FORM) => drawn::drawn_for(value)
            .map(Callback::OpenForm)
            .ok_or(CallbackError::Malformed),
        Some(HELP_OP) => Ok(Callback::Help),
        Some(op) if nudge::OPS.contains(&op) => nudge::parse(op, value).map(Callback::Nudge),
        Some(op) if minutes::OPS.contains(&op) => minutes::parse(op, value, form, now).map(Callback::Minutes),
        Some(op) if okr::OPS.contains(&op) => okr::parse(op, value).map(Callback::Align),
        Some(op) if op.starts_with("p_") => {
            project::parse(op, value, form, now).map(|(id, action)| Callback::Project(id, action))
        }
        Some(op) if op.starts_with("r_") => {
            requirement::parse(op, value, form, now).map(Callback::Requirement)
        }
        Some(op) if op.starts_with(batch::OP_PREFIX) => batch::parse(value, form, now).map(Callback::Batch),
        Some(_) | None => item::parse(value, form, now).map(Callback::Item),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
