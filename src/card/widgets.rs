//! Shared card controls (pure): buttons (with confirmation, danger style, rows), forms, text
//! inputs, selects and pickers, as Feishu JSON 2.0 components. Every card builds its controls
//! here; text, headers, mentions and dates come from [`crate::card::fmt`].

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

/// `v` with `key` set to `val`: a size, a width, a preset, `required`.
pub(crate) fn with(mut v: Value, key: &str, val: impl Into<Value>) -> Value {
    if let Some(obj) = v.as_object_mut() {
        obj.insert(key.to_owned(), val.into());
    }
    v
}

/// The same button in another style (`primary`, `default`, `danger`…).
pub(crate) fn styled(b: Value, style: &str) -> Value {
    with(b, "type", style)
}

/// Adds a confirmation dialog to a button.
pub(crate) fn with_confirm(b: Value, title: &str, text: &str) -> Value {
    with(
        b,
        "confirm",
        json!({ "title": plain(title), "text": plain(text) }),
    )
}

/// The same button in the red style of negative actions (退回, 驳回, 拒绝).
pub(crate) fn danger(b: Value) -> Value {
    styled(b, "danger")
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
    untitled_form(name, all)
}

/// A form holding `elements` only.
pub(crate) fn untitled_form(name: &str, elements: Vec<Value>) -> Value {
    json!({ "tag": "form", "name": name, "elements": elements })
}

/// A one-line text input of at most `max_length` characters.
pub(crate) fn input(name: &str, placeholder: &str, max_length: usize) -> Value {
    json!({
        "tag": "input",
        "name": name,
        "placeholder": plain(placeholder),
        "max_length": max_length,
    })
}

/// A text input of up to 500 characters, three lines high when `multiline`.
pub(crate) fn text_input(name: &str, placeholder: &str, multiline: bool, required: bool) -> Value {
    let v = with(input(name, placeholder, 500), "required", required);
    if multiline {
        with(with(v, "input_type", "multiline_text"), "rows", 3)
    } else {
        v
    }
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
    let s =
        json!({ "tag": "select_static", "name": name, "placeholder": plain(placeholder), "options": opts });
    match initial {
        Some(i) => with(s, "initial_option", i),
        None => s,
    }
}

/// A person picker over the chat's members.
pub(crate) fn person_picker(name: &str, placeholder: &str) -> Value {
    json!({ "tag": "select_person", "name": name, "placeholder": plain(placeholder) })
}

/// A person picker that offers `open_ids` (at most 100) besides the chat's members: in a 1:1
/// chat an empty picker would offer only the clicker.
pub(crate) fn offering(picker: Value, open_ids: &[&str]) -> Value {
    let options: Vec<Value> = open_ids
        .iter()
        .take(100)
        .map(|id| json!({ "value": id }))
        .collect();
    with(picker, "options", options)
}

/// A date picker (optional unless marked `required` with [`with`]).
pub(crate) fn date_picker(name: &str, placeholder: &str) -> Value {
    json!({ "tag": "date_picker", "name": name, "placeholder": plain(placeholder) })
}

/// A folded panel (JSON 2.0 `collapsible_panel`): a markdown `title` that opens `elements`
/// (no forms inside), folded unless `expanded`.
pub(crate) fn collapsible(title: &str, expanded: bool, elements: Vec<Value>) -> Value {
    json!({
        "tag": "collapsible_panel",
        "expanded": expanded,
        "header": { "title": markdown(title) },
        "elements": elements,
    })
}
