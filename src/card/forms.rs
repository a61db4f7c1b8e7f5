//! Forms opened on demand (pure): the live cards stay short and carry buttons such as
//! 更新进展 or 退回上一阶段; a click sends the form alone, in a card addressed 1:1 to the person
//! who clicked ([`form_card`]), after the service checked that this person may act. The form's
//! submit button carries the record's version like every other button
//! ([`crate::card::drawn`]), marked as coming from a form card, so a stale submission is
//! answered with a fresh form that keeps what was typed ([`Prefill`]).
//!
//! This file holds the shell shared by every family, the 督办 item's three forms (更新进展,
//! 申请延期, 退回) and the receipt that replaces a form card once it was submitted.

use serde_json::{Map, Value};

use crate::card::callback::drawn::{from_form_card, versioned};
use crate::card::callback::form_text;
use crate::card::callback::item::callback_value;
use crate::card::fmt::{card, format_datetime, header, markdown, md_text, truncate};
use crate::card::widgets::{danger, date_picker, form, select, submit_button, text_input, with};
use crate::domain::permissions::ActionKind;
use crate::domain::status::Status;
use crate::domain::supervision::Item;

/// What the person had typed in a form that was refused (kept in the fresh form).
pub type Prefill = Map<String, Value>;

/// A 1:1 card holding one form: `title` in the header, `context` (markdown) above the form.
pub fn form_card(title: &str, context: &str, form: Value) -> Value {
    let hdr = header(&truncate(title, 60), "blue", Some("只有你能看到这张卡片"), &[]);
    card(hdr, vec![markdown(context), form], title)
}

/// The card that replaces a submitted form card: what was done, in one line.
pub fn receipt_card(title: &str, text: &str) -> Value {
    let hdr = header(&truncate(title, 60), "green", None, &[("已提交", "green")]);
    card(hdr, vec![markdown(&md_text(text, 300))], title)
}

/// Fills the inputs of `form` from `prefill` (by component name): text inputs get their
/// `default_value`, selects their `initial_option`, date pickers their `initial_date`.
pub fn prefilled(mut form: Value, prefill: Option<&Prefill>) -> Value {
    let Some(prefill) = prefill else {
        return form;
    };
    if let Some(elements) = form.get_mut("elements").and_then(Value::as_array_mut) {
        for el in elements {
            let (Some(name), Some(tag)) = (
                el.get("name").and_then(Value::as_str).map(str::to_owned),
                el.get("tag").and_then(Value::as_str).map(str::to_owned),
            ) else {
                continue;
            };
            let Some(typed) = form_text(Some(prefill), &name) else {
                continue;
            };
            let (key, val) = match tag.as_str() {
                "input" => ("default_value", typed),
                "select_static" | "select_person" => ("initial_option", typed),
                "date_picker" => (
                    "initial_date",
                    typed.split_whitespace().next().unwrap_or_default().to_owned(),
                ),
                _ => continue,
            };
            *el = with(el.take(), key, val);
        }
    }
    form
}

/// The submit button of a 1:1 form card for `kind` on `item`.
fn item_submit(kind: ActionKind, item: &Item, text: &str) -> Value {
    let value = from_form_card(versioned(callback_value(kind, item.id), item.version));
    submit_button(&format!("{}_submit", kind.key()), text, value)
}

/// The 1:1 form card of `kind` (更新进展, 申请延期, 退回) for `item` at its current version;
/// `None` when that form does not apply to the item's status.
pub fn item_form_card(
    item: &Item,
    kind: ActionKind,
    now: jiff::Timestamp,
    prefill: Option<&Prefill>,
) -> Option<Value> {
    let open = matches!(item.status, Status::Pending | Status::InProgress);
    let (label, form) = match kind {
        ActionKind::Progress if open => {
            let options: Vec<(String, String)> = (0..=10u8)
                .map(|i| ((i * 10).to_string(), format!("{}%", i * 10)))
                .collect();
            let nearest = (item.progress / 10) * 10;
            let f = form(
                "progress_form",
                "更新进展",
                vec![
                    select("percent", "完成百分比", &options, Some(&nearest.to_string())),
                    text_input("note", "本次进展说明", true, false),
                    item_submit(kind, item, "更新进展"),
                ],
            );
            ("更新进展", f)
        }
        ActionKind::RequestExtension if open && item.extension.is_none() => {
            let f = form(
                "extension_form",
                "申请延期",
                vec![
                    with(date_picker("date", "新的截止日期（当天18:00）"), "required", true),
                    text_input("reason", "延期原因", false, false),
                    item_submit(kind, item, "申请延期"),
                ],
            );
            ("申请延期", f)
        }
        ActionKind::Reject if item.status == Status::Submitted => {
            let f = form(
                "reject_form",
                "退回重办",
                vec![
                    text_input("reason", "请写明退回原因（必填，主办会看到）", true, true),
                    danger(item_submit(kind, item, "退回")),
                ],
            );
            ("退回重办", f)
        }
        _ => return None,
    };
    let context = format!(
        "**{}** {}\n截止：{} · 进度 {}%",
        item.id,
        md_text(&item.title, 100),
        format_datetime(item.deadline, now),
        item.progress
    );
    Some(form_card(
        &format!("{label} · {} {}", item.id, item.title),
        &context,
        prefilled(form, prefill),
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::card::fixtures::{done, in_progress, now, submitted};
    use serde_json::json;

    #[test]
    fn the_progress_form_card_carries_the_version_and_what_was_typed() {
        let it = in_progress();
        let mut typed = Prefill::new();
        typed.insert("note".to_owned(), json!("初稿完成"));
        typed.insert("percent".to_owned(), json!("60"));
        let c = item_form_card(&it, ActionKind::Progress, now(), Some(&typed)).unwrap();
        let s = c.to_string();
        assert!(s.contains(r#""default_value":"初稿完成""#), "{s}");
        assert!(s.contains(r#""initial_option":"60""#), "{s}");
        assert!(s.contains(&format!(r#""v":{}"#, it.version)), "{s}");
        assert!(s.contains(r#""card":"form""#), "{s}");
    }

    #[test]
    fn snapshot_of_the_progress_form_card() {
        let c = item_form_card(&in_progress(), ActionKind::Progress, now(), None).unwrap();
        assert!(crate::card::fmt::within_limits(&c));
        insta::assert_json_snapshot!("item_form_progress", c);
    }

    #[test]
    fn forms_that_do_not_apply_are_not_drawn() {
        assert!(item_form_card(&done(), ActionKind::Progress, now(), None).is_none());
        assert!(item_form_card(&in_progress(), ActionKind::Reject, now(), None).is_none());
        let c = item_form_card(&submitted(), ActionKind::Reject, now(), None).unwrap();
        assert!(c.to_string().contains(r#""type":"danger""#));
    }
}
