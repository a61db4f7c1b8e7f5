//! A received message read straight from the stored push, with a typed parse: the inbox worker
//! reads every chat message again, and building the whole JSON tree of the push
//! ([`super::event::classify`]) only to take a dozen strings out of it was the largest part of
//! its work. The result is the same [`MessageEvent`] that [`MessageEvent::from_event`] gives;
//! anything this parse does not accept (another shape, a field of another type) returns `None`
//! and the caller reads the push the general way.
//!
//! The acknowledgement path reads a received message this way once and stores what it read
//! ([`StoredMessage`], a compact binary record) instead of the JSON, so the worker does not
//! parse the push a second time.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::event::{Head, MentionRef, MessageEvent, Push, post_text};

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow, default)]
    sender: Option<Sender<'a>>,
    #[serde(borrow, default)]
    message: Option<Msg<'a>>,
}

#[derive(Deserialize)]
struct Sender<'a> {
    #[serde(borrow, default)]
    sender_id: Option<Ids<'a>>,
}

#[derive(Deserialize)]
struct Ids<'a> {
    #[serde(borrow, default)]
    open_id: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Msg<'a> {
    #[serde(borrow, default)]
    message_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    chat_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    chat_type: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    message_type: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    content: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    mentions: Option<Vec<Mention<'a>>>,
    #[serde(borrow, default)]
    parent_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    root_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    create_time: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Mention<'a> {
    #[serde(borrow, default)]
    key: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    id: Option<Ids<'a>>,
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
}

/// The text of a `text` message's content, without a JSON tree.
#[derive(Deserialize)]
struct TextContent<'a> {
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
}

/// The head and the message of a schema-2.0 `im.message.receive_v1` push; `None` for any
/// other push or any shape this typed read does not take (the caller then classifies it in
/// full, which judges it exactly as before).
pub fn read_message_push(plaintext: &[u8]) -> Option<(Head, MessageEvent)> {
    let p: Push<'_, Body<'_>> = serde_json::from_slice(plaintext).ok()?;
    let (header, event) = p.v2()?;
    if header.event_type.as_deref() != Some(RECEIVE) {
        return None;
    }
    let body = event?;
    let msg = body.message?;
    let message_id = msg.message_id?.into_owned();
    let message_type = msg.message_type.map(Cow::into_owned).unwrap_or_default();
    let text = match (message_type.as_str(), msg.content.as_deref()) {
        ("text", Some(c)) => serde_json::from_str::<TextContent<'_>>(c)
            .ok()
            .and_then(|t| t.text)
            .map(Cow::into_owned)
            .unwrap_or_default(),
        ("post", Some(c)) => post_text(&serde_json::from_str::<Value>(c).unwrap_or(Value::Null)),
        _ => String::new(),
    };
    let owned = |c: Option<Cow<'_, str>>| c.map(Cow::into_owned).unwrap_or_default();
    let mentions = msg
        .mentions
        .unwrap_or_default()
        .into_iter()
        .map(|m| MentionRef {
            key: owned(m.key),
            open_id: owned(m.id.and_then(|i| i.open_id)),
            name: owned(m.name),
        })
        .collect();
    let message = MessageEvent {
        message_id: message_id.clone(),
        chat_id: owned(msg.chat_id),
        chat_type: owned(msg.chat_type),
        message_type,
        text,
        mentions,
        sender_open_id: owned(body.sender.and_then(|s| s.sender_id).and_then(|i| i.open_id)),
        parent_id: msg.parent_id.map(Cow::into_owned).filter(|p| !p.is_empty()),
        root_id: msg.root_id.map(Cow::into_owned).filter(|p| !p.is_empty()),
        create_time_ms: msg.create_time.and_then(|t| t.parse().ok()),
    };
    let head = header.into_head(Some(message_id))?;
    Some((head, message))
}

/// A received message as the inbox stores it: the head's fields and the message, encoded with
/// postcard (field order is the format; the inbox entry's format byte versions it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredMessage {
    /// `header.event_id`.
    pub event_id: String,
    /// `header.token`.
    pub token: Option<String>,
    /// `header.tenant_key`.
    pub tenant_key: Option<String>,
    /// The message.
    pub message: MessageEvent,
}

/// The event type of every [`StoredMessage`].
const RECEIVE: &str = "im.message.receive_v1";

impl StoredMessage {
    /// The stored form of a message read by [`read_message_push`].
    pub fn new(head: &Head, message: MessageEvent) -> Self {
        Self {
            event_id: head.event_id.clone(),
            token: head.token.clone(),
            tenant_key: head.tenant_key.clone(),
            message,
        }
    }

    /// The bytes stored in the inbox (`None` only if the encoder refused, which it does not for
    /// strings, options and vectors; the caller then stores the JSON as received).
    pub fn encode(&self) -> Option<Vec<u8>> {
        // Room for the usual message at once (the encoder would otherwise grow the vector
        // several times).
        let room = 192 + self.message.text.len() + 64 * self.message.mentions.len();
        postcard::to_extend(self, Vec::with_capacity(room)).ok()
    }

    /// Reads stored bytes; `None` when they are not a stored message.
    pub fn decode(bytes: &[u8]) -> Option<Self> {
        postcard::from_bytes(bytes).ok()
    }

    /// The head and the message, as [`read_message_push`] gave them.
    pub fn into_parts(self) -> (Head, MessageEvent) {
        let head = Head {
            event_id: self.event_id,
            event_type: RECEIVE.to_owned(),
            token: self.token,
            tenant_key: self.tenant_key,
            message_id: Some(self.message.message_id.clone()),
        };
        (head, self.message)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::feishu::event::{Inbound, classify};

    /// The general read of the same push, for comparison.
    fn general(push: &Value) -> (Head, MessageEvent) {
        let Ok(Inbound::Event(env)) = classify(push.to_string().as_bytes()) else {
            panic!("an event");
        };
        let msg = MessageEvent::from_event(&env.event).unwrap();
        (Head::of(&env), msg)
    }

    fn push(message: &Value) -> Value {
        json!({"schema":"2.0","header":{"event_id":"ev_1","event_type":"im.message.receive_v1",
            "create_time":"1773194400000","token":"tok","app_id":"cli_x","tenant_key":"tk"},
            "event":{"sender":{"sender_id":{"open_id":"ou_a","union_id":"on_a"},"sender_type":"user","tenant_key":"tk"},
            "message": message}})
    }

    #[test]
    fn a_typed_read_gives_what_the_general_read_gives() {
        let post = json!({"title":"周报","content":[[{"tag":"text","text":"请 "},{"tag":"at","user_id":"@_user_1","user_name":"张三"},
            {"tag":"text","text":" 跟进"}],[{"tag":"text","text":"第二段"}]]});
        let cases = [
            json!({"message_id":"om_1","chat_id":"oc_1","chat_type":"group","message_type":"text",
                "create_time":"1773194400000","content":json!({"text":"大家好，\"引号\"与换行\n第二行"}).to_string(),"mentions":[]}),
            json!({"message_id":"om_2","root_id":"om_0","parent_id":"om_0","chat_id":"oc_1","chat_type":"group",
                "message_type":"text","content":json!({"text":"@_user_1 /督办 帮助"}).to_string(),
                "mentions":[{"key":"@_user_1","id":{"open_id":"ou_bot","union_id":"on_b"},"name":"督办","tenant_key":"tk"}]}),
            json!({"message_id":"om_3","chat_id":"oc_2","chat_type":"p2p","message_type":"post","content":post.to_string()}),
            json!({"message_id":"om_4","chat_id":"oc_2","chat_type":"group","message_type":"image",
                "content":json!({"image_key":"img_1"}).to_string(),"parent_id":""}),
        ];
        for message in cases {
            let p = push(&message);
            let (head, msg) = read_message_push(p.to_string().as_bytes()).unwrap();
            assert_eq!((head, msg), general(&p), "{message}");
        }
    }

    #[test]
    fn a_stored_message_gives_back_what_was_read() {
        let message = json!({"message_id":"om_9","root_id":"om_0","parent_id":"om_0","chat_id":"oc_1",
            "chat_type":"group","message_type":"text","create_time":"1773194400000",
            "content":json!({"text":"@_user_1 /督办 周五前交报告 \"引号\""}).to_string(),
            "mentions":[{"key":"@_user_1","id":{"open_id":"ou_bot"},"name":"督办"}]});
        let p = push(&message);
        let read = read_message_push(p.to_string().as_bytes()).unwrap();
        let stored = StoredMessage::new(&read.0, read.1.clone());
        let bytes = stored.encode().unwrap();
        assert!(bytes.len() < p.to_string().len() / 2, "{} bytes", bytes.len());
        assert_eq!(StoredMessage::decode(&bytes).unwrap().into_parts(), read);
        assert_eq!(read, general(&p));
        // Not a stored message: refused, not misread.
        assert!(StoredMessage::decode(b"{\"schema\":\"2.0\"}").is_none());
        assert!(StoredMessage::decode(&bytes[..bytes.len() - 3]).is_none());
    }

    #[test]
    fn other_pushes_are_left_to_the_general_read() {
        let other = json!({"schema":"2.0","header":{"event_id":"ev_2","event_type":"im.chat.member.bot.added_v1"},
            "event":{"chat_id":"oc_1"}});
        let v1 = json!({"uuid":"u1","token":"tok","type":"event_callback","event":{"type":"message"}});
        // A field of an unexpected type: the typed read declines, the general read judges it.
        let odd = push(&json!({"message_id":"om_5","chat_id":"oc_1","message_type":"text","content":7}));
        let no_id = push(&json!({"chat_id":"oc_1","message_type":"text","content":"{}"}));
        for p in [other, v1, odd, no_id] {
            assert!(read_message_push(p.to_string().as_bytes()).is_none(), "{p}");
        }
        assert!(read_message_push(b"not json").is_none());
    }
}
