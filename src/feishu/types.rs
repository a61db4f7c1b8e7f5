//! Plain data for the Feishu client: the outgoing operations the durable outbox stores
//! ([`Outgoing`]), and what a few read calls return. Pure: no I/O.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Longest `uuid` Feishu accepts for de-duplication (§8.1).
pub const MAX_UUID_LEN: usize = 50;

/// One write to Feishu, ready to be stored in the outbox and sent (possibly many times: the
/// `uuid` makes repeats harmless for sends and replies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outgoing {
    /// What to do.
    pub kind: OutgoingKind,
    /// The chat this lands in, for the per-chat rate limiter (`None`: only app limits apply).
    pub chat_hint: Option<String>,
}

/// The kinds of write the bot performs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum OutgoingKind {
    /// `POST /open-apis/im/v1/messages?receive_id_type=…`.
    Send {
        /// How `receive_id` is to be read.
        receive_id_type: ReceiveIdType,
        /// The chat or user to send to.
        receive_id: String,
        /// `text`, `post`, `interactive`, …
        msg_type: String,
        /// The message content: JSON *text* (not an object).
        content: String,
        /// De-duplication key, ≤ 50 characters.
        uuid: String,
    },
    /// `POST /open-apis/im/v1/messages/:message_id/reply`.
    Reply {
        /// The message replied to (`om_…`).
        message_id: String,
        /// `text`, `post`, `interactive`, …
        msg_type: String,
        /// The message content: JSON *text*.
        content: String,
        /// De-duplication key, ≤ 50 characters.
        uuid: String,
        /// Reply inside a thread (topic) instead of quoting in the chat.
        reply_in_thread: bool,
    },
    /// `PATCH /open-apis/im/v1/messages/:message_id`: replace a shared card sent by the bot.
    PatchCard {
        /// The card message to update.
        message_id: String,
        /// The new card: JSON *text*.
        content: String,
    },
    /// `PATCH /open-apis/im/v1/messages/:message_id/urgent_app?user_id_type=open_id`.
    UrgentApp {
        /// The bot's own message to make urgent.
        message_id: String,
        /// open_ids to notify (non-empty).
        user_ids: Vec<String>,
    },
    /// `PATCH /open-apis/im/v1/messages/:message_id/urgent_sms?user_id_type=open_id`: 加急 by
    /// SMS as well (consumes the tenant's paid quota; scope `im:message.urgent:sms`).
    UrgentSms {
        /// The bot's own message to make urgent.
        message_id: String,
        /// open_ids to notify (non-empty).
        user_ids: Vec<String>,
    },
    /// `PATCH /open-apis/im/v1/messages/:message_id/urgent_phone?user_id_type=open_id`: 加急 by
    /// phone call (consumes the tenant's paid quota; scope `im:message.urgent:phone`, named by
    /// analogy with the SMS one: unconfirmed).
    UrgentPhone {
        /// The bot's own message to make urgent.
        message_id: String,
        /// open_ids to notify (non-empty).
        user_ids: Vec<String>,
    },
    /// `POST /open-apis/okr/v1/progress_records`: a progress record on an OKR objective or
    /// key result (issue 18; see `feishu::okr`). Not de-duplicated by Feishu.
    OkrProgress {
        /// The objective's or key result's id.
        target_id: String,
        /// 2 objective, 3 key result.
        target_type: i64,
        /// `source_title` (进展来源).
        source_title: String,
        /// `source_url` (进展来源链接).
        source_url: String,
        /// `content` (`{"blocks":[…]}`) as JSON text; sent as an object.
        content: String,
    },
}

/// The channels of an urgent (加急): in the app (free), by SMS or by phone (paid quota).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrgentChannel {
    /// `urgent_app`.
    App,
    /// `urgent_sms`.
    Sms,
    /// `urgent_phone`.
    Phone,
}

/// How a send's `receive_id` is interpreted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceiveIdType {
    /// A group chat id (`oc_…`).
    ChatId,
    /// A user's open_id (`ou_…`): a direct message.
    OpenId,
}

impl ReceiveIdType {
    /// The `receive_id_type` query value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ChatId => "chat_id",
            Self::OpenId => "open_id",
        }
    }
}

/// What a successful write returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// The created message (`om_…`) for sends and replies; `None` for patches and urgents.
    pub message_id: Option<String>,
}

/// A message read back with `GET /open-apis/im/v1/messages/:id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchedMessage {
    /// The message id (`om_…`).
    pub message_id: String,
    /// `text`, `post`, `interactive`, …
    pub msg_type: String,
    /// `body.content`: the content as JSON text.
    pub content: String,
    /// The sender's id (an open_id for users, an app_id for bots).
    pub sender_id: String,
    /// `user` or `app`.
    pub sender_type: String,
    /// The chat the message is in (`oc_…`).
    pub chat_id: String,
    /// The message this one replies to, if any.
    pub parent_id: Option<String>,
}

/// The bot's own identity (`GET /open-apis/bot/v3/info`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct BotInfo {
    /// The bot's open_id, to recognise mentions of the bot.
    pub open_id: String,
    /// The app's display name.
    #[serde(default)]
    pub app_name: String,
    /// 0 initialised, 1 disabled, 2 enabled, 3 not online (Feishu's meaning).
    #[serde(default)]
    pub activate_status: i64,
}

impl Outgoing {
    /// Sends a card to a group chat.
    pub fn send_card_to_chat(chat_id: &str, card: &serde_json::Value, uuid: &str) -> Self {
        Self::send_to_chat(chat_id, "interactive", card.to_string(), uuid)
    }

    /// Sends a plain text message to a group chat.
    pub fn send_text_to_chat(chat_id: &str, text: &str, uuid: &str) -> Self {
        Self::send_to_chat(
            chat_id,
            "text",
            serde_json::json!({ "text": text }).to_string(),
            uuid,
        )
    }

    /// Sends a plain text message to one user as a direct message.
    pub fn send_text_to_user(open_id: &str, text: &str, uuid: &str) -> Self {
        Self {
            kind: OutgoingKind::Send {
                receive_id_type: ReceiveIdType::OpenId,
                receive_id: open_id.to_owned(),
                msg_type: "text".to_owned(),
                content: serde_json::json!({ "text": text }).to_string(),
                uuid: feishu_uuid(uuid),
            },
            chat_hint: None,
        }
    }

    /// Sends an uploaded file (`file_key`) to one user as a direct message.
    pub fn send_file_to_user(open_id: &str, file_key: &str, uuid: &str) -> Self {
        Self {
            kind: OutgoingKind::Send {
                receive_id_type: ReceiveIdType::OpenId,
                receive_id: open_id.to_owned(),
                msg_type: "file".to_owned(),
                content: serde_json::json!({ "file_key": file_key }).to_string(),
                uuid: feishu_uuid(uuid),
            },
            chat_hint: None,
        }
    }

    /// Sends a card to one user as a direct message.
    pub fn send_card_to_user(open_id: &str, card: &serde_json::Value, uuid: &str) -> Self {
        Self {
            kind: OutgoingKind::Send {
                receive_id_type: ReceiveIdType::OpenId,
                receive_id: open_id.to_owned(),
                msg_type: "interactive".to_owned(),
                content: card.to_string(),
                uuid: feishu_uuid(uuid),
            },
            chat_hint: None,
        }
    }

    /// Replies to a message with a card (quoted in the chat, not in a thread).
    pub fn reply_card(
        message_id: &str,
        chat_hint: Option<&str>,
        card: &serde_json::Value,
        uuid: &str,
    ) -> Self {
        Self::reply(message_id, chat_hint, "interactive", card.to_string(), uuid)
    }

    /// Replies to a message with plain text.
    pub fn reply_text(message_id: &str, chat_hint: Option<&str>, text: &str, uuid: &str) -> Self {
        let content = serde_json::json!({ "text": text }).to_string();
        Self::reply(message_id, chat_hint, "text", content, uuid)
    }

    /// Replaces the card of a shared card message the bot sent.
    pub fn patch_card(message_id: &str, chat_hint: Option<&str>, card: &serde_json::Value) -> Self {
        Self {
            kind: OutgoingKind::PatchCard {
                message_id: message_id.to_owned(),
                content: card.to_string(),
            },
            chat_hint: chat_hint.map(str::to_owned),
        }
    }

    /// Makes a message the bot sent urgent (加急) in the app for the given open_ids.
    pub fn urgent_app(message_id: &str, chat_hint: Option<&str>, user_ids: &[String]) -> Self {
        Self::urgent(UrgentChannel::App, message_id, chat_hint, user_ids)
    }

    /// Makes a message the bot sent urgent (加急) on `channel` for the given open_ids.
    pub fn urgent(
        channel: UrgentChannel,
        message_id: &str,
        chat_hint: Option<&str>,
        user_ids: &[String],
    ) -> Self {
        let (message_id, user_ids) = (message_id.to_owned(), user_ids.to_vec());
        Self {
            kind: match channel {
                UrgentChannel::App => OutgoingKind::UrgentApp { message_id, user_ids },
                UrgentChannel::Sms => OutgoingKind::UrgentSms { message_id, user_ids },
                UrgentChannel::Phone => OutgoingKind::UrgentPhone { message_id, user_ids },
            },
            chat_hint: chat_hint.map(str::to_owned),
        }
    }

    /// A short name of the operation, for logs and metrics.
    pub fn op_name(&self) -> &'static str {
        match self.kind {
            OutgoingKind::Send { .. } => "send",
            OutgoingKind::Reply { .. } => "reply",
            OutgoingKind::PatchCard { .. } => "patch_card",
            OutgoingKind::UrgentApp { .. } => "urgent_app",
            OutgoingKind::UrgentSms { .. } => "urgent_sms",
            OutgoingKind::UrgentPhone { .. } => "urgent_phone",
            OutgoingKind::OkrProgress { .. } => "okr_progress",
        }
    }

    fn send_to_chat(chat_id: &str, msg_type: &str, content: String, uuid: &str) -> Self {
        Self {
            kind: OutgoingKind::Send {
                receive_id_type: ReceiveIdType::ChatId,
                receive_id: chat_id.to_owned(),
                msg_type: msg_type.to_owned(),
                content,
                uuid: feishu_uuid(uuid),
            },
            chat_hint: Some(chat_id.to_owned()),
        }
    }

    fn reply(message_id: &str, chat_hint: Option<&str>, msg_type: &str, content: String, uuid: &str) -> Self {
        Self {
            kind: OutgoingKind::Reply {
                message_id: message_id.to_owned(),
                msg_type: msg_type.to_owned(),
                content,
                uuid: feishu_uuid(uuid),
                reply_in_thread: false,
            },
            chat_hint: chat_hint.map(str::to_owned),
        }
    }
}

/// Makes `key` acceptable as a Feishu `uuid`: kept as is when ≤ 50 bytes, otherwise
/// replaced by a stable hash (`h` + 49 hex digits of SHA-256), so the same key always maps to
/// the same uuid and de-duplication still works.
pub fn feishu_uuid(key: &str) -> String {
    // Bytes, not characters: the stricter reading of "≤ 50" is safe under both.
    if key.len() <= MAX_UUID_LEN {
        return key.to_owned();
    }
    let digest = hex::encode(Sha256::digest(key.as_bytes()));
    let mut out = String::with_capacity(MAX_UUID_LEN);
    out.push('h');
    out.extend(digest.chars().take(MAX_UUID_LEN - 1));
    out
}

/// The body of a progress record create (`content` is an object, not JSON text).
pub(super) fn okr_progress_body(
    target_id: &str,
    target_type: i64,
    source_title: &str,
    source_url: &str,
    content: &str,
) -> serde_json::Value {
    let content: serde_json::Value =
        serde_json::from_str(content).unwrap_or_else(|_| serde_json::json!({ "blocks": [] }));
    serde_json::json!({
        "source_title": source_title,
        "source_url": source_url,
        "target_id": target_id,
        "target_type": target_type,
        "content": content,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap (no clippy.toml yet)
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;

    #[test]
    fn a_card_is_sent_as_json_text_not_as_an_object() {
        let card = json!({"config": {"update_multi": true}, "elements": []});
        let op = Outgoing::send_card_to_chat("oc_1", &card, "u-1");
        let OutgoingKind::Send {
            content,
            msg_type,
            receive_id_type,
            ..
        } = &op.kind
        else {
            panic!("not a send: {op:?}");
        };
        assert_eq!(msg_type, "interactive");
        assert_eq!(*receive_id_type, ReceiveIdType::ChatId);
        let back: serde_json::Value = serde_json::from_str(content).unwrap();
        assert_eq!(back, card);
        assert_eq!(op.chat_hint.as_deref(), Some("oc_1"));
    }

    #[test]
    fn text_is_wrapped_in_a_text_field() {
        let op = Outgoing::send_text_to_chat("oc_1", "你好 \"引号\"", "u");
        let OutgoingKind::Send { content, .. } = &op.kind else {
            panic!()
        };
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(content).unwrap(),
            json!({"text": "你好 \"引号\""})
        );
    }

    #[test]
    fn outgoing_survives_a_round_trip_through_json() {
        let ops = [
            Outgoing::reply_card("om_1", Some("oc_1"), &json!({"a": 1}), "k"),
            Outgoing::patch_card("om_1", None, &json!({"schema": "2.0"})),
            Outgoing::urgent_app("om_1", Some("oc_1"), &["ou_1".to_owned()]),
            Outgoing::send_card_to_user("ou_1", &json!({}), "k2"),
        ];
        for op in ops {
            let text = serde_json::to_string(&op).unwrap();
            assert_eq!(serde_json::from_str::<Outgoing>(&text).unwrap(), op);
        }
    }

    #[test]
    fn the_stored_outbox_format_is_stable() {
        let card = json!({"schema": "2.0", "body": {"elements": []}});
        let ops = vec![
            Outgoing::send_card_to_chat("oc_1", &card, "send:DB-1"),
            Outgoing::reply_text("om_1", Some("oc_1"), "好的", "reply:om_1"),
            Outgoing::patch_card("om_2", Some("oc_1"), &card),
            Outgoing::urgent_app("om_2", None, &["ou_1".to_owned()]),
        ];
        insta::assert_json_snapshot!(ops);
    }

    #[test]
    fn a_short_uuid_is_kept_and_a_long_one_is_hashed_stably() {
        assert_eq!(feishu_uuid("reply:om_1"), "reply:om_1");
        let long = "x".repeat(80);
        let a = feishu_uuid(&long);
        assert_eq!(a.len(), MAX_UUID_LEN);
        assert_eq!(a, feishu_uuid(&long));
        assert_ne!(a, feishu_uuid(&"y".repeat(80)));
    }

    proptest! {
        #[test]
        fn every_uuid_fits_feishus_limit(key in ".{0,120}") {
            prop_assert!(feishu_uuid(&key).len() <= MAX_UUID_LEN);
        }
    }
}
