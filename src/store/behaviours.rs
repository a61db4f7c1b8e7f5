//! 标杆 / 负面 records and the Feishu Performance push (issue 18), kept in their own trees:
//!
//! - `behaviours`: be(record) → [`BehaviourRecord`] (the counter is `behaviour_seq` in `meta`);
//! - `perf_remote`: the push's key (`duban:DB-12`, `duban:BR-3`) → the id Feishu Performance
//!   gave that supplementary information, so a second push updates it;
//! - `perf_jobs`: be(seq) → [`PushJob`], a requested push not yet run (durable: a restart
//!   runs it).

use serde::{Deserialize, Serialize};

use super::outbox::Changes;
use super::{Store, StoreError, be, decode, encode, from_be};
use crate::domain::appraisal::{BehaviourRecord, RecordId};
use crate::domain::ids::{OpenId, Person};

const RECORDS: &str = "behaviours";
const REMOTE: &str = "perf_remote";
const JOBS: &str = "perf_jobs";
const SEQ: &[u8] = b"behaviour_seq";

/// A `/督办 考评 推送` waiting to run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushJob {
    /// Who asked (told the outcome 1:1).
    pub asker: Person,
    /// The period word (`本季度`).
    pub window: String,
    /// The people whose packs are pushed.
    pub people: Vec<OpenId>,
    /// De-duplication key of the outcome message (from the command's message).
    pub key: String,
}

impl Store {
    /// Record `id`.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn behaviour_record(&self, id: RecordId) -> Result<Option<BehaviourRecord>, StoreError> {
        let key = be(id.0);
        self.named_tree(RECORDS)?
            .get(key)?
            .map(|v| decode(&key, &v))
            .transpose()
    }

    /// Every record about `subject`, oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn behaviour_records_of(&self, subject: &OpenId) -> Result<Vec<BehaviourRecord>, StoreError> {
        let mut out = Vec::new();
        for kv in self.named_tree(RECORDS)?.iter() {
            let (k, v) = kv?;
            let r: BehaviourRecord = decode(&k, &v)?;
            if &r.subject.open_id == subject {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// The remote id a pushed key was given.
    ///
    /// # Errors
    /// sled errors.
    pub fn perf_remote_id(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .named_tree(REMOTE)?
            .get(key.as_bytes())?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// The pushes waiting to run, in order.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn push_jobs(&self) -> Result<Vec<(u64, PushJob)>, StoreError> {
        let mut out = Vec::new();
        for kv in self.named_tree(JOBS)?.iter() {
            let (k, v) = kv?;
            out.push((from_be(&k), decode(&k, &v)?));
        }
        Ok(out)
    }
}

impl Changes {
    /// The next record number (`BR-<n>`, from 1). One record per change.
    ///
    /// # Errors
    /// sled errors.
    pub fn next_record_id(&mut self, store: &Store) -> Result<RecordId, StoreError> {
        let cur = store.meta.get(SEQ)?.map_or(0, |v| from_be(&v));
        Ok(RecordId(cur + 1))
    }

    /// Stores a new record and the counter.
    ///
    /// # Errors
    /// sled errors (opening the tree).
    pub fn put_new_behaviour_record(&mut self, store: &Store, r: &BehaviourRecord) -> Result<(), StoreError> {
        self.put(&store.meta, SEQ.to_vec(), be(r.id.0).to_vec());
        self.put_behaviour_record(store, r)
    }

    /// Stores a record's new state.
    ///
    /// # Errors
    /// sled errors (opening the tree).
    pub fn put_behaviour_record(&mut self, store: &Store, r: &BehaviourRecord) -> Result<(), StoreError> {
        self.put(&store.named_tree(RECORDS)?, be(r.id.0).to_vec(), encode(r));
        Ok(())
    }

    /// Remembers the remote id of a pushed key.
    ///
    /// # Errors
    /// sled errors (opening the tree).
    pub fn put_perf_remote_id(&mut self, store: &Store, key: &str, remote: &str) -> Result<(), StoreError> {
        self.put(
            &store.named_tree(REMOTE)?,
            key.as_bytes().to_vec(),
            remote.as_bytes().to_vec(),
        );
        Ok(())
    }

    /// Queues a push.
    ///
    /// # Errors
    /// sled errors.
    pub fn put_push_job(&mut self, store: &Store, job: &PushJob) -> Result<(), StoreError> {
        let seq = store.generate_id()?;
        self.put(&store.named_tree(JOBS)?, be(seq).to_vec(), encode(job));
        Ok(())
    }

    /// Drops a push that ran.
    ///
    /// # Errors
    /// sled errors (opening the tree).
    pub fn remove_push_job(&mut self, store: &Store, seq: u64) -> Result<(), StoreError> {
        self.remove(&store.named_tree(JOBS)?, be(seq).to_vec());
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::appraisal::BehaviourKind;

    #[test]
    fn records_are_numbered_kept_and_found_by_subject() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::testing::open_for_test(dir.path()).unwrap();
        let p = |id: &str| Person {
            open_id: OpenId(id.to_owned()),
            name: id.to_owned(),
        };
        let mut ch = Changes::new();
        let id = ch.next_record_id(&store).unwrap();
        assert_eq!(id, RecordId(1));
        let r = BehaviourRecord {
            id,
            subject: p("ou_a"),
            recorder: p("ou_b"),
            kind: BehaviourKind::Commend,
            code: "B01".into(),
            name: "按时".into(),
            points: 2.0,
            item: None,
            note: None,
            at: jiff::Timestamp::UNIX_EPOCH,
            comments: vec![],
            audit: vec![],
        };
        ch.put_new_behaviour_record(&store, &r).unwrap();
        ch.put_perf_remote_id(&store, "duban:BR-1", "7001").unwrap();
        store.commit(&ch).unwrap();
        let mut ch = Changes::new();
        assert_eq!(ch.next_record_id(&store).unwrap(), RecordId(2));
        assert_eq!(store.behaviour_record(id).unwrap(), Some(r.clone()));
        assert_eq!(
            store.behaviour_records_of(&OpenId("ou_a".into())).unwrap(),
            vec![r]
        );
        assert!(
            store
                .behaviour_records_of(&OpenId("ou_b".into()))
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            store.perf_remote_id("duban:BR-1").unwrap().as_deref(),
            Some("7001")
        );
    }
}
