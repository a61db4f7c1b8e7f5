//! Card clicks: parse the callback and hand it to its family's handler, which applies the
//! action through the family's one `act` path, commits durably, and answers with a toast and
//! the updated card (the item click is `items::on_click`).

use serde_json::{Value, json};

use super::Service;
use super::items::on_click as on_item_click;
use crate::card::{self, ToastKind};
use crate::feishu::event::CardActionEvent;
use crate::store::StoreError;

impl Service {
    pub(super) async fn on_card_action(&self, a: &CardActionEvent) -> Result<Value, StoreError> {
        let now = self.clock.now();
        if card::drawn::is_form_opener(&a.value) {
            return self.on_open_form(a).await;
        }
        if card::welcome::is_help_callback(&a.value) {
            return self.on_help_click(a).await;
        }
        if let Some(nudge) = card::nudge::parse_nudge_callback(&a.value) {
            return match nudge {
                Ok(action) => self.on_nudge_action(action, &a.operator_open_id).await,
                Err(e) => Ok(json!({"toast": card::toast(ToastKind::Warning, &e.to_string())})),
            };
        }
        if let Some(m) = card::parse_minutes_callback(&a.value, a.form_value.as_ref(), now) {
            return self.on_minutes_action(m, a).await;
        }
        if let Some(p) = card::project::parse_project_callback(&a.value, a.form_value.as_ref(), now) {
            return match p {
                Ok((id, action)) => self.on_project_action(id, action, a).await,
                Err(e) => Ok(json!({"toast": card::toast(ToastKind::Warning, &e.to_string())})),
            };
        }
        if let Some(r) = card::requirement::parse_requirement_callback(&a.value, a.form_value.as_ref(), now) {
            return match r {
                Ok(action) => self.on_requirement_action(action, a).await,
                Err(e) => Ok(json!({"toast": card::toast(ToastKind::Warning, &e.to_string())})),
            };
        }
        let parsed = match card::action::parse_callback(&a.value, a.form_value.as_ref(), now) {
            Ok(p) => p,
            Err(e) => return Ok(json!({"toast": card::toast(ToastKind::Warning, &e.to_string())})),
        };
        on_item_click(self, parsed, a).await
    }
}
