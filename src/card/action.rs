//! The card callback contract (pure).
//!
//! Every button and form-submit button carries
//! `behaviors: [{"type":"callback","value":{"op":"<op>","item":<n>}}]`, where `op` is the
//! action's stable key ([`ActionKind::key`]: `acknowledge`, `progress`, `submit`, `accept`,
//! `reject`, `request_extension`, `approve_extension`, `reject_extension`, `nudge`, `cancel`).
//! Forms send their fields in `form_value`:
//!
//! | op | form fields |
//! | --- | --- |
//! | `progress` | `percent` (select, `"0"`…`"100"`), `note` (text) |
//! | `request_extension` | `date` (date picker, `"2024-04-01 +0800"`), `reason` (text) |
//! | `reject` | `reason` (text, required) |
//!
//! [`parse_callback`] turns a callback back into a [`CardAction`].

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::Offset;
use serde_json::{Map, Value, json};

use crate::domain::ids::ItemId;
use crate::domain::permissions::ActionKind;
use crate::domain::supervision::Action;
use crate::domain::time::SHANGHAI;

/// A parsed card interaction: which item, which action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardAction {
    /// The item the card belongs to.
    pub item: ItemId,
    /// What the user asked for.
    pub action: Action,
}

/// Why a callback could not be understood. The message is shown as a toast.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardActionError {
    /// The value is not an object with `op` and `item`.
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

/// The callback `value` for `kind` on `item`.
pub fn callback_value(kind: ActionKind, item: ItemId) -> Value {
    json!({ "op": kind.key(), "item": item.0 })
}

/// The `behaviors` array of a button that performs `kind` on `item`.
pub fn behaviors(kind: ActionKind, item: ItemId) -> Value {
    json!([{ "type": "callback", "value": callback_value(kind, item) }])
}

/// Parses a card callback: the component's `value` and, for forms, the `form_value` map.
///
/// # Errors
/// A [`CardActionError`] (with a Chinese message for the toast) when the value is malformed,
/// the op unknown or unsupported on cards, or a form field is missing or unreadable.
pub fn parse_callback(
    value: &Value,
    form_value: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Result<CardAction, CardActionError> {
    let value = decode_callback(value).ok_or(CardActionError::Malformed)?;
    let op = value
        .get("op")
        .and_then(Value::as_str)
        .ok_or(CardActionError::Malformed)?;
    let item = match value.get("item") {
        Some(Value::Number(n)) => n.as_u64().filter(|n| *n > 0).map(ItemId),
        Some(Value::String(s)) => ItemId::parse(s),
        _ => None,
    }
    .ok_or(CardActionError::Malformed)?;
    let kind = ActionKind::from_key(op).ok_or_else(|| CardActionError::UnknownOp {
        op: op.chars().take(40).collect(),
    })?;
    let field = |name: &str| form_text(form_value, name);
    let action = match kind {
        ActionKind::Acknowledge => Action::Acknowledge,
        ActionKind::Progress => Action::Progress {
            percent: field("percent").map(|p| parse_percent(&p)).transpose()?,
            note: field("note"),
        },
        ActionKind::Submit => Action::Submit { note: field("note") },
        ActionKind::Accept => Action::Accept,
        ActionKind::Reject => Action::Reject {
            reason: field("reason").ok_or(CardActionError::MissingReason)?,
        },
        ActionKind::RequestExtension => {
            let raw = field("date").ok_or(CardActionError::MissingDate)?;
            let (deadline, has_time) = parse_picker(&raw)?;
            if deadline <= now {
                return Err(CardActionError::PastDate);
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
        ActionKind::Reassign => return Err(CardActionError::Unsupported { action: kind }),
    };
    Ok(CardAction { item, action })
}

/// A callback's `value` as an object: some clients deliver it as a JSON string. `None` when
/// that string is not JSON.
pub(crate) fn decode_callback(value: &Value) -> Option<std::borrow::Cow<'_, Value>> {
    match value {
        Value::String(s) => serde_json::from_str(s).ok().map(std::borrow::Cow::Owned),
        other => Some(std::borrow::Cow::Borrowed(other)),
    }
}

/// A trimmed, non-empty text field from a form (numbers accepted as text; the first of a list).
pub(crate) fn form_text(form: Option<&Map<String, Value>>, name: &str) -> Option<String> {
    let v = form?.get(name)?;
    let s = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) => a.first().and_then(Value::as_str)?.trim().to_owned(),
        Value::Null | Value::Bool(_) | Value::Object(_) => return None,
    };
    (!s.is_empty()).then_some(s)
}

fn parse_percent(raw: &str) -> Result<u8, CardActionError> {
    raw.trim()
        .trim_end_matches(['%', '％'])
        .parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
        .ok_or_else(|| CardActionError::BadPercent {
            input: raw.chars().take(20).collect(),
        })
}

/// Reads a date picker value (`"2024-04-01 +0800"` → that day 18:00 Asia/Shanghai, no time)
/// or a date-time picker value (`"2024-04-29 07:07 +0800"` → that instant, with time).
///
/// # Errors
/// [`CardActionError::BadDate`] when the value is not one of those shapes.
pub fn parse_picker(raw: &str) -> Result<(Timestamp, bool), CardActionError> {
    let bad = || CardActionError::BadDate {
        input: raw.chars().take(40).collect(),
    };
    let parts: Vec<&str> = raw.split_whitespace().collect();
    let (date_s, time_s, offset_s) = match parts.as_slice() {
        [d] => (*d, None, None),
        [d, o] if o.starts_with(['+', '-']) => (*d, None, Some(*o)),
        [d, t] => (*d, Some(*t), None),
        [d, t, o] => (*d, Some(*t), Some(*o)),
        _ => return Err(bad()),
    };
    let date: Date = date_s.parse().map_err(|_| bad())?;
    let offset = match offset_s {
        Some(o) => parse_offset(o).ok_or_else(bad)?,
        None => SHANGHAI,
    };
    match time_s {
        None => {
            let ts = SHANGHAI.to_timestamp(date.at(18, 0, 0, 0)).map_err(|_| bad())?;
            Ok((ts, false))
        }
        Some(t) => {
            let time: Time = t.parse().map_err(|_| bad())?;
            let ts = offset.to_timestamp(date.to_datetime(time)).map_err(|_| bad())?;
            Ok((ts, true))
        }
    }
}

/// `+0800` / `-0530` / `+08:00`.
fn parse_offset(s: &str) -> Option<Offset> {
    let (sign, rest) = match s.split_at_checked(1)? {
        ("+", r) => (1, r),
        ("-", r) => (-1, r),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits.get(2..)?.parse().ok()?;
    if hours > 14 || minutes > 59 {
        return None;
    }
    Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn now() -> Timestamp {
        SHANGHAI.to_timestamp(date(2026, 11, 25).at(10, 0, 0, 0)).unwrap()
    }

    fn form(pairs: &[(&str, Value)]) -> Map<String, Value> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
    }

    #[test]
    fn a_date_picker_value_means_that_day_at_six_pm_in_shanghai() {
        let (ts, has_time) = parse_picker("2024-04-01 +0800").unwrap();
        assert_eq!(ts.to_string(), "2024-04-01T10:00:00Z");
        assert!(!has_time);
        let (ts, has_time) = parse_picker("2024-04-29 07:07 +0800").unwrap();
        assert_eq!(ts.to_string(), "2024-04-28T23:07:00Z");
        assert!(has_time);
        assert_eq!(
            parse_picker("2024-04-01").unwrap().0.to_string(),
            "2024-04-01T10:00:00Z"
        );
    }

    #[test]
    fn a_malformed_date_is_refused_in_chinese() {
        for bad in [
            "",
            "明天",
            "2024-13-01 +0800",
            "2024-04-01 +08",
            "2024-04-01 25:00 +0800",
        ] {
            let err = parse_picker(bad).unwrap_err();
            assert!(err.to_string().contains("无法识别日期"), "{bad}");
        }
    }

    #[test]
    fn an_extension_to_a_past_date_is_refused() {
        let f = form(&[("date", json!("2026-11-20 +0800"))]);
        let v = callback_value(ActionKind::RequestExtension, ItemId(3));
        assert_eq!(
            parse_callback(&v, Some(&f), now()),
            Err(CardActionError::PastDate)
        );
        assert_eq!(parse_callback(&v, None, now()), Err(CardActionError::MissingDate));
    }

    #[test]
    fn progress_reads_percent_and_note() {
        let v = callback_value(ActionKind::Progress, ItemId(12));
        let f = form(&[("percent", json!("60")), ("note", json!(" 初稿完成 "))]);
        let parsed = parse_callback(&v, Some(&f), now()).unwrap();
        assert_eq!(parsed.item, ItemId(12));
        assert_eq!(
            parsed.action,
            Action::Progress {
                percent: Some(60),
                note: Some("初稿完成".to_owned())
            }
        );
        let f = form(&[("percent", json!("120"))]);
        assert!(matches!(
            parse_callback(&v, Some(&f), now()),
            Err(CardActionError::BadPercent { .. })
        ));
    }

    #[test]
    fn a_reject_without_reason_is_refused() {
        let v = callback_value(ActionKind::Reject, ItemId(1));
        let f = form(&[("reason", json!("  "))]);
        assert_eq!(
            parse_callback(&v, Some(&f), now()),
            Err(CardActionError::MissingReason)
        );
    }

    #[test]
    fn malformed_and_unknown_values_are_refused() {
        assert_eq!(
            parse_callback(&json!({"item": 1}), None, now()),
            Err(CardActionError::Malformed)
        );
        assert_eq!(
            parse_callback(&json!({"op": "nudge", "item": 0}), None, now()),
            Err(CardActionError::Malformed)
        );
        assert!(matches!(
            parse_callback(&json!({"op": "fly", "item": 1}), None, now()),
            Err(CardActionError::UnknownOp { .. })
        ));
        assert!(matches!(
            parse_callback(&json!({"op": "reassign", "item": 1}), None, now()),
            Err(CardActionError::Unsupported { .. })
        ));
    }

    #[test]
    fn a_value_delivered_as_a_string_is_decoded() {
        let v = json!(r#"{"op":"nudge","item":"DB-7"}"#);
        let parsed = parse_callback(&v, None, now()).unwrap();
        assert_eq!(parsed.item, ItemId(7));
        assert_eq!(parsed.action, Action::Nudge);
    }
}
