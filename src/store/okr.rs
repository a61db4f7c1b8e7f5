//! What became of an item's OKR progress record (issue 18), kept beside the item in tree
//! `okr_progress` (be(item) → `written` or `failed`): a record is written once per item, and a
//! second intent for the same item (or one queued again) is dropped.

use super::{Store, StoreError, be};
use crate::domain::ids::ItemId;

const OKR_PROGRESS: &str = "okr_progress";

impl Store {
    /// Whether item `id`'s progress record was written (or refused for good).
    ///
    /// # Errors
    /// sled errors.
    pub fn okr_progress_settled(&self, id: ItemId) -> Result<bool, StoreError> {
        Ok(self.named_tree(OKR_PROGRESS)?.get(be(id.0))?.is_some())
    }

    /// Notes that item `id`'s progress record was written (`ok`) or refused for good.
    ///
    /// # Errors
    /// sled errors.
    pub fn settle_okr_progress(&self, id: ItemId, ok: bool) -> Result<(), StoreError> {
        let v: &[u8] = if ok { b"written" } else { b"failed" };
        let _w = self.writing();
        self.named_tree(OKR_PROGRESS)?.insert(be(id.0), v)?;
        Ok(())
    }
}
