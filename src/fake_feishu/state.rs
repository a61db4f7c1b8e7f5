//! The fake's memory: issued tokens, messages, de-duplication keys, rate windows, injected
//! faults and the request log, behind one lock. [`FakeState`] is the handle tests and the
//! future sandbox use to inspect it and inject faults. In-memory only; reads the real clock.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A message as the fake stores it (sent by the bot, or seeded as a user's message).
#[derive(Debug, Clone, PartialEq)]
pub struct FakeMessage {
    /// `om_…`.
    pub message_id: String,
    /// The chat it is in (`oc_…`; direct messages get `oc_p2p_<open_id>`).
    pub chat_id: String,
    /// The `receive_id` of the send (the parent's chat for replies).
    pub receive_id: String,
    /// The `receive_id_type` of the send (`chat_id` for replies and seeded messages).
    pub receive_id_type: String,
    /// `text`, `post`, `interactive`, …
    pub msg_type: String,
    /// The content as first sent, parsed from its JSON text.
    pub content: Value,
    /// The `uuid` the send carried.
    pub uuid: Option<String>,
    /// The message replied to, for replies.
    pub parent_id: Option<String>,
    /// Card contents PATCHed later, in order.
    pub patches: Vec<Value>,
    /// Each urgent_app call's valid open_ids, in order.
    pub urgent: Vec<Vec<String>>,
    /// Each urgent_sms / urgent_phone call (paid quota): the operation and its valid open_ids.
    pub paid_urgent: Vec<(String, Vec<String>)>,
    /// The sender for seeded user messages; `None` when the bot sent it.
    pub sender_open_id: Option<String>,
}

impl FakeMessage {
    /// The latest content: the last patch, or the original content.
    pub fn card(&self) -> &Value {
        self.patches.last().unwrap_or(&self.content)
    }

    /// Whether the bot (rather than a user) sent this message.
    pub fn sent_by_bot(&self) -> bool {
        self.sender_open_id.is_none()
    }
}

/// One request the fake answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedRequest {
    /// `GET`, `POST`, `PATCH`, …
    pub method: String,
    /// The path, without the query.
    pub path: String,
    /// The HTTP status answered.
    pub status: u16,
    /// The business `code` answered (`None` for non-JSON answers, e.g. an outage).
    pub code: Option<i64>,
    /// When it was answered.
    pub at: Instant,
    /// The chat a message write landed in (or was refused for), when known.
    pub chat_id: Option<String>,
}

/// An injected run of failures.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fault {
    pub(crate) remaining: usize,
    pub(crate) code: i64,
    pub(crate) http_status: u16,
}

/// Everything the fake remembers.
#[derive(Debug)]
pub(crate) struct World {
    pub(crate) app_id: String,
    pub(crate) app_secret: String,
    pub(crate) bot_open_id: String,
    pub(crate) tenant_key: String,
    /// token → expiry.
    pub(crate) tokens: HashMap<String, Instant>,
    pub(crate) current_token: Option<String>,
    pub(crate) token_requests: usize,
    pub(crate) seq: u64,
    pub(crate) outage: bool,
    pub(crate) fail_next: Option<Fault>,
    /// (remaining, reset seconds).
    pub(crate) rate_limit_next: Option<(usize, u64)>,
    pub(crate) messages: Vec<FakeMessage>,
    /// uuid → (message_id, first use).
    pub(crate) uuids: HashMap<String, (String, Instant)>,
    pub(crate) removed_chats: HashSet<String>,
    /// chat → accepted message writes in the last second.
    pub(crate) chat_windows: HashMap<String, VecDeque<Instant>>,
    /// message → accepted patches in the last second.
    pub(crate) patch_windows: HashMap<String, VecDeque<Instant>>,
    /// API (send, reply, patch) → the app's calls in the last second and the last minute
    /// (§10: 50/s and 1000/min per app, per API).
    pub(crate) app_windows: HashMap<&'static str, (VecDeque<Instant>, VecDeque<Instant>)>,
    pub(crate) log: Vec<LoggedRequest>,
    /// Bitable bases, tables and records (`bitable.rs`).
    pub(crate) bitable: super::bitable::Bitables,
    /// Documents, wiki nodes and recordings (`docs.rs`).
    pub(crate) docs: super::docs::Docs,
    /// chat → human members (`members.rs`).
    pub(crate) chat_members: HashMap<String, Vec<crate::domain::ids::Person>>,
    /// Scopes a test took away (answered 99991672).
    pub(crate) denied_scopes: HashSet<String>,
    /// Raw message-write requests (the sandbox shows them).
    pub(crate) raw: Vec<super::raw::RawRequest>,
    pub(crate) raw_seq: u64,
    /// The long connection (`longconn.rs`).
    pub(crate) ws: super::longconn::WsWorld,
    /// Files uploaded (`files.rs`).
    pub(crate) files: Vec<super::files::FakeFile>,
    /// Feishu OKR (`okr.rs`).
    pub(crate) okr: super::okr::Okrs,
    /// Performance review cycles and supplementary information (`performance.rs`).
    pub(crate) performance: super::performance::PerfWorld,
}

impl World {
    pub(crate) fn message(&self, id: &str) -> Option<&FakeMessage> {
        self.messages.iter().find(|m| m.message_id == id)
    }

    pub(crate) fn message_mut(&mut self, id: &str) -> Option<&mut FakeMessage> {
        self.messages.iter_mut().find(|m| m.message_id == id)
    }

    /// A fresh `om_…` id.
    pub(crate) fn next_message_id(&mut self) -> String {
        self.seq += 1;
        format!("om_{:032x}", self.seq)
    }
}

/// Shared handle on the fake's memory; cheap to clone.
#[derive(Debug, Clone)]
pub struct FakeState {
    world: Arc<Mutex<World>>,
}

impl FakeState {
    /// A fresh fake tenant for one app.
    pub fn new(app_id: &str, app_secret: &str) -> Self {
        Self {
            world: Arc::new(Mutex::new(World {
                app_id: app_id.to_owned(),
                app_secret: app_secret.to_owned(),
                bot_open_id: "ou_fake_bot_0000000000000000000000".to_owned(),
                tenant_key: "fake_tenant".to_owned(),
                tokens: HashMap::new(),
                current_token: None,
                token_requests: 0,
                seq: 0,
                outage: false,
                fail_next: None,
                rate_limit_next: None,
                messages: Vec::new(),
                uuids: HashMap::new(),
                removed_chats: HashSet::new(),
                chat_windows: HashMap::new(),
                patch_windows: HashMap::new(),
                app_windows: HashMap::new(),
                log: Vec::new(),
                bitable: Default::default(),
                docs: Default::default(),
                chat_members: HashMap::new(),
                denied_scopes: HashSet::new(),
                raw: Vec::new(),
                raw_seq: 0,
                ws: Default::default(),
                files: Vec::new(),
                okr: Default::default(),
                performance: Default::default(),
            })),
        }
    }

    /// Locks the world; a panic elsewhere never makes the fake unusable.
    pub(crate) fn lock(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Every message the bot sent (sends and replies), in order.
    pub fn messages(&self) -> Vec<FakeMessage> {
        self.lock()
            .messages
            .iter()
            .filter(|m| m.sent_by_bot())
            .cloned()
            .collect()
    }

    /// Every message, users' seeded ones included, in order.
    pub fn all_messages(&self) -> Vec<FakeMessage> {
        self.lock().messages.clone()
    }

    /// One message by id.
    pub fn message(&self, id: &str) -> Option<FakeMessage> {
        self.lock().message(id).cloned()
    }

    /// Polls until the bot has sent at least `n` messages or `timeout` passes; returns what
    /// there is.
    pub async fn wait_for_messages(&self, n: usize, timeout: Duration) -> Vec<FakeMessage> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let messages = self.messages();
            if messages.len() >= n || tokio::time::Instant::now() >= deadline {
                return messages;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Every request answered, in order.
    pub fn request_log(&self) -> Vec<LoggedRequest> {
        self.lock().log.clone()
    }

    /// How many times the token endpoint was called.
    pub fn token_requests(&self) -> usize {
        self.lock().token_requests
    }

    /// The bot's open_id, as `bot/v3/info` reports it.
    pub fn bot_open_id(&self) -> String {
        self.lock().bot_open_id.clone()
    }

    /// Gives the bot another open_id (tests whose events name the bot `ou_bot`).
    pub fn set_bot_open_id(&self, open_id: &str) {
        open_id.clone_into(&mut self.lock().bot_open_id);
    }

    /// While on, every call (token endpoint included) is answered HTTP 503 with a gateway page.
    pub fn set_outage(&self, on: bool) {
        self.lock().outage = on;
    }

    /// The next `n` message writes (send, reply, patch, urgent) answer `code` with `http_status`.
    pub fn fail_next(&self, n: usize, code: i64, http_status: u16) {
        self.lock().fail_next = Some(Fault {
            remaining: n,
            code,
            http_status,
        });
    }

    /// The next `n` message writes answer 429 / 99991400 with the rate-limit headers.
    pub fn rate_limit_next(&self, n: usize, reset_secs: u64) {
        self.lock().rate_limit_next = Some((n, reset_secs));
    }

    /// Invalidates every issued token: calls answer 99991663 until a new one is fetched.
    pub fn expire_tokens(&self) {
        let mut w = self.lock();
        w.tokens.clear();
        w.current_token = None;
    }

    /// Removes the bot from a chat: writes to it answer 230002.
    pub fn remove_bot_from_chat(&self, chat_id: &str) {
        self.lock().removed_chats.insert(chat_id.to_owned());
    }

    /// Adds the bot (back) to a chat: writes to it are accepted again.
    pub fn add_bot_to_chat(&self, chat_id: &str) {
        self.lock().removed_chats.remove(chat_id);
    }

    /// Seeds a message from a user (to reply to, or to read back); returns its `om_…` id.
    /// `content_json` is the JSON text of the content (`{"text":"…"}`).
    pub fn add_message(
        &self,
        chat_id: &str,
        sender_open_id: &str,
        msg_type: &str,
        content_json: &str,
    ) -> String {
        let id = self.lock().next_message_id();
        self.add_user_message(&id, chat_id, sender_open_id, msg_type, content_json);
        id
    }

    /// Records a message a user sent, under the id Feishu gave it (what the events carry), so
    /// replies to it and reads of it behave as in Feishu.
    pub fn add_user_message(
        &self,
        message_id: &str,
        chat_id: &str,
        sender_open_id: &str,
        msg_type: &str,
        content_json: &str,
    ) {
        let mut w = self.lock();
        if w.message(message_id).is_some() {
            return;
        }
        let message_id = message_id.to_owned();
        let content =
            serde_json::from_str(content_json).unwrap_or_else(|_| Value::String(content_json.to_owned()));
        w.messages.push(FakeMessage {
            message_id,
            chat_id: chat_id.to_owned(),
            receive_id: chat_id.to_owned(),
            receive_id_type: "chat_id".to_owned(),
            msg_type: msg_type.to_owned(),
            content,
            uuid: None,
            parent_id: None,
            patches: Vec::new(),
            urgent: Vec::new(),
            paid_urgent: Vec::new(),
            sender_open_id: Some(sender_open_id.to_owned()),
        });
    }
}
