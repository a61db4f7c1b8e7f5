//! Card clicks: parse the callback and hand it to its family's handler, which applies the
//! action through the family's one `act` path, commits durably, and answers with a toast and
//! the updated card (the item click is `items::on_click`).

use serde_json::Value;

use super::Service;
use super::items::on_click as on_item_click;
use crate::card::{self, Callback, ToastKind};
use crate::feishu::event::CardActionEvent;
use crate::store::StoreError;

impl Service {
    pub(super) async fn on_card_action(&self, a: &CardActionEvent) -> Result<Value, StoreError> {
        let now = self.clock.now();
        let parsed = match card::callback::parse(&a.value, a.form_value.as_ref(), now) {
            Ok(Callback::OpenForm(_)) => return self.on_open_form(a).await,
            Ok(Callback::Help) => return self.on_help_click(a).await,
            Ok(Callback::Nudge(action)) => return self.on_nudge_action(action, &a.operator_open_id).await,
            Ok(Callback::Minutes(m)) => return self.on_minutes_action(Ok(m), a).await,
            Ok(Callback::Project(id, action)) => return self.on_project_action(id, action, a).await,
            Ok(Callback::Requirement(action)) => return self.on_requirement_action(action, a).await,
            Ok(Callback::Item(parsed)) => parsed,
            Ok(Callback::Batch(cb)) => return self.on_batch_click(cb, a).await,
            Ok(Callback::Align(pick)) => return super::okr::on_align_click(self, pick, a).await,
            Err(e) => return Ok(card::answer(ToastKind::Warning, &e.to_string())),
        };
        on_item_click(self, parsed, a).await
    }
}
