//! Shared card controls (pure): buttons (with confirmation, danger style, rows), forms, text
//! inputs, selects and pickers, as Feishu JSON 2.0 components.

use serde_json::{Value, json};

use crate::card::fmt::{markdown, plain};

/// A button whose callback carries `value`.
pub(crate) fn button(name: &str, text: &str, style: &str, value: Value) -> Value {
    json!({
        "tag": "button",
        "name": name,
        "text": plain(text),
        "type": style,
        "behaviors": [{ "type": "callback", "value": value }],
    })
}

/// A form-submit button whose callback carries `value`.
pub(crate) fn submit_button(name: &str, text: &str, value: Value) -> Value {
    json!({
        "tag": "button",
        "name": name,
        "text": plain(text),
        "type": "primary",
        "form_action_type": "submit",
        "behaviors": [{ "type": "callback", "value": value }],
    })
}

/// Adds a confirmation dialog to a button.
pub(crate) fn with_confirm(mut b: Value, title: &str, text: &str) -> Value {
    if let Some(obj) = b.as_object_mut() {
        obj.insert(
            "confirm".to_owned(),
            json!({ "title": plain(title), "text": plain(text) }),
        );
    }
    b
}

/// The same button in the red style of negative actions (退回, 驳回, 拒绝).
pub(crate) fn danger(mut b: Value) -> Value {
    if let Some(obj) = b.as_object_mut() {
        obj.insert("type".to_owned(), json!("danger"));
    }
    b
}

/// A row of buttons.
pub(crate) fn button_row(buttons: Vec<Value>) -> Value {
    let columns: Vec<Value> = buttons
        .into_iter()
        .map(|b| json!({ "tag": "column", "width": "auto", "elements": [b] }))
        .collect();
    json!({ "tag": "column_set", "flex_mode": "flow", "horizontal_spacing": "8px", "columns": columns })
}

/// A form at the card's root with a bold title.
pub(crate) fn form(name: &str, title: &str, elements: Vec<Value>) -> Value {
    let mut all = vec![markdown(&format!("**{title}**"))];
    all.extend(elements);
    json!({ "tag": "form", "name": name, "elements": all })
}

/// A text input.
pub(crate) fn text_input(name: &str, placeholder: &str, multiline: bool, required: bool) -> Value {
    let mut v = json!({
        "tag": "input",
        "name": name,
        "placeholder": plain(placeholder),
        "max_length": 500,
        "required": required,
    });
    if multiline && let Some(obj) = v.as_object_mut() {
        obj.insert("input_type".to_owned(), json!("multiline_text"));
        obj.insert("rows".to_owned(), json!(3));
    }
    v
}

/// A select with `(value, text)` options.
pub(crate) fn select(
    name: &str,
    placeholder: &str,
    options: &[(String, String)],
    initial: Option<&str>,
) -> Value {
    let opts: Vec<Value> = options
        .iter()
        .map(|(v, t)| json!({ "text": plain(t), "value": v }))
        .collect();
    let mut s =
        json!({ "tag": "select_static", "name": name, "placeholder": plain(placeholder), "options": opts });
    if let (Some(i), Some(obj)) = (initial, s.as_object_mut()) {
        obj.insert("initial_option".to_owned(), json!(i));
    }
    s
}

/// A person picker over the chat's members.
pub(crate) fn person_picker(name: &str, placeholder: &str) -> Value {
    json!({ "tag": "select_person", "name": name, "placeholder": plain(placeholder) })
}

/// A date picker.
pub(crate) fn date_picker(name: &str, placeholder: &str, required: bool) -> Value {
    json!({ "tag": "date_picker", "name": name, "required": required, "placeholder": plain(placeholder) })
}
