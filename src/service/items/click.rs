//! A click on an item card (or a 1:1 item form): the item [`act`] path, then the answer of a
//! click — a toast and the updated card (a receipt on a form card), and a notice in the group
//! when someone else has to act.

use serde_json::Value;

use super::super::Service;
use super::super::reply::notice;
use super::act::{Refused, act};
use super::texts::{notice_text, success_text};
use crate::card::{self, CardAction, ToastKind};
use crate::feishu::event::CardActionEvent;
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// Carries out the parsed item click `parsed` of `a` and answers it.
///
/// # Errors
/// Storage failures (nothing is committed).
pub(crate) async fn on_click(
    svc: &Service,
    parsed: CardAction,
    a: &CardActionEvent,
) -> Result<Value, StoreError> {
    let now = svc.clock.now();
    let o = svc.click_origin(a).await;
    let _guard = match svc.lock_fresh(a).await? {
        Ok(g) => g,
        Err(refusal) => return Ok(refusal),
    };
    let mut ch = Changes::new();
    let done = match act(svc, &mut ch, &o, parsed.item, parsed.action.clone())? {
        Ok(done) => done,
        Err(Refused::NotFound(id)) => {
            return Ok(card::answer(ToastKind::Error, &format!("{id} 不存在")));
        }
        Err(Refused::Denied(text)) => return Ok(card::answer(ToastKind::Error, &text)),
    };
    super::super::repeat::after_change(svc, &mut ch, &done.before, &done.after)?;
    let next = &done.after;
    if let Some(text) = notice_text(&done.before, next, &parsed.action, now) {
        let key = format!("n:{}:{}", next.id.0, next.version);
        notice(svc, &mut ch, &next.chat_id.0, &text, &key)?;
    }
    svc.settle(&ch).await?;
    let text = success_text(&parsed.action, next);
    let c = if o.on_form() {
        card::forms::receipt_card(&format!("{} {}", next.id, next.title), &text)
    } else {
        svc.live_item_card(next)?
    };
    Ok(card::answer_with_card(ToastKind::Success, &text, c))
}
