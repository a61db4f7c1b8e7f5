//! The durable inbox and de-duplication of Feishu pushes.
//!
//! The acknowledgement path uses only single-key operations (compare-and-swap, insert): sled
//! 0.34's transactions take a process-wide write lock that every `flush()` blocks, so a
//! transaction per event would serialise ingress behind the disk. Crash consistency comes from
//! the order of the writes and a repair on Feishu's retry instead:
//!
//! 1. `seen[m:<tenant>:<message_id>]` ← alias of the event key (messages only), by CAS;
//! 2. `seen[e:<event_id>]` ← `Pending { seq }`, by CAS;
//! 3. `inbox[seq]` ← the event.
//!
//! A repeat finds step 1 or 2 taken: it is a duplicate. If a crash fell between 2 and 3 (the
//! event was never acknowledged, so Feishu retries it), the retry finds `Pending { seq }` with
//! no inbox entry and writes it. Processing removes `inbox[seq]` and marks the key `Processed`
//! in the same transaction as the event's effects. The caller waits for [`Store::durable`]
//! before answering 200.

use serde::{Deserialize, Serialize};

use super::outbox::Changes;
use super::{Store, StoreError, be, decode, encode, from_be};

/// An acknowledged push waiting to be processed, as stored: the store keeps bytes, and the
/// inbox worker reads the event in them.
#[derive(Debug, Clone, PartialEq)]
pub struct InboxEntry {
    /// Position in the inbox.
    pub seq: u64,
    /// The push.
    pub body: InboxBody,
    /// When it was acknowledged (Unix ms).
    pub received_ms: i64,
}

/// What an inbox entry holds.
#[derive(Debug, Clone, PartialEq)]
pub enum InboxBody {
    /// The push's decrypted JSON, as received.
    Push(Vec<u8>),
    /// Written by earlier versions: the event re-encoded (the JSON of the event's envelope).
    Envelope(serde_json::Value),
}

/// An inbox entry as earlier versions encoded it ([`encode`]d).
#[derive(Deserialize)]
struct LegacyEntry {
    envelope: serde_json::Value,
    received_ms: i64,
}

/// Outcome of [`Store::admit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Stored under this sequence number.
    New(u64),
    /// Seen before; nothing new stored.
    Duplicate,
}

/// What a de-duplication key records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
enum Seen {
    /// Admitted as inbox entry `seq`, not yet processed.
    Pending { seq: u64, at_ms: i64 },
    /// Processed.
    Processed { at_ms: i64 },
    /// A message key: the event key that carried it.
    Alias { event_key: String, at_ms: i64 },
}

impl Store {
    /// Stores a push (its decrypted JSON, as received: no re-encoding on the acknowledgement
    /// path) in the inbox unless it was seen before (by event id, or for messages by message
    /// id). `dedup_keys` come from [`dedup_keys`]: the event key first.
    ///
    /// # Errors
    /// sled errors.
    pub fn admit(
        &self,
        plaintext: &[u8],
        dedup_keys: &[String],
        now_ms: i64,
    ) -> Result<Admission, StoreError> {
        let _w = self.writing();
        let Some((event_key, aliases)) = dedup_keys.split_first() else {
            return Ok(Admission::Duplicate);
        };
        for alias in aliases {
            let v = encode(&Seen::Alias {
                event_key: event_key.clone(),
                at_ms: now_ms,
            });
            if let Err(cur) = self
                .seen
                .compare_and_swap(alias.as_bytes(), None as Option<&[u8]>, Some(v))?
            {
                let same_event = cur
                    .current
                    .and_then(|c| decode::<Seen>(alias.as_bytes(), &c).ok())
                    .is_some_and(|s| matches!(s, Seen::Alias { event_key: ref k, .. } if k == event_key));
                if !same_event {
                    return Ok(Admission::Duplicate);
                }
            }
        }
        let seq = self.generate_id()?;
        let pending = encode(&Seen::Pending { seq, at_ms: now_ms });
        match self
            .seen
            .compare_and_swap(event_key.as_bytes(), None as Option<&[u8]>, Some(pending))?
        {
            Ok(()) => {
                self.inbox.insert(be(seq), raw_entry(plaintext, now_ms))?;
                Ok(Admission::New(seq))
            }
            Err(cur) => {
                // Repair: admitted before a crash but its inbox entry never reached the disk.
                if let Some(Seen::Pending { seq: old, .. }) = cur
                    .current
                    .and_then(|c| decode::<Seen>(event_key.as_bytes(), &c).ok())
                    && self.inbox.get(be(old))?.is_none()
                {
                    self.inbox.insert(be(old), raw_entry(plaintext, now_ms))?;
                    return Ok(Admission::New(old));
                }
                Ok(Admission::Duplicate)
            }
        }
    }

    /// Up to `limit` unprocessed events after sequence `after` (exclusive), oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn inbox_pending(&self, after: Option<u64>, limit: usize) -> Result<Vec<InboxEntry>, StoreError> {
        let start = after.map_or(0, |a| a.saturating_add(1));
        let mut out = Vec::new();
        for kv in self.inbox.range(be(start)..).take(limit) {
            let (k, v) = kv?;
            out.push(decode_entry(from_be(&k), &k, &v)?);
        }
        Ok(out)
    }

    /// Number of unprocessed events.
    pub fn inbox_len(&self) -> usize {
        self.inbox.len()
    }

    /// Removes de-duplication keys older than `older_than_ms`; returns how many went. A full
    /// scan of `seen` (which holds about eight hours of pushes), run rarely and off the hot path:
    /// keeping an age index instead would cost two more writes on every acknowledgement.
    ///
    /// # Errors
    /// sled errors.
    pub fn prune_seen(&self, older_than_ms: i64) -> Result<usize, StoreError> {
        let _w = self.writing();
        let mut n = 0;
        for kv in &self.seen {
            let (k, v) = kv?;
            let Ok(seen) = decode::<Seen>(&k, &v) else {
                continue;
            };
            let (at_ms, waiting) = match seen {
                // Never forget an event still waiting in the inbox: a retry would run it twice.
                Seen::Pending { seq, at_ms } => (at_ms, self.inbox.get(be(seq))?.is_some()),
                Seen::Processed { at_ms } | Seen::Alias { at_ms, .. } => (at_ms, false),
            };
            if at_ms < older_than_ms && !waiting {
                self.seen.remove(&k)?;
                n += 1;
            }
        }
        Ok(n)
    }
}

/// Format byte of an inbox entry stored as received: then be(received ms), then the JSON.
const RAW: u8 = 2;

fn raw_entry(plaintext: &[u8], received_ms: i64) -> Vec<u8> {
    let mut v = Vec::with_capacity(plaintext.len() + 9);
    v.push(RAW);
    v.extend_from_slice(&received_ms.to_be_bytes());
    v.extend_from_slice(plaintext);
    v
}

/// Decodes an inbox entry: as received ([`RAW`]) or, from earlier versions, re-encoded.
fn decode_entry(seq: u64, key: &[u8], v: &[u8]) -> Result<InboxEntry, StoreError> {
    match v.split_first() {
        Some((&RAW, rest)) if rest.len() >= 8 => {
            let (ms, json) = rest.split_at(8);
            Ok(InboxEntry {
                seq,
                body: InboxBody::Push(json.to_vec()),
                received_ms: from_be(ms).cast_signed(),
            })
        }
        _ => {
            let legacy: LegacyEntry = decode(key, v)?;
            Ok(InboxEntry {
                seq,
                body: InboxBody::Envelope(legacy.envelope),
                received_ms: legacy.received_ms,
            })
        }
    }
}

impl Changes {
    /// Marks inbox entry `seq` (event `event_id`) processed: removes it and records its key as
    /// processed.
    pub fn inbox_done(&mut self, store: &Store, seq: u64, event_id: &str, now_ms: i64) {
        self.remove(&store.inbox, be(seq).to_vec());
        let key = format!("e:{event_id}");
        self.put(
            &store.seen,
            key.into_bytes(),
            encode(&Seen::Processed { at_ms: now_ms }),
        );
    }
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
mod tests {
    use super::*;
    use crate::feishu::event::{Envelope, Head, Schema};
    use crate::service::InboxEvent;
    use crate::worker::{classify, dedup_keys};
    use serde_json::json;

    fn env(event_id: &str, message_id: &str) -> Envelope {
        Envelope {
            schema: Schema::V2,
            event_id: event_id.into(),
            event_type: "im.message.receive_v1".into(),
            token: None,
            tenant_key: Some("t".into()),
            event: json!({"message":{"message_id": message_id}}),
        }
    }

    fn raw(e: &Envelope) -> Vec<u8> {
        json!({"schema": "2.0",
            "header": {"event_id": e.event_id, "event_type": e.event_type, "tenant_key": e.tenant_key},
            "event": e.event})
        .to_string()
        .into_bytes()
    }

    fn done(s: &Store, e: &InboxEvent) {
        let mut ch = Changes::new();
        ch.inbox_done(s, e.seq, &e.envelope.event_id, 5_000);
        s.commit(&ch).unwrap();
    }

    /// The pending entries, read as the worker reads them.
    fn pending(s: &Store) -> Vec<InboxEvent> {
        s.inbox_pending(None, 10)
            .unwrap()
            .into_iter()
            .map(|e| classify(e).unwrap())
            .collect()
    }

    #[test]
    fn repeats_by_event_id_or_message_id_are_duplicates_and_pruning_forgets_them() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let a = env("e1", "om_1");
        assert!(matches!(
            s.admit(&raw(&a), &dedup_keys(&Head::of(&a)), 1_000).unwrap(),
            Admission::New(_)
        ));
        assert_eq!(
            s.admit(&raw(&a), &dedup_keys(&Head::of(&a)), 2_000).unwrap(),
            Admission::Duplicate
        );
        let same_msg = env("e2", "om_1");
        assert_eq!(
            s.admit(&raw(&same_msg), &dedup_keys(&Head::of(&same_msg)), 3_000)
                .unwrap(),
            Admission::Duplicate
        );
        assert_eq!(s.inbox_len(), 1);
        // A pending event is never pruned; once processed, its keys age out.
        assert_eq!(s.prune_seen(1_001).unwrap(), 1, "only the message alias goes");
        let pending = pending(&s);
        done(&s, &pending[0]);
        assert_eq!(
            s.admit(&raw(&a), &dedup_keys(&Head::of(&a)), 4_000).unwrap(),
            Admission::Duplicate,
            "processed"
        );
        assert_eq!(
            s.prune_seen(1_001).unwrap(),
            0,
            "processed at 5 000, alias made again at 4 000"
        );
        assert_eq!(s.prune_seen(9_000).unwrap(), 2, "both age out");
        assert!(matches!(
            s.admit(&raw(&a), &dedup_keys(&Head::of(&a)), 10_000).unwrap(),
            Admission::New(_)
        ));
        assert_eq!(s.inbox_len(), 1);
    }

    /// Inbox entries written by earlier versions (format byte + the entry re-encoded as JSON)
    /// and by the current one (as received) are still read.
    #[test]
    fn stored_inbox_entries_of_both_formats_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let a = env("e3", "om_3");
        let mut legacy = vec![super::super::codec::FORMAT];
        legacy.extend_from_slice(
            br#"{"envelope":{"schema":"V2","event_id":"e3","event_type":"im.message.receive_v1","token":null,"tenant_key":"t","event":{"message":{"message_id":"om_3"}}},"received_ms":1234}"#,
        );
        s.inbox.insert(be(5), legacy).unwrap();
        let mut raw_bytes = vec![RAW];
        raw_bytes.extend_from_slice(&5678_i64.to_be_bytes());
        raw_bytes.extend_from_slice(&raw(&env("e4", "om_4")));
        s.inbox.insert(be(6), raw_bytes).unwrap();
        assert_eq!(
            s.inbox_pending(Some(5), 10).unwrap()[0].body,
            InboxBody::Push(raw(&env("e4", "om_4"))),
            "the store keeps the push as received"
        );
        let pending = pending(&s);
        assert_eq!(pending.len(), 2);
        assert_eq!(
            (pending[0].seq, &pending[0].envelope, pending[0].received_ms),
            (5, &a, 1234)
        );
        assert_eq!(
            (pending[1].seq, &pending[1].envelope, pending[1].received_ms),
            (6, &env("e4", "om_4"), 5678)
        );
    }

    #[test]
    fn a_retry_repairs_an_admission_whose_inbox_entry_was_lost() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let a = env("e9", "om_9");
        let Admission::New(seq) = s.admit(&raw(&a), &dedup_keys(&Head::of(&a)), 1_000).unwrap() else {
            panic!()
        };
        // Simulate a crash between marking the key and writing the inbox entry.
        s.inbox.remove(be(seq)).unwrap();
        assert_eq!(
            s.admit(&raw(&a), &dedup_keys(&Head::of(&a)), 2_000).unwrap(),
            Admission::New(seq)
        );
        let pending = pending(&s);
        assert_eq!(
            (pending[0].seq, &pending[0].envelope),
            (seq, &a),
            "stored as received"
        );
        assert_eq!(
            s.admit(&raw(&a), &dedup_keys(&Head::of(&a)), 3_000).unwrap(),
            Admission::Duplicate
        );
    }
}
