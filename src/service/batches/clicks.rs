//! The roll-up card's buttons (取消下达 / 全部延期) and their 1:1 forms. A click carries the
//! batch's version when the card was drawn: under the service lock it is compared with the
//! batch's current version, and a click on an outdated card changes nothing (a toast, and the
//! card redrawn from the batch as it is). A submitted form goes through the same
//! [`manage::cancel`] / [`manage::extend`] as the commands.

use serde_json::Value;

use super::super::Service;
use super::manage;
use super::rollup::card_of;
use crate::card::callback::batch::{BatchAction, BatchCallback, BatchForm};
use crate::card::forms::receipt_card;
use crate::card::{self, ToastKind};
use crate::domain::batch::{Batch, BatchStatus};
use crate::feishu::event::CardActionEvent;
use crate::feishu::{Outgoing, feishu_uuid};
use crate::outbox_record::OutboxRecord;
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// Which form a click came from or opens.
fn form_of(action: &BatchAction) -> BatchForm {
    match action {
        BatchAction::OpenForm(f) => *f,
        BatchAction::Cancel { .. } => BatchForm::Cancel,
        BatchAction::Extend { .. } => BatchForm::Extend,
    }
}

fn verb(form: BatchForm) -> &'static str {
    match form {
        BatchForm::Cancel => "取消下达",
        BatchForm::Extend => "延期下达",
    }
}

impl Service {
    /// The roll-up card `a` was clicked on, redrawn from batch `b` now.
    fn rollup_now(&self, b: &Batch, a: &CardActionEvent) -> Result<Option<Value>, StoreError> {
        let reposted = self
            .store
            .rollup_card(b.id)?
            .is_some_and(|c| c.reposted && c.message_id == a.open_message_id);
        Ok(card_of(self, b.id, reposted)?.map(|(_, c)| c))
    }

    /// A click on a roll-up card's button or on one of its 1:1 forms.
    ///
    /// # Errors
    /// Storage failures (nothing is committed).
    pub(crate) async fn on_batch_click(
        &self,
        cb: BatchCallback,
        a: &CardActionEvent,
    ) -> Result<Value, StoreError> {
        let o = self.click_origin(a).await;
        let _guard = self.exclusive().await;
        let id = cb.batch;
        let Some(b) = self.store.get_batch(id)? else {
            return Ok(card::answer(ToastKind::Error, &format!("没有找到下达 {id}")));
        };
        let now = self.clock.now();
        let form = form_of(&cb.action);
        let open = b.status == BatchStatus::Open && self.store.is_open_batch(id)?;
        if cb.version != Some(b.version) {
            tracing::info!(batch = %id, drawn = ?cb.version, now = b.version, "stale roll-up click refused");
            let fresh = match (cb.on_form_card && open, self.rollup_now(&b, a)?) {
                (true, _) | (false, None) => card::batch_form_card(&b, form, now, a.form_value.as_ref()),
                (false, Some(c)) => c,
            };
            let state = if b.status == BatchStatus::Cancelled {
                "已取消".to_owned()
            } else {
                format!(
                    "截止时间现在是{}",
                    crate::domain::time::format_instant(b.deadline)
                )
            };
            let text = format!("卡片已更新（{id} {state}），已为你刷新，请在最新卡片上操作");
            return Ok(card::answer_with_card(ToastKind::Warning, &text, fresh));
        }
        if let Err(e) = b.may_manage(&o.who.open_id, &self.policy.admins, verb(form)) {
            return Ok(card::answer(ToastKind::Error, &e.to_string()));
        }
        if !open {
            let text = format!("{id} 已经结束，不能再{}", verb(form));
            return Ok(card::answer(ToastKind::Error, &text));
        }
        let mut ch = Changes::new();
        let done = match cb.action {
            BatchAction::OpenForm(f) => {
                let c = card::batch_form_card(&b, f, now, None);
                let who = &o.who.open_id.0;
                let key = format!("bform:{}:{}:{}:{who}", id.0, f.op(), b.version);
                let out = Outgoing::send_card_to_user(who, &c, &feishu_uuid(&key));
                ch.outbox_push(&self.store, &OutboxRecord::message(out))?;
                self.settle(&ch).await?;
                let text = "表单已私信发给你，请在与机器人的单聊中填写提交";
                return Ok(card::answer(ToastKind::Info, text));
            }
            BatchAction::Cancel { reason } => manage::cancel(self, &mut ch, &o, id, &reason)?,
            BatchAction::Extend { deadline } => manage::extend(self, &mut ch, &o, id, deadline, None)?,
        };
        let text = match done {
            Ok(text) => text,
            Err((_, text)) => return Ok(card::answer(ToastKind::Error, &text)),
        };
        self.settle(&ch).await?;
        let title = format!("{id} {}", b.title);
        let c = if cb.on_form_card {
            receipt_card(&title, &text)
        } else {
            match self.rollup_now(&b, a)? {
                Some(c) => c,
                None => receipt_card(&title, &text),
            }
        };
        Ok(card::answer_with_card(ToastKind::Success, &text, c))
    }
}
