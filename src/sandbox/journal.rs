//! The conversation the sandbox remembers: every message in the fake (users' and the bot's,
//! with each card's latest content), the raw events the emulator pushed, and the raw OpenAPI
//! requests the bot made. Kept in one JSON file beside sled so a restart re-seeds the fake and
//! the page shows the same history. Each change bumps a revision the page polls with.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::event::{Mention, Sealed};
use crate::fake_feishu::{FakeMessage, FakeState, RawRequest};

/// The file name, inside the data dir.
pub const FILE: &str = "sandbox-conversation.json";

/// A message as the sandbox remembers it (a [`FakeMessage`] plus when and its revision).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredMessage {
    /// `om_…`.
    pub message_id: String,
    /// `oc_…`.
    pub chat_id: String,
    /// The send's `receive_id`.
    pub receive_id: String,
    /// The send's `receive_id_type`.
    pub receive_id_type: String,
    /// `text`, `interactive`, …
    pub msg_type: String,
    /// The content as first sent.
    pub content: Value,
    /// The send's `uuid`.
    pub uuid: Option<String>,
    /// The message replied to.
    pub parent_id: Option<String>,
    /// Later card contents (PATCHes and callback answers), in order.
    pub patches: Vec<Value>,
    /// urgent_app calls' open_ids.
    pub urgent: Vec<Vec<String>>,
    /// urgent_sms / urgent_phone calls (operation, open_ids).
    #[serde(default)]
    pub paid_urgent: Vec<(String, Vec<String>)>,
    /// The sender for users' messages; `None` for the bot.
    pub sender_open_id: Option<String>,
    /// Mentions of a user's text message (placeholders → people).
    #[serde(default)]
    pub mentions: Vec<Mention>,
    /// Sandbox time when it appeared (RFC 3339).
    pub at: String,
    /// Sandbox time of the latest change (RFC 3339).
    pub updated_at: String,
    /// Revision of the latest change.
    pub rev: u64,
    /// Why Feishu would not have pushed this user's message to the bot (the page's hint).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_delivered: Option<String>,
}

impl StoredMessage {
    fn from_fake(m: &FakeMessage, at: &str, rev: u64) -> Self {
        Self {
            message_id: m.message_id.clone(),
            chat_id: m.chat_id.clone(),
            receive_id: m.receive_id.clone(),
            receive_id_type: m.receive_id_type.clone(),
            msg_type: m.msg_type.clone(),
            content: m.content.clone(),
            uuid: m.uuid.clone(),
            parent_id: m.parent_id.clone(),
            patches: m.patches.clone(),
            urgent: m.urgent.clone(),
            paid_urgent: m.paid_urgent.clone(),
            sender_open_id: m.sender_open_id.clone(),
            mentions: Vec::new(),
            at: at.to_owned(),
            updated_at: at.to_owned(),
            rev,
            not_delivered: None,
        }
    }

    /// Back into the fake's shape (for re-seeding after a restart).
    pub fn to_fake(&self) -> FakeMessage {
        FakeMessage {
            message_id: self.message_id.clone(),
            chat_id: self.chat_id.clone(),
            receive_id: self.receive_id.clone(),
            receive_id_type: self.receive_id_type.clone(),
            msg_type: self.msg_type.clone(),
            content: self.content.clone(),
            uuid: self.uuid.clone(),
            parent_id: self.parent_id.clone(),
            patches: self.patches.clone(),
            urgent: self.urgent.clone(),
            paid_urgent: self.paid_urgent.clone(),
            sender_open_id: self.sender_open_id.clone(),
        }
    }

    /// The latest content (last patch, or the original).
    pub fn latest(&self) -> &Value {
        self.patches.last().unwrap_or(&self.content)
    }
}

/// One push the emulator made to `/feishu/events`, with duban's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// `header.event_id`.
    pub event_id: String,
    /// `im.message.receive_v1` or `card.action.trigger`.
    pub event_type: String,
    /// The user's message, or the clicked card.
    pub message_id: String,
    /// Sandbox time (RFC 3339).
    pub at: String,
    /// The plaintext event.
    pub plaintext: Value,
    /// What went over the wire.
    pub sealed: Sealed,
    /// duban's HTTP status.
    pub status: u16,
    /// duban's answer body (JSON, or the text as a string).
    pub answer: Value,
}

/// Everything remembered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    /// Messages in order of appearance.
    pub messages: Vec<StoredMessage>,
    /// Pushes in order.
    pub events: Vec<EventRecord>,
    /// The bot's message-write requests in order.
    pub requests: Vec<RawRequest>,
    /// The latest revision handed out.
    pub rev: u64,
}

impl Journal {
    /// Reads the journal in `dir` (empty when there is none yet).
    ///
    /// # Errors
    /// An unreadable or corrupt file, explained in one line.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let path = dir.join(FILE);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| anyhow::anyhow!("sandbox conversation {} is corrupt: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(anyhow::anyhow!("cannot read {}: {e}", path.display())),
        }
    }

    /// Writes the journal to `dir` atomically (temporary file, then rename).
    ///
    /// # Errors
    /// I/O failures.
    pub fn save(&self, dir: &Path) -> anyhow::Result<PathBuf> {
        let path = dir.join(FILE);
        let tmp = dir.join(format!("{FILE}.tmp"));
        std::fs::write(&tmp, serde_json::to_vec(self)?)?;
        std::fs::rename(&tmp, &path)?;
        Ok(path)
    }

    /// Re-seeds `fake` with the remembered messages and requests.
    pub fn restore_into(&self, fake: &FakeState) {
        fake.restore(
            self.messages.iter().map(StoredMessage::to_fake).collect(),
            self.requests.clone(),
        );
    }

    /// Takes in what changed in the fake since the last sync, stamping new messages and
    /// changes with `now` (RFC 3339). Returns whether anything changed.
    pub fn sync(&mut self, fake: &FakeState, now: &str) -> bool {
        let mut changed = false;
        for m in fake.all_messages() {
            match self.messages.iter_mut().find(|s| s.message_id == m.message_id) {
                None => {
                    self.rev += 1;
                    self.messages.push(StoredMessage::from_fake(&m, now, self.rev));
                    changed = true;
                }
                Some(s)
                    if s.patches.len() != m.patches.len()
                        || s.urgent.len() != m.urgent.len()
                        || s.paid_urgent.len() != m.paid_urgent.len() =>
                {
                    self.rev += 1;
                    s.patches = m.patches.clone();
                    s.urgent = m.urgent.clone();
                    s.paid_urgent = m.paid_urgent.clone();
                    s.updated_at = now.to_owned();
                    s.rev = self.rev;
                    changed = true;
                }
                Some(_) => {}
            }
        }
        let known = self.requests.last().map_or(0, |r| r.seq);
        let fresh: Vec<RawRequest> = fake
            .raw_requests()
            .into_iter()
            .filter(|r| r.seq > known)
            .collect();
        if !fresh.is_empty() {
            // A request may be logged after its message was taken in: the message's footer
            // counts its requests, so it changes too.
            for r in &fresh {
                for id in [&r.message_id, &r.parent_id].into_iter().flatten() {
                    self.touch(id);
                }
            }
            self.requests.extend(fresh);
            changed = true;
        }
        changed
    }

    /// Remembers a push and counts it as a change of its message (whose footer shows how many
    /// raw events it has: the push is recorded only after duban answered, when the page may
    /// already have drawn the message).
    pub fn record_event(&mut self, event: EventRecord) {
        let id = event.message_id.clone();
        self.events.push(event);
        self.touch(&id);
    }

    /// Notes that Feishu would not have delivered a user's message, and why.
    pub fn set_not_delivered(&mut self, message_id: &str, hint: &str) {
        if let Some(s) = self.messages.iter_mut().find(|s| s.message_id == message_id) {
            s.not_delivered = Some(hint.to_owned());
        }
        self.touch(message_id);
    }

    /// Gives a message a new revision, so the page redraws it.
    fn touch(&mut self, message_id: &str) {
        if let Some(s) = self.messages.iter_mut().find(|s| s.message_id == message_id) {
            self.rev += 1;
            s.rev = self.rev;
        }
    }

    /// Notes the mentions of a user's message (after a sync has taken it in).
    pub fn set_mentions(&mut self, message_id: &str, mentions: Vec<Mention>) {
        if let Some(s) = self.messages.iter_mut().find(|s| s.message_id == message_id) {
            s.mentions = mentions;
            self.rev += 1;
            s.rev = self.rev;
        }
    }

    /// Messages changed after revision `since`.
    pub fn since(&self, since: u64) -> Vec<&StoredMessage> {
        self.messages.iter().filter(|m| m.rev > since).collect()
    }

    /// One message.
    pub fn message(&self, id: &str) -> Option<&StoredMessage> {
        self.messages.iter().find(|m| m.message_id == id)
    }

    /// Pushes about a message (its own event, or clicks on it).
    pub fn events_for(&self, id: &str) -> Vec<&EventRecord> {
        self.events.iter().filter(|e| e.message_id == id).collect()
    }

    /// Requests that created, replied to or changed a message.
    pub fn requests_for(&self, id: &str) -> Vec<&RawRequest> {
        self.requests
            .iter()
            .filter(|r| r.message_id.as_deref() == Some(id) || r.parent_id.as_deref() == Some(id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fake() -> FakeState {
        FakeState::new("cli_5a4db0c5a7e1f2d3", "s")
    }

    fn record(id: &str) -> EventRecord {
        EventRecord {
            event_id: format!("ev_{id}"),
            event_type: "im.message.receive_v1".to_owned(),
            message_id: id.to_owned(),
            at: "2026-03-11T10:00:00+08:00".to_owned(),
            plaintext: json!({"schema": "2.0"}),
            sealed: Sealed {
                body: "{}".to_owned(),
                headers: Vec::new(),
            },
            status: 200,
            answer: json!({}),
        }
    }

    #[test]
    fn sync_takes_in_new_messages_and_card_changes_with_rising_revisions() {
        let f = fake();
        let mut j = Journal::default();
        let id = f.add_message("oc_g", "ou_a", "text", r#"{"text":"hi"}"#);
        assert!(j.sync(&f, "t1"));
        assert!(!j.sync(&f, "t2"), "nothing new");
        assert_eq!(j.since(0).len(), 1);
        let cursor = j.rev;
        j.set_mentions(&id, vec![]);
        assert_eq!(j.since(cursor).len(), 1);
        assert_eq!(j.message(&id).unwrap().at, "t1");
    }

    #[test]
    fn the_conversation_survives_a_restart_and_reseeds_the_fake() {
        let dir = tempfile::tempdir().unwrap();
        let f = fake();
        let mut j = Journal::default();
        let user = f.add_message("oc_g", "ou_a", "text", r#"{"text":"/督办 帮助"}"#);
        j.sync(&f, "t1");
        j.set_mentions(
            &user,
            vec![Mention {
                open_id: "ou_b".to_owned(),
                name: "李四".to_owned(),
            }],
        );
        j.events.push(record(&user));
        j.save(dir.path()).unwrap();

        let back = Journal::load(dir.path()).unwrap();
        assert_eq!(back, j);
        let f2 = fake();
        back.restore_into(&f2);
        assert_eq!(f2.all_messages().len(), 1);
        let next = f2.add_message("oc_g", "ou_a", "text", r#"{"text":"x"}"#);
        assert_ne!(next, user, "ids keep counting after the restored ones");
        assert_eq!(back.events_for(&user).len(), 1);
        assert_eq!(back.message(&user).unwrap().mentions[0].name, "李四");
    }

    #[test]
    fn a_missing_file_is_an_empty_conversation_and_a_corrupt_one_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Journal::load(dir.path()).unwrap(), Journal::default());
        std::fs::write(dir.path().join(FILE), "{not json").unwrap();
        assert!(Journal::load(dir.path()).is_err());
    }

    /// Regression for issue 12 point 11: a footer read "原始事件 0" because the push was
    /// recorded after the page had fetched the message, without a new revision.
    #[test]
    fn a_push_recorded_after_the_page_fetched_its_message_is_a_change_of_it() {
        let f = fake();
        let mut j = Journal::default();
        let id = f.add_message("oc_g", "ou_a", "text", r#"{"text":"/督办 帮助"}"#);
        j.sync(&f, "t1");
        j.set_mentions(&id, vec![]);
        let cursor = j.rev;
        assert!(j.since(cursor).is_empty(), "the page has it, with no events yet");
        j.record_event(record(&id));
        let changed = j.since(cursor);
        assert_eq!(changed.len(), 1, "the page fetches it again");
        assert_eq!(j.events_for(&changed[0].message_id).len(), 1);
    }

    #[test]
    fn callback_cards_count_as_changes_of_the_card() {
        let f = fake();
        let mut j = Journal::default();
        let id = f.add_message("oc_g", "ou_a", "text", r#"{"text":"x"}"#);
        j.sync(&f, "t1");
        assert!(!f.replace_card_from_callback(&id, json!({})), "a text is no card");
        assert!(!j.sync(&f, "t2"));
    }
}
