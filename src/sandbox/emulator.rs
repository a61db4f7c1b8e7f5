//! The emulator (an edge): what the page's actions do. A typed message is registered in the
//! fake as the user's message, turned into the `im.message.receive_v1` Feishu would push,
//! sealed and POSTed over loopback HTTP to duban's own `/feishu/events`; a click becomes a sealed
//! `card.action.trigger` whose answer (toast + card) goes back to the page. The bot's answers
//! leave through the real client into the fake, and [`Journal::sync`] picks them up.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use jiff::Timestamp;
use serde_json::{Value, json};
use tokio::sync::Notify;

use super::clock::{self, Jump};
use super::event::{self, ClickMeta, Mention, MessageMeta};
use super::journal::{EventRecord, Journal};
use super::seed::{self, ENCRYPT_KEY};
use crate::calendar::Calendar;
use crate::clock::{Clock, VirtualClock};
use crate::command::when::format_rfc3339;
use crate::config::GroupMessages;
use crate::fake_feishu::FakeState;
use crate::feishu::crypto::EventCipher;

/// Why the page's request was refused (shown to the user as is).
#[derive(Debug, thiserror::Error)]
pub enum EmulatorError {
    /// Not a seeded person.
    #[error("沙箱里没有这个人：{0}")]
    UnknownPerson(String),
    /// Not a seeded chat, or the person is not in it.
    #[error("{0} 不在这个会话中")]
    NotInChat(String),
    /// Nothing to send.
    #[error("消息是空的")]
    Empty,
    /// No such message, or not a card.
    #[error("找不到这张卡片：{0}")]
    NoCard(String),
    /// duban could not be reached over loopback.
    #[error("无法把事件投递到 /feishu/events：{0}")]
    Delivery(String),
}

/// Everything the emulator needs.
pub struct Emulator {
    fake: FakeState,
    journal: Mutex<Journal>,
    data_dir: PathBuf,
    cipher: EventCipher,
    http: reqwest::Client,
    events_url: String,
    clock: Arc<VirtualClock>,
    scheduler_notify: Arc<Notify>,
    calendar: Calendar,
    /// Which group messages Feishu delivers (the page can switch it).
    group_messages: Mutex<GroupMessages>,
    /// In long-connection mode: duban's connection state; pushes then travel over the fake's
    /// WebSocket instead of `/feishu/events`.
    long_connection: Option<Arc<crate::longconn::Status>>,
}

/// How long a push over the long connection waits for duban's acknowledging frame.
const ACK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// What a push returned.
#[derive(Debug, Clone)]
pub struct Pushed {
    /// The event id.
    pub event_id: String,
    /// duban's HTTP status.
    pub status: u16,
    /// duban's answer.
    pub answer: Value,
}

impl Emulator {
    /// An emulator over `fake`, pushing to `events_url`, remembering into `data_dir`.
    pub fn new(
        fake: FakeState,
        journal: Journal,
        data_dir: PathBuf,
        events_url: String,
        clock: Arc<VirtualClock>,
        scheduler_notify: Arc<Notify>,
        calendar: Calendar,
    ) -> Self {
        Self {
            fake,
            journal: Mutex::new(journal),
            data_dir,
            cipher: EventCipher::new(ENCRYPT_KEY),
            http: reqwest::Client::new(),
            events_url,
            clock,
            scheduler_notify,
            calendar,
            group_messages: Mutex::new(GroupMessages::default()),
            long_connection: None,
        }
    }

    /// The emulator with the app's group-message permission (`feishu.group_messages`).
    #[must_use]
    pub fn with_group_messages(self, scope: GroupMessages) -> Self {
        *self.group_messages.lock().unwrap_or_else(PoisonError::into_inner) = scope;
        self
    }

    /// Which group messages Feishu delivers to the emulated app.
    pub fn group_messages(&self) -> GroupMessages {
        *self.group_messages.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Switches the emulated app's group-message permission (until the next start, which
    /// reads `feishu.group_messages` again).
    pub fn set_group_messages(&self, scope: GroupMessages) {
        *self.group_messages.lock().unwrap_or_else(PoisonError::into_inner) = scope;
        tracing::info!(
            group_messages = scope.as_str(),
            "sandbox group-message permission switched"
        );
    }

    /// Pushes over the fake's long connection (duban runs with `DUBAN_EVENTS=long-connection`).
    #[must_use]
    pub fn with_long_connection(mut self, status: Arc<crate::longconn::Status>) -> Self {
        self.long_connection = Some(status);
        self
    }

    /// duban's long connection, in long-connection mode.
    pub fn long_connection(&self) -> Option<&Arc<crate::longconn::Status>> {
        self.long_connection.as_ref()
    }

    /// The journal, locked (never held across an await).
    pub fn journal(&self) -> MutexGuard<'_, Journal> {
        self.journal.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The fake Feishu's state.
    pub fn fake(&self) -> &FakeState {
        &self.fake
    }

    /// The sandbox time.
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// Where the conversation and the clock are kept.
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// The working-day calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Takes in the fake's news; persists the conversation when something changed.
    pub fn sync(&self) -> bool {
        let now = format_rfc3339(self.now());
        let mut j = self.journal();
        let changed = j.sync(&self.fake, &now);
        if changed && let Err(e) = j.save(&self.data_dir) {
            tracing::warn!(error.message = %e, "cannot save the sandbox conversation");
        }
        changed
    }

    /// Persists the conversation and the clock (on shutdown).
    pub fn persist(&self) {
        self.sync();
        if let Err(e) = self.journal().save(&self.data_dir) {
            tracing::warn!(error.message = %e, "cannot save the sandbox conversation");
        }
        if let Err(e) = clock::save(&self.data_dir, self.now()) {
            tracing::warn!(error.message = %e, "cannot save the sandbox clock");
        }
    }

    /// `from` sends `text` in `chat_id`; `picked` are the people chosen in the @ picker. The
    /// message appears in the chat either way; it is pushed to duban only when Feishu would
    /// deliver it ([`event::is_delivered`]), otherwise the answer is `None` and the message
    /// carries the page's hint.
    ///
    /// # Errors
    /// Unknown person or chat, empty text, or duban unreachable.
    pub async fn send(
        &self,
        from: &str,
        chat_id: &str,
        text: &str,
        picked: &[Mention],
    ) -> Result<(String, Option<Pushed>), EmulatorError> {
        if seed::person(from).is_none() {
            return Err(EmulatorError::UnknownPerson(from.to_owned()));
        }
        let Some((chat_type, members)) = seed::chat(chat_id).filter(|(_, m)| m.contains(&from)) else {
            return Err(EmulatorError::NotInChat(seed::display_name(from, "")));
        };
        let text = text.trim();
        if text.is_empty() {
            return Err(EmulatorError::Empty);
        }
        let bot = self.fake.bot_open_id();
        let allowed: Vec<Mention> = picked
            .iter()
            .filter(|m| members.contains(&m.open_id.as_str()) || m.open_id == bot)
            .cloned()
            .collect();
        let (encoded, mentions) = event::encode_mentions(text, &allowed);
        let content = json!({ "text": encoded }).to_string();
        let message_id = self.fake.add_message(chat_id, from, "text", &content);
        let event_id = new_event_id();
        let now = self.now();
        let plaintext = event::message_event(
            &MessageMeta {
                event_id: &event_id,
                message_id: &message_id,
                chat_id,
                chat_type,
                sender: from,
                create_time_ms: now.as_millisecond(),
            },
            &encoded,
            &mentions,
        );
        let delivered = event::is_delivered(chat_type, self.group_messages(), &mentions, &bot);
        {
            let mut j = self.journal();
            j.sync(&self.fake, &format_rfc3339(now));
            j.set_mentions(&message_id, mentions);
            if !delivered {
                j.set_not_delivered(&message_id, event::NOT_DELIVERED_HINT);
                if let Err(e) = j.save(&self.data_dir) {
                    tracing::warn!(error.message = %e, "cannot save the sandbox conversation");
                }
            }
        }
        if !delivered {
            return Ok((message_id, None));
        }
        let pushed = self
            .push("im.message.receive_v1", &event_id, &message_id, plaintext)
            .await?;
        Ok((message_id, Some(pushed)))
    }

    /// `operator` clicks a component of the card `message_id`; `action` is the callback's
    /// `action` object (`value`, `tag`, `name`, `form_value`, `option`…).
    ///
    /// # Errors
    /// Unknown person or card, or duban unreachable.
    pub async fn click(
        &self,
        operator: &str,
        message_id: &str,
        action: &Value,
    ) -> Result<Pushed, EmulatorError> {
        if seed::person(operator).is_none() {
            return Err(EmulatorError::UnknownPerson(operator.to_owned()));
        }
        let Some(card) = self
            .fake
            .message(message_id)
            .filter(|m| m.msg_type == "interactive")
        else {
            return Err(EmulatorError::NoCard(message_id.to_owned()));
        };
        if !seed::chat(&card.chat_id).is_some_and(|(_, m)| m.contains(&operator)) {
            return Err(EmulatorError::NotInChat(seed::display_name(operator, "")));
        }
        let event_id = new_event_id();
        let plaintext = event::card_action_event(
            &ClickMeta {
                event_id: &event_id,
                operator,
                message_id,
                chat_id: &card.chat_id,
                create_time_us: self.now().as_microsecond(),
            },
            action,
        );
        let pushed = self
            .push("card.action.trigger", &event_id, message_id, plaintext)
            .await?;
        if pushed.status == 200
            && pushed.answer.pointer("/card/type").and_then(Value::as_str) == Some("raw")
            && let Some(card) = pushed.answer.pointer("/card/data")
        {
            self.fake.replace_card_from_callback(message_id, card.clone());
        }
        self.sync();
        Ok(pushed)
    }

    /// Moves the clock (a jump, or to `set`), wakes the scheduler and persists the time.
    pub fn move_clock(&self, jump: Option<Jump>, set: Option<Timestamp>) -> Timestamp {
        let now = self.now();
        let to = match (jump, set) {
            (Some(j), _) => clock::target(j, now, &self.calendar),
            (None, Some(t)) => t,
            (None, None) => now,
        };
        self.clock.set(to);
        tracing::info!(now = %format_rfc3339(to), "sandbox clock moved");
        self.scheduler_notify.notify_one();
        if let Err(e) = clock::save(&self.data_dir, to) {
            tracing::warn!(error.message = %e, "cannot save the sandbox clock");
        }
        to
    }

    /// Lets sandbox time flow with real time (called about once a second).
    pub fn tick(&self, by: jiff::SignedDuration) {
        self.clock.advance(by);
    }

    /// Pushes `plaintext` (over the long connection, or sealed to `/feishu/events`) and
    /// records push and answer.
    async fn push(
        &self,
        event_type: &str,
        event_id: &str,
        message_id: &str,
        plaintext: Value,
    ) -> Result<Pushed, EmulatorError> {
        let (sealed, status, answer) = if self.long_connection.is_some() {
            self.push_frame(&plaintext).await?
        } else {
            self.post(&plaintext).await?
        };
        {
            let mut j = self.journal();
            j.record_event(EventRecord {
                event_id: event_id.to_owned(),
                event_type: event_type.to_owned(),
                message_id: message_id.to_owned(),
                at: format_rfc3339(self.now()),
                plaintext,
                sealed,
                status,
                answer: answer.clone(),
            });
            if let Err(e) = j.save(&self.data_dir) {
                tracing::warn!(error.message = %e, "cannot save the sandbox conversation");
            }
        }
        Ok(Pushed {
            event_id: event_id.to_owned(),
            status,
            answer,
        })
    }

    /// Pushes `plaintext` as an event frame over the fake's WebSocket and waits for duban's
    /// acknowledging frame: its `code`, and a card callback's answer from its `data`.
    async fn push_frame(&self, plaintext: &Value) -> Result<(event::Sealed, u16, Value), EmulatorError> {
        let mid = self.fake.ws_push(plaintext);
        let deadline = tokio::time::Instant::now() + ACK_WAIT;
        let ack = loop {
            if let Some(a) = self
                .fake
                .ws_acks()
                .into_iter()
                .find(|a| a.frame.header("message_id") == Some(mid.as_str()))
            {
                break a;
            }
            if tokio::time::Instant::now() >= deadline {
                return Err(EmulatorError::Delivery(format!(
                    "duban 未在 {} 秒内通过长连接确认这条事件（{mid}）；连上后飞书（模拟）会重推",
                    ACK_WAIT.as_secs()
                )));
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        };
        let status = ack
            .body
            .get("code")
            .and_then(Value::as_u64)
            .and_then(|c| u16::try_from(c).ok())
            .unwrap_or(0);
        let headers: serde_json::Map<String, Value> = ack
            .frame
            .headers
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        let wire = json!({
            "long_connection": {
                "SeqID": ack.frame.seq_id,
                "LogID": ack.frame.log_id,
                "service": ack.frame.service,
                "method": ack.frame.method,
                "headers": headers,
                "ack_payload": ack.body,
            }
        });
        let sealed = event::Sealed {
            body: wire.to_string(),
            headers: Vec::new(),
        };
        Ok((sealed, status, ack.data.unwrap_or_else(|| json!({}))))
    }

    /// Seals `plaintext` and POSTs it to `/feishu/events`.
    async fn post(&self, plaintext: &Value) -> Result<(event::Sealed, u16, Value), EmulatorError> {
        let nonce = format!("{:016x}", rand::random::<u64>());
        let sealed = event::seal(
            &self.cipher,
            ENCRYPT_KEY,
            plaintext,
            Timestamp::now().as_second(),
            &nonce,
        );
        let mut req = self
            .http
            .post(&self.events_url)
            .header("content-type", "application/json; charset=utf-8")
            .body(sealed.body.clone());
        for (k, v) in &sealed.headers {
            req = req.header(k.as_str(), v.as_str());
        }
        let resp = req
            .send()
            .await
            .map_err(|e| EmulatorError::Delivery(e.to_string()))?;
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap_or_default();
        let answer = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Ok((sealed, status, answer))
    }
}

/// A fresh 32-hex-digit event id, like Feishu's.
fn new_event_id() -> String {
    format!("{:032x}", rand::random::<u128>())
}
