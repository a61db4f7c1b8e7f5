//! 下达 roll-up card buttons and their 1:1 forms: `{"op": <op>, "batch": <n>, "v": <version>}`.
//! Both of the issuer's buttons open their form in a card sent 1:1 to whoever clicks:
//!
//! | op | what | form fields |
//! | --- | --- | --- |
//! | `b_open` (`"form": "b_cancel"`) | 取消下达 opens its form | — |
//! | `b_open` (`"form": "b_extend"`) | 全部延期 opens its form | — |
//! | `b_cancel` | 取消下达 submitted | `reason` (text, required) |
//! | `b_extend` | 全部延期 submitted | `date` (date picker, required) |
//!
//! The family is parsed by [`parse`], routed by [`super::parse`] as `Callback::Batch` and
//! handled by the service (`service/batches/clicks.rs`). The batch's `version` is carried like
//! every other record's ([`super::drawn`]): a click on a card drawn before the batch changed is
//! refused by the service, which compares it under its lock.

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use super::drawn::FORM_CARD;
use super::error::CallbackError;
use super::value::{decode, form_text, future_date, id_field};
use crate::domain::deadline::Deadline;
use crate::domain::ids::BatchId;

/// Every op of the family starts with this.
pub const OP_PREFIX: &str = "b_";
/// The op of a button that opens one of the family's forms.
pub const OPEN: &str = "b_open";
/// 取消下达.
pub const CANCEL: &str = "b_cancel";
/// 全部延期.
pub const EXTEND: &str = "b_extend";

/// Which of the issuer's forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchForm {
    /// 取消下达 (a reason).
    Cancel,
    /// 全部延期 (a new deadline).
    Extend,
}

impl BatchForm {
    /// The op its submit button carries.
    pub fn op(self) -> &'static str {
        match self {
            Self::Cancel => CANCEL,
            Self::Extend => EXTEND,
        }
    }

    fn of_op(op: &str) -> Option<Self> {
        match op {
            CANCEL => Some(Self::Cancel),
            EXTEND => Some(Self::Extend),
            _ => None,
        }
    }
}

/// What a roll-up card click asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchAction {
    /// Send the form 1:1 to the clicker.
    OpenForm(BatchForm),
    /// 取消下达, with the reason typed.
    Cancel {
        /// Why.
        reason: String,
    },
    /// 全部延期 to the picked day (18:00).
    Extend {
        /// The new deadline.
        deadline: Deadline,
    },
}

/// A roll-up card click, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchCallback {
    /// The batch.
    pub batch: BatchId,
    /// Its version when the card was drawn (`None`: no version carried, treat as stale).
    pub version: Option<u64>,
    /// Whether the click came from a 1:1 form card.
    pub on_form_card: bool,
    /// What was asked.
    pub action: BatchAction,
}

/// The value of the roll-up button that opens `form` for batch `id` at `version`.
pub fn open_value(form: BatchForm, id: BatchId, version: u64) -> Value {
    json!({ "op": OPEN, "form": form.op(), "batch": id.0, "v": version })
}

/// The value of the submit button of `form`'s 1:1 card for batch `id` at `version`.
pub fn submit_value(form: BatchForm, id: BatchId, version: u64) -> Value {
    json!({ "op": form.op(), "batch": id.0, "v": version, "card": FORM_CARD })
}

/// Whether a callback value belongs to this family (its `op` starts with [`OP_PREFIX`]).
pub fn is_batch(value: &Value) -> bool {
    decode(value)
        .and_then(|v| {
            v.get("op")
                .and_then(Value::as_str)
                .map(|op| op.starts_with(OP_PREFIX))
        })
        .unwrap_or(false)
}

/// Parses a roll-up card click: the value (object or JSON string) and, for a form, its fields.
/// `now` judges the picked date (it must lie in the future).
///
/// # Errors
/// [`CallbackError::Malformed`] without a batch number or with an unknown form,
/// [`CallbackError::UnknownOp`] for another op, [`CallbackError::MissingReason`] /
/// [`CallbackError::MissingDate`] / [`CallbackError::BadDate`] / [`CallbackError::PastDate`]
/// for a form left incomplete.
pub fn parse(
    value: &Value,
    form: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Result<BatchCallback, CallbackError> {
    let value = decode(value).ok_or(CallbackError::Malformed)?;
    let value = value.as_ref();
    let op = value
        .get("op")
        .and_then(Value::as_str)
        .ok_or(CallbackError::Malformed)?;
    let batch = id_field(value, "batch", BatchId, BatchId::parse).ok_or(CallbackError::Malformed)?;
    let field = |name: &str| form_text(form, name);
    let action = match op {
        OPEN => value
            .get("form")
            .and_then(Value::as_str)
            .and_then(BatchForm::of_op)
            .map(BatchAction::OpenForm)
            .ok_or(CallbackError::Malformed)?,
        CANCEL => BatchAction::Cancel {
            reason: field("reason").ok_or(CallbackError::MissingReason)?,
        },
        EXTEND => BatchAction::Extend {
            deadline: future_date(&field("date").ok_or(CallbackError::MissingDate)?, now)?,
        },
        other => {
            return Err(CallbackError::UnknownOp {
                op: other.chars().take(40).collect(),
            });
        }
    };
    Ok(BatchCallback {
        batch,
        version: value.get("v").and_then(Value::as_u64),
        on_form_card: value.get("card").and_then(Value::as_str) == Some(FORM_CARD),
        action,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::card::callback::{Callback, CallbackError as E};
    use crate::card::fixtures::now;

    fn form(pairs: &[(&str, &str)]) -> Map<String, Value> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), json!(v))).collect()
    }

    #[test]
    fn openers_and_submissions_round_trip() {
        let c = parse(&open_value(BatchForm::Cancel, BatchId(3), 7), None, now()).unwrap();
        assert_eq!(c.batch, BatchId(3));
        assert_eq!(c.version, Some(7));
        assert!(!c.on_form_card);
        assert_eq!(c.action, BatchAction::OpenForm(BatchForm::Cancel));
        let c = parse(&open_value(BatchForm::Extend, BatchId(3), 7), None, now()).unwrap();
        assert_eq!(c.action, BatchAction::OpenForm(BatchForm::Extend));

        let f = form(&[("reason", " 口径调整，重新下达 ")]);
        let c = parse(&submit_value(BatchForm::Cancel, BatchId(3), 7), Some(&f), now()).unwrap();
        assert!(c.on_form_card);
        assert_eq!(
            c.action,
            BatchAction::Cancel {
                reason: "口径调整，重新下达".to_owned()
            }
        );
        let f = form(&[("date", "2026-12-04 +0800")]);
        let c = parse(&submit_value(BatchForm::Extend, BatchId(3), 7), Some(&f), now()).unwrap();
        let BatchAction::Extend { deadline } = c.action else {
            panic!("not an extension")
        };
        assert_eq!(deadline.at, crate::card::fixtures::at(2026, 12, 4, 18, 0));
        assert!(!deadline.has_time);
    }

    #[test]
    fn a_value_sent_as_a_json_string_is_read_too() {
        let v = Value::String(open_value(BatchForm::Extend, BatchId(9), 1).to_string());
        assert!(is_batch(&v));
        assert_eq!(parse(&v, None, now()).unwrap().batch, BatchId(9));
    }

    #[test]
    fn incomplete_forms_and_strange_values_are_refused_in_chinese() {
        let cancel = submit_value(BatchForm::Cancel, BatchId(3), 1);
        assert_eq!(
            parse(&cancel, Some(&form(&[("reason", "  ")])), now()),
            Err(E::MissingReason)
        );
        let extend = submit_value(BatchForm::Extend, BatchId(3), 1);
        assert_eq!(parse(&extend, None, now()), Err(E::MissingDate));
        let past = form(&[("date", "2026-11-20 +0800")]);
        assert_eq!(parse(&extend, Some(&past), now()), Err(E::PastDate));
        assert_eq!(
            parse(&json!({"op": "b_open", "form": "b_cancel"}), None, now()),
            Err(E::Malformed)
        );
        assert_eq!(
            parse(
                &json!({"op": "b_open", "form": "b_delete", "batch": 3}),
                None,
                now()
            ),
            Err(E::Malformed)
        );
        assert!(matches!(
            parse(&json!({"op": "b_zap", "batch": 3}), None, now()),
            Err(E::UnknownOp { .. })
        ));
        assert!(!is_batch(&json!({"op": "acknowledge", "item": 3})));
        assert!(!is_batch(&json!("not json")));
    }

    #[test]
    fn the_shared_parser_routes_the_family_and_never_reads_it_as_an_item() {
        let r = crate::card::callback::parse(&open_value(BatchForm::Cancel, BatchId(3), 1), None, now());
        assert!(
            matches!(r, Ok(Callback::Batch(ref c)) if c.batch == BatchId(3)),
            "{r:?}"
        );
    }
}
