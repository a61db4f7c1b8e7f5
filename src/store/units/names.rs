//! Names of people, kept across restarts: Feishu events carry only open_ids, so a name
//! learned from a mention or a group's member list is remembered here as well as in memory.
//! Without it, a unit head's name was blank after a restart until the person was seen again
//! (the 下达 items' 主办, `/督办 单位 列表`).
//!
//! Tree `person_names` (open_id → name, UTF-8). Written directly, outside the transactions
//! of the changes that revealed the names: it is a cache, and losing a write costs at most a
//! name until the person is seen again.

use std::collections::HashMap;

use super::super::{Store, StoreError};

const PERSON_NAMES: &str = "person_names";

impl Store {
    /// Every remembered name, by open_id.
    ///
    /// # Errors
    /// sled errors.
    pub fn person_names(&self) -> Result<HashMap<String, String>, StoreError> {
        let mut out = HashMap::new();
        for kv in &self.named_tree(PERSON_NAMES)? {
            let (k, v) = kv?;
            out.insert(
                String::from_utf8_lossy(&k).into_owned(),
                String::from_utf8_lossy(&v).into_owned(),
            );
        }
        Ok(out)
    }

    /// Remembers names (open_id, name), replacing older ones; empty names are skipped.
    ///
    /// # Errors
    /// sled errors.
    pub fn remember_person_names(&self, names: &[(String, String)]) -> Result<(), StoreError> {
        let mut batch = crate::store::kv::Batch::default();
        let mut any = false;
        for (id, name) in names.iter().filter(|(_, n)| !n.trim().is_empty()) {
            batch.insert(id.as_bytes(), name.as_bytes());
            any = true;
        }
        if any {
            let _w = self.writing();
            self.named_tree(PERSON_NAMES)?.apply_batch(batch)?;
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {

    /// (Across a restart: `unit_heads_keep_their_names_after_a_restart` in tests/api.)
    #[test]
    fn names_are_kept_replaced_and_blank_ones_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::testing::open_for_test(dir.path()).unwrap();
        store
            .remember_person_names(&[
                ("ou_qm".to_owned(), "钱明".to_owned()),
                ("ou_blank".to_owned(), " ".to_owned()),
            ])
            .unwrap();
        store
            .remember_person_names(&[("ou_qm".to_owned(), "钱明明".to_owned())])
            .unwrap();
        store.remember_person_names(&[]).unwrap();
        let names = store.person_names().unwrap();
        assert_eq!(names.len(), 1);
        assert_eq!(names["ou_qm"], "钱明明");
    }
}
