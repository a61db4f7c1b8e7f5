//! Meetings handed to the bot (`/纪要`), the link from converted 督办 items back to them, and
//! the closure index.
//!
//! Trees: `meetings` (be(id) → Meeting), `item_meeting` (be(item) → be(meeting) ‖ be(draft
//! index): where a converted item came from), `meeting_closure` (be(fire ms) ‖ be(meeting) → ∅:
//! the scheduler range-scans up to `now`, so a tick costs what is due), `meeting_cards` (be(id)
//! → the follow-up card's message id; kept apart from the meeting so the dispatcher can record
//! it without racing domain writes). Meeting numbers come from the `meeting_seq` counter in
//! `meta`.

use super::outbox::Changes;
use super::{Store, StoreError, be, decode, encode, from_be};
use crate::domain::ids::ItemId;
use crate::minutes::{Meeting, MeetingId};

const MEETING_SEQ: &[u8] = b"meeting_seq";

fn closure_key(fire_ms: u64, id: MeetingId) -> Vec<u8> {
    let mut k = be(fire_ms).to_vec();
    k.extend_from_slice(&be(id.0));
    k
}

impl Store {
    /// One meeting.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn get_meeting(&self, id: MeetingId) -> Result<Option<Meeting>, StoreError> {
        let key = be(id.0);
        self.meetings.get(key)?.map(|v| decode(&key, &v)).transpose()
    }

    /// The meeting (and the draft's index) a converted item came from.
    ///
    /// # Errors
    /// sled errors.
    pub fn meeting_of_item(&self, item: ItemId) -> Result<Option<(MeetingId, usize)>, StoreError> {
        Ok(self.item_meeting.get(be(item.0))?.map(|v| {
            let meeting = MeetingId(from_be(&v));
            let idx = usize::try_from(from_be(v.get(8..).unwrap_or_default())).unwrap_or(usize::MAX);
            (meeting, idx)
        }))
    }

    /// Meetings whose closure card is due at or before `now_ms`, earliest first, at most
    /// `limit`, with the index entry's time.
    ///
    /// # Errors
    /// sled errors.
    pub fn closures_due(&self, now_ms: i64, limit: usize) -> Result<Vec<(u64, MeetingId)>, StoreError> {
        let end = closure_key(u64::try_from(now_ms).unwrap_or(0).saturating_add(1), MeetingId(0));
        let mut out = Vec::new();
        for kv in self.meeting_closure.range(..end).take(limit) {
            let (k, _) = kv?;
            out.push((from_be(&k), MeetingId(from_be(k.get(8..).unwrap_or_default()))));
        }
        Ok(out)
    }

    /// The earliest scheduled closure card, if any (Unix ms).
    ///
    /// # Errors
    /// sled errors.
    pub fn next_closure_ms(&self) -> Result<Option<i64>, StoreError> {
        Ok(self
            .meeting_closure
            .first()?
            .map(|(k, _)| i64::try_from(from_be(&k)).unwrap_or(i64::MAX)))
    }

    /// The message id of a meeting's follow-up card, once posted.
    ///
    /// # Errors
    /// sled errors.
    pub fn meeting_card(&self, id: MeetingId) -> Result<Option<String>, StoreError> {
        Ok(self
            .meeting_cards
            .get(be(id.0))?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// The meeting whose follow-up card is message `message_id` (a linear scan of the small
    /// `meeting_cards` tree; used only as a fallback).
    ///
    /// # Errors
    /// sled errors.
    pub fn meeting_by_card(&self, message_id: &str) -> Result<Option<MeetingId>, StoreError> {
        for kv in &self.meeting_cards {
            let (k, v) = kv?;
            if v.as_ref() == message_id.as_bytes() {
                return Ok(Some(MeetingId(from_be(&k))));
            }
        }
        Ok(None)
    }

    /// Records the message id of a meeting's follow-up card.
    ///
    /// # Errors
    /// sled errors.
    pub fn set_meeting_card(&self, id: MeetingId, message_id: &str) -> Result<(), StoreError> {
        let _w = self.writing();
        self.meeting_cards.insert(be(id.0), message_id.as_bytes())?;
        Ok(())
    }
}

impl Changes {
    /// The next meeting number (`HY-<n>`, from 1). One new meeting per change: commit before
    /// allocating another (the counter is written with the meeting).
    ///
    /// # Errors
    /// sled errors.
    pub fn next_meeting_id(&self, store: &Store) -> Result<MeetingId, StoreError> {
        let cur = store.meta.get(MEETING_SEQ)?.map_or(0, |v| from_be(&v));
        Ok(MeetingId(cur + 1))
    }

    /// Stores a new meeting, the counter, and its closure index entry (when it has a time).
    pub fn put_new_meeting(&mut self, store: &Store, m: &Meeting) {
        self.put(&store.meta, MEETING_SEQ.to_vec(), be(m.id.0).to_vec());
        if let Some(at) = m.closure_at {
            self.schedule_closure(store, at, m.id);
        }
        self.put_meeting(store, m);
    }

    /// Stores a meeting's new state.
    pub fn put_meeting(&mut self, store: &Store, m: &Meeting) {
        self.put(&store.meetings, be(m.id.0).to_vec(), encode(m));
    }

    /// Links a converted item to its meeting and draft.
    pub fn link_item_to_meeting(&mut self, store: &Store, item: ItemId, meeting: MeetingId, idx: usize) {
        let mut v = be(meeting.0).to_vec();
        v.extend_from_slice(&be(u64::try_from(idx).unwrap_or(u64::MAX)));
        self.put(&store.item_meeting, be(item.0).to_vec(), v);
    }

    /// Adds a closure index entry for meeting `id` at `at`.
    pub fn schedule_closure(&mut self, store: &Store, at: jiff::Timestamp, id: MeetingId) {
        let ms = u64::try_from(at.as_millisecond()).unwrap_or(0);
        self.put(&store.meeting_closure, closure_key(ms, id), Vec::new());
    }

    /// Removes one closure index entry (the one a tick consumed).
    pub fn unschedule_closure(&mut self, store: &Store, fire_ms: u64, id: MeetingId) {
        self.remove(&store.meeting_closure, closure_key(fire_ms, id));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::ids::{ChatId, MessageId, OpenId, Person};
    use crate::minutes::{Extraction, MeetingSource};

    fn meeting(id: u64, closure: Option<&str>) -> Meeting {
        let now: jiff::Timestamp = "2026-03-11T10:00:00+08:00".parse().unwrap();
        let mut m = Meeting::from_extraction(
            MeetingId(id),
            ChatId("oc_a".to_owned()),
            Person {
                open_id: OpenId("ou_a".to_owned()),
                name: "甲".to_owned(),
            },
            MeetingSource::Pasted {
                message_id: MessageId("om_1".to_owned()),
            },
            Extraction::default(),
            now,
        );
        m.closure_at = closure.map(|c| c.parse().unwrap());
        m
    }

    #[test]
    fn a_meeting_round_trips_with_its_counter_and_closure_entry() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::testing::open_for_test(dir.path()).unwrap();
        let mut ch = Changes::new();
        assert_eq!(ch.next_meeting_id(&store).unwrap(), MeetingId(1));
        let m = meeting(1, Some("2026-03-18T10:00:00+08:00"));
        ch.put_new_meeting(&store, &m);
        ch.link_item_to_meeting(&store, ItemId(7), m.id, 2);
        store.commit(&ch).unwrap();
        assert_eq!(store.get_meeting(MeetingId(1)).unwrap(), Some(m));
        assert_eq!(Changes::new().next_meeting_id(&store).unwrap(), MeetingId(2));
        assert_eq!(store.meeting_of_item(ItemId(7)).unwrap(), Some((MeetingId(1), 2)));
        assert_eq!(store.meeting_of_item(ItemId(8)).unwrap(), None);
        let at: jiff::Timestamp = "2026-03-18T10:00:00+08:00".parse().unwrap();
        let ms = at.as_millisecond();
        assert!(store.closures_due(ms - 1, 10).unwrap().is_empty());
        let due = store.closures_due(ms, 10).unwrap();
        assert_eq!(due, vec![(u64::try_from(ms).unwrap(), MeetingId(1))]);
        assert_eq!(store.next_closure_ms().unwrap(), Some(ms));
        let mut ch = Changes::new();
        ch.unschedule_closure(&store, due[0].0, MeetingId(1));
        store.commit(&ch).unwrap();
        assert_eq!(store.next_closure_ms().unwrap(), None);
    }

    #[test]
    fn the_follow_up_card_is_found_by_meeting_and_by_message() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::testing::open_for_test(dir.path()).unwrap();
        store.set_meeting_card(MeetingId(3), "om_card").unwrap();
        assert_eq!(
            store.meeting_card(MeetingId(3)).unwrap().as_deref(),
            Some("om_card")
        );
        assert_eq!(store.meeting_by_card("om_card").unwrap(), Some(MeetingId(3)));
        assert_eq!(store.meeting_by_card("om_other").unwrap(), None);
    }
}
