//! The numeric target of a 下达 item and the latest value reported against it, kept beside
//! the item rather than in it: an item's stored bytes (JSON in `items`, and the compact copy
//! inside its reminder record) stay exactly as they were for every item.
//!
//! Tree `item_targets` (be(item) → [`ItemTarget`]), written in the caller's [`Changes`], in
//! the same transaction as the item.

use serde::{Deserialize, Serialize};

use super::outbox::Changes;
use super::{Store, StoreError, be, decode, encode};
use crate::domain::batch::{Report, Target};
use crate::domain::ids::ItemId;

const ITEM_TARGETS: &str = "item_targets";

/// An item's target and its latest report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTarget {
    /// `≥30户`.
    pub target: Target,
    /// The latest report, if any (every report is in the audit trail).
    #[serde(default)]
    pub report: Option<Report>,
}

impl Store {
    /// Item `id`'s target, if it has one.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn item_target(&self, id: ItemId) -> Result<Option<ItemTarget>, StoreError> {
        let key = be(id.0);
        self.named_tree(ITEM_TARGETS)?
            .get(key)?
            .map(|v| decode(&key, &v))
            .transpose()
    }
}

impl Changes {
    /// Stores item `id`'s target and report.
    ///
    /// # Errors
    /// sled errors (opening the tree).
    pub fn put_item_target(&mut self, store: &Store, id: ItemId, t: &ItemTarget) -> Result<(), StoreError> {
        self.put(&store.named_tree(ITEM_TARGETS)?, be(id.0).to_vec(), encode(t));
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_target_and_its_report_are_kept_beside_the_item() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::testing::open_for_test(dir.path()).unwrap();
        assert_eq!(store.item_target(ItemId(3)).unwrap(), None);
        let t = ItemTarget {
            target: Target::parse("≥30户").unwrap(),
            report: None,
        };
        let mut ch = Changes::new();
        ch.put_item_target(&store, ItemId(3), &t).unwrap();
        store.commit(&ch).unwrap();
        assert_eq!(store.item_target(ItemId(3)).unwrap(), Some(t));
        assert_eq!(store.item_target(ItemId(4)).unwrap(), None);
    }
}
