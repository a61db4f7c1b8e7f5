//! The fake's message creation and reading (§8.1, §8.3): send, reply and get, plus the gates
//! every message write passes — injected faults, the per-app 50/s and 1000/min windows of each
//! API, the per-chat 5 QPS window, bot membership and `uuid` de-duplication.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::http::HeaderMap;
use serde_json::{Value, json};

use super::content::{self, Refusal};
use super::reply::Reply;
use super::state::{FakeMessage, World};

/// Message writes per chat per second (shared by all bots in the chat).
pub(crate) const CHAT_QPS: u32 = 5;
/// Calls of one message API (send, reply, patch) per app per second (§10).
pub(crate) const APP_QPS: u32 = 50;
/// Calls of one message API per app per minute (§10).
pub(crate) const APP_QPM: u32 = 1000;
/// How long a `uuid` de-duplicates.
const UUID_WINDOW: Duration = Duration::from_secs(3600);
/// Longest `uuid` accepted.
const UUID_MAX: usize = 50;

/// The scope the fake asks of message reads, sends and replies (Feishu accepts narrower
/// scopes for some of them, e.g. `im:message:send_as_bot` for sends).
const SCOPE_MESSAGE: &str = "im:message";
const NOT_IN_CHAT: &str = "Bot/User can NOT be out of the chat.";
const NO_SUCH_MESSAGE: &str = "The message was withdrawn or does not exist.";

/// A parsed send or reply body.
struct Draft {
    msg_type: String,
    content: Value,
    uuid: Option<String>,
}

impl World {
    /// `POST /open-apis/im/v1/messages?receive_id_type=…`.
    pub(crate) fn create(
        &mut self,
        headers: &HeaderMap,
        query: &HashMap<String, String>,
        body: &[u8],
    ) -> Result<Reply, Reply> {
        self.authorize(headers)?;
        self.check_scope(SCOPE_MESSAGE)?;
        self.injected_fault()?;
        let id_type = query.get("receive_id_type").map(String::as_str);
        let Some(id_type @ ("open_id" | "union_id" | "user_id" | "email" | "chat_id")) = id_type else {
            return Err(Reply::error(400, 230001, "invalid receive_id_type"));
        };
        let body = json_body(body)?;
        let Some(receive_id) = body.get("receive_id").and_then(Value::as_str).map(str::to_owned) else {
            return Err(Reply::error(400, 230001, "receive_id is required"));
        };
        let chat_id = match id_type {
            "chat_id" if receive_id.starts_with("oc_") => receive_id.clone(),
            "chat_id" => {
                return Err(Reply::error(
                    400,
                    230034,
                    "The receive_id is invalid for chat_id.",
                ));
            }
            _ => format!("oc_p2p_{receive_id}"),
        };
        self.app_rate("send").map_err(|r| r.in_chat(&chat_id))?;
        let reply = self.create_in(&chat_id, &body, |m| {
            m.receive_id = receive_id.clone();
            m.receive_id_type = id_type.to_owned();
        });
        reply
            .map(|r| r.in_chat(&chat_id))
            .map_err(|r| r.in_chat(&chat_id))
    }

    /// `POST /open-apis/im/v1/messages/:id/reply`.
    pub(crate) fn reply(
        &mut self,
        headers: &HeaderMap,
        parent_id: &str,
        body: &[u8],
    ) -> Result<Reply, Reply> {
        self.authorize(headers)?;
        self.check_scope(SCOPE_MESSAGE)?;
        self.injected_fault()?;
        let body = json_body(body)?;
        let Some(chat_id) = self.message(parent_id).map(|m| m.chat_id.clone()) else {
            return Err(Reply::error(400, 230011, NO_SUCH_MESSAGE));
        };
        self.app_rate("reply").map_err(|r| r.in_chat(&chat_id))?;
        let reply = self.create_in(&chat_id, &body, |m| m.parent_id = Some(parent_id.to_owned()));
        reply
            .map(|r| r.in_chat(&chat_id))
            .map_err(|r| r.in_chat(&chat_id))
    }

    /// `GET /open-apis/im/v1/messages/:id`.
    pub(crate) fn get(&mut self, headers: &HeaderMap, id: &str) -> Result<Reply, Reply> {
        self.authorize(headers)?;
        self.check_scope(SCOPE_MESSAGE)?;
        let Some(m) = self.message(id) else {
            return Err(Reply::error(400, 230011, NO_SUCH_MESSAGE));
        };
        Ok(Reply::data(json!({ "items": [self.message_json(m)] })))
    }

    /// Shared tail of send and reply: rate window, content, membership, de-duplication.
    fn create_in(
        &mut self,
        chat_id: &str,
        body: &Value,
        fill: impl FnOnce(&mut FakeMessage),
    ) -> Result<Reply, Reply> {
        self.chat_rate(chat_id)?;
        let draft = draft(body).map_err(|r| Reply::refusal(&r))?;
        self.member(chat_id)?;
        let now = Instant::now();
        if let Some(uuid) = &draft.uuid
            && let Some((existing, at)) = self.uuids.get(uuid)
            && now.duration_since(*at) < UUID_WINDOW
            && let Some(m) = self.message(existing)
        {
            return Ok(Reply::data(self.message_json(m)));
        }
        let message_id = self.next_message_id();
        let mut m = FakeMessage {
            message_id: message_id.clone(),
            chat_id: chat_id.to_owned(),
            receive_id: chat_id.to_owned(),
            receive_id_type: "chat_id".to_owned(),
            msg_type: draft.msg_type,
            content: draft.content,
            uuid: draft.uuid.clone(),
            parent_id: None,
            patches: Vec::new(),
            urgent: Vec::new(),
            paid_urgent: Vec::new(),
            sender_open_id: None,
        };
        fill(&mut m);
        let data = self.message_json(&m);
        self.messages.push(m);
        if let Some(uuid) = draft.uuid {
            self.uuids.insert(uuid, (message_id, now));
        }
        Ok(Reply::data(data))
    }

    /// Answers an injected rate limit or failure, counting it down.
    pub(crate) fn injected_fault(&mut self) -> Result<(), Reply> {
        if let Some((n, reset)) = self.rate_limit_next.take() {
            if n > 1 {
                self.rate_limit_next = Some((n - 1, reset));
            }
            if n > 0 {
                return Err(Reply::rate_limited(CHAT_QPS, reset));
            }
        }
        if let Some(mut fault) = self.fail_next.take()
            && fault.remaining > 0
        {
            fault.remaining -= 1;
            let reply = Reply::error(fault.http_status, fault.code, "injected failure");
            if fault.remaining > 0 {
                self.fail_next = Some(fault);
            }
            return Err(reply);
        }
        Ok(())
    }

    /// Refuses the app's 51st call of `api` within a sliding second, or its 1001st within a
    /// sliding minute: 429 / 99991400 (the reset: the window's length).
    pub(crate) fn app_rate(&mut self, api: &'static str) -> Result<(), Reply> {
        let (second, minute) = self.app_windows.entry(api).or_default();
        if !admit_in(second, APP_QPS, Duration::from_secs(1)) {
            return Err(Reply::rate_limited(APP_QPS, 1));
        }
        if !admit_in(minute, APP_QPM, Duration::from_secs(60)) {
            second.pop_back();
            return Err(Reply::rate_limited(APP_QPM, 60));
        }
        Ok(())
    }

    /// Refuses a sixth write to one chat within a sliding second: 429 / 99991400, with a reset
    /// of one second (the window's length).
    fn chat_rate(&mut self, chat_id: &str) -> Result<(), Reply> {
        let window = self.chat_windows.entry(chat_id.to_owned()).or_default();
        if admit(window, CHAT_QPS) {
            Ok(())
        } else {
            Err(Reply::rate_limited(CHAT_QPS, 1))
        }
    }

    /// 230002 when the bot was removed from the chat.
    pub(crate) fn member(&self, chat_id: &str) -> Result<(), Reply> {
        if self.removed_chats.contains(chat_id) {
            return Err(Reply::error(400, 230002, NOT_IN_CHAT));
        }
        Ok(())
    }

    /// A message as Feishu's API shows it.
    pub(crate) fn message_json(&self, m: &FakeMessage) -> Value {
        let now_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default()
            .to_string();
        let sender = match &m.sender_open_id {
            None => {
                json!({"id": self.app_id, "id_type": "app_id", "sender_type": "app", "tenant_key": self.tenant_key})
            }
            Some(open_id) => {
                json!({"id": open_id, "id_type": "open_id", "sender_type": "user", "tenant_key": self.tenant_key})
            }
        };
        json!({
            "message_id": m.message_id,
            "root_id": m.parent_id,
            "parent_id": m.parent_id,
            "msg_type": m.msg_type,
            "create_time": now_ms,
            "update_time": now_ms,
            "deleted": false,
            "updated": !m.patches.is_empty(),
            "chat_id": m.chat_id,
            "sender": sender,
            "body": { "content": m.card().to_string() },
        })
    }
}

/// Admits "now" into a sliding one-second window holding at most `limit` entries; `false`
/// (and nothing recorded) when the window is full.
pub(crate) fn admit(window: &mut VecDeque<Instant>, limit: u32) -> bool {
    admit_in(window, limit, Duration::from_secs(1))
}

/// [`admit`] over a sliding window of `span`.
pub(crate) fn admit_in(window: &mut VecDeque<Instant>, limit: u32, span: Duration) -> bool {
    let now = Instant::now();
    while window.front().is_some_and(|t| now.duration_since(*t) >= span) {
        window.pop_front();
    }
    if window.len() >= usize::try_from(limit).unwrap_or(usize::MAX) {
        return false;
    }
    window.push_back(now);
    true
}

/// The request body as a JSON object.
pub(crate) fn json_body(body: &[u8]) -> Result<Value, Reply> {
    match serde_json::from_slice::<Value>(body) {
        Ok(v) if v.is_object() => Ok(v),
        _ => Err(Reply::error(
            400,
            230001,
            "invalid request body: not a JSON object",
        )),
    }
}

/// `msg_type`, checked `content` and optional `uuid` of a send or reply.
fn draft(body: &Value) -> Result<Draft, Refusal> {
    let Some(msg_type) = body.get("msg_type").and_then(Value::as_str) else {
        return Err(Refusal {
            code: 230001,
            msg: "msg_type is required",
        });
    };
    let content = content::check(msg_type, body.get("content"))?;
    let uuid = match body.get("uuid") {
        None | Some(Value::Null) => None,
        Some(Value::String(u)) if u.len() <= UUID_MAX => Some(u.clone()).filter(|u| !u.is_empty()),
        Some(_) => {
            return Err(Refusal {
                code: 230001,
                msg: "uuid must be a string of at most 50 characters",
            });
        }
    };
    Ok(Draft {
        msg_type: msg_type.to_owned(),
        content,
        uuid,
    })
}
