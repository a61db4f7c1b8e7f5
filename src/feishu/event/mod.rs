//! Event envelopes (pure): classify a decrypted body as a URL challenge or an event (schema 2.0
//! or 1.0, protocol reference §1.2–1.5), and read the two event types duban acts on —
//! `im.message.receive_v1` (§6), `card.action.trigger` (§4.1) and the bot joining or leaving a
//! group (`im.chat.member.bot.added_v1` / `deleted_v1`) — plus the legacy flat card callback (§4.4).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Why a body is not a usable envelope.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    /// Not JSON, or not an object.
    #[error("body is not a JSON object")]
    Json,
    /// JSON, but neither a challenge nor an event envelope.
    #[error("body is not a Feishu event envelope")]
    Shape,
}

/// Envelope generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Schema {
    /// `"schema": "2.0"` with a `header`.
    V2,
    /// Legacy: top-level `uuid`, `token`, `event.type`.
    V1,
}

/// A classified inbound body.
#[derive(Debug, Clone, PartialEq)]
pub enum Inbound {
    /// The console's request-URL check.
    Challenge {
        /// Echo this back.
        challenge: String,
        /// The Verification Token it carries.
        token: Option<String>,
    },
    /// A pushed event or new-style callback.
    Event(Envelope),
}

/// A pushed event, with what de-duplication and dispatch need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// Generation.
    pub schema: Schema,
    /// `header.event_id` (v2) or `uuid` (v1).
    pub event_id: String,
    /// `header.event_type` (v2) or `event.type` (v1).
    pub event_type: String,
    /// The Verification Token inside the envelope.
    pub token: Option<String>,
    /// Tenant.
    pub tenant_key: Option<String>,
    /// The event body.
    pub event: Value,
}

/// Classifies a plaintext (already decrypted) body, as the official SDK does.
///
/// # Errors
/// [`EventError`] for non-JSON or unknown shapes.
pub fn classify(plaintext: &[u8]) -> Result<Inbound, EventError> {
    let v: Value = serde_json::from_slice(plaintext).map_err(|_| EventError::Json)?;
    classify_value(v)
}

/// Like [`classify`], on parsed JSON.
///
/// # Errors
/// [`EventError::Shape`] for unknown shapes.
pub fn classify_value(v: Value) -> Result<Inbound, EventError> {
    let Value::Object(mut obj) = v else {
        return Err(EventError::Json);
    };
    let s = |o: &serde_json::Map<String, Value>, k: &str| o.get(k).and_then(Value::as_str).map(str::to_owned);
    if obj
        .get("schema")
        .and_then(Value::as_str)
        .is_some_and(|x| !x.is_empty())
    {
        let header = obj
            .get("header")
            .and_then(Value::as_object)
            .ok_or(EventError::Shape)?;
        let event_id = s(header, "event_id")
            .filter(|x| !x.is_empty())
            .ok_or(EventError::Shape)?;
        let event_type = s(header, "event_type").ok_or(EventError::Shape)?;
        let token = s(header, "token");
        let tenant_key = s(header, "tenant_key");
        let event = obj.remove("event").unwrap_or(Value::Null);
        return Ok(Inbound::Event(Envelope {
            schema: Schema::V2,
            event_id,
            event_type,
            token,
            tenant_key,
            event,
        }));
    }
    if let Some(uuid) = s(&obj, "uuid").filter(|x| !x.is_empty()) {
        let token = s(&obj, "token");
        let event = obj.remove("event").unwrap_or(Value::Null);
        let event_type = event
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let tenant_key = event.get("tenant_key").and_then(Value::as_str).map(str::to_owned);
        return Ok(Inbound::Event(Envelope {
            schema: Schema::V1,
            event_id: uuid,
            event_type,
            token,
            tenant_key,
            event,
        }));
    }
    if s(&obj, "type").as_deref() == Some("url_verification") {
        let challenge = s(&obj, "challenge").ok_or(EventError::Shape)?;
        return Ok(Inbound::Challenge {
            challenge,
            token: s(&obj, "token"),
        });
    }
    Err(EventError::Shape)
}

/// What the acknowledgement path needs of an event push: identity, token and de-duplication
/// fields, without the event body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// `header.event_id` (v2) or `uuid` (v1).
    pub event_id: String,
    /// The event type.
    pub event_type: String,
    /// The Verification Token inside the envelope.
    pub token: Option<String>,
    /// Tenant.
    pub tenant_key: Option<String>,
    /// `event.message.message_id`, for received messages.
    pub message_id: Option<String>,
}

impl Head {
    /// The head of a classified envelope.
    pub fn of(env: &Envelope) -> Self {
        Self {
            event_id: env.event_id.clone(),
            event_type: env.event_type.clone(),
            token: env.token.clone(),
            tenant_key: env.tenant_key.clone(),
            message_id: env
                .event
                .get("message")
                .and_then(|m| m.get("message_id"))
                .and_then(Value::as_str)
                .map(str::to_owned),
        }
    }
}

/// Reads the head of a schema-2.0 event push with a typed, borrowing parse (no JSON tree: this
/// runs for every acknowledged push). `None` for anything else — challenges, schema 1.0,
/// malformed bodies — which [`classify`] then reads and judges.
pub fn peek_v2(plaintext: &[u8]) -> Option<Head> {
    use std::borrow::Cow;
    #[derive(Deserialize)]
    struct Body<'a> {
        #[serde(borrow, default)]
        message: Option<Msg<'a>>,
    }
    #[derive(Deserialize)]
    struct Msg<'a> {
        #[serde(borrow, default)]
        message_id: Option<Cow<'a, str>>,
    }
    let p: Push<'_, Body<'_>> = serde_json::from_slice(plaintext).ok()?;
    let (header, event) = p.v2()?;
    let message_id = event
        .and_then(|e| e.message)
        .and_then(|m| m.message_id)
        .map(Cow::into_owned);
    header.into_head(message_id)
}

/// A push read with a typed parse: its schema, its header and its `event` as `B` (only the
/// fields the reader needs; the rest is skipped).
#[derive(Deserialize)]
pub(crate) struct Push<'a, B> {
    #[serde(borrow, default)]
    schema: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default)]
    header: Option<PushHeader<'a>>,
    /// Absent: `None` (serde's reading of a missing `Option` field).
    event: Option<B>,
}

impl<'a, B> Push<'a, B> {
    /// The header and the event of a schema-2.0 push; `None` for anything else.
    pub(crate) fn v2(self) -> Option<(PushHeader<'a>, Option<B>)> {
        if self.schema.as_deref().is_none_or(str::is_empty) {
            return None;
        }
        Some((self.header?, self.event))
    }
}

/// The `header` of a schema-2.0 push, borrowed from the bytes ([`peek_v2`],
/// [`super::message_push::read_message_push`]).
#[derive(Deserialize)]
pub(crate) struct PushHeader<'a> {
    #[serde(borrow, default)]
    pub(crate) event_id: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(crate) event_type: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default)]
    token: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default)]
    tenant_key: Option<std::borrow::Cow<'a, str>>,
}

impl PushHeader<'_> {
    /// The head, when the header names a non-empty event id and an event type.
    pub(crate) fn into_head(self, message_id: Option<String>) -> Option<Head> {
        use std::borrow::Cow;
        Some(Head {
            event_id: self.event_id.filter(|x| !x.is_empty())?.into_owned(),
            event_type: self.event_type?.into_owned(),
            token: self.token.map(Cow::into_owned),
            tenant_key: self.tenant_key.map(Cow::into_owned),
            message_id,
        })
    }
}

/// One mention in a received message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRef {
    /// Placeholder in the text, `@_user_1`.
    pub key: String,
    /// The person's open_id (empty for @all).
    pub open_id: String,
    /// Display name.
    pub name: String,
}

/// An `im.message.receive_v1` event, reduced to what duban uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageEvent {
    /// `om_…`.
    pub message_id: String,
    /// `oc_…`.
    pub chat_id: String,
    /// `p2p` or `group`.
    pub chat_type: String,
    /// `text`, `post`, …
    pub message_type: String,
    /// The plain text: `content.text` for text, the concatenated text runs for post.
    pub text: String,
    /// Mentions in order.
    pub mentions: Vec<MentionRef>,
    /// Sender's open_id.
    pub sender_open_id: String,
    /// The message this one replies to.
    pub parent_id: Option<String>,
    /// Thread root.
    pub root_id: Option<String>,
    /// Creation time in Unix ms (from the message).
    pub create_time_ms: Option<i64>,
}

impl MessageEvent {
    /// Reads the `event` object of an `im.message.receive_v1` envelope.
    pub fn from_event(event: &Value) -> Option<Self> {
        let msg = event.get("message")?;
        let st = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        let message_type = st(msg, "message_type").unwrap_or_default();
        let content: Value = st(msg, "content")
            .and_then(|c| serde_json::from_str(&c).ok())
            .unwrap_or(Value::Null);
        let text = match message_type.as_str() {
            "text" => content
                .get("text")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            "post" => post_text(&content),
            _ => String::new(),
        };
        let mentions = msg
            .get("mentions")
            .and_then(Value::as_array)
            .map(|arr| {
                arr.iter()
                    .map(|m| MentionRef {
                        key: st(m, "key").unwrap_or_default(),
                        open_id: m.get("id").and_then(|i| st(i, "open_id")).unwrap_or_default(),
                        name: st(m, "name").unwrap_or_default(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(Self {
            message_id: st(msg, "message_id")?,
            chat_id: st(msg, "chat_id").unwrap_or_default(),
            chat_type: st(msg, "chat_type").unwrap_or_default(),
            message_type,
            text,
            mentions,
            sender_open_id: event
                .get("sender")
                .and_then(|s| s.get("sender_id"))
                .and_then(|i| st(i, "open_id"))
                .unwrap_or_default(),
            parent_id: st(msg, "parent_id").filter(|p| !p.is_empty()),
            root_id: st(msg, "root_id").filter(|p| !p.is_empty()),
            create_time_ms: st(msg, "create_time").and_then(|t| t.parse().ok()),
        })
    }
}

/// The text of a `post` message: text runs joined, `at` nodes as their placeholder, one line per
/// paragraph.
pub fn post_text(content: &Value) -> String {
    // Received posts are `{"title","content":[[…]]}`; some carry a locale wrapper.
    let body = if content.get("content").is_some() {
        content
    } else {
        content
            .as_object()
            .and_then(|o| o.values().find(|v| v.get("content").is_some()))
            .unwrap_or(content)
    };
    let mut lines = Vec::new();
    if let Some(t) = body
        .get("title")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
    {
        lines.push(t.to_owned());
    }
    for para in body
        .get("content")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let mut line = String::new();
        for node in para.as_array().into_iter().flatten() {
            match node.get("tag").and_then(Value::as_str) {
                Some("text" | "md" | "code_block") => {
                    line.push_str(node.get("text").and_then(Value::as_str).unwrap_or_default());
                }
                Some("a") => line.push_str(node.get("text").and_then(Value::as_str).unwrap_or_default()),
                Some("at") => line.push_str(node.get("user_id").and_then(Value::as_str).unwrap_or_default()),
                _ => {}
            }
        }
        lines.push(line);
    }
    lines.join("\n")
}

/// `im.chat.member.bot.added_v1`: the bot was added to a group (机器人进群).
pub const BOT_ADDED: &str = "im.chat.member.bot.added_v1";
/// `im.chat.member.bot.deleted_v1`: the bot was removed from a group (机器人被移出群).
pub const BOT_REMOVED: &str = "im.chat.member.bot.deleted_v1";

/// `im.chat.disbanded_v1`: the group was dissolved (解散群); for duban the same as leaving it.
pub const CHAT_DISBANDED: &str = "im.chat.disbanded_v1";

/// Whether the bot joined or left a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Membership {
    /// [`BOT_ADDED`].
    Added,
    /// [`BOT_REMOVED`].
    Removed,
}

/// An `im.chat.member.bot.added_v1` / `deleted_v1` event, reduced to what duban uses. Its body
/// carries `chat_id`, `operator_id` (`{union_id, user_id, open_id}` of whoever added or removed
/// the bot), `external`, `operator_tenant_key`, `name` and `i18n_names` (protocol reference §6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BotMembershipEvent {
    /// Joined or left.
    pub change: Membership,
    /// `oc_…`.
    pub chat_id: String,
    /// Who added or removed the bot (empty when Feishu does not say).
    pub operator_open_id: String,
    /// The group's name, when given.
    pub chat_name: Option<String>,
}

impl BotMembershipEvent {
    /// Reads the `event` object of a bot added / removed (or group dissolved) envelope of type
    /// `event_type`;
    /// `None` for other types or without a chat id.
    pub fn from_event(event_type: &str, event: &Value) -> Option<Self> {
        let change = match event_type {
            BOT_ADDED => Membership::Added,
            BOT_REMOVED | CHAT_DISBANDED => Membership::Removed,
            _ => return None,
        };
        let chat_id = event
            .get("chat_id")
            .and_then(Value::as_str)
            .filter(|c| !c.is_empty())?
            .to_owned();
        Some(Self {
            change,
            chat_id,
            operator_open_id: event
                .get("operator_id")
                .and_then(|o| o.get("open_id"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            chat_name: event
                .get("name")
                .and_then(Value::as_str)
                .filter(|n| !n.is_empty())
                .map(str::to_owned),
        })
    }
}

/// A card interaction (new `card.action.trigger` or the legacy flat callback).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardActionEvent {
    /// Who clicked.
    pub operator_open_id: String,
    /// The card's message, `om_…`.
    pub open_message_id: String,
    /// The chat, when given.
    pub open_chat_id: Option<String>,
    /// The component's callback value.
    pub value: Value,
    /// Submitted form values, if a form was submitted.
    pub form_value: Option<serde_json::Map<String, Value>>,
    /// Component tag.
    pub tag: Option<String>,
    /// Selected option (pickers outside a form).
    pub option: Option<String>,
    /// Input value (inputs outside a form).
    pub input_value: Option<String>,
}

impl CardActionEvent {
    /// Reads the `event` object of a `card.action.trigger` envelope.
    pub fn from_event(event: &Value) -> Option<Self> {
        let action = event.get("action")?;
        let ctx = event.get("context");
        Some(Self {
            operator_open_id: event
                .get("operator")
                .and_then(|o| o.get("open_id"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            open_message_id: ctx
                .and_then(|c| c.get("open_message_id"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            open_chat_id: ctx
                .and_then(|c| c.get("open_chat_id"))
                .and_then(Value::as_str)
                .map(str::to_owned),
            value: action.get("value").cloned().unwrap_or(Value::Null),
            form_value: action.get("form_value").and_then(Value::as_object).cloned(),
            tag: action.get("tag").and_then(Value::as_str).map(str::to_owned),
            option: action.get("option").and_then(Value::as_str).map(str::to_owned),
            input_value: action
                .get("input_value")
                .and_then(Value::as_str)
                .map(str::to_owned),
        })
    }

    /// Reads a legacy (flat) card callback body.
    pub fn from_legacy(body: &Value) -> Option<Self> {
        let action = body.get("action")?;
        Some(Self {
            operator_open_id: body
                .get("open_id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            open_message_id: body
                .get("open_message_id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            open_chat_id: body
                .get("open_chat_id")
                .and_then(Value::as_str)
                .map(str::to_owned),
            value: action.get("value").cloned().unwrap_or(Value::Null),
            form_value: action.get("form_value").and_then(Value::as_object).cloned(),
            tag: action.get("tag").and_then(Value::as_str).map(str::to_owned),
            option: action.get("option").and_then(Value::as_str).map(str::to_owned),
            input_value: action
                .get("input_value")
                .and_then(Value::as_str)
                .map(str::to_owned),
        })
    }
}

#[cfg(test)]
mod tests;
