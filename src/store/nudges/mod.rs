//! The reminder engine's storage: the due index and per-item nudge state.
//!
//! Trees: `due` (be(fire ms) ‖ be(item) → ∅: the scheduler range-scans up to `now`, so a tick
//! costs what is due, not what exists) and `nudge_state` (be(item) → [`NudgeRecord`]: the
//! state, where the item's due entry is, and the item as the reminder policy reads it, in a
//! compact binary form). One record, so that a tick reads one random key per item (sled pages
//! it in from disk: the dominant cost at a million items, which the scheduler pays ahead of
//! time with [`Store::warm_nudge_records`]) and writes two: the next entry and the record; the
//! consumed entry stays behind the due cursor until it is collected. Both are written in the
//! same transaction as the item they belong to ([`Changes::schedule`]); every item write goes
//! through `Service::stage_item`, so the copy of the item is never stale.

use std::ops::Bound;

use serde::{Deserialize, Serialize};

use super::outbox::Changes;
use super::{Store, StoreError, be, decode, encode, from_be};
use crate::domain::ids::ItemId;
use crate::domain::schedule::NudgeState;
use crate::domain::supervision::Item;

/// `meta` key of the due cursor.
const DUE_CURSOR: &[u8] = b"due_cursor";

fn due_key(fire_ms: u64, id: ItemId) -> Vec<u8> {
    let mut k = be(fire_ms).to_vec();
    k.extend_from_slice(&be(id.0));
    k
}

/// An item's nudge state and the position of its due entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NudgeRecord {
    /// The state.
    pub state: NudgeState,
    /// Its entry in `due` (Unix ms), if any.
    #[serde(default)]
    pub due_ms: Option<u64>,
    /// The item as the reminder policy reads it (free text dropped; messages are rendered from
    /// the stored item when they are sent). `None` in records written before it was kept, or
    /// whose copy no longer decodes: the caller reads the item itself.
    #[serde(default)]
    pub item: Option<Item>,
}

/// First byte of a binary nudge record (record format 4, data format 5). Records are read at every tick, one
/// random read per due item, so they are kept small: a compact binary encoding (postcard) of
/// the state and the position, followed by the item's policy view in its own encoding. The
/// JSON records of format 2 ([`super::decode`]) still read; they are rewritten in this form
/// the next time the item is scheduled.
const RECORD_BIN: u8 = 4;

/// First byte of a binary record of format 3: the state before it carried 进展征集 requests
/// ([`NudgeState::asks`]); still read, rewritten in format 4 the next time the item is
/// scheduled.
const RECORD_BIN_3: u8 = 3;

/// [`NudgeState`] as format 3 encoded it (postcard is not self-describing: the fields, in order).
#[derive(Deserialize)]
struct StateV3 {
    sent: std::collections::BTreeSet<String>,
    snoozed_until: Option<jiff::Timestamp>,
    snooze_count: u32,
    working_on: Option<jiff::civil::Date>,
    auto_nudges: u32,
    last_sent_at: Option<jiff::Timestamp>,
}

impl From<StateV3> for NudgeState {
    fn from(v: StateV3) -> Self {
        Self {
            sent: v.sent,
            snoozed_until: v.snoozed_until,
            snooze_count: v.snooze_count,
            working_on: v.working_on,
            auto_nudges: v.auto_nudges,
            last_sent_at: v.last_sent_at,
            asks: Vec::new(),
        }
    }
}

impl NudgeRecord {
    fn encode(state: &NudgeState, due_ms: Option<u64>, item: Option<&Item>) -> Vec<u8> {
        // Encoding plain owned data cannot fail; should it, the record is written as JSON
        // (which reads as well), and an item that does not encode is left out (readers then
        // take it from the `items` tree).
        let Ok(mut out) = postcard::to_extend(&(state, due_ms), vec![RECORD_BIN]) else {
            return encode(&Self {
                state: state.clone(),
                due_ms,
                item: item.cloned(),
            });
        };
        if let Some(Ok(bytes)) = item.map(postcard::to_allocvec) {
            out.extend_from_slice(&bytes);
        }
        out
    }

    /// Decodes a record in either format.
    ///
    /// # Errors
    /// A record whose state does not decode.
    fn decode(key: &[u8], bytes: &[u8]) -> Result<Self, StoreError> {
        let codec = |e: postcard::Error| StoreError::Codec {
            key: format!("nudge record {}", from_be(key)),
            reason: e.to_string(),
        };
        let ((state, due_ms), rest): ((NudgeState, Option<u64>), &[u8]) = match bytes.split_first() {
            Some((&RECORD_BIN, rest)) => postcard::take_from_bytes(rest).map_err(codec)?,
            Some((&RECORD_BIN_3, rest)) => {
                let ((v3, due), rest): ((StateV3, Option<u64>), &[u8]) =
                    postcard::take_from_bytes(rest).map_err(codec)?;
                ((v3.into(), due), rest)
            }
            _ => return decode(key, bytes),
        };
        // The item is a copy: one written by a version with other item fields is dropped and
        // read again from the `items` tree.
        let item = if rest.is_empty() {
            None
        } else {
            postcard::from_bytes::<Item>(rest).ok()
        };
        Ok(Self { state, due_ms, item })
    }
}

/// A [`NudgeRecord`] encoded ahead of the commit that writes it (a tick encodes its records on
/// all cores, with the planning).
#[derive(Debug, Clone)]
pub struct EncodedRecord {
    due_ms: Option<u64>,
    bytes: Vec<u8>,
}

impl EncodedRecord {
    /// Encodes the record of an item with `state`, due at `fire_ms`.
    pub fn new(state: &NudgeState, fire_ms: Option<i64>, item: Option<&Item>) -> Self {
        let due_ms = fire_ms.map(|ms| u64::try_from(ms).unwrap_or(0));
        let view = item.map(policy_view);
        Self {
            due_ms,
            bytes: NudgeRecord::encode(state, due_ms, view.as_ref()),
        }
    }
}

/// The item as the reminder policy reads it: free text that no rule looks at is dropped.
fn policy_view(item: &Item) -> Item {
    let mut v = item.clone();
    v.description = None;
    v.latest_note = None;
    v.resources = None;
    v.scenario = None;
    v.source_message = None;
    v.tags = Vec::new();
    v
}

impl Store {
    /// The due cursor: entries up to this key were consumed by a tick (and are removed later,
    /// off the tick, by [`Store::collect_consumed`]).
    ///
    /// # Errors
    /// sled errors.
    fn due_cursor(&self) -> Result<Option<super::kv::IVec>, StoreError> {
        self.meta.get(DUE_CURSOR)
    }

    /// Entries after the cursor, in order.
    fn live_due(&self) -> Result<super::kv::Iter, StoreError> {
        Ok(match self.due_cursor()? {
            Some(c) => self.due.range((Bound::Excluded(c), Bound::Unbounded)),
            None => self.due.iter(),
        })
    }

    /// The earliest time a new entry may have: after the cursor, so that no tick skips it even
    /// if the clock went back.
    ///
    /// # Errors
    /// sled errors.
    pub fn due_floor_ms(&self) -> Result<Option<i64>, StoreError> {
        Ok(self
            .due_cursor()?
            .map(|c| i64::try_from(from_be(&c)).unwrap_or(i64::MAX).saturating_add(1)))
    }

    /// Items whose next reminder is due at or before `now_ms`, earliest first, at most `limit`.
    ///
    /// # Errors
    /// sled errors.
    pub fn due_items(&self, now_ms: i64, limit: usize) -> Result<Vec<(u64, ItemId)>, StoreError> {
        let end = due_key(u64::try_from(now_ms).unwrap_or(0).saturating_add(1), ItemId(0));
        let mut out = Vec::new();
        for kv in self.live_due()?.take(limit) {
            let (k, _) = kv?;
            if k.as_ref() >= end.as_slice() {
                break;
            }
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
            .live_due()?
            .next()
            .transpose()?
            .map(|(k, _)| i64::try_from(from_be(&k)).unwrap_or(i64::MAX)))
    }

    /// Number of scheduled reminders (a full count: for tests and benchmarks).
    pub fn due_len(&self) -> usize {
        self.live_due().map_or(0, Iterator::count)
    }

    /// Removes up to `limit` consumed entries (at or before the cursor); returns how many went.
    /// Each removal is idempotent and touches nothing a tick or a command reads, so this runs
    /// outside the service lock, after a tick.
    ///
    /// # Errors
    /// sled errors.
    pub fn collect_consumed(&self, limit: usize) -> Result<usize, StoreError> {
        let _w = self.writing();
        let Some(cursor) = self.due_cursor()? else {
            return Ok(0);
        };
        let mut n = 0;
        for kv in self.due.range(..=cursor).take(limit) {
            let (k, _) = kv?;
            self.due.remove(k)?;
            n += 1;
        }
        Ok(n)
    }

    /// Reads the nudge records of `ids` (on all cores) without decoding them, so that sled has
    /// them in memory when a tick reads them: a record that is not costs a page-in (a read of
    /// the data file and a node decoded), the larger part of planning.
    ///
    /// # Errors
    /// sled errors.
    pub fn warm_nudge_records(&self, ids: &[ItemId]) -> Result<(), StoreError> {
        super::in_parallel(ids, self.read_width(), 64, "read-ahead", |part| {
            part.iter()
                .map(|id| self.nudge_state.get(be(id.0)).map(drop))
                .collect()
        })
        .map(drop)
    }

    /// An item's nudge state and due position (default when none).
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn nudge_record(&self, id: ItemId) -> Result<NudgeRecord, StoreError> {
        let key = be(id.0);
        Ok(self
            .nudge_state
            .get(key)?
            .map(|v| NudgeRecord::decode(&key, &v))
            .transpose()?
            .unwrap_or_default())
    }

    /// An item's nudge state (default when none).
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn nudge_state(&self, id: ItemId) -> Result<NudgeState, StoreError> {
        Ok(self.nudge_record(id)?.state)
    }

    /// The scheduled time of an item's next reminder (Unix ms).
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn scheduled_for(&self, id: ItemId) -> Result<Option<u64>, StoreError> {
        Ok(self.nudge_record(id)?.due_ms)
    }
}

impl Changes {
    /// Records `state` (and the policy's view of `item`, when there is one) for item `id`, and
    /// moves its due entry to `fire_ms` (or removes it).
    ///
    /// # Errors
    /// sled or codec errors (reading the current position).
    pub fn schedule(
        &mut self,
        store: &Store,
        id: ItemId,
        state: &NudgeState,
        fire_ms: Option<i64>,
        item: Option<&Item>,
    ) -> Result<(), StoreError> {
        self.schedule_encoded(store, id, EncodedRecord::new(state, fire_ms, item))
    }

    /// [`Changes::schedule`] with the record encoded beforehand.
    ///
    /// # Errors
    /// sled or codec errors (reading the current position).
    pub fn schedule_encoded(
        &mut self,
        store: &Store,
        id: ItemId,
        rec: EncodedRecord,
    ) -> Result<(), StoreError> {
        let new = rec.due_ms;
        // What this change already scheduled wins over what is on disk.
        let old = match self.scheduled.get(&id) {
            Some(v) => *v,
            None => store.scheduled_for(id)?,
        };
        self.scheduled.insert(id, new);
        if old != new {
            if let Some(o) = old {
                self.remove(&store.due, due_key(o, id));
            }
            if let Some(n) = new {
                self.put(&store.due, due_key(n, id), Vec::new());
            }
        }
        self.put(&store.nudge_state, be(id.0).to_vec(), rec.bytes);
        Ok(())
    }

    /// Marks the due entries up to (`fire_ms`, `id`) consumed: the tick that planned them
    /// moves the cursor instead of removing each one (a sled write costs about as much as
    /// planning an item); [`Store::collect_consumed`] removes them later. The caller schedules
    /// each consumed item again in the same change.
    pub fn consume_through(&mut self, store: &Store, fire_ms: u64, id: ItemId) {
        self.put(&store.meta, DUE_CURSOR.to_vec(), due_key(fire_ms, id));
    }

    /// Tells this change where item `id`'s due entry is on disk (as read from its record), so
    /// that [`Changes::schedule`] need not read it again; `None`: there is none to remove (a
    /// tick's consumed entry stays behind the cursor). What this change already scheduled wins.
    pub fn known_position(&mut self, id: ItemId, due_ms: Option<u64>) {
        self.scheduled.entry(id).or_insert(due_ms);
    }
}

/// Upgrades a schema-1 store, where nudge states were bare and a `due_by_item` tree held the
/// positions. Idempotent: a record already in the new shape is left as it is.
///
/// # Errors
/// sled or codec errors.
pub(super) fn migrate_v1(db: &super::kv::Db, store: &Store) -> Result<usize, StoreError> {
    let by_item = db.open_tree("due_by_item")?;
    let mut n = 0;
    for kv in &store.nudge_state {
        let (k, v) = kv?;
        if NudgeRecord::decode(&k, &v).is_ok() {
            continue;
        }
        let rec = NudgeRecord {
            state: decode(&k, &v)?,
            due_ms: by_item.get(&k)?.map(|v| from_be(&v)),
            item: None,
        };
        store.nudge_state.insert(&k, encode(&rec))?;
        n += 1;
    }
    // Items scheduled before they ever had a nudge state.
    for kv in &by_item {
        let (k, v) = kv?;
        if store.nudge_state.get(&k)?.is_none() {
            let rec = NudgeRecord {
                state: NudgeState::default(),
                due_ms: Some(from_be(&v)),
                item: None,
            };
            store.nudge_state.insert(&k, encode(&rec))?;
            n += 1;
        }
    }
    Ok(n)
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
