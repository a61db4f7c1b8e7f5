//! Onboarding: the welcome card when the bot joins a group (once per group) and on a person's
//! first 1:1 message (once per person), the 帮助 button behind it, and the bot's removal from
//! a group — its pending messages are dropped from the outbox, and its items stay queryable
//! (they are not touched: `/督办 查看 DB-n` works from any other chat).

use serde_json::Value;

use super::Service;
use super::reply::Replies;
use crate::card::{self, Audience, ToastKind};
use crate::command::spec::SUPERVISE_COMMANDS;
use crate::domain::ids::ChatId;
use crate::feishu::event::{BotMembershipEvent, CardActionEvent, Membership, MessageEvent};
use crate::feishu::{Outgoing, feishu_uuid};
use crate::outbox_record::OutboxRecord;
use crate::store::StoreError;
use crate::store::onboarding::Welcomed;
use crate::store::outbox::Changes;

impl Service {
    /// Applies a bot added / removed event to `ch`. The caller holds the service lock and commits.
    pub(super) fn apply_membership(
        &self,
        ev: &BotMembershipEvent,
        now_ms: i64,
        ch: &mut Changes,
    ) -> Result<(), StoreError> {
        let chat = ev.chat_id.as_str();
        match ev.change {
            Membership::Added => {
                if self.store.bot_removed_from(chat)? {
                    ch.mark_bot_removed(&self.store, chat, false, now_ms);
                }
                if self.store.welcomed(Welcomed::Group(chat))? {
                    tracing::info!(chat_id = %chat, operator = %ev.operator_open_id, "bot added to a group it already welcomed; no second welcome");
                    return Ok(());
                }
                let c = card::welcome_card(&Audience::Group {
                    unit: self.unit_of_chat(&ChatId(chat.to_owned())),
                });
                let out = Outgoing::send_card_to_chat(chat, &c, &feishu_uuid(&format!("welcome:g:{chat}")));
                ch.outbox_push(&self.store, &OutboxRecord::message(out))?;
                ch.mark_welcomed(&self.store, Welcomed::Group(chat), now_ms);
                tracing::info!(chat_id = %chat, operator = %ev.operator_open_id, "bot added to a group; welcome queued");
            }
            Membership::Removed => {
                let dropped = ch.drop_outbox_for_chat(&self.store, chat)?;
                ch.mark_bot_removed(&self.store, chat, true, now_ms);
                metrics::counter!("duban_outbox_dropped_total", "reason" => "bot_removed")
                    .increment(dropped as u64);
                tracing::info!(
                    chat_id = %chat,
                    operator = %ev.operator_open_id,
                    dropped,
                    "bot removed from a group: its pending messages are dropped; its items stay queryable"
                );
            }
        }
        Ok(())
    }

    /// A message from `chat` proves the bot is in it: clears a "bot removed" mark (the bot was
    /// added back while its added event was not subscribed or was lost).
    pub(super) fn note_bot_present(&self, chat: &str, ch: &mut Changes) -> Result<(), StoreError> {
        if !chat.is_empty() && self.store.bot_removed_from(chat)? {
            tracing::info!(chat_id = %chat, "a message from a chat marked as left: the bot is back in it");
            ch.mark_bot_removed(&self.store, chat, false, self.clock.now().as_millisecond());
        }
        Ok(())
    }

    /// On a person's first 1:1 message, queues the welcome card as a reply (before the answer
    /// to the message itself). Returns whether it did.
    pub(super) fn welcome_person(
        &self,
        msg: &MessageEvent,
        replies: &mut Replies<'_>,
        ch: &mut Changes,
    ) -> Result<bool, StoreError> {
        let who = msg.sender_open_id.as_str();
        if msg.chat_type != "p2p" || who.is_empty() || self.store.welcomed(Welcomed::Person(who))? {
            return Ok(false);
        }
        replies.card(self, ch, &card::welcome_card(&Audience::Person))?;
        ch.mark_welcomed(
            &self.store,
            Welcomed::Person(who),
            self.clock.now().as_millisecond(),
        );
        tracing::info!(open_id = %who, "first 1:1 message; welcome queued");
        Ok(true)
    }

    /// The welcome card's 帮助 button: replies to the card with the help card (one per card
    /// within Feishu's one-hour de-duplication window, however many people click).
    pub(super) async fn on_help_click(&self, a: &CardActionEvent) -> Result<Value, StoreError> {
        let help = card::help_card(SUPERVISE_COMMANDS);
        if a.open_message_id.is_empty() {
            // Nothing to reply to: show the help card in place of the clicked one.
            return Ok(card::answer_with_card(ToastKind::Info, "全部指令如下", help));
        }
        let uuid = feishu_uuid(&format!("help:{}", a.open_message_id));
        let out = Outgoing::reply_card(&a.open_message_id, a.open_chat_id.as_deref(), &help, &uuid);
        let mut ch = Changes::new();
        ch.outbox_push(&self.store, &OutboxRecord::message(out))?;
        self.store.commit(&ch)?;
        self.store.durable().await?;
        self.wake.outbox.notify_one();
        Ok(card::answer(ToastKind::Success, "已发送全部指令的使用说明"))
    }
}
