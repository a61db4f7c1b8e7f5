//! Where a command or a click came from — who, which chat, which message or card — built
//! once, from a chat message or from a card callback, and handed to every family's `act`.

use super::Service;
use crate::card::drawn::drawn_for;
use crate::domain::audit::Source;
use crate::domain::ids::{ChatId, MessageId, OpenId, Person};
use crate::feishu::event::{CardActionEvent, MessageEvent};

/// How the request reached the bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Via {
    /// A chat command (`p2p`: in a 1:1 chat).
    Message {
        /// Sent in a 1:1 chat with the bot.
        p2p: bool,
    },
    /// A click on a card (`form`: on a 1:1 form card, answered with a receipt).
    Card {
        /// The clicked card is a form sent 1:1.
        form: bool,
    },
    /// The bot itself, following another change (a `#XM-n` tag on a new item).
    System,
}

/// Where a command or click came from.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Origin {
    /// Who, with the best name known when the origin was built.
    pub(super) who: Person,
    /// The chat (empty for a click that carried none).
    pub(super) chat: ChatId,
    /// Message, card, or the bot.
    pub(super) via: Via,
    /// The audit trail's source.
    pub(super) source: Source,
    /// The message a command's answers go under (`None` for clicks: they answer in place).
    pub(super) reply_to: Option<String>,
}

impl Origin {
    /// A chat command from `msg`, sent by `who`.
    pub(super) fn message(msg: &MessageEvent, who: Person) -> Self {
        Self {
            who,
            chat: ChatId(msg.chat_id.clone()),
            via: Via::Message {
                p2p: msg.chat_type == "p2p",
            },
            source: Source::Message(MessageId(msg.message_id.clone())),
            reply_to: Some(msg.message_id.clone()),
        }
    }

    /// A click `a`, by `who` (the operator with the best name known).
    pub(super) fn click(a: &CardActionEvent, who: Person) -> Self {
        Self {
            who,
            chat: ChatId(a.open_chat_id.clone().unwrap_or_default()),
            via: Via::Card {
                form: from_form_card(a),
            },
            source: Source::Card(MessageId(a.open_message_id.clone())),
            reply_to: None,
        }
    }

    /// The bot acting for `who` in `chat`.
    pub(super) fn system(chat: ChatId, who: Person) -> Self {
        Self {
            who,
            chat,
            via: Via::System,
            source: Source::System,
            reply_to: None,
        }
    }

    /// A command sent in a 1:1 chat.
    pub(super) fn p2p(&self) -> bool {
        matches!(self.via, Via::Message { p2p: true })
    }

    /// A click on a 1:1 form card (answered with a receipt, not the live card).
    pub(super) fn on_form(&self) -> bool {
        matches!(self.via, Via::Card { form: true })
    }
}

impl Service {
    /// The origin of click `a`: the clicker named from what is known or the chat's members
    /// (read before the lock; cached).
    pub(super) async fn click_origin(&self, a: &CardActionEvent) -> Origin {
        let who = match a.open_chat_id.as_deref() {
            Some(chat) if !chat.is_empty() => self.name_of(&a.operator_open_id, chat).await,
            _ => Person {
                open_id: OpenId(a.operator_open_id.clone()),
                name: String::new(),
            },
        };
        Origin::click(a, who)
    }
}

/// Whether click `a` came from a 1:1 form card (its answer is then a receipt, not the live card).
pub(super) fn from_form_card(a: &CardActionEvent) -> bool {
    drawn_for(&a.value).is_some_and(|d| d.on_form_card)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn zhang() -> Person {
        Person {
            open_id: OpenId("ou_zhang".to_owned()),
            name: "张三".to_owned(),
        }
    }

    fn message(chat_type: &str) -> MessageEvent {
        MessageEvent {
            message_id: "om_cmd".to_owned(),
            chat_id: "oc_g".to_owned(),
            chat_type: chat_type.to_owned(),
            message_type: "text".to_owned(),
            text: "/督办 完成 DB-1".to_owned(),
            mentions: Vec::new(),
            sender_open_id: "ou_zhang".to_owned(),
            parent_id: None,
            root_id: None,
            create_time_ms: None,
        }
    }

    fn click(chat: Option<&str>, value: serde_json::Value) -> CardActionEvent {
        CardActionEvent {
            operator_open_id: "ou_zhang".to_owned(),
            open_message_id: "om_card".to_owned(),
            open_chat_id: chat.map(str::to_owned),
            value,
            form_value: None,
            tag: None,
            option: None,
            input_value: None,
        }
    }

    #[test]
    fn a_command_answers_under_itself_and_is_audited_as_a_message() {
        let o = Origin::message(&message("group"), zhang());
        assert_eq!(o.chat, ChatId("oc_g".to_owned()));
        assert_eq!(o.via, Via::Message { p2p: false });
        assert_eq!(o.source, Source::Message(MessageId("om_cmd".to_owned())));
        assert_eq!(o.reply_to.as_deref(), Some("om_cmd"));
        assert!(!o.p2p() && !o.on_form());
        assert!(Origin::message(&message("p2p"), zhang()).p2p());
    }

    #[test]
    fn a_click_answers_in_place_and_is_audited_as_the_card() {
        let o = Origin::click(&click(Some("oc_g"), json!({"op": "accept"})), zhang());
        assert_eq!(o.chat, ChatId("oc_g".to_owned()));
        assert_eq!(o.via, Via::Card { form: false });
        assert_eq!(o.source, Source::Card(MessageId("om_card".to_owned())));
        assert_eq!(o.reply_to, None);
        assert!(!o.p2p() && !o.on_form());
        // A click without a chat keeps an empty one (a form card 1:1 resolves it later).
        let bare = Origin::click(&click(None, json!({})), zhang());
        assert_eq!(bare.chat, ChatId(String::new()));
    }

    #[test]
    fn the_bot_acting_after_another_change_is_audited_as_the_system() {
        let o = Origin::system(ChatId("oc_g".to_owned()), zhang());
        assert_eq!((o.via, o.source, o.reply_to), (Via::System, Source::System, None));
    }
}
