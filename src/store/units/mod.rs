//! Units bound in chat, and the per-unit index of items (so an org-wide board reads the items
//! of each unit that matter now, not every item).
//!
//! Trees (opened on first use, like any other sled tree they are part of every snapshot):
//! - `units` (name → [`Unit`]): units bound with `/督办 绑定单位`; configured units are not
//!   stored (the configuration is their record).
//! - `item_unit` (be(item) → unit name): the unit an item belongs to, fixed when it is created
//!   (a later rebinding of the group does not move old items).
//! - `unit_items` (unit ‖ 0x00 ‖ be(item) → ∅): every item of a unit.
//! - `unit_open` (unit ‖ 0x00 ‖ be(item) → be(deadline ms)): its open items (待签收, 进行中,
//!   待验收) with their deadline, so a board reads only what is late or due soon (an entry
//!   written before the deadline was kept has an empty value and is always read).
//! - `unit_closed` (unit ‖ 0x00 ‖ be(closed ms) ‖ be(item) → ∅): its closed items by when they
//!   closed (completed, or cancelled), so a period's figures range-scan from the period's start.
//!
//! Every entry is written in the caller's [`Changes`], in the same transaction as the item.

mod names;

use jiff::Timestamp;

use super::outbox::Changes;
use super::{Store, StoreError, be, decode, encode, from_be};
use crate::domain::ids::ItemId;
use crate::domain::status::Status;
use crate::domain::supervision::Item;
use crate::domain::unit::Unit;

const UNITS: &str = "units";
const ITEM_UNIT: &str = "item_unit";
const UNIT_ITEMS: &str = "unit_items";
const UNIT_OPEN: &str = "unit_open";
const UNIT_CLOSED: &str = "unit_closed";

fn prefix(unit: &str) -> Vec<u8> {
    let mut k = unit.as_bytes().to_vec();
    k.push(0);
    k
}

fn unit_key(unit: &str, id: ItemId) -> Vec<u8> {
    let mut k = prefix(unit);
    k.extend_from_slice(&be(id.0));
    k
}

fn closed_key(unit: &str, closed_ms: u64, id: ItemId) -> Vec<u8> {
    let mut k = prefix(unit);
    k.extend_from_slice(&be(closed_ms));
    k.extend_from_slice(&be(id.0));
    k
}

/// When an item closed (completed, or cancelled: its last change), if it did.
fn closed_at(item: &Item) -> Option<Timestamp> {
    match item.status {
        Status::Done => Some(item.completed_at.unwrap_or(item.updated_at)),
        Status::Cancelled => Some(item.updated_at),
        Status::Pending | Status::InProgress | Status::Submitted => None,
    }
}

fn ms(t: Timestamp) -> u64 {
    u64::try_from(t.as_millisecond()).unwrap_or(0)
}

impl Store {
    /// A tree opened on first use (sled keeps opened trees; opening again is a map lookup), so
    /// a new file of trees needs no field in [`super::Trees`].
    pub(crate) fn named_tree(&self, name: &str) -> Result<crate::store::kv::Tree, StoreError> {
        self.db.open_tree(name)
    }

    /// Every unit bound in chat, by name.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn bound_units(&self) -> Result<Vec<Unit>, StoreError> {
        let mut out = Vec::new();
        for kv in &self.named_tree(UNITS)? {
            let (k, v) = kv?;
            out.push(decode(&k, &v)?);
        }
        Ok(out)
    }

    /// The unit an item belongs to.
    ///
    /// # Errors
    /// sled errors.
    pub fn unit_of_item(&self, id: ItemId) -> Result<Option<String>, StoreError> {
        Ok(self
            .named_tree(ITEM_UNIT)?
            .get(be(id.0))?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    fn ids_with_prefix(&self, tree: &str, unit: &str) -> Result<Vec<ItemId>, StoreError> {
        let p = prefix(unit);
        let mut out = Vec::new();
        for kv in self.named_tree(tree)?.scan_prefix(&p) {
            let (k, _) = kv?;
            out.push(ItemId(from_be(k.get(p.len()..).unwrap_or_default())));
        }
        Ok(out)
    }

    /// Every item number of a unit, oldest first.
    ///
    /// # Errors
    /// sled errors.
    pub fn unit_item_ids(&self, unit: &str) -> Result<Vec<ItemId>, StoreError> {
        self.ids_with_prefix(UNIT_ITEMS, unit)
    }

    /// A unit's open items and the items it closed at or after `since`, by number: what a
    /// board or a period's figures read (`since`: the period's start).
    ///
    /// # Errors
    /// sled errors.
    pub fn unit_item_ids_since(&self, unit: &str, since: Timestamp) -> Result<Vec<ItemId>, StoreError> {
        let mut ids = self.ids_with_prefix(UNIT_OPEN, unit)?;
        ids.extend(self.closed_since(unit, since)?);
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    /// The items of `unit_item_ids_since`, read (in parallel for large units).
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn unit_items_since(&self, unit: &str, since: Timestamp) -> Result<Vec<Item>, StoreError> {
        let ids = self.unit_item_ids_since(unit, since)?;
        self.read_items(&ids)
    }

    /// What a board reads of a unit: its open items due before `due_before` (overdue, or due
    /// soon) and the items it closed at or after `since`.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn unit_board_items(
        &self,
        unit: &str,
        due_before: Timestamp,
        since: Timestamp,
    ) -> Result<Vec<Item>, StoreError> {
        let p = prefix(unit);
        let mut ids = Vec::new();
        for kv in self.named_tree(UNIT_OPEN)?.scan_prefix(&p) {
            let (k, v) = kv?;
            if v.len() != 8 || from_be(&v) < ms(due_before) {
                ids.push(ItemId(from_be(k.get(p.len()..).unwrap_or_default())));
            }
        }
        ids.extend(self.closed_since(unit, since)?);
        ids.sort_unstable();
        ids.dedup();
        self.read_items(&ids)
    }

    fn closed_since(&self, unit: &str, since: Timestamp) -> Result<Vec<ItemId>, StoreError> {
        let p = prefix(unit);
        let mut start = p.clone();
        start.extend_from_slice(&be(ms(since)));
        let mut ids = Vec::new();
        for kv in self.named_tree(UNIT_CLOSED)?.range(start..) {
            let (k, _) = kv?;
            if !k.starts_with(&p) {
                break;
            }
            ids.push(ItemId(from_be(k.get(p.len() + 8..).unwrap_or_default())));
        }
        Ok(ids)
    }

    fn read_items(&self, ids: &[ItemId]) -> Result<Vec<Item>, StoreError> {
        let items = super::in_parallel(ids, self.read_width(), 256, "unit items", |part| {
            let mut out = Vec::with_capacity(part.len());
            for id in part {
                if let Some(it) = self.get_item(*id)? {
                    out.push(it);
                }
            }
            Ok(out)
        })?;
        Ok(items)
    }
}

impl Changes {
    /// Stores a unit bound in chat (replacing its earlier binding).
    ///
    /// # Errors
    /// sled errors (opening the tree).
    pub fn put_bound_unit(&mut self, store: &Store, unit: &Unit) -> Result<(), StoreError> {
        self.put(
            &store.named_tree(UNITS)?,
            unit.name.as_bytes().to_vec(),
            encode(unit),
        );
        Ok(())
    }

    /// Removes a unit bound in chat (its items keep their unit).
    ///
    /// # Errors
    /// sled errors (opening the tree).
    pub fn remove_bound_unit(&mut self, store: &Store, name: &str) -> Result<(), StoreError> {
        self.remove(&store.named_tree(UNITS)?, name.as_bytes().to_vec());
        Ok(())
    }

    /// Files `item` under `unit` (at creation) and indexes its state.
    ///
    /// # Errors
    /// sled errors (opening the trees).
    pub fn put_unit_item(&mut self, store: &Store, unit: &str, item: &Item) -> Result<(), StoreError> {
        self.put(
            &store.named_tree(ITEM_UNIT)?,
            be(item.id.0).to_vec(),
            unit.as_bytes().to_vec(),
        );
        self.put(
            &store.named_tree(UNIT_ITEMS)?,
            unit_key(unit, item.id),
            Vec::new(),
        );
        self.index_unit_state(store, unit, item)
    }

    /// Re-indexes `item`'s state under its unit, if it has one (every item write calls this
    /// with the new item). Returns the unit.
    ///
    /// # Errors
    /// sled errors.
    pub fn reindex_unit_item(&mut self, store: &Store, item: &Item) -> Result<Option<String>, StoreError> {
        let unit = store.unit_of_item(item.id)?;
        if let Some(u) = &unit {
            self.index_unit_state(store, u, item)?;
        }
        Ok(unit)
    }

    fn index_unit_state(&mut self, store: &Store, unit: &str, item: &Item) -> Result<(), StoreError> {
        let open = store.named_tree(UNIT_OPEN)?;
        match closed_at(item) {
            None => self.put(&open, unit_key(unit, item.id), be(ms(item.deadline)).to_vec()),
            Some(t) => {
                self.remove(&open, unit_key(unit, item.id));
                self.put(
                    &store.named_tree(UNIT_CLOSED)?,
                    closed_key(unit, ms(t), item.id),
                    Vec::new(),
                );
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
