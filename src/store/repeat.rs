//! Recurring-item series, kept beside the items (an item's stored bytes stay as they were).
//!
//! Trees `repeat_series` (be(series) → [`Series`], the durable per-series cursor: its current
//! occurrence, number and period, and when the next is due) and `repeat_items`
//! (be(item) → [`Occurrence`]: which series and which 期 an item is). Both are written in the
//! caller's [`Changes`], in the same transaction as the items they describe, so a rollover
//! happens wholly or not at all.

use super::outbox::Changes;
use super::{Store, StoreError, be, decode, encode};
use crate::domain::ids::ItemId;
use crate::domain::repeat::{Occurrence, Series};

const SERIES: &str = "repeat_series";
const ITEMS: &str = "repeat_items";

impl Store {
    /// Series `id` (named by its first item).
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn repeat_series(&self, id: ItemId) -> Result<Option<Series>, StoreError> {
        let key = be(id.0);
        self.named_tree(SERIES)?
            .get(key)?
            .map(|v| decode(&key, &v))
            .transpose()
    }

    /// Which series and 期 item `id` is, if it recurs.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn occurrence_of(&self, id: ItemId) -> Result<Option<Occurrence>, StoreError> {
        let key = be(id.0);
        self.named_tree(ITEMS)?
            .get(key)?
            .map(|v| decode(&key, &v))
            .transpose()
    }

    /// Item `id`'s occurrence and its series, if it recurs.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn series_of_item(&self, id: ItemId) -> Result<Option<(Occurrence, Series)>, StoreError> {
        let Some(o) = self.occurrence_of(id)? else {
            return Ok(None);
        };
        Ok(self.repeat_series(o.series)?.map(|s| (o, s)))
    }

    /// Every series still running with a creation due by the scheduler (`next_at` set).
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn waiting_series(&self) -> Result<Vec<Series>, StoreError> {
        let mut out = Vec::new();
        for kv in &self.named_tree(SERIES)? {
            let (k, v) = kv?;
            let s: Series = decode(&k, &v)?;
            if s.is_active() && s.next_at.is_some() {
                out.push(s);
            }
        }
        Ok(out)
    }
}

impl Changes {
    /// Stores a series' state.
    ///
    /// # Errors
    /// sled errors (opening the tree).
    pub fn put_repeat_series(&mut self, store: &Store, s: &Series) -> Result<(), StoreError> {
        self.put(&store.named_tree(SERIES)?, be(s.id.0).to_vec(), encode(s));
        Ok(())
    }

    /// Records that item `id` is occurrence `o`.
    ///
    /// # Errors
    /// sled errors (opening the tree).
    pub fn put_occurrence(&mut self, store: &Store, id: ItemId, o: &Occurrence) -> Result<(), StoreError> {
        self.put(&store.named_tree(ITEMS)?, be(id.0).to_vec(), encode(o));
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::repeat::NextWhen;
    use jiff::civil::{Time, date};

    fn series(id: u64, next_at: Option<jiff::Timestamp>) -> Series {
        Series {
            id: ItemId(id),
            rule: "每周".to_owned(),
            anchor: date(2026, 3, 13),
            time: Time::constant(18, 0, 0, 0),
            has_time: false,
            current: ItemId(id),
            number: 1,
            period_start: date(2026, 3, 9),
            period_end: date(2026, 3, 15),
            due: date(2026, 3, 13),
            next_at,
            stopped: None,
        }
    }

    #[test]
    fn a_series_and_its_occurrences_are_kept_beside_the_items() {
        let _ = NextWhen::default();
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::testing::open_for_test(dir.path()).unwrap();
        assert_eq!(store.series_of_item(ItemId(3)).unwrap(), None);
        let s = series(3, None);
        let waiting = series(7, Some(jiff::Timestamp::UNIX_EPOCH));
        let o = Occurrence {
            series: ItemId(3),
            number: 1,
        };
        let mut ch = Changes::new();
        ch.put_repeat_series(&store, &s).unwrap();
        ch.put_repeat_series(&store, &waiting).unwrap();
        ch.put_occurrence(&store, ItemId(3), &o).unwrap();
        store.commit(&ch).unwrap();
        assert_eq!(store.series_of_item(ItemId(3)).unwrap(), Some((o, s)));
        assert_eq!(store.occurrence_of(ItemId(4)).unwrap(), None);
        assert_eq!(store.waiting_series().unwrap(), vec![waiting]);
    }
}
