//! 督办 items, their audit trail and indexes.
//!
//! Trees: `items` (be(id) → Item), `audit` (be(id) ‖ be(seq) → AuditRecord, append-only),
//! `chat_items` (chat ‖ 0x00 ‖ be(id) → ∅, per-group listing), `item_cards` (be(id) → the live
//! card's message id; kept apart from the item so the dispatcher can record it without racing
//! domain writes). Item numbers come from the `item_seq` counter in `meta`.

use super::outbox::Changes;
use super::{Store, StoreError, be, decode, encode, from_be};
use crate::domain::audit::AuditRecord;
use crate::domain::ids::{ChatId, ItemId};
use crate::domain::supervision::Item;

const ITEM_SEQ: &[u8] = b"item_seq";

fn chat_key(chat: &ChatId, id: ItemId) -> Vec<u8> {
    let mut k = chat.0.as_bytes().to_vec();
    k.push(0);
    k.extend_from_slice(&be(id.0));
    k
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
            let (k, _) = kv?;
            let id = from_be(k.get(prefix.len()..).unwrap_or_default());
            if let Some(item) = self.get_item(ItemId(id))? {
                out.push(item);
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
        self.put(&store.chat_items, chat_key(&item.chat_id, item.id), Vec::new());
        self.put_item(store, item);
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
