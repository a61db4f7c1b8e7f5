//! Card clicks: parse the callback, apply the action, commit durably, answer with a toast and
//! the updated card, and PATCH the shared card so every member sees the new state.

use serde_json::{Value, json};

use super::Service;
use super::replies::{at, notice, refresh_card};
use super::stale::from_form_card;
use crate::card::{self, Callback, ToastKind};
use crate::domain::audit::Source;
use crate::domain::ids::MessageId;
use crate::domain::status::Status;
use crate::domain::supervision::{Action, Actor, Item};
use crate::domain::time::format_datetime;
use crate::feishu::event::CardActionEvent;
use crate::store::StoreError;
use crate::store::outbox::Changes;

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
            Err(e) => return Ok(json!({"toast": card::toast(ToastKind::Warning, &e.to_string())})),
        };
        let operator = match &a.open_chat_id {
            Some(chat) => Some(self.name_of(&a.operator_open_id, chat).await),
            None => None,
        };
        let _guard = match self.lock_fresh(a).await? {
            Ok(g) => g,
            Err(refusal) => return Ok(refusal),
        };
        let Some(item) = self.store.get_item(parsed.item)? else {
            return Ok(json!({"toast": card::toast(ToastKind::Error, &format!("{} 不存在", parsed.item))}));
        };
        let actor = Actor {
            person: self.person_on_item(&a.operator_open_id, &item, operator.as_ref()),
        };
        let source = Source::Card(MessageId(a.open_message_id.clone()));
        match item.apply(parsed.action.clone(), &actor, &self.policy, now, source) {
            Err(e) => Ok(json!({"toast": card::toast(ToastKind::Error, &e.to_string())})),
            Ok((next, record)) => {
                let mut ch = Changes::new();
                self.stage_item(&mut ch, &next)?;
                ch.push_audit(&self.store, next.id, &record)?;
                refresh_card(self, &mut ch, next.id.0, &next.chat_id.0)?;
                if let Some(text) = notice_text(&item, &next, &parsed.action, now) {
                    let key = format!("n:{}:{}", next.id.0, next.version);
                    notice(self, &mut ch, &next.chat_id.0, &text, &key)?;
                }
                self.store.commit(&ch)?;
                self.store.durable().await?;
                self.outbox_notify.notify_one();
                self.scheduler_notify.notify_one();
                let text = success_text(&parsed.action, &next);
                let c = if from_form_card(a) {
                    card::forms::receipt_card(&format!("{} {}", next.id, next.title), &text)
                } else {
                    card::item_card(&next, now, &self.calendar)
                };
                Ok(json!({
                    "toast": card::toast(ToastKind::Success, &text),
                    "card": {"type": "raw", "data": c},
                }))
            }
        }
    }
}

fn success_text(action: &Action, item: &Item) -> String {
    match action {
        Action::Acknowledge => format!("已签收 {}", item.id),
        Action::Progress { .. } => format!("进展已更新：{}%", item.progress),
        Action::Submit { .. } if item.status == Status::Done => "已完成".to_owned(),
        Action::Submit { .. } => "已提交，等待督办人验收".to_owned(),
        Action::Accept => "已验收通过".to_owned(),
        Action::Reject { .. } => "已退回".to_owned(),
        Action::RequestExtension { .. } => "延期申请已提交".to_owned(),
        Action::ApproveExtension => "已批准延期".to_owned(),
        Action::RejectExtension { .. } => "已拒绝延期".to_owned(),
        Action::Nudge => "已催办".to_owned(),
        Action::Reassign { .. } => "已转交".to_owned(),
        Action::Cancel { .. } => "已取消".to_owned(),
    }
}

/// A chat notice for clicks that need someone else to act.
fn notice_text(before: &Item, after: &Item, action: &Action, now: jiff::Timestamp) -> Option<String> {
    let (id, title) = (after.id, &after.title);
    match action {
        Action::Submit { .. } if after.status == Status::Submitted => Some(format!(
            "{} {id}「{title}」已提交完成，请验收。",
            at(&after.creator)
        )),
        Action::Reject { reason } => Some(format!("{} {id}「{title}」被退回：{reason}", at(&after.owner))),
        Action::RequestExtension { deadline, .. } => Some(format!(
            "{} 主办申请将 {id}「{title}」的截止时间延至 {}，请在事项卡片上批准或拒绝。",
            at(&after.creator),
            format_datetime(*deadline, now)
        )),
        Action::ApproveExtension => Some(format!(
            "{} {id} 的延期已批准，新的截止时间：{}。",
            at(&after.owner),
            format_datetime(after.deadline, now)
        )),
        Action::RejectExtension { .. } => Some(format!("{} {id} 的延期申请未获批准。", at(&after.owner))),
        Action::Nudge => Some(format!(
            "{} 请尽快处理 {id}「{title}」（截止 {}）。",
            at(&after.owner),
            format_datetime(after.deadline, now)
        )),
        Action::Reassign { to } if to.open_id != before.owner.open_id => {
            Some(format!("{} {id}「{title}」已转交给你。", at(&after.owner)))
        }
        _ => None,
    }
}
