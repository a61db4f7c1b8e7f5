//! 例会 meeting series (`HYS-n`), their audit trail, the message ids of their pre-meeting
//! cards, and the minutes (`HY-n`) attached to their occurrences.
//!
//! Trees (opened on first use):
//! - `series` (be(id) → [`Series`]); `series_meta` (`seq` → be(last number)).
//! - `series_audit` (be(id) ‖ be(seq) → [`AuditRecord`], append-only).
//! - `series_cards` (be(id) ‖ `YYYY-MM-DD` → message id of that occurrence's pre-meeting card;
//!   written by the dispatcher when the card is delivered, like `meeting_cards`).
//! - `series_minutes` (be(meeting) → be(series) ‖ `YYYY-MM-DD`): the occurrence minutes belong to.
//! - `series_occ_minutes` (be(series) ‖ `YYYY-MM-DD` ‖ be(meeting) → ∅): the reverse.
//!
//! Every domain write goes through the caller's [`Changes`], in one transaction with the outbox.

use jiff::civil::Date;

use super::outbox::Changes;
use super::{Store, StoreError, be, decode, encode, from_be};
use crate::domain::audit::AuditRecord;
use crate::domain::ids::{ChatId, SeriesId};
use crate::domain::series::Series;
use crate::minutes::MeetingId;

const SERIES: &str = "series";
const META: &str = "series_meta";
const AUDIT: &str = "series_audit";
const CARDS: &str = "series_cards";
const MINUTES: &str = "series_minutes";
const OCC_MINUTES: &str = "series_occ_minutes";
const SEQ: &[u8] = b"seq";

fn occ_key(id: SeriesId, occ: Date) -> Vec<u8> {
    let mut k = be(id.0).to_vec();
    k.extend_from_slice(occ.to_string().as_bytes());
    k
}

impl Store {
    /// One series.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn get_series(&self, id: SeriesId) -> Result<Option<Series>, StoreError> {
        let key = be(id.0);
        self.named_tree(SERIES)?
            .get(key)?
            .map(|v| decode(&key, &v))
            .transpose()
    }

    /// Every series, by number.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn all_series(&self) -> Result<Vec<Series>, StoreError> {
        let mut out = Vec::new();
        for kv in &self.named_tree(SERIES)? {
            let (k, v) = kv?;
            out.push(decode(&k, &v)?);
        }
        Ok(out)
    }

    /// The series of one group, by number.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn series_in_chat(&self, chat: &ChatId) -> Result<Vec<Series>, StoreError> {
        Ok(self
            .all_series()?
            .into_iter()
            .filter(|s| s.chat_id == *chat)
            .collect())
    }

    /// A series' audit trail, oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn series_audit(&self, id: SeriesId) -> Result<Vec<AuditRecord>, StoreError> {
        let mut out = Vec::new();
        for kv in self.named_tree(AUDIT)?.scan_prefix(be(id.0)) {
            let (k, v) = kv?;
            out.push(decode(&k, &v)?);
        }
        Ok(out)
    }

    /// The message id of an occurrence's pre-meeting card, once delivered.
    ///
    /// # Errors
    /// sled errors.
    pub fn series_card(&self, id: SeriesId, occ: Date) -> Result<Option<String>, StoreError> {
        Ok(self
            .named_tree(CARDS)?
            .get(occ_key(id, occ))?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// Records the message id of an occurrence's pre-meeting card (the dispatcher, on delivery).
    ///
    /// # Errors
    /// sled errors.
    pub fn set_series_card(&self, id: SeriesId, occ: Date, message_id: &str) -> Result<(), StoreError> {
        let _w = self.writing();
        self.named_tree(CARDS)?
            .insert(occ_key(id, occ), message_id.as_bytes())?;
        Ok(())
    }

    /// The series occurrence minutes `HY-n` belong to.
    ///
    /// # Errors
    /// sled errors.
    pub fn series_of_meeting(&self, meeting: MeetingId) -> Result<Option<(SeriesId, Date)>, StoreError> {
        let Some(v) = self.named_tree(MINUTES)?.get(be(meeting.0))? else {
            return Ok(None);
        };
        let id = SeriesId(from_be(&v));
        let date = std::str::from_utf8(v.get(8..).unwrap_or_default())
            .ok()
            .and_then(|s| s.parse::<Date>().ok());
        Ok(date.map(|d| (id, d)))
    }

    /// The minutes attached to one occurrence, by number.
    ///
    /// # Errors
    /// sled errors.
    pub fn minutes_of_occurrence(&self, id: SeriesId, occ: Date) -> Result<Vec<MeetingId>, StoreError> {
        let p = occ_key(id, occ);
        let mut out = Vec::new();
        for kv in self.named_tree(OCC_MINUTES)?.scan_prefix(&p) {
            let (k, _) = kv?;
            out.push(MeetingId(from_be(k.get(p.len()..).unwrap_or_default())));
        }
        Ok(out)
    }
}

impl Changes {
    /// The next series number (`HYS-<n>`, from 1). One new series per change.
    ///
    /// # Errors
    /// sled errors.
    pub fn next_series_id(&self, store: &Store) -> Result<SeriesId, StoreError> {
        let cur = store.named_tree(META)?.get(SEQ)?.map_or(0, |v| from_be(&v));
        Ok(SeriesId(cur + 1))
    }

    /// Stores a new series with the counter.
    ///
    /// # Errors
    /// sled errors.
    pub fn put_new_series(&mut self, store: &Store, s: &Series) -> Result<(), StoreError> {
        self.put(&store.named_tree(META)?, SEQ.to_vec(), be(s.id.0).to_vec());
        self.put_series(store, s)
    }

    /// Stores a series' new state.
    ///
    /// # Errors
    /// sled errors.
    pub fn put_series(&mut self, store: &Store, s: &Series) -> Result<(), StoreError> {
        self.put(&store.named_tree(SERIES)?, be(s.id.0).to_vec(), encode(s));
        Ok(())
    }

    /// Appends to a series' audit trail.
    ///
    /// # Errors
    /// sled errors.
    pub fn push_series_audit(
        &mut self,
        store: &Store,
        id: SeriesId,
        rec: &AuditRecord,
    ) -> Result<(), StoreError> {
        let mut key = be(id.0).to_vec();
        key.extend_from_slice(&be(store.generate_id()?));
        self.put(&store.named_tree(AUDIT)?, key, encode(rec));
        Ok(())
    }

    /// Attaches minutes `HY-n` to an occurrence.
    ///
    /// # Errors
    /// sled errors.
    pub fn attach_minutes(
        &mut self,
        store: &Store,
        meeting: MeetingId,
        id: SeriesId,
        occ: Date,
    ) -> Result<(), StoreError> {
        let mut v = be(id.0).to_vec();
        v.extend_from_slice(occ.to_string().as_bytes());
        self.put(&store.named_tree(MINUTES)?, be(meeting.0).to_vec(), v);
        let mut k = occ_key(id, occ);
        k.extend_from_slice(&be(meeting.0));
        self.put(&store.named_tree(OCC_MINUTES)?, k, Vec::new());
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
