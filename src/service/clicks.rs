//! Card clicks in: the answer cache for redelivered callbacks (the public entry), and
//! [`Service::settle`], which every click that changed something ends with. The dispatch of a
//! callback to its family's handler is in `card_action.rs`.

use serde_json::Value;

use super::Service;
use crate::card;
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
                return card::answer(card::ToastKind::Error, "系统繁忙，操作未保存，请稍后再试");
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

    /// Commits a click's changes durably (the answer tells the user they are saved) and wakes
    /// the outbox, the scheduler and the mirror.
    ///
    /// # Errors
    /// Storage failures.
    pub(super) async fn settle(&self, ch: &Changes) -> Result<(), StoreError> {
        self.store.commit(ch)?;
        self.store.durable().await?;
        self.wake.outbox.notify_one();
        self.wake.scheduler.notify_one();
        self.wake.mirror.notify_one();
        Ok(())
    }
}
