//! Small helpers that queue replies and notices in the outbox.

use serde_json::Value;

use super::Service;
use crate::domain::ids::Person;
use crate::feishu::event::MessageEvent;
use crate::feishu::{Outgoing, feishu_uuid};
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// A text-message mention: `<at user_id="ou_…">name</at>`.
pub(super) fn at(p: &Person) -> String {
    format!("<at user_id=\"{}\">{}</at>", p.open_id, p.name)
}

/// The replies of one incoming message, each with a uuid derived from the message and its
/// position, so re-processing after a crash produces the same uuids.
pub(super) struct Replies<'a> {
    pub(super) msg: &'a MessageEvent,
    n: usize,
}

impl<'a> Replies<'a> {
    pub(super) fn new(msg: &'a MessageEvent) -> Self {
        Self { msg, n: 0 }
    }

    fn uuid(&mut self) -> String {
        self.n += 1;
        feishu_uuid(&format!("r{}:{}", self.n, self.msg.message_id))
    }

    /// Replies with a card.
    pub(super) fn card(&mut self, svc: &Service, ch: &mut Changes, card: &Value) -> Result<(), StoreError> {
        let uuid = self.uuid();
        let out = Outgoing::reply_card(&self.msg.message_id, Some(&self.msg.chat_id), card, &uuid);
        ch.outbox_push(&svc.store, &OutboxRecord::message(out))?;
        Ok(())
    }

    /// Replies with text (mentions written with [`at`]).
    pub(super) fn text(&mut self, svc: &Service, ch: &mut Changes, text: &str) -> Result<(), StoreError> {
        let uuid = self.uuid();
        let out = Outgoing::reply_text(&self.msg.message_id, Some(&self.msg.chat_id), text, &uuid);
        ch.outbox_push(&svc.store, &OutboxRecord::message(out))?;
        Ok(())
    }

    /// Posts a new item's live card as a reply to the command.
    pub(super) fn item_card(&mut self, svc: &Service, ch: &mut Changes, item: u64) -> Result<(), StoreError> {
        let intent = Intent::PostItemCard {
            item,
            chat_id: self.msg.chat_id.clone(),
            reply_to: Some(self.msg.message_id.clone()),
            uuid: feishu_uuid(&format!("card:{item}:{}", self.msg.message_id)),
        };
        let chat = Some(self.msg.chat_id.clone());
        ch.outbox_push(&svc.store, &OutboxRecord::new(intent, chat))?;
        Ok(())
    }
}

/// Queues a PATCH of an item's live card with its current state.
pub(super) fn refresh_card(svc: &Service, ch: &mut Changes, item: u64, chat: &str) -> Result<(), StoreError> {
    let rec = OutboxRecord::new(Intent::RefreshItemCard { item }, Some(chat.to_owned()));
    ch.outbox_push(&svc.store, &rec)?;
    Ok(())
}

/// Queues a text message to a chat (notices after card clicks), de-duplicated by `key`.
pub(super) fn notice(
    svc: &Service,
    ch: &mut Changes,
    chat: &str,
    text: &str,
    key: &str,
) -> Result<(), StoreError> {
    let out = Outgoing::send_text_to_chat(chat, text, &feishu_uuid(key));
    ch.outbox_push(&svc.store, &OutboxRecord::message(out))?;
    Ok(())
}
