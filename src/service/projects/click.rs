//! A click on a project card's buttons or forms: the project [`act`] path, then a toast, the
//! card (a receipt on a form card) and, when the stage or status moved, a notice in the group.

use serde_json::Value;

use super::super::Service;
use super::super::reply::notice;
use super::act::{act, card_now, person_on_project};
use super::texts::movement_text;
use crate::card::{self, ToastKind};
use crate::domain::ids::ProjectId;
use crate::domain::project::ProjectAction;
use crate::feishu::event::CardActionEvent;
use crate::store::StoreError;
use crate::store::outbox::Changes;

impl Service {
    /// A click on a project card's buttons or forms.
    pub(crate) async fn on_project_action(
        &self,
        id: ProjectId,
        mut action: ProjectAction,
        a: &CardActionEvent,
    ) -> Result<Value, StoreError> {
        let now = self.clock.now();
        // The clicker's name (for the audit trail and 退回 on the card), before the lock.
        let origin = self.click_origin(a).await;
        let _guard = match self.lock_fresh(a).await? {
            Ok(g) => g,
            Err(refusal) => return Ok(refusal),
        };
        if let (ProjectAction::Plan { owner: Some(o), .. }, Some(p)) =
            (&mut action, self.store.get_project(id)?)
        {
            *o = person_on_project(&p, o);
        }
        let mut ch = Changes::new();
        let kind = action.kind();
        match act(self, &mut ch, &origin, id, action, &self.policy)? {
            Err(text) => Ok(card::answer(ToastKind::Error, &text)),
            Ok((before, after)) => {
                let text = movement_text(&before, &after, now);
                if before.current != after.current || before.status != after.status {
                    let key = format!("pn:{}:{}", after.id.0, after.version);
                    notice(self, &mut ch, &after.chat_id.0, &text, &key)?;
                }
                self.settle(&ch).await?;
                let done = format!("已{}", kind.label());
                let c = if origin.on_form() {
                    let stage = after.current_stage().map_or("", |s| s.name.as_str());
                    let line = format!(
                        "{done}。{} 当前阶段：{stage}（{}）",
                        after.id,
                        after.status.label()
                    );
                    card::forms::receipt_card(&format!("{} {}", after.id, after.name), &line)
                } else {
                    card_now(self, &after)?
                };
                Ok(card::answer_with_card(ToastKind::Success, &done, c))
            }
        }
    }
}
