//! 下达 batches: the record, the fan-out's progress, the link from each child item back to its
//! batch, and the roll-up card's bookkeeping.
//!
//! Trees (opened on first use):
//! - `batches` (be(n) → [`Batch`]); numbers come from the `batch_seq` counter in `meta`.
//! - `batch_children` (be(n) ‖ unit name → be(item)): which units already have their item.
//!   Written in the same transaction as the child item, so a restarted fan-out creates exactly
//!   the missing ones ([`Batch::remaining`]).
//! - `item_batch` (be(item) → be(n)): the batch a child item belongs to (its actions refresh
//!   the roll-up).
//! - `chat_batches` (chat ‖ 0x00 ‖ be(n) → ∅): the batches issued in a chat (`/督办 下达 列表`).
//! - `open_batches` (be(n) → ∅): batches neither cancelled nor settled (the org board's list).
//! - `batch_cards` (be(n) → [`RollupCard`]): the roll-up card's message and when it was posted
//!   (Feishu lets a message be updated for 14 days; before that it is posted anew).
//! - `rollup_due` (be(n) → be(not before ms)): roll-ups waiting for their coalesced refresh.

use serde::{Deserialize, Serialize};

use super::outbox::Changes;
use super::{Store, StoreError, be, decode, encode, from_be};
use crate::domain::batch::{Batch, BatchStatus};
use crate::domain::ids::{BatchId, ChatId, ItemId};

const BATCH_SEQ: &[u8] = b"batch_seq";
const BATCHES: &str = "batches";
const CHILDREN: &str = "batch_children";
const ITEM_BATCH: &str = "item_batch";
const CHAT_BATCHES: &str = "chat_batches";
const OPEN: &str = "open_batches";
const CARDS: &str = "batch_cards";
const ROLLUP_DUE: &str = "rollup_due";

/// Feishu's limit on updating a sent message.
pub const UPDATE_WINDOW_MS: i64 = 14 * 24 * 3_600_000;

/// The roll-up card of a batch, as posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollupCard {
    /// Its message.
    pub message_id: String,
    /// When it was posted (Unix ms).
    pub posted_ms: i64,
    /// It replaces an earlier card Feishu no longer let duban update (the card says so).
    #[serde(default)]
    pub reposted: bool,
    /// A re-post is queued in the outbox (never a second one): set with the queued post, in
    /// the same transaction; the delivered post replaces this record.
    #[serde(default)]
    pub repost_queued: bool,
}

impl RollupCard {
    /// Whether it should be posted anew rather than updated at `now_ms`: less than `margin_ms`
    /// is left of Feishu's 14-day update window.
    pub fn needs_repost(&self, now_ms: i64, margin_ms: i64) -> bool {
        now_ms >= self.posted_ms.saturating_add(UPDATE_WINDOW_MS - margin_ms)
    }
}

fn child_key(batch: BatchId, unit: &str) -> Vec<u8> {
    let mut k = be(batch.0).to_vec();
    k.extend_from_slice(unit.as_bytes());
    k
}

fn chat_key(chat: &ChatId, id: BatchId) -> Vec<u8> {
    let mut k = chat.0.as_bytes().to_vec();
    k.push(0);
    k.extend_from_slice(&be(id.0));
    k
}

impl Store {
    fn batch_tree(&self, name: &str) -> Result<crate::store::kv::Tree, StoreError> {
        self.named_tree(name)
    }

    /// One batch.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn get_batch(&self, id: BatchId) -> Result<Option<Batch>, StoreError> {
        let key = be(id.0);
        self.batch_tree(BATCHES)?
            .get(key)?
            .map(|v| decode(&key, &v))
            .transpose()
    }

    fn batches_by_keys(&self, tree: &str, prefix: &[u8]) -> Result<Vec<Batch>, StoreError> {
        let mut out = Vec::new();
        for kv in self.batch_tree(tree)?.scan_prefix(prefix) {
            let (k, _) = kv?;
            let id = BatchId(from_be(k.get(prefix.len()..).unwrap_or_default()));
            if let Some(b) = self.get_batch(id)? {
                out.push(b);
            }
        }
        Ok(out)
    }

    /// The batches issued in `chat`, oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn batches_in_chat(&self, chat: &ChatId) -> Result<Vec<Batch>, StoreError> {
        let mut p = chat.0.as_bytes().to_vec();
        p.push(0);
        self.batches_by_keys(CHAT_BATCHES, &p)
    }

    /// The open batches (neither cancelled nor settled), oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn open_batches(&self) -> Result<Vec<Batch>, StoreError> {
        self.batches_by_keys(OPEN, &[])
    }

    /// Every batch, oldest first (`/督办 下达 列表` for an admin in a 1:1 chat).
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn all_batches(&self) -> Result<Vec<Batch>, StoreError> {
        let mut out = Vec::new();
        for kv in &self.batch_tree(BATCHES)? {
            let (k, v) = kv?;
            out.push(decode(&k, &v)?);
        }
        Ok(out)
    }

    /// Whether batch `id` is open: neither cancelled nor settled.
    ///
    /// # Errors
    /// sled errors.
    pub fn is_open_batch(&self, id: BatchId) -> Result<bool, StoreError> {
        self.batch_tree(OPEN)?.contains_key(be(id.0))
    }

    /// The units of a batch that have their item: (unit, item), by unit name.
    ///
    /// # Errors
    /// sled errors.
    pub fn batch_children(&self, id: BatchId) -> Result<Vec<(String, ItemId)>, StoreError> {
        let p = be(id.0);
        let mut out = Vec::new();
        for kv in self.batch_tree(CHILDREN)?.scan_prefix(p) {
            let (k, v) = kv?;
            let unit = String::from_utf8_lossy(k.get(8..).unwrap_or_default()).into_owned();
            out.push((unit, ItemId(from_be(&v))));
        }
        Ok(out)
    }

    /// The item of `unit` in batch `id`, once the fan-out created it.
    ///
    /// # Errors
    /// sled errors.
    pub fn batch_child(&self, id: BatchId, unit: &str) -> Result<Option<ItemId>, StoreError> {
        Ok(self
            .batch_tree(CHILDREN)?
            .get(child_key(id, unit))?
            .map(|v| ItemId(from_be(&v))))
    }

    /// Each planned unit of `b` with its item (`None` while the fan-out has not reached it),
    /// in plan order: what the roll-up reads ([`crate::domain::batch::rollup::Child`]).
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn batch_child_items(
        &self,
        b: &Batch,
    ) -> Result<Vec<(String, Option<crate::domain::supervision::Item>)>, StoreError> {
        let children = self.batch_children(b.id)?;
        let mut out = Vec::with_capacity(b.units.len());
        for unit in &b.units {
            let item = match children.iter().find(|(u, _)| u == unit) {
                Some((_, id)) => self.get_item(*id)?,
                None => None,
            };
            out.push((unit.clone(), item));
        }
        Ok(out)
    }

    /// Open batches whose fan-out did not finish (a restart resumes them): each with the units
    /// still to do, in plan order.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn unfinished_fanouts(&self) -> Result<Vec<(Batch, Vec<String>)>, StoreError> {
        let mut out = Vec::new();
        for b in self.open_batches()? {
            let done = self.batch_children(b.id)?;
            let names: Vec<&str> = done.iter().map(|(u, _)| u.as_str()).collect();
            let rest: Vec<String> = b.remaining(&names).into_iter().map(str::to_owned).collect();
            if !rest.is_empty() {
                out.push((b, rest));
            }
        }
        Ok(out)
    }

    /// The batch a child item belongs to.
    ///
    /// # Errors
    /// sled errors.
    pub fn batch_of_item(&self, item: ItemId) -> Result<Option<BatchId>, StoreError> {
        Ok(self
            .batch_tree(ITEM_BATCH)?
            .get(be(item.0))?
            .map(|v| BatchId(from_be(&v))))
    }

    /// The roll-up card of a batch, once posted.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn rollup_card(&self, id: BatchId) -> Result<Option<RollupCard>, StoreError> {
        let key = be(id.0);
        self.batch_tree(CARDS)?
            .get(key)?
            .map(|v| decode(&key, &v))
            .transpose()
    }

    /// Records the roll-up card's message (the dispatcher, once Feishu accepted the post).
    ///
    /// # Errors
    /// sled errors.
    pub fn set_rollup_card(&self, id: BatchId, card: &RollupCard) -> Result<(), StoreError> {
        let _w = self.writing();
        self.batch_tree(CARDS)?.insert(be(id.0), encode(card))?;
        Ok(())
    }

    /// Roll-ups whose refresh is due at `now_ms`: (batch, the stamp to pass to
    /// [`Store::rollup_refreshed`]), at most `limit`.
    ///
    /// # Errors
    /// sled errors.
    pub fn rollups_due(&self, now_ms: i64, limit: usize) -> Result<Vec<(BatchId, Vec<u8>)>, StoreError> {
        let now = u64::try_from(now_ms).unwrap_or(0);
        let mut out = Vec::new();
        for kv in &self.batch_tree(ROLLUP_DUE)? {
            let (k, v) = kv?;
            if from_be(&v) <= now {
                out.push((BatchId(from_be(&k)), v.to_vec()));
                if out.len() >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// The earliest pending roll-up refresh (Unix ms), for the scheduler's sleep.
    ///
    /// # Errors
    /// sled errors.
    pub fn next_rollup_ms(&self) -> Result<Option<i64>, StoreError> {
        let mut next: Option<u64> = None;
        for kv in &self.batch_tree(ROLLUP_DUE)? {
            let (_, v) = kv?;
            let t = from_be(&v);
            next = Some(next.map_or(t, |n| n.min(t)));
        }
        Ok(next.map(|t| i64::try_from(t).unwrap_or(i64::MAX)))
    }

    /// Clears a refreshed roll-up, unless it was marked again meanwhile (`stamp` from
    /// [`Store::rollups_due`]).
    ///
    /// # Errors
    /// sled errors.
    pub fn rollup_refreshed(&self, id: BatchId, stamp: &[u8]) -> Result<(), StoreError> {
        let _w = self.writing();
        let _ = self
            .batch_tree(ROLLUP_DUE)?
            .compare_and_swap(be(id.0), Some(stamp), None::<&[u8]>)?;
        Ok(())
    }
}

impl Changes {
    /// The next batch number (`XD-<n>`, from 1). One batch per change.
    ///
    /// # Errors
    /// sled errors.
    pub fn next_batch_id(&mut self, store: &Store) -> Result<BatchId, StoreError> {
        let cur = store.meta.get(BATCH_SEQ)?.map_or(0, |v| from_be(&v));
        Ok(BatchId(cur + 1))
    }

    /// Stores a new batch, its chat entry, the open index and the counter.
    ///
    /// # Errors
    /// sled errors (opening the trees).
    pub fn put_new_batch(&mut self, store: &Store, b: &Batch) -> Result<(), StoreError> {
        self.put(&store.meta, BATCH_SEQ.to_vec(), be(b.id.0).to_vec());
        self.put(
            &store.batch_tree(CHAT_BATCHES)?,
            chat_key(&b.chat_id, b.id),
            Vec::new(),
        );
        self.put_batch(store, b)
    }

    /// Stores a batch's new state (a cancelled batch leaves the open index).
    ///
    /// # Errors
    /// sled errors (opening the trees).
    pub fn put_batch(&mut self, store: &Store, b: &Batch) -> Result<(), StoreError> {
        self.put(&store.batch_tree(BATCHES)?, be(b.id.0).to_vec(), encode(b));
        let open = store.batch_tree(OPEN)?;
        match b.status {
            BatchStatus::Open => self.put(&open, be(b.id.0).to_vec(), Vec::new()),
            BatchStatus::Cancelled => self.remove(&open, be(b.id.0).to_vec()),
        }
        Ok(())
    }

    /// Stages the roll-up card's record (a re-post queued with it).
    ///
    /// # Errors
    /// sled errors (opening the tree).
    pub fn put_rollup_card(
        &mut self,
        store: &Store,
        id: BatchId,
        card: &RollupCard,
    ) -> Result<(), StoreError> {
        self.put(&store.batch_tree(CARDS)?, be(id.0).to_vec(), encode(card));
        Ok(())
    }

    /// Takes a batch whose units are all done off the open index.
    ///
    /// # Errors
    /// sled errors (opening the tree).
    pub fn settle_batch(&mut self, store: &Store, id: BatchId) -> Result<(), StoreError> {
        self.remove(&store.batch_tree(OPEN)?, be(id.0).to_vec());
        Ok(())
    }

    /// Records that `unit`'s item of batch `id` is `item` (in the change that creates it).
    ///
    /// # Errors
    /// sled errors (opening the trees).
    pub fn put_batch_child(
        &mut self,
        store: &Store,
        id: BatchId,
        unit: &str,
        item: ItemId,
    ) -> Result<(), StoreError> {
        self.put(
            &store.batch_tree(CHILDREN)?,
            child_key(id, unit),
            be(item.0).to_vec(),
        );
        self.put(
            &store.batch_tree(ITEM_BATCH)?,
            be(item.0).to_vec(),
            be(id.0).to_vec(),
        );
        Ok(())
    }

    /// Asks for a roll-up refresh no earlier than `not_before_ms`. A refresh already pending
    /// keeps its (earlier) time, so however many units act, one update goes out per interval.
    ///
    /// # Errors
    /// sled errors.
    pub fn mark_rollup(&mut self, store: &Store, id: BatchId, not_before_ms: i64) -> Result<(), StoreError> {
        let tree = store.batch_tree(ROLLUP_DUE)?;
        let at = u64::try_from(not_before_ms).unwrap_or(0);
        let keep = tree.get(be(id.0))?.map(|v| from_be(&v)).filter(|t| *t <= at);
        // A fresh stamp every time: `rollup_refreshed` then knows whether it was marked again.
        let mut v = be(keep.unwrap_or(at)).to_vec();
        v.extend_from_slice(&be(store.generate_id()?));
        self.put(&tree, be(id.0).to_vec(), v);
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
