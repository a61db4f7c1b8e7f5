//! The reminder engine's storage: the due index and per-item nudge state.
//!
//! Trees: `due` (be(fire ms) ‖ be(item) → ∅: the scheduler range-scans up to `now`, so a tick
//! costs what is due, not what exists), `due_by_item` (be(item) → be(fire ms), to move an
//! entry), `nudge_state` (be(item) → NudgeState). Entries are written in the same transaction
//! as the item they belong to ([`Changes::schedule`]).

use super::outbox::Changes;
use super::{Store, StoreError, be, decode, encode, from_be};
use crate::domain::ids::ItemId;
use crate::domain::schedule::NudgeState;

fn due_key(fire_ms: u64, id: ItemId) -> Vec<u8> {
    let mut k = be(fire_ms).to_vec();
    k.extend_from_slice(&be(id.0));
    k
}

impl Store {
    /// Items whose next reminder is due at or before `now_ms`, earliest first, at most `limit`.
    ///
    /// # Errors
    /// sled errors.
    pub fn due_items(&self, now_ms: i64, limit: usize) -> Result<Vec<(u64, ItemId)>, StoreError> {
        let end = due_key(u64::try_from(now_ms).unwrap_or(0).saturating_add(1), ItemId(0));
        let mut out = Vec::new();
        for kv in self.due.range(..end).take(limit) {
            let (k, _) = kv?;
            out.push((from_be(&k), ItemId(from_be(k.get(8..).unwrap_or_default()))));
        }
        Ok(out)
    }

    /// The earliest scheduled reminder, if any (Unix ms).
    ///
    /// # Errors
    /// sled errors.
    pub fn next_due_ms(&self) -> Result<Option<i64>, StoreError> {
        Ok(self
            .due
            .first()?
            .map(|(k, _)| i64::try_from(from_be(&k)).unwrap_or(i64::MAX)))
    }

    /// Number of scheduled reminders.
    pub fn due_len(&self) -> usize {
        self.due.len()
    }

    /// An item's nudge state (default when none).
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn nudge_state(&self, id: ItemId) -> Result<NudgeState, StoreError> {
        let key = be(id.0);
        Ok(self
            .nudge_state
            .get(key)?
            .map(|v| decode(&key, &v))
            .transpose()?
            .unwrap_or_default())
    }

    /// The scheduled time of an item's next reminder (Unix ms).
    ///
    /// # Errors
    /// sled errors.
    pub fn scheduled_for(&self, id: ItemId) -> Result<Option<u64>, StoreError> {
        Ok(self.due_by_item.get(be(id.0))?.map(|v| from_be(&v)))
    }
}

impl Changes {
    /// Moves item `id`'s entry in the due index to `fire_ms` (or removes it).
    ///
    /// # Errors
    /// sled errors (reading the current entry).
    pub fn schedule(&mut self, store: &Store, id: ItemId, fire_ms: Option<i64>) -> Result<(), StoreError> {
        let new = fire_ms.map(|ms| u64::try_from(ms).unwrap_or(0));
        // What this change already scheduled wins over what is on disk.
        let old = match self.scheduled.get(&id) {
            Some(v) => *v,
            None => store.scheduled_for(id)?,
        };
        self.scheduled.insert(id, new);
        if old == new {
            return Ok(());
        }
        if let Some(o) = old {
            self.remove(&store.due, due_key(o, id));
        }
        match new {
            Some(n) => {
                self.put(&store.due, due_key(n, id), Vec::new());
                self.put(&store.due_by_item, be(id.0).to_vec(), be(n).to_vec());
            }
            None => self.remove(&store.due_by_item, be(id.0).to_vec()),
        }
        Ok(())
    }

    /// Removes one exact entry of the due index (the one a tick consumed).
    pub fn unschedule_entry(&mut self, store: &Store, fire_ms: u64, id: ItemId) {
        self.remove(&store.due, due_key(fire_ms, id));
        self.remove(&store.due_by_item, be(id.0).to_vec());
        self.scheduled.insert(id, None);
    }

    /// Stores an item's nudge state.
    pub fn put_nudge_state(&mut self, store: &Store, id: ItemId, state: &NudgeState) {
        self.put(&store.nudge_state, be(id.0).to_vec(), encode(state));
    }
}

/// Per-group state of the 晾晒 board.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ChatState {
    /// Content fingerprint of the last board posted.
    #[serde(default)]
    pub board_fingerprint: Option<String>,
    /// The last board card's message id (updated in place while recent).
    #[serde(default)]
    pub board_message: Option<String>,
    /// When the last board was posted (Unix ms).
    #[serde(default)]
    pub board_at_ms: Option<i64>,
    /// The week (its Monday, `YYYY-MM-DD`) of the last automatic board.
    #[serde(default)]
    pub weekly_for: Option<String>,
}

impl Store {
    /// Every group that has items, with its board state.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn chats(&self) -> Result<Vec<(crate::domain::ids::ChatId, ChatState)>, StoreError> {
        let mut out = Vec::new();
        for kv in &self.chats {
            let (k, v) = kv?;
            out.push((
                crate::domain::ids::ChatId(String::from_utf8_lossy(&k).into_owned()),
                decode(&k, &v)?,
            ));
        }
        Ok(out)
    }

    /// One group's board state.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn chat_state(&self, chat: &crate::domain::ids::ChatId) -> Result<Option<ChatState>, StoreError> {
        let key = chat.0.as_bytes();
        self.chats.get(key)?.map(|v| decode(key, &v)).transpose()
    }
}

impl Changes {
    /// Stores a group's board state.
    pub fn put_chat_state(&mut self, store: &Store, chat: &crate::domain::ids::ChatId, state: &ChatState) {
        self.put(&store.chats, chat.0.as_bytes().to_vec(), encode(state));
    }
}
