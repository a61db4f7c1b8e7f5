//! A click on a requirement card (triage, supplement, feedback, the submission form): the
//! requirement [`act`] path (or a submission), then a toast and the card that replaces the
//! clicked one (a receipt on a 1:1 form card).

use serde_json::Value;

use super::super::Service;
use super::act::act;
use super::submit::submit;
use super::triage::linked_project;
use crate::card::requirement::{
    RequirementCardAction, feedback_done_card, requirement_card, requirement_status_card,
    requirement_submitted_card,
};
use crate::card::{self, ToastKind};
use crate::domain::ids::ChatId;
use crate::domain::requirement::{ReqAction, Requirement};
use crate::feishu::event::CardActionEvent;
use crate::store::StoreError;
use crate::store::outbox::Changes;

impl Service {
    /// A click on a requirement card (triage, supplement, feedback, the submission form).
    pub(crate) async fn on_requirement_action(
        &self,
        action: RequirementCardAction,
        a: &CardActionEvent,
    ) -> Result<Value, StoreError> {
        self.learn_manager_names(a.open_chat_id.as_deref().unwrap_or_default())
            .await;
        // The clicker's name (a project made by 受理 gets them as its owner), before the lock.
        let mut o = self.click_origin(a).await;
        let _guard = match self.lock_fresh(a).await? {
            Ok(g) => g,
            Err(refusal) => return Ok(refusal),
        };
        // A 1:1 form card acts for the group the triage card lives in (a project created by
        // 受理 新建项目 belongs there, not in the manager's private chat).
        if o.on_form()
            && let RequirementCardAction::Act { req, .. }
            | RequirementCardAction::AcceptIntoNewProject { req } = &action
            && let Some(r) = self.store.get_requirement(*req)?
        {
            o.chat = ChatId(self.cfg.requirements.manager_chat.clone().unwrap_or(r.chat_id.0));
        }
        let mut ch = Changes::new();
        let now = self.clock.now();
        let result = match action {
            RequirementCardAction::Submit(new) => {
                if o.chat.0.is_empty() {
                    return Ok(card::answer(ToastKind::Error, "请在群里提交需求"));
                }
                let (r, routed) = submit(self, &mut ch, new, &o)?;
                ch.mark_form_submitted(&self.store, &a.open_message_id, r.id);
                let c = requirement_submitted_card(&r, &routed, now);
                Ok((format!("已提交 {}", r.id), c))
            }
            RequirementCardAction::Act { req, action } => {
                let kind = action.clone();
                act(self, &mut ch, req, Some(action), None, &o)?
                    .map(|r| (after_click_text(&kind, &r), after_click_card(self, &kind, &r)))
                    .and_then(|(t, c)| Ok((t, c?)))
            }
            RequirementCardAction::AcceptIntoNewProject { req } => act(self, &mut ch, req, None, None, &o)?
                .map(|r| {
                    let p = r.project.map(|p| p.to_string()).unwrap_or_default();
                    (
                        format!("已受理，并新建项目 {p}"),
                        after_click_card(self, &ReqAction::Accept { project: None }, &r),
                    )
                })
                .and_then(|(t, c)| Ok((t, c?))),
        };
        match result {
            Err(text) => Ok(card::answer(ToastKind::Error, &text)),
            Ok((text, c)) => {
                let c = if o.on_form() {
                    let title = match card::drawn::drawn_for(&a.value).map(|d| d.target) {
                        Some(card::drawn::Target::Requirement(id)) => format!("需求 {id}"),
                        _ => "需求".to_owned(),
                    };
                    card::forms::receipt_card(&title, &text)
                } else {
                    c
                };
                self.settle(&ch).await?;
                Ok(card::answer_with_card(ToastKind::Success, &text, c))
            }
        }
    }
}

fn after_click_text(action: &ReqAction, r: &Requirement) -> String {
    match action {
        ReqAction::Feedback { .. } => "感谢您的评价！".to_owned(),
        ReqAction::Supplement { .. } => "补充内容已提交".to_owned(),
        other => format!("已{}，当前状态：{}", other.label(), r.status.label()),
    }
}

/// The card that replaces the clicked one: the triage card for a manager's decision, the
/// status card for the submitter's supplement or feedback.
fn after_click_card(svc: &Service, action: &ReqAction, r: &Requirement) -> Result<Value, String> {
    let p = linked_project(svc, r).map_err(|e| e.to_string())?;
    let now = svc.clock.now();
    Ok(match action {
        ReqAction::Supplement { .. } => requirement_status_card(r, p.as_ref(), now),
        // The rating form turns into the rating given, not into a copy of the status card.
        ReqAction::Feedback { .. } => feedback_done_card(r, now),
        _ => requirement_card(r, p.as_ref(), now),
    })
}
