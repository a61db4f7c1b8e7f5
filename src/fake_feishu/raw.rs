//! The raw OpenAPI requests of message writes (send, reply, PATCH, urgent_app), kept as the bot
//! made them so the sandbox can show a developer exactly what left duban, and the sandbox's
//! restore hooks (re-seeding the fake after a restart, cards replaced by a callback answer).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::state::{FakeMessage, FakeState};

/// One message-write request as the fake received it, with its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawRequest {
    /// Position in the log (1, 2, …).
    pub seq: u64,
    /// `POST` or `PATCH`.
    pub method: String,
    /// Path and query, e.g. `/open-apis/im/v1/messages?receive_id_type=chat_id`.
    pub path: String,
    /// The message created (send, reply) or touched (PATCH, urgent_app), when known.
    pub message_id: Option<String>,
    /// The message replied to, for replies.
    pub parent_id: Option<String>,
    /// The request body as sent (its `content` still a JSON string), or the raw text.
    pub body: Value,
    /// The HTTP status answered.
    pub status: u16,
    /// The JSON answered (`null` for non-JSON answers).
    pub response: Value,
}

impl FakeState {
    /// Every message-write request, in order.
    pub fn raw_requests(&self) -> Vec<RawRequest> {
        self.lock().raw.clone()
    }

    /// Re-seeds the fake with messages and raw requests from an earlier run (the sandbox's
    /// conversation file): message ids keep counting after the highest one restored, and the
    /// `uuid`s of restored messages still de-duplicate, so a send retried after a restart is
    /// not doubled.
    pub fn restore(&self, messages: Vec<FakeMessage>, raw: Vec<RawRequest>) {
        let mut w = self.lock();
        for m in messages {
            if w.message(&m.message_id).is_some() {
                continue;
            }
            if let Some(n) = m
                .message_id
                .strip_prefix("om_")
                .and_then(|h| u64::from_str_radix(h, 16).ok())
            {
                w.seq = w.seq.max(n);
            }
            if let Some(uuid) = &m.uuid {
                w.uuids
                    .insert(uuid.clone(), (m.message_id.clone(), std::time::Instant::now()));
            }
            w.messages.push(m);
        }
        w.raw_seq = w.raw_seq.max(raw.iter().map(|r| r.seq).max().unwrap_or(0));
        w.raw.extend(raw);
    }

    /// Records the card a callback answer put in place of `message_id`'s card (what Feishu's
    /// client shows after a click answered with `{"card": …}`), as the message's latest content.
    /// Returns `false` when there is no such card message.
    pub fn replace_card_from_callback(&self, message_id: &str, card: Value) -> bool {
        let mut w = self.lock();
        match w.message_mut(message_id) {
            Some(m) if m.msg_type == "interactive" => {
                m.patches.push(card);
                true
            }
            _ => false,
        }
    }
}
