//! Reading a callback's parts (pure): the value itself (an object, or the same object as a
//! JSON string), record numbers, form fields and picked dates.

use std::borrow::Cow;

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::Offset;
use serde_json::{Map, Value};

use crate::card::callback::error::CallbackError;
use crate::domain::deadline::Deadline;
use crate::domain::time::SHANGHAI;

/// A callback's `value` as an object: some clients deliver it as a JSON string. `None` when
/// that string is not JSON.
pub(crate) fn decode(value: &Value) -> Option<Cow<'_, Value>> {
    match value {
        Value::String(s) => serde_json::from_str(s).ok().map(Cow::Owned),
        other => Some(Cow::Borrowed(other)),
    }
}

/// The record number under `key`: a positive number, or a text such as `DB-7` read by
/// `from_text`.
pub(super) fn id_field<T>(
    value: &Value,
    key: &str,
    from_number: impl Fn(u64) -> T,
    from_text: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    match value.get(key) {
        Some(Value::Number(n)) => n.as_u64().filter(|n| *n > 0).map(from_number),
        Some(Value::String(s)) => from_text(s),
        _ => None,
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

/// A picked date (or date-time) that lies in the future.
pub(super) fn future_date(raw: &str, now: Timestamp) -> Result<Deadline, CallbackError> {
    let (at, has_time) = parse_picker(raw)?;
    if at <= now {
        return Err(CallbackError::PastDate);
    }
    Ok(Deadline { at, has_time })
}

/// Reads a date picker value (`"2024-04-01 +0800"` → that day 18:00 Asia/Shanghai, no time)
/// or a date-time picker value (`"2024-04-29 07:07 +0800"` → that instant, with time).
///
/// # Errors
/// [`CallbackError::BadDate`] when the value is not one of those shapes.
pub(super) fn parse_picker(raw: &str) -> Result<(Timestamp, bool), CallbackError> {
    let bad = || CallbackError::BadDate {
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
}
