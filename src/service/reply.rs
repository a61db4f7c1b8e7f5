//! How the bot answers: the replies of one incoming message, notices to a chat, the live
//! item card's PATCH, and the ONE "reply under the card (or the command), or post" rule every
//! family uses for its cards, reminders and notices.

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

/// What a message says: text, or a card.
#[derive(Debug, Clone, Copy)]
pub(super) enum Says<'a> {
    /// Plain text (mentions written with [`at`]).
    Text(&'a str),
    /// An interactive card.
    Card(&'a Value),
}

/// A reply under `under` (a live card, or the command being answered) when there is one,
/// else a new message in `chat`. The one place this choice is made.
pub(super) fn under_or_post(under: Option<&str>, chat: &str, says: Says<'_>, uuid: &str) -> Outgoing {
    match (under, says) {
        (Some(mid), Says::Text(t)) => Outgoing::reply_text(mid, Some(chat), t, uuid),
        (Some(mid), Says::Card(c)) => Outgoing::reply_card(mid, Some(chat), c, uuid),
        (None, Says::Text(t)) => Outgoing::send_text_to_chat(chat, t, uuid),
        (None, Says::Card(c)) => Outgoing::send_card_to_chat(chat, c, uuid),
    }
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

    fn push(&mut self, svc: &Service, ch: &mut Changes, says: Says<'_>) -> Result<(), StoreError> {
        let uuid = self.uuid();
        let out = under_or_post(Some(&self.msg.message_id), &self.msg.chat_id, says, &uuid);
        ch.outbox_push(&svc.store, &OutboxRecord::message(out))?;
        Ok(())
    }

    /// Replies with a card.
    pub(super) fn card(&mut self, svc: &Service, ch: &mut Changes, card: &Value) -> Result<(), StoreError> {
        self.push(svc, ch, Says::Card(card))
    }

    /// Replies with text (mentions written with [`at`]).
    pub(super) fn text(&mut self, svc: &Service, ch: &mut Changes, text: &str) -> Result<(), StoreError> {
        self.push(svc, ch, Says::Text(text))
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::feishu::OutgoingKind;

    #[test]
    fn with_a_card_to_answer_under_it_replies_and_keeps_the_chat_for_the_rate_limiter() {
        let out = under_or_post(Some("om_card"), "oc_g", Says::Text("请尽快处理"), "u1");
        assert_eq!(out.chat_hint.as_deref(), Some("oc_g"));
        assert!(
            matches!(&out.kind, OutgoingKind::Reply { message_id, msg_type, .. } if message_id == "om_card" && msg_type == "text"),
            "{out:?}"
        );
        assert_eq!(
            out,
            Outgoing::reply_text("om_card", Some("oc_g"), "请尽快处理", "u1")
        );
    }

    #[test]
    fn without_a_card_it_posts_to_the_chat() {
        let c = json!({"header": {}});
        let out = under_or_post(None, "oc_g", Says::Card(&c), "u2");
        assert!(
            matches!(&out.kind, OutgoingKind::Send { receive_id, msg_type, .. } if receive_id == "oc_g" && msg_type == "interactive"),
            "{out:?}"
        );
        assert_eq!(out, Outgoing::send_card_to_chat("oc_g", &c, "u2"));
        let text = under_or_post(None, "oc_g", Says::Text("hi"), "u3");
        assert_eq!(text, Outgoing::send_text_to_chat("oc_g", "hi", "u3"));
        let under = under_or_post(Some("om_1"), "oc_g", Says::Card(&c), "u4");
        assert_eq!(under, Outgoing::reply_card("om_1", Some("oc_g"), &c, "u4"));
    }
}
