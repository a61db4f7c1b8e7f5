//! Meeting follow-up card buttons:
//!
//! | button | value |
//! | --- | --- |
//! | 转为督办 | `{"op":"m_convert","meeting":n,"idx":i,"v":ver}` + `form_value` |
//! | 忽略 | `{"op":"m_ignore","meeting":n,"idx":i,"v":ver}` |
//! | 全部转为督办 | `{"op":"m_convert_all","meeting":n,"v":ver}` |
//!
//! The form's fields carry the draft's index (`owner_<i>`, `date_<i>`, `text_<i>`) because
//! Feishu wants component names unique within a card; the bare names `owner`, `date`, `text`
//! are accepted too.

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use super::error::CallbackError;
use super::value::future_date;
use crate::domain::deadline::Deadline;
use crate::domain::ids::OpenId;
use crate::minutes::meeting::{Meeting, MeetingId};

/// The ops of the follow-up card.
pub(super) const OPS: [&str; 3] = ["m_convert", "m_ignore", "m_convert_all"];
/// The longest draft text a form keeps.
pub(crate) const TEXT_MAX: usize = 200;

/// What a click on the follow-up card asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MinutesAction {
    /// 转为督办, with the form's edits (absent fields mean "keep").
    Convert {
        /// The meeting.
        meeting: MeetingId,
        /// The draft's index.
        idx: usize,
        /// A picked owner (the caller resolves the name from the chat members).
        owner: Option<OpenId>,
        /// A picked date (that day 18:00 unless a time was picked).
        deadline: Option<Deadline>,
        /// Edited text.
        text: Option<String>,
    },
    /// 忽略.
    Ignore {
        /// The meeting.
        meeting: MeetingId,
        /// The draft's index.
        idx: usize,
    },
    /// 全部转为督办.
    ConvertAll {
        /// The meeting.
        meeting: MeetingId,
    },
}

/// The value of the draft `idx`'s `op` button (`m_convert`, `m_ignore`) on `m`'s card.
pub(crate) fn draft_value(op: &str, m: &Meeting, idx: usize) -> Value {
    json!({ "op": op, "meeting": m.id.0, "idx": idx, "v": m.version })
}

/// The value of 全部转为督办 on `m`'s card.
pub(crate) fn convert_all_value(m: &Meeting) -> Value {
    json!({ "op": "m_convert_all", "meeting": m.id.0, "v": m.version })
}

/// Parses a follow-up card value (already decoded; `op` is one of [`OPS`]).
pub(super) fn parse(
    op: &str,
    value: &Value,
    form: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Result<MinutesAction, CallbackError> {
    let number = |key: &str| match value.get(key) {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().trim_start_matches("HY-").parse().ok(),
        _ => None,
    };
    let meeting = number("meeting")
        .filter(|n| *n > 0)
        .map(MeetingId)
        .ok_or(CallbackError::Malformed)?;
    if op == "m_convert_all" {
        return Ok(MinutesAction::ConvertAll { meeting });
    }
    let idx = number("idx")
        .and_then(|i| usize::try_from(i).ok())
        .ok_or(CallbackError::Malformed)?;
    if op == "m_ignore" {
        return Ok(MinutesAction::Ignore { meeting, idx });
    }
    let field = |name: &str| {
        let v = form?.get(&format!("{name}_{idx}")).or_else(|| form?.get(name))?;
        let s = match v {
            Value::String(s) => s.trim().to_owned(),
            Value::Array(a) => a.first().and_then(Value::as_str)?.trim().to_owned(),
            _ => return None,
        };
        (!s.is_empty()).then_some(s)
    };
    let deadline = field("date").map(|raw| future_date(&raw, now)).transpose()?;
    Ok(MinutesAction::Convert {
        meeting,
        idx,
        owner: field("owner").map(OpenId),
        deadline,
        text: field("text").map(|t| t.chars().take(TEXT_MAX).collect()),
    })
}
