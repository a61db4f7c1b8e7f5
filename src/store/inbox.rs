//! The durable inbox and de-duplication of Feishu pushes.
//!
//! An event is admitted in one transaction over `seen`, `seen_age` and `inbox`: a repeat of a
//! known event id (or, for messages, message id) is reported as a duplicate and not stored
//! again. The caller waits for [`Store::durable`] before answering 200.

use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::ConflictableTransactionError;

use super::{Store, StoreError, be, decode, encode, from_be, tx_err};
use crate::feishu::event::Envelope;

/// An acknowledged event waiting to be processed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxEntry {
    /// Position in the inbox.
    #[serde(skip)]
    pub seq: u64,
    /// The event.
    pub envelope: Envelope,
    /// When it was acknowledged (Unix ms).
    pub received_ms: i64,
}

/// Outcome of [`Store::admit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Stored under this sequence number.
    New(u64),
    /// Seen before; nothing stored.
    Duplicate,
}

impl Store {
    /// Stores `envelope` in the inbox unless one of `dedup_keys` was seen before.
    ///
    /// # Errors
    /// sled errors.
    pub fn admit(
        &self,
        envelope: &Envelope,
        dedup_keys: &[String],
        now_ms: i64,
    ) -> Result<Admission, StoreError> {
        let seq = self.generate_id()?;
        let entry = encode(&InboxEntry {
            seq,
            envelope: envelope.clone(),
            received_ms: now_ms,
        });
        let stamp = be(u64::try_from(now_ms).unwrap_or(0));
        (&self.seen, &self.seen_age, &self.inbox)
            .transaction(|(seen, seen_age, inbox)| {
                for k in dedup_keys {
                    if seen.get(k.as_bytes())?.is_some() {
                        return Ok(Admission::Duplicate);
                    }
                }
                for k in dedup_keys {
                    seen.insert(k.as_bytes(), &stamp)?;
                    let mut age_key = stamp.to_vec();
                    age_key.extend_from_slice(k.as_bytes());
                    seen_age.insert(age_key, &[])?;
                }
                inbox.insert(&be(seq), entry.as_slice())?;
                Ok::<_, ConflictableTransactionError<StoreError>>(Admission::New(seq))
            })
            .map_err(tx_err)
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
            let mut e: InboxEntry = decode(&k, &v)?;
            e.seq = from_be(&k);
            out.push(e);
        }
        Ok(out)
    }

    /// Number of unprocessed events.
    pub fn inbox_len(&self) -> usize {
        self.inbox.len()
    }

    /// Removes de-duplication keys older than `older_than_ms`; returns how many went.
    ///
    /// # Errors
    /// sled errors.
    pub fn prune_seen(&self, older_than_ms: i64) -> Result<usize, StoreError> {
        let end = be(u64::try_from(older_than_ms).unwrap_or(0));
        let mut n = 0;
        for kv in self.seen_age.range(..end) {
            let (k, _) = kv?;
            let key = k.get(8..).unwrap_or_default();
            self.seen.remove(key)?;
            self.seen_age.remove(&k)?;
            n += 1;
        }
        Ok(n)
    }
}

/// The de-duplication keys of an envelope: its event id and, for received messages, the message
/// id (Feishu may repeat a message under a new event id).
pub fn dedup_keys(env: &Envelope) -> Vec<String> {
    let mut keys = vec![format!("e:{}", env.event_id)];
    if env.event_type == "im.message.receive_v1"
        && let Some(mid) = env
            .event
            .get("message")
            .and_then(|m| m.get("message_id"))
            .and_then(|v| v.as_str())
    {
        keys.push(format!("m:{}:{mid}", env.tenant_key.as_deref().unwrap_or("")));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feishu::event::Schema;
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

    #[test]
    fn repeats_by_event_id_or_message_id_are_duplicates_and_pruning_forgets_them() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let a = env("e1", "om_1");
        assert!(matches!(
            s.admit(&a, &dedup_keys(&a), 1_000).unwrap(),
            Admission::New(_)
        ));
        assert_eq!(s.admit(&a, &dedup_keys(&a), 2_000).unwrap(), Admission::Duplicate);
        let same_msg = env("e2", "om_1");
        assert_eq!(
            s.admit(&same_msg, &dedup_keys(&same_msg), 3_000).unwrap(),
            Admission::Duplicate
        );
        assert_eq!(s.inbox_len(), 1);
        assert_eq!(s.prune_seen(1_001).unwrap(), 2);
        assert!(matches!(
            s.admit(&a, &dedup_keys(&a), 4_000).unwrap(),
            Admission::New(_)
        ));
        let pending = s.inbox_pending(None, 10).unwrap();
        assert_eq!(pending.len(), 2);
        assert!(pending[0].seq < pending[1].seq);
        assert_eq!(s.inbox_pending(Some(pending[0].seq), 10).unwrap().len(), 1);
    }
}
