//! 督办 items, their audit trail and indexes.
//!
//! Trees: `items` (be(id) → Item), `audit` (be(id) ‖ be(seq) → AuditRecord, append-only),
//! `chat_items` (the per-group listing, in chunks: see below), `item_cards` (be(id) → the live
//! card's message id; kept apart from the item so the dispatcher can record it without racing
//! domain writes). Item numbers come from the `item_seq` counter in `meta`.
//!
//! `chat_items` holds a group's item numbers in chunks of up to [`CHUNK`]: chat ‖ 0x00 ‖
//! be(first id) → be(id)… for a full chunk, chat ‖ 0x00 ‖ be(u64::MAX) → be(id)… for the chunk
//! still filling. One sled key per 64 items instead of one per item: sled keeps an in-memory
//! page-table entry (about 250 bytes) for every 16 keys or fewer, so at a million items the
//! per-item index cost a quarter of the store's pages (data format 6). Entries of format 5 and
//! earlier (chat ‖ 0x00 ‖ be(id) → ∅, one per item) still read: an empty value is the one item
//! its key names; they sort before every chunk, since chunks hold only later items.

use super::outbox::Changes;
use super::{Store, StoreError, be, decode, encode, from_be};
use crate::domain::audit::AuditRecord;
use crate::domain::ids::{ChatId, ItemId};
use crate::domain::supervision::Item;

const ITEM_SEQ: &[u8] = b"item_seq";

/// Item numbers per `chat_items` chunk (a 512-byte value).
const CHUNK: usize = 64;

/// `chat_items` key of a group's chunk starting at `first` (`u64::MAX`: the chunk still filling).
fn chat_key(chat: &ChatId, first: u64) -> Vec<u8> {
    let mut k = chat.0.as_bytes().to_vec();
    k.push(0);
    k.extend_from_slice(&be(first));
    k
}

/// The item numbers of one `chat_items` entry: the chunk's, or (an entry of format 5) the one
/// its key names after `prefix_len` bytes.
fn chunk_ids(prefix_len: usize, key: &[u8], value: &[u8]) -> Vec<u64> {
    if value.is_empty() {
        return vec![from_be(key.get(prefix_len..).unwrap_or_default())];
    }
    value.chunks_exact(8).map(from_be).collect()
}

impl Store {
    /// One item.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn get_item(&self, id: ItemId) -> Result<Option<Item>, StoreError> {
        let key = be(id.0);
        self.items.get(key)?.map(|v| decode(&key, &v)).transpose()
    }

    /// The items of one group, oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn items_in_chat(&self, chat: &ChatId) -> Result<Vec<Item>, StoreError> {
        let mut prefix = chat.0.as_bytes().to_vec();
        prefix.push(0);
        let mut out = Vec::new();
        for kv in self.chat_items.scan_prefix(&prefix) {
            let (k, v) = kv?;
            for id in chunk_ids(prefix.len(), &k, &v) {
                if let Some(item) = self.get_item(ItemId(id))? {
                    out.push(item);
                }
            }
        }
        Ok(out)
    }

    /// Every item, oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn all_items(&self) -> Result<Vec<Item>, StoreError> {
        let mut out = Vec::new();
        for kv in &self.items {
            let (k, v) = kv?;
            out.push(decode(&k, &v)?);
        }
        Ok(out)
    }

    /// The audit trail of an item, oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn audit_of(&self, id: ItemId) -> Result<Vec<AuditRecord>, StoreError> {
        let mut out = Vec::new();
        for kv in self.audit.scan_prefix(be(id.0)) {
            let (k, v) = kv?;
            out.push(decode(&k, &v)?);
        }
        Ok(out)
    }

    /// The message id of an item's live card, once posted.
    ///
    /// # Errors
    /// sled errors.
    pub fn item_card(&self, id: ItemId) -> Result<Option<String>, StoreError> {
        Ok(self
            .item_cards
            .get(be(id.0))?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// Records the message id of an item's live card.
    ///
    /// # Errors
    /// sled errors.
    pub fn set_item_card(&self, id: ItemId, message_id: &str) -> Result<(), StoreError> {
        let _w = self.writing();
        self.item_cards.insert(be(id.0), message_id.as_bytes())?;
        Ok(())
    }
}

impl Changes {
    /// The next item number (`DB-<n>`, from 1), counting items created earlier in this change.
    /// Called under the service lock; the counter is written with the item.
    ///
    /// # Errors
    /// sled errors.
    pub fn next_item_id(&mut self, store: &Store) -> Result<ItemId, StoreError> {
        let cur = match self.last_item {
            Some(n) => n,
            None => store.meta.get(ITEM_SEQ)?.map_or(0, |v| from_be(&v)),
        };
        self.last_item = Some(cur + 1);
        Ok(ItemId(cur + 1))
    }

    /// Stores a newly created item, its index entry and the counter (and registers its group).
    ///
    /// # Errors
    /// sled errors.
    pub fn put_new_item(&mut self, store: &Store, item: &Item) -> Result<(), StoreError> {
        if store.chats.get(item.chat_id.0.as_bytes())?.is_none() {
            self.put_chat_state(store, &item.chat_id, &super::nudges::ChatState::default());
        }
        self.put(&store.meta, ITEM_SEQ.to_vec(), be(item.id.0).to_vec());
        self.index_in_chat(store, &item.chat_id, item.id)?;
        self.put_item(store, item);
        Ok(())
    }

    /// Appends `id` to its group's filling `chat_items` chunk (as this change left it, else as
    /// stored); a full chunk moves to its own key first. Item numbers only grow, so chunks stay
    /// in order. Called under the service lock, as [`Changes::next_item_id`].
    ///
    /// # Errors
    /// sled errors.
    fn index_in_chat(&mut self, store: &Store, chat: &ChatId, id: ItemId) -> Result<(), StoreError> {
        let open = chat_key(chat, u64::MAX);
        let mut ids = match self.chat_tails.get(&open) {
            Some(v) => v.clone(),
            None => store
                .chat_items
                .get(&open)?
                .map(|v| v.to_vec())
                .unwrap_or_default(),
        };
        if ids.len() >= CHUNK * 8 {
            let first = from_be(&ids);
            self.put(&store.chat_items, chat_key(chat, first), ids);
            ids = Vec::new();
        }
        ids.extend_from_slice(&be(id.0));
        self.put(&store.chat_items, open.clone(), ids.clone());
        self.chat_tails.insert(open, ids);
        Ok(())
    }

    /// Stores an item's new state.
    pub fn put_item(&mut self, store: &Store, item: &Item) {
        self.put(&store.items, be(item.id.0).to_vec(), encode(item));
    }

    /// Appends to an item's audit trail.
    ///
    /// # Errors
    /// sled errors (id generation).
    pub fn push_audit(&mut self, store: &Store, id: ItemId, rec: &AuditRecord) -> Result<(), StoreError> {
        let mut key = be(id.0).to_vec();
        key.extend_from_slice(&be(store.generate_id()?));
        self.put(&store.audit, key, encode(rec));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::domain::ids::{OpenId, Person};
    use crate::domain::supervision::NewItem;

    fn item(id: u64, chat: &str) -> Item {
        let person = Person {
            open_id: OpenId("ou_boss".to_owned()),
            name: "boss".to_owned(),
        };
        let at: jiff::Timestamp = "2026-03-02T08:00:00+08:00".parse().unwrap();
        Item::create(
            ItemId(id),
            NewItem::new(
                format!("事项{id}"),
                ChatId(chat.to_owned()),
                person.clone(),
                person,
                at,
            ),
            at,
        )
    }

    fn ids_in(store: &Store, chat: &str) -> Vec<u64> {
        store
            .items_in_chat(&ChatId(chat.to_owned()))
            .unwrap()
            .iter()
            .map(|i| i.id.0)
            .collect()
    }

    /// Creates items `ids` of `chat`, `per_change` to a change, as the service does.
    fn create(store: &Store, chat: &str, ids: impl IntoIterator<Item = u64>, per_change: usize) {
        let ids: Vec<u64> = ids.into_iter().collect();
        for part in ids.chunks(per_change) {
            let mut ch = Changes::new();
            for &id in part {
                ch.put_new_item(store, &item(id, chat)).unwrap();
            }
            store.commit(&ch).unwrap();
        }
    }

    #[test]
    fn a_group_lists_its_items_in_order_from_chunks_of_64_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::testing::open_for_test(dir.path()).unwrap();
        // Two groups interleaved (50 rounds), one item per change and two per change.
        let a: Vec<u64> = (1..=300).filter(|i| i % 3 != 0).collect();
        let b: Vec<u64> = (1..=300).filter(|i| i % 3 == 0).collect();
        for (x, y) in a.chunks(4).zip(b.chunks(2)) {
            create(&store, "oc_a", x.iter().copied(), 1);
            create(&store, "oc_b", y.iter().copied(), 2);
        }
        assert_eq!(ids_in(&store, "oc_a"), a);
        assert_eq!(ids_in(&store, "oc_b"), b);
        assert!(ids_in(&store, "oc_c").is_empty());
        // One key per 64 items (200 → 4 keys, 100 → 2), not one per item.
        assert_eq!(store.chat_items.len(), 4 + 2);
    }

    #[test]
    fn a_format_5_index_still_reads_and_new_items_follow_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::testing::open_for_test(dir.path()).unwrap();
        // As duban of data format 5 wrote them: one key per item, an empty value.
        let mut ch = Changes::new();
        for id in 1..=5 {
            let it = item(id, "oc_a");
            ch.put(&store.chat_items, chat_key(&it.chat_id, id), Vec::new());
            ch.put_item(&store, &it);
        }
        ch.put(&store.meta, b"schema_version".to_vec(), be(5).to_vec());
        store.commit(&ch).unwrap();
        store.db.flush().unwrap();
        drop((ch, store));
        let store = crate::store::testing::reopen_for_test(dir.path()).unwrap();
        assert_eq!(
            store.meta.get("schema_version").unwrap().map(|v| from_be(&v)),
            Some(super::super::SCHEMA_VERSION)
        );
        assert_eq!(ids_in(&store, "oc_a"), vec![1, 2, 3, 4, 5]);
        create(&store, "oc_a", 6..=70, 10);
        assert_eq!(ids_in(&store, "oc_a"), (1..=70).collect::<Vec<_>>());
    }
}
