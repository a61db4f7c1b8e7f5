//! The durable outbox and the multi-tree unit of work.
//!
//! Everything the bot sends is first an outbox record, written in the same transaction as the
//! change that caused it (and, for events, the removal of the inbox entry), then sent by the
//! dispatcher. A record leaves the outbox only once Feishu accepted it or refused it for good
//! (then it moves to `outbox_dead`).

use super::kv::{Op, Tree};
use super::{Store, StoreError, be, decode, encode, from_be};
use crate::outbox_record::OutboxRecord;

/// A set of writes applied atomically by [`Store::commit`].
#[derive(Debug, Default)]
pub struct Changes {
    ops: Vec<Op>,
    /// The last item number allocated in this change.
    pub(crate) last_item: Option<u64>,
    /// Set when every write is idempotent bookkeeping that needs no atomicity
    /// ([`Changes::bookkeeping_only`]).
    idempotent_only: bool,
    /// Due-index entries this change writes, per item (`None`: removed).
    pub(crate) scheduled: std::collections::HashMap<crate::domain::ids::ItemId, Option<u64>>,
    /// De-duplication keys (digests) this change records as processed, and when: the index
    /// learns them once the commit succeeded.
    pub(crate) processed: Vec<(u128, i64)>,
    /// The `chat_items` chunks still filling that this change writes (key → value), so that two
    /// items created in one change land in the same chunk.
    pub(crate) chat_tails: std::collections::HashMap<Vec<u8>, Vec<u8>>,
    /// The batch `seen` record this change writes (sled): its position in the writes and
    /// its processing time.
    pub(crate) seen_batch: Option<(usize, i64)>,
}

impl Changes {
    /// An empty change.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether nothing is to be written.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Declares that this change holds only idempotent bookkeeping (processed events with no
    /// effect), which may be applied without a transaction.
    pub fn bookkeeping_only(&mut self) {
        self.idempotent_only = true;
    }

    /// How many writes are staged.
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// Writes `value` at `key` in `tree`.
    pub(crate) fn put(&mut self, tree: &Tree, key: Vec<u8>, value: Vec<u8>) {
        self.ops.push((tree.clone(), key, Some(value)));
    }

    /// The value of staged write `i` (`None` for a removal).
    pub(crate) fn value_mut(&mut self, i: usize) -> Option<&mut Vec<u8>> {
        self.ops.get_mut(i).and_then(|op| op.2.as_mut())
    }

    /// Removes `key` from `tree`.
    pub(crate) fn remove(&mut self, tree: &Tree, key: Vec<u8>) {
        self.ops.push((tree.clone(), key, None));
    }

    /// Queues a record in the outbox.
    ///
    /// # Errors
    /// sled errors (id generation).
    pub fn outbox_push(&mut self, store: &Store, rec: &OutboxRecord) -> Result<u64, StoreError> {
        let seq = store.generate_id()?;
        self.put(&store.outbox, be(seq).to_vec(), encode(rec));
        Ok(seq)
    }
}

impl Store {
    /// Applies `changes` atomically across all the trees they touch.
    ///
    /// # Errors
    /// sled errors.
    pub fn commit(&self, changes: &Changes) -> Result<(), StoreError> {
        self.commit_ops(changes)?;
        if !changes.processed.is_empty() {
            self.mark_processed(&changes.processed);
        }
        Ok(())
    }

    fn commit_ops(&self, changes: &Changes) -> Result<(), StoreError> {
        let _w = self.writing();
        if changes.ops.is_empty() {
            return Ok(());
        }
        self.db.commit(&changes.ops, !changes.idempotent_only)
    }

    /// Outbox records, oldest first (all of them; the outbox is small in normal operation).
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn outbox_all(&self) -> Result<Vec<(u64, OutboxRecord)>, StoreError> {
        let mut out = Vec::new();
        for kv in &self.outbox {
            let (k, v) = kv?;
            out.push((from_be(&k), decode(&k, &v)?));
        }
        Ok(out)
    }

    /// Number of records waiting to be sent.
    pub fn outbox_len(&self) -> usize {
        self.outbox.len()
    }

    /// Number of records refused for good (dead letters).
    pub fn outbox_dead_len(&self) -> usize {
        self.outbox_dead.len()
    }

    /// When the oldest record still waiting was queued (Unix ms, wall time), if any.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn outbox_oldest_created_ms(&self) -> Result<Option<i64>, StoreError> {
        let Some((k, v)) = self.outbox.first()? else {
            return Ok(None);
        };
        let rec: OutboxRecord = decode(&k, &v)?;
        Ok(Some(rec.created_ms))
    }

    /// Removes a delivered record.
    ///
    /// # Errors
    /// sled errors.
    pub fn outbox_delivered(&self, seq: u64) -> Result<(), StoreError> {
        let _w = self.writing();
        self.outbox.remove(be(seq))?;
        Ok(())
    }

    /// Rewrites a record (after a failed attempt).
    ///
    /// # Errors
    /// sled errors.
    pub fn outbox_update(&self, seq: u64, rec: &OutboxRecord) -> Result<(), StoreError> {
        let _w = self.writing();
        // Only if it is still queued: a record dropped meanwhile (the bot left the chat) stays
        // dropped.
        let bytes = encode(rec);
        self.outbox
            .update_and_fetch(be(seq), |old| old.map(|_| bytes.clone()))?;
        Ok(())
    }

    /// Replaces record `seq` by `parts`, queued in order behind everything already queued,
    /// in one transaction (a crash leaves either the batch or all of its parts).
    ///
    /// # Errors
    /// sled errors.
    pub fn outbox_split(&self, seq: u64, parts: &[OutboxRecord]) -> Result<(), StoreError> {
        let mut ch = Changes::new();
        ch.remove(&self.outbox, be(seq).to_vec());
        for p in parts {
            ch.outbox_push(self, p)?;
        }
        self.commit(&ch)
    }

    /// Moves a record Feishu refused for good to `outbox_dead`.
    ///
    /// # Errors
    /// sled errors.
    pub fn outbox_bury(&self, seq: u64, rec: &OutboxRecord) -> Result<(), StoreError> {
        let _w = self.writing();
        // A record dropped meanwhile (the bot left the chat) is not a dead letter.
        self.db
            .move_if_present(&self.outbox, &self.outbox_dead, &be(seq), &encode(rec))
    }

    /// Records that were refused for good, oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn outbox_dead(&self) -> Result<Vec<(u64, OutboxRecord)>, StoreError> {
        let mut out = Vec::new();
        for kv in &self.outbox_dead {
            let (k, v) = kv?;
            out.push((from_be(&k), decode(&k, &v)?));
        }
        Ok(out)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::outbox_record::Intent;

    /// Records written by the current version must still be read: these bytes are what
    /// `encode` wrote for them (format byte + JSON); they must decode to the same records and
    /// encode back to the same bytes.
    #[test]
    fn stored_outbox_records_decode_and_encode_byte_for_byte() {
        use crate::feishu::{Outgoing, OutgoingKind};
        let message = OutboxRecord {
            intent: Intent::Message(Outgoing {
                kind: OutgoingKind::PatchCard {
                    message_id: "om_1".into(),
                    content: "{}".into(),
                },
                chat_hint: Some("oc_1".into()),
            }),
            chat: Some("oc_1".into()),
            attempts: 2,
            next_attempt_ms: 1_700,
            created_ms: 1_600,
            last_error: Some("限流".into()),
            last_code: Some(99_991_400),
        };
        let batch = OutboxRecord {
            intent: Intent::Batch(vec![
                (Intent::RefreshItemCard { item: 7 }, Some("oc_2".into())),
                (
                    Intent::PostRequirementCard {
                        req: 3,
                        chat_id: "ou_9".into(),
                        reply_to: None,
                        uuid: "xq-3".into(),
                        to_user: true,
                    },
                    None,
                ),
                (
                    Intent::PostItemCard {
                        item: 7,
                        chat_id: "oc_2".into(),
                        reply_to: Some("om_5".into()),
                        uuid: "db-7".into(),
                    },
                    Some("oc_2".into()),
                ),
            ]),
            chat: None,
            attempts: 0,
            next_attempt_ms: 0,
            created_ms: 1_800,
            last_error: None,
            last_code: None,
        };
        for (record, stored) in [(message, STORED_MESSAGE), (batch, STORED_BATCH)] {
            let mut bytes = vec![super::super::codec::FORMAT];
            bytes.extend_from_slice(stored.as_bytes());
            assert_eq!(decode::<OutboxRecord>(b"k", &bytes).unwrap(), record);
            assert_eq!(encode(&record), bytes);
        }
    }

    const STORED_MESSAGE: &str = r#"{"intent":{"Message":{"kind":{"op":"patch_card","message_id":"om_1","content":"{}"},"chat_hint":"oc_1"}},"chat":"oc_1","attempts":2,"next_attempt_ms":1700,"created_ms":1600,"last_error":"限流","last_code":99991400}"#;
    const STORED_BATCH: &str = r#"{"intent":{"Batch":[[{"RefreshItemCard":{"item":7}},"oc_2"],[{"PostRequirementCard":{"req":3,"chat_id":"ou_9","reply_to":null,"uuid":"xq-3","to_user":true}},null],[{"PostItemCard":{"item":7,"chat_id":"oc_2","reply_to":"om_5","uuid":"db-7"}},"oc_2"]]},"chat":null,"attempts":0,"next_attempt_ms":0,"created_ms":1800,"last_error":null,"last_code":null}"#;

    #[test]
    fn a_batch_is_replaced_by_its_parts_in_order_behind_what_was_queued() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::testing::open_for_test(dir.path()).unwrap();
        let refresh = |item| (Intent::RefreshItemCard { item }, Some(format!("oc_{item}")));
        let mut ch = Changes::new();
        let batch = ch
            .outbox_push(
                &store,
                &OutboxRecord::new(Intent::Batch(vec![refresh(1), refresh(2)]), None),
            )
            .unwrap();
        ch.outbox_push(&store, &OutboxRecord::new(refresh(3).0, refresh(3).1))
            .unwrap();
        store.commit(&ch).unwrap();

        let parts: Vec<OutboxRecord> = [refresh(1), refresh(2)]
            .into_iter()
            .map(|(i, c)| OutboxRecord::new(i, c))
            .collect();
        store.outbox_split(batch, &parts).unwrap();
        let left: Vec<Intent> = store
            .outbox_all()
            .unwrap()
            .into_iter()
            .map(|(_, r)| r.intent)
            .collect();
        assert_eq!(left, vec![refresh(3).0, refresh(1).0, refresh(2).0]);
        assert_eq!(store.outbox_all().unwrap()[1].1.chat.as_deref(), Some("oc_1"));
    }
}
