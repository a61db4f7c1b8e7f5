//! "The state a card was drawn for" (pure): every state-changing button carries the version of
//! the record it was drawn from, and [`drawn_for`] reads it back from a callback.
//!
//! The record's key sits beside `op` as before (`item`, `project`, `req`, `meeting`); the
//! version is `"v": <n>` ([`crate::domain::supervision::Item::version`] and its siblings,
//! bumped by every change). A click whose `v` differs from the record's current version — a
//! card drawn before someone else moved the record, a double click, two people at once — is
//! refused by the service in one place before any permission check or transition. A value
//! without `v` comes from a card drawn before versions were carried; it is treated the same
//! way (refused, and the card redrawn), because nothing in it says which state its confirm
//! text promised.
//!
//! The requirement submission form has no record yet: its target is the form card itself,
//! which files one requirement at most.
//!
//! Buttons that only open a form carry `{"op":"form","form":<op>, <key>, "v"}`; the form then
//! arrives as a separate card sent 1:1 to the person who clicked ([`FORM_CARD`] marks its
//! submit buttons with `"card":"form"`, so a stale submission is answered with a fresh form).

use serde_json::{Value, json};

use super::value::decode;
use crate::domain::ids::{ItemId, ProjectId, RequirementId};
use crate::minutes::MeetingId;

/// The op of a button that opens a form in a 1:1 card.
pub const OPEN_FORM: &str = "form";
/// The `card` marker of a submit button on a 1:1 form card.
pub const FORM_CARD: &str = "form";

/// The record a button acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A 督办 item.
    Item(ItemId),
    /// A project.
    Project(ProjectId),
    /// A requirement.
    Requirement(RequirementId),
    /// A meeting's follow-up card (its drafts, and 全部转为督办 as a batch).
    Meeting(MeetingId),
    /// The requirement submission form (`r_submit`): the record does not exist yet, so the
    /// form card itself (its message) is what may be used once.
    SubmissionForm,
}

/// What a clicked button was drawn for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    /// The record.
    pub target: Target,
    /// Its version when the card was drawn; `None` for cards drawn before versions existed.
    pub version: Option<u64>,
    /// The callback's `op` (the form's op for a form opener).
    pub op: String,
    /// Whether the click came from a 1:1 form card.
    pub on_form_card: bool,
}

/// Adds `"v": version` to a callback value (an object; anything else is returned unchanged).
pub fn versioned(mut value: Value, version: u64) -> Value {
    if let Some(obj) = value.as_object_mut() {
        obj.insert("v".to_owned(), json!(version));
    }
    value
}

/// Marks a callback value as coming from a 1:1 form card.
pub fn from_form_card(mut value: Value) -> Value {
    if let Some(obj) = value.as_object_mut() {
        obj.insert("card".to_owned(), json!(FORM_CARD));
    }
    value
}

/// The value of a button that opens the form of `op` for `target` (drawn at `version`).
pub fn open_form_value(op: &str, target: Target, version: u64) -> Value {
    let mut v = json!({ "op": OPEN_FORM, "form": op, "v": version });
    if let Some(obj) = v.as_object_mut() {
        let (key, id) = match target {
            Target::Item(i) => ("item", i.0),
            Target::Project(p) => ("project", p.0),
            Target::Requirement(r) => ("req", r.0),
            Target::Meeting(m) => ("meeting", m.0),
            Target::SubmissionForm => return v,
        };
        obj.insert(key.to_owned(), json!(id));
    }
    v
}

/// What a callback value was drawn for; `None` for buttons that change no record's state
/// (the nudge card's 稍后提醒 / 处理中) or values that name no record (the family parsers then
/// refuse them as malformed).
pub fn drawn_for(value: &Value) -> Option<Drawn> {
    let value = decode(value)?;
    let raw_op = value.get("op").and_then(Value::as_str)?;
    let op = if raw_op == OPEN_FORM {
        value.get("form").and_then(Value::as_str)?
    } else {
        raw_op
    };
    let number = |key: &str| match value.get(key) {
        Some(Value::Number(n)) => n.as_u64().filter(|n| *n > 0),
        Some(Value::String(s)) => s
            .rsplit('-')
            .next()
            .and_then(|d| d.trim().parse::<u64>().ok())
            .filter(|n| *n > 0),
        _ => None,
    };
    let target = match op {
        "snooze" | "working" => return None,
        "r_submit" => Target::SubmissionForm,
        _ if op.starts_with("p_") => Target::Project(ProjectId(number("project")?)),
        _ if op.starts_with("r_") => Target::Requirement(RequirementId(number("req")?)),
        _ if op.starts_with("m_") => Target::Meeting(MeetingId(number("meeting")?)),
        _ => Target::Item(ItemId(number("item")?)),
    };
    Some(Drawn {
        target,
        version: value.get("v").and_then(Value::as_u64),
        op: op.to_owned(),
        on_form_card: value.get("card").and_then(Value::as_str) == Some(FORM_CARD),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn every_family_names_its_record_and_version() {
        let cases = [
            (
                json!({"op":"acknowledge","item":3,"v":2}),
                Target::Item(ItemId(3)),
                Some(2),
            ),
            (
                json!({"op":"p_advance","project":2,"v":5}),
                Target::Project(ProjectId(2)),
                Some(5),
            ),
            (
                json!({"op":"r_reject","req":"XQ-4","v":1}),
                Target::Requirement(RequirementId(4)),
                Some(1),
            ),
            (
                json!({"op":"m_convert_all","meeting":7,"v":3}),
                Target::Meeting(MeetingId(7)),
                Some(3),
            ),
            (
                json!({"op":"p_advance","project":2}),
                Target::Project(ProjectId(2)),
                None,
            ),
        ];
        for (v, target, version) in cases {
            let d = drawn_for(&v).unwrap();
            assert_eq!((d.target, d.version), (target, version), "{v}");
        }
    }

    #[test]
    fn a_form_opener_names_the_form_op() {
        let v = open_form_value("progress", Target::Item(ItemId(9)), 4);
        let d = drawn_for(&v).unwrap();
        assert_eq!(d.op, "progress");
        assert_eq!((d.target, d.version), (Target::Item(ItemId(9)), Some(4)));
        assert!(!d.on_form_card);
        let d = drawn_for(&from_form_card(versioned(json!({"op":"reject","item":9}), 4))).unwrap();
        assert!(d.on_form_card);
    }

    #[test]
    fn reminder_buttons_carry_no_state_and_the_submission_form_is_its_own_target() {
        assert_eq!(drawn_for(&json!({"op":"snooze","item":1,"for":"1h"})), None);
        assert_eq!(
            drawn_for(&json!({"op":"r_submit"})).map(|d| d.target),
            Some(Target::SubmissionForm)
        );
        assert_eq!(drawn_for(&json!({"op":"acknowledge"})), None);
        assert_eq!(drawn_for(&json!("not json")), None);
    }
}
