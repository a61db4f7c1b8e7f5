//! Building the de-duplication index at open, and keeping it as commits land.

use std::collections::HashSet;

use super::super::{Store, StoreError};
use super::group::decode_record;
use super::index::{Dedup, Mark, digest};
use super::records::{Seen, read_record};

impl Store {
    /// Builds the index from the inbox and the `seen` log. Records earlier versions left
    /// behind for an event that was never acknowledged (a key marked with no inbox entry, and
    /// its message alias) are removed: Feishu retries such an event and it must be admitted.
    ///
    /// # Errors
    /// sled or codec errors.
    pub(crate) fn rebuild_dedup(&self) -> Result<Dedup, StoreError> {
        let mut index = Dedup::default();
        let mut waiting = HashSet::new();
        for kv in &self.inbox {
            let (k, v) = kv?;
            for entry in decode_record(&k, &v)? {
                waiting.insert(entry.seq);
                for key in &entry.keys {
                    index.insert(
                        digest(key),
                        Mark {
                            at_ms: entry.received_ms,
                            pending: Some(entry.seq),
                        },
                    );
                }
            }
        }
        let mut aliases = Vec::new();
        let mut orphans = Vec::new();
        for kv in &self.seen {
            let (k, v) = kv?;
            let Ok(seen) = read_record(&k, &v) else {
                continue;
            };
            if let Seen::Batch { keys, at_ms } = seen {
                // A key may be in two records (bookkeeping replayed after a crash): the later
                // processing time counts. A key still in the inbox but processed since it was
                // received is processed: an earlier event of a grouped record whose last event
                // was not reached, or bookkeeping interrupted between its `seen` record and
                // the removal (the worker skips such an event and removes its record).
                for key in keys {
                    processed(&mut index, digest(&key), at_ms);
                }
                continue;
            }
            let key = String::from_utf8_lossy(&k);
            let d = digest(&key);
            match seen {
                Seen::Processed { at_ms } => processed(&mut index, d, at_ms),
                Seen::Pending { seq, at_ms } if waiting.contains(&seq) => index.insert(
                    d,
                    Mark {
                        at_ms,
                        pending: Some(seq),
                    },
                ),
                Seen::Pending { .. } => orphans.push((k.to_vec(), key.into_owned())),
                Seen::Alias { event_key, at_ms } => aliases.push((k.to_vec(), event_key, at_ms)),
                Seen::Batch { .. } => {}
            }
        }
        let orphan_keys: HashSet<&str> = orphans.iter().map(|(_, key)| key.as_str()).collect();
        let mut stale: Vec<Vec<u8>> = orphans.iter().map(|(k, _)| k.clone()).collect();
        for (k, event_key, at_ms) in aliases {
            let d = digest(&String::from_utf8_lossy(&k));
            match index.get(digest(&event_key)) {
                Some(Mark {
                    pending: Some(seq), ..
                }) => index.insert(
                    d,
                    Mark {
                        at_ms,
                        pending: Some(seq),
                    },
                ),
                _ if orphan_keys.contains(event_key.as_str()) => stale.push(k),
                _ => index.insert(d, Mark { at_ms, pending: None }),
            }
        }
        for k in stale {
            self.seen.remove(k)?;
        }
        index.make_room();
        Ok(index)
    }

    /// Records keys as processed once their commit succeeded.
    pub(crate) fn mark_processed(&self, marks: &[(u128, i64)]) {
        let mut index = self.dedup_index();
        for &(d, at_ms) in marks {
            index.insert(d, Mark { at_ms, pending: None });
        }
    }

    /// The index, locked.
    pub(crate) fn dedup_index(&self) -> std::sync::MutexGuard<'_, Dedup> {
        self.dedup
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Number of keys the de-duplication index holds (pending and recently processed).
    pub fn dedup_len(&self) -> usize {
        self.dedup_index().len()
    }
}

/// A key's `seen` record, processed at `at_ms`, read into the index: it wins over an earlier
/// processing and over a pending mark from before it (an event received again after it was
/// forgotten, later than the record, stays pending).
fn processed(index: &mut Dedup, d: u128, at_ms: i64) {
    match index.get(d) {
        Some(m) if m.at_ms > at_ms => {}
        Some(Mark {
            pending: None,
            at_ms: t,
        }) if t == at_ms => {}
        _ => index.insert(d, Mark { at_ms, pending: None }),
    }
}
