//! The durable inbox and de-duplication of Feishu pushes.
//!
//! Each new event is stored once, with its de-duplication keys (`e:<event_id>` and, for a
//! received message, `m:<tenant>:<message_id>`): on sled the acknowledgement path adds it to the
//! record the flusher writes before its next flush, one record for every event that flush
//! covers ([`group`]); elsewhere as its own entry `inbox[seq]`. Whether a push was seen is
//! answered by an in-memory index ([`index::Dedup`]) of every key pending in the inbox or
//! processed within the window, rebuilt at open from the inbox and the `seen` log. The worker
//! writes the `seen` records (`seen[key] = processed at`) in the same commit that applies the
//! event's effects and removes its entry (a grouped record: with its last event), so an event is
//! pending (in the inbox, not in `seen`), processed (in `seen`: an earlier event of a record
//! still waiting is skipped when met again), or unknown (never acknowledged: Feishu retries it).
//! Pruning by age runs off the hot path and forgets no key of an event still in the inbox.
//!
//! The caller waits for [`Store::durable`] before answering 200, also for a duplicate (whose
//! original may still be on its way to the disk).

use super::outbox::Changes;
use super::{Store, StoreError, be};

pub(crate) mod group;
pub mod index;
mod rebuild;
mod records;

use index::{Mark, digest};
pub use records::{InboxBody, InboxEntry, Payload};
use records::{Seen, batch_key, batch_record, keyed_entry, processed_record, push_batch_key, read_record};

/// Outcome of [`Store::admit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Stored under this sequence number.
    New(u64),
    /// Seen before; nothing new stored.
    Duplicate,
}

impl Store {
    /// Stores a push (its decrypted JSON as received, or a received message as the
    /// acknowledgement path read it: [`Payload`]) in the inbox unless one of its keys was seen before (pending or processed within
    /// the window). `dedup_keys` come from [`dedup_keys`]: the event key first. One write.
    ///
    /// # Errors
    /// sled errors.
    pub fn admit<'a>(
        &self,
        payload: impl Into<Payload<'a>>,
        dedup_keys: &[String],
        now_ms: i64,
    ) -> Result<Admission, StoreError> {
        let Some(digests) = digests_of(dedup_keys) else {
            return Ok(Admission::Duplicate);
        };
        let entry = keyed_entry(payload.into(), dedup_keys, now_ms);
        if let Some(pg) = self.db.as_pg() {
            return self.admit_shared(pg, entry, dedup_keys, &digests, now_ms);
        }
        let _w = self.writing();
        self.admit_locally(digests, now_ms, |seq| self.inbox.insert(be(seq), entry).map(drop))
    }

    /// The local admission (sled): unless a key is known, takes a sequence number, has `store`
    /// put the event under it, and marks the keys pending. The index's lock is held throughout:
    /// a duplicate that finds a key pending registers with the flusher after its original was
    /// stored, so its own wait covers it, and sequence numbers are stored in order.
    fn admit_locally(
        &self,
        digests: Vec<u128>,
        now_ms: i64,
        store: impl FnOnce(u64) -> Result<(), StoreError>,
    ) -> Result<Admission, StoreError> {
        let mut index = self.dedup_index();
        if digests.iter().any(|&d| index.contains(d)) {
            return Ok(Admission::Duplicate);
        }
        let seq = self.generate_id()?;
        store(seq)?;
        for d in digests {
            index.insert(
                d,
                Mark {
                    at_ms: now_ms,
                    pending: Some(seq),
                },
            );
        }
        Ok(Admission::New(seq))
    }

    /// [`Store::admit`] on PostgreSQL, where several instances share the inbox: one
    /// transaction claims the keys in `seen` (the primary key is the de-duplication; a key
    /// there already rolls it back) and stores the entry. The in-memory index stays a fast path
    /// for what this instance saw.
    fn admit_shared(
        &self,
        pg: &super::kv::pg::PgDb,
        entry: Vec<u8>,
        dedup_keys: &[String],
        digests: &[u128],
        now_ms: i64,
    ) -> Result<Admission, StoreError> {
        if digests.iter().any(|&d| self.dedup_index().contains(d)) {
            return Ok(Admission::Duplicate);
        }
        let seq = pg.admit(shared_admission(entry, dedup_keys, now_ms))?;
        Ok(self.admitted(seq, digests, now_ms))
    }

    /// [`Store::admit`] for async callers (the acknowledgement path): on PostgreSQL the task
    /// waits for the database, not its thread; on sled the same as [`Store::admit`].
    ///
    /// # Errors
    /// Storage errors.
    pub async fn admit_async(
        &self,
        payload: Payload<'_>,
        dedup_keys: &[String],
        now_ms: i64,
    ) -> Result<Admission, StoreError> {
        let Some(pg) = self.db.as_pg() else {
            return match &self.admissions {
                Some(admissions) => self.admit_grouped(admissions, payload, dedup_keys, now_ms),
                None => self.admit(payload, dedup_keys, now_ms),
            };
        };
        let Some(digests) = digests_of(dedup_keys) else {
            return Ok(Admission::Duplicate);
        };
        if digests.iter().any(|&d| self.dedup_index().contains(d)) {
            return Ok(Admission::Duplicate);
        }
        let entry = keyed_entry(payload, dedup_keys, now_ms);
        let seq = pg
            .admit_async(shared_admission(entry, dedup_keys, now_ms))
            .await?;
        Ok(self.admitted(seq, &digests, now_ms))
    }

    /// [`Store::admit`] for a caller that waits for [`Store::durable`] next (the
    /// acknowledgement path, on sled): the event joins the record the flusher writes before
    /// its next flush ([`group`]) instead of being written on its own now.
    fn admit_grouped(
        &self,
        admissions: &group::Admissions,
        payload: Payload<'_>,
        dedup_keys: &[String],
        now_ms: i64,
    ) -> Result<Admission, StoreError> {
        let Some(digests) = digests_of(dedup_keys) else {
            return Ok(Admission::Duplicate);
        };
        self.admit_locally(digests, now_ms, |seq| {
            admissions.push(seq, payload, dedup_keys, now_ms);
            Ok(())
        })
    }

    /// Records a shared admission in the local index.
    fn admitted(&self, seq: Option<u64>, digests: &[u128], now_ms: i64) -> Admission {
        let Some(seq) = seq else {
            return Admission::Duplicate;
        };
        let mut index = self.dedup_index();
        for &d in digests {
            index.insert(
                d,
                Mark {
                    at_ms: now_ms,
                    pending: Some(seq),
                },
            );
        }
        Admission::New(seq)
    }

    /// Up to `limit` unprocessed events after sequence `after` (exclusive), oldest first.
    /// Whole records are read: a grouped record's events all come, and may take the count past
    /// `limit`.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn inbox_pending(&self, after: Option<u64>, limit: usize) -> Result<Vec<InboxEntry>, StoreError> {
        let start = after.map_or(0, |a| a.saturating_add(1));
        let mut out = Vec::new();
        for kv in self.inbox.range(be(start)..) {
            if out.len() >= limit {
                break;
            }
            let (k, v) = kv?;
            out.extend(group::decode_record(&k, &v)?);
        }
        Ok(out)
    }

    /// Number of unprocessed events: on sled a scan of the inbox (as sled's own count is),
    /// counting the events of each grouped record; on PostgreSQL, where each admission is its
    /// own row, a count of the rows (a record copied from sled by a migration counts once).
    pub fn inbox_len(&self) -> usize {
        if self.db.as_pg().is_some() {
            return self.inbox.len();
        }
        self.inbox
            .iter()
            .map(|kv| kv.map_or(1, |(_, v)| group::events_in(&v)))
            .sum()
    }

    /// Forgets de-duplication keys processed before `older_than_ms`, on disk and in the index;
    /// returns how many keys went. A scan of `seen` (about eight hours of pushes), run rarely and
    /// off the hot path. A key whose event still waits in the inbox is never forgotten.
    ///
    /// # Errors
    /// sled errors.
    pub fn prune_seen(&self, older_than_ms: i64) -> Result<usize, StoreError> {
        // The keys of every event still in the inbox: an event of a grouped record processed
        // long ago while the record waits for its last one (duban stopped in between) must stay
        // known as processed until its record goes, or the worker would process it again.
        let mut waiting = std::collections::HashSet::new();
        for kv in &self.inbox {
            let (k, v) = kv?;
            for entry in group::decode_record(&k, &v)? {
                waiting.extend(entry.keys.iter().map(|key| digest(key)));
            }
        }
        let mut n = 0;
        for kv in &self.seen {
            let (k, v) = kv?;
            let Ok(seen) = read_record(&k, &v) else {
                continue;
            };
            let (at_ms, keys) = match seen {
                Seen::Pending { seq, .. } if self.inbox.contains_key(be(seq))? => continue,
                Seen::Batch { keys, at_ms } => (at_ms, keys),
                Seen::Pending { at_ms, .. } | Seen::Processed { at_ms } | Seen::Alias { at_ms, .. } => {
                    (at_ms, vec![String::from_utf8_lossy(&k).into_owned()])
                }
            };
            if at_ms >= older_than_ms {
                continue;
            }
            let _w = self.writing();
            let mut index = self.dedup_index();
            let mut kept = 0;
            for key in &keys {
                let d = digest(key);
                match index.get(d) {
                    Some(Mark { pending: Some(_), .. }) => kept += 1,
                    Some(m) if m.at_ms >= older_than_ms || waiting.contains(&d) => kept += 1,
                    Some(_) => index.remove(d),
                    None => {}
                }
            }
            // A key record still in use stays; a batch record goes once its time is up (a key
            // in it that is waiting again or was processed later has a record of its own).
            if kept > 0 && keys.len() == 1 {
                continue;
            }
            // Removed under the index lock: a concurrent commit marking it again either came
            // first (then the mark above is recent) or writes the record again after.
            if self
                .seen
                .compare_and_swap(&k, Some(&v), None as Option<&[u8]>)?
                .is_ok()
            {
                n += keys.len() - kept;
            }
        }
        Ok(n)
    }

    /// For each event (its keys and when it was received): whether it was processed already.
    /// A grouped record stays in the inbox until its last event is processed, so an earlier
    /// event of it met again (after a crash or a failed commit) is skipped, not processed
    /// twice. One look at the index for them all.
    pub fn already_processed<'a>(&self, events: impl IntoIterator<Item = (&'a [String], i64)>) -> Vec<bool> {
        let index = self.dedup_index();
        events
            .into_iter()
            .map(|(keys, received_ms)| {
                keys.first().is_some_and(|k| {
                    matches!(
                        index.get(digest(k)),
                        Some(Mark { pending: None, at_ms }) if at_ms >= received_ms
                    )
                })
            })
            .collect()
    }
}

impl Changes {
    /// Marks inbox entry `seq` processed: records its keys in the `seen` log, then removes
    /// it (in this order, so a crash between the two in a non-transactional bookkeeping commit
    /// only replays a no-op). The index learns the keys once the commit succeeded.
    ///
    /// On sled the keys of every event of this change go into one batch record (written
    /// before the first removal); on PostgreSQL, where the keys are the rows instances claim,
    /// one record a key.
    pub fn inbox_done(&mut self, store: &Store, seq: u64, keys: &[String], now_ms: i64) {
        if store.db.as_pg().is_some() {
            for key in keys {
                self.put(&store.seen, key.as_bytes().to_vec(), processed_record(now_ms));
            }
        } else if !keys.is_empty() {
            let i = match self.seen_batch {
                Some((i, at_ms)) if at_ms == now_ms => i,
                _ => {
                    self.put(&store.seen, batch_key(seq), batch_record(now_ms));
                    let i = self.len() - 1;
                    self.seen_batch = Some((i, now_ms));
                    i
                }
            };
            if let Some(record) = self.value_mut(i) {
                for key in keys {
                    push_batch_key(record, key);
                }
            }
        }
        for key in keys {
            self.processed.push((digest(key), now_ms));
        }
        self.remove(&store.inbox, be(seq).to_vec());
    }
}

/// The shared admission of `entry` under `keys`: each key claimed with a `Pending` record.
fn shared_admission(entry: Vec<u8>, keys: &[String], now_ms: i64) -> super::kv::pg::Admit {
    super::kv::pg::Admit {
        seen: "seen",
        inbox: "inbox",
        claims: keys.iter().map(|k| k.as_bytes().to_vec()).collect(),
        claim: Box::new(move |seq| super::encode(&Seen::Pending { seq, at_ms: now_ms })),
        entry,
    }
}

/// The digests of a push's keys, none for a push without keys (which is never stored: it
/// cannot be de-duplicated).
fn digests_of(dedup_keys: &[String]) -> Option<Vec<u128>> {
    (!dedup_keys.is_empty()).then(|| dedup_keys.iter().map(|k| digest(k)).collect())
}

/// The de-duplication keys of a push: its event key first and, for a received message, its
/// `(tenant, message id)` (Feishu may repeat a message under a new event id).
pub fn dedup_keys(event_id: &str, message: Option<(&str, &str)>) -> Vec<String> {
    let mut keys = vec![format!("e:{event_id}")];
    if let Some((tenant, mid)) = message {
        keys.push(format!("m:{tenant}:{mid}"));
    }
    keys
}

#[cfg(test)]
mod group_tests;
#[cfg(test)]
mod tests;
