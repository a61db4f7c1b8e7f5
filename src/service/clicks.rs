//! Card clicks in: the answer cache for redelivered callbacks, the dispatch of a callback to
//! its family's handler, and [`Service::settle`], which every click that changed something
//! ends with.

use serde_json::{Value, json};

use super::Service;
use super::items::on_click as on_item_click;
use crate::card::{self, ToastKind};
use crate::feishu::event::CardActionEvent;
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// How many card-callback answers are remembered for redeliveries.
const ANSWERS: usize = 512;

impl Service {
    /// Answers a card click (new or legacy callback) within Feishu's 3 s budget: a toast, and
    /// the updated card when something changed. A callback delivered again under the same
    /// `event_id` (its acknowledgement was lost, on the webhook or the long connection) gets
    /// the answer already given: the click is not carried out twice.
    pub async fn card_action(&self, action: &CardActionEvent, event_id: Option<&str>) -> Value {
        let remembered = |id: &str| {
            self.answers
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .iter()
                .find(|(seen, _)| seen == id)
                .map(|(_, a)| a.clone())
        };
        if let Some(answer) = event_id.and_then(remembered) {
            tracing::info!(
                event_id,
                "a card callback was delivered again; answering as before"
            );
            return answer;
        }
        let answer = match self.on_card_action(action).await {
            Ok(v) => v,
            Err(e) => {
                tracing::error!(error.message = %e, error.cause_chain = ?e, "card action failed");
                return serde_json::json!({"toast": card::toast(card::ToastKind::Error, "系统繁忙，操作未保存，请稍后再试")});
            }
        };
        if let Some(id) = event_id {
            let mut answers = self
                .answers
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if answers.len() == ANSWERS {
                answers.pop_front();
            }
            answers.push_back((id.to_owned(), answer.clone()));
        }
        answer
    }

    /// Hands a callback to its family's handler.
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

    /// Commits a click's changes durably (the answer tells the user they are saved) and wakes
    /// the outbox, the scheduler and the mirror.
    ///
    /// # Errors
    /// Storage failures.
    pub(super) async fn settle(&self, ch: &Changes) -> Result<(), StoreError> {
        self.store.commit(ch)?;
        self.store.durable().await?;
        self.outbox_notify.notify_one();
        self.scheduler_notify.notify_one();
        self.mirror_notify.notify_one();
        Ok(())
    }
}
