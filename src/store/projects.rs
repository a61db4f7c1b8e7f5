//! Projects, requirements, their audit trails, live cards, reminder index and the Bitable
//! mirror's bookkeeping.
//!
//! Trees:
//! - `projects` (be(id) → Project), `requirements` (be(id) → Requirement); numbers come from
//!   the `project_seq` / `req_seq` counters in `meta`.
//! - `proj_audit` (kind ‖ be(id) ‖ be(seq) → AuditRecord; kind `p` or `r`), append-only.
//! - `chat_projects` (chat ‖ 0x00 ‖ be(id) → ∅): a group's projects.
//! - `proj_cards` (kind ‖ be(id) → message id): a project's live card, a requirement's triage
//!   card.
//! - `proj_due` (be(ms) ‖ kind ‖ be(id) → ∅) and `proj_due_by` (kind ‖ be(id) → be(ms)): the
//!   next reminder check, so a tick costs what is due; `proj_watch` (kind ‖ be(id) →
//!   WatchState).
//! - `mirror_queue` (table ‖ 0x00 ‖ key → be(version)): rows waiting to be mirrored, written in
//!   the same transaction as the change (one entry per row however often it changed);
//!   `mirror_map` (table ‖ 0x00 ‖ key → record id): the record ids the mirror has learned.

use super::outbox::Changes;
use super::{Store, StoreError, be, decode, encode, from_be};
use crate::domain::audit::AuditRecord;
use crate::domain::ids::{ChatId, ProjectId, RequirementId};
use crate::domain::project::Project;
use crate::domain::project_nudge::WatchState;
use crate::domain::requirement::Requirement;
use crate::mirror::record::MirrorTable;

const PROJECT_SEQ: &[u8] = b"project_seq";
const REQ_SEQ: &[u8] = b"req_seq";

/// What a reminder, card or audit entry belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Watched {
    /// A project.
    Project(ProjectId),
    /// A requirement.
    Requirement(RequirementId),
}

impl Watched {
    fn key(self) -> Vec<u8> {
        let (kind, n) = match self {
            Self::Project(p) => (b'p', p.0),
            Self::Requirement(r) => (b'r', r.0),
        };
        let mut k = vec![kind];
        k.extend_from_slice(&be(n));
        k
    }

    fn from_key(k: &[u8]) -> Option<Self> {
        let (kind, rest) = k.split_first()?;
        let n = from_be(rest);
        match kind {
            b'p' => Some(Self::Project(ProjectId(n))),
            b'r' => Some(Self::Requirement(RequirementId(n))),
            _ => None,
        }
    }
}

fn chat_key(chat: &ChatId, id: ProjectId) -> Vec<u8> {
    let mut k = chat.0.as_bytes().to_vec();
    k.push(0);
    k.extend_from_slice(&be(id.0));
    k
}

fn table_byte(t: MirrorTable) -> u8 {
    match t {
        MirrorTable::Items => b'i',
        MirrorTable::Projects => b'p',
        MirrorTable::Requirements => b'r',
    }
}

fn mirror_key(t: MirrorTable, key: &str) -> Vec<u8> {
    let mut k = vec![table_byte(t), 0];
    k.extend_from_slice(key.as_bytes());
    k
}

fn parse_mirror_key(k: &[u8]) -> Option<(MirrorTable, String)> {
    let t = match k.first()? {
        b'i' => MirrorTable::Items,
        b'p' => MirrorTable::Projects,
        b'r' => MirrorTable::Requirements,
        _ => return None,
    };
    Some((t, String::from_utf8_lossy(k.get(2..)?).into_owned()))
}

fn get<T: serde::de::DeserializeOwned>(tree: &super::kv::Tree, key: &[u8]) -> Result<Option<T>, StoreError> {
    tree.get(key)?.map(|v| decode(key, &v)).transpose()
}

fn all<T: serde::de::DeserializeOwned>(tree: &super::kv::Tree) -> Result<Vec<T>, StoreError> {
    let mut out = Vec::new();
    for kv in tree {
        let (k, v) = kv?;
        out.push(decode(&k, &v)?);
    }
    Ok(out)
}

impl Store {
    /// One project.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn get_project(&self, id: ProjectId) -> Result<Option<Project>, StoreError> {
        get(&self.projects, &be(id.0))
    }

    /// Every project, oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn all_projects(&self) -> Result<Vec<Project>, StoreError> {
        all(&self.projects)
    }

    /// The projects of one group, oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn projects_in_chat(&self, chat: &ChatId) -> Result<Vec<Project>, StoreError> {
        let mut prefix = chat.0.as_bytes().to_vec();
        prefix.push(0);
        let mut out = Vec::new();
        for kv in self.chat_projects.scan_prefix(&prefix) {
            let (k, _) = kv?;
            let id = from_be(k.get(prefix.len()..).unwrap_or_default());
            if let Some(p) = self.get_project(ProjectId(id))? {
                out.push(p);
            }
        }
        Ok(out)
    }

    /// One requirement.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn get_requirement(&self, id: RequirementId) -> Result<Option<Requirement>, StoreError> {
        get(&self.requirements, &be(id.0))
    }

    /// The requirement that the submission form card `message_id` already produced (a form is
    /// submitted once: a double click or a second person must not file it twice).
    ///
    /// # Errors
    /// sled errors.
    pub fn submitted_from_form(&self, message_id: &str) -> Result<Option<RequirementId>, StoreError> {
        Ok(self
            .meta
            .get(form_key(message_id))?
            .map(|v| RequirementId(from_be(&v))))
    }

    /// Every requirement, oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn all_requirements(&self) -> Result<Vec<Requirement>, StoreError> {
        all(&self.requirements)
    }

    /// The audit trail of a project or requirement, oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn audit_of_watched(&self, w: Watched) -> Result<Vec<AuditRecord>, StoreError> {
        let mut out = Vec::new();
        for kv in self.proj_audit.scan_prefix(w.key()) {
            let (k, v) = kv?;
            out.push(decode(&k, &v)?);
        }
        Ok(out)
    }

    /// The message id of a project's live card / a requirement's (first) triage card.
    ///
    /// # Errors
    /// sled errors.
    pub fn watched_card(&self, w: Watched) -> Result<Option<String>, StoreError> {
        Ok(self.watched_cards(w)?.into_iter().next())
    }

    /// Every live card of a project or requirement (a requirement's triage card goes to each
    /// manager 1:1 when there is no manager chat), in the order they were posted.
    ///
    /// # Errors
    /// sled errors.
    pub fn watched_cards(&self, w: Watched) -> Result<Vec<String>, StoreError> {
        Ok(self
            .proj_cards
            .get(w.key())?
            .map(|v| {
                String::from_utf8_lossy(&v)
                    .split('\n')
                    .filter(|m| !m.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Records one more live card of `w` (kept once; message ids hold no line breaks).
    ///
    /// # Errors
    /// sled errors.
    pub fn add_watched_card(&self, w: Watched, message_id: &str) -> Result<(), StoreError> {
        let _w = self.writing();
        let mut cards = self.watched_cards(w)?;
        if !cards.iter().any(|m| m == message_id) {
            cards.push(message_id.to_owned());
        }
        self.proj_cards.insert(w.key(), cards.join("\n").as_bytes())?;
        Ok(())
    }

    /// Records the message id of a live card (the dispatcher, once Feishu accepted the post).
    ///
    /// # Errors
    /// sled errors.
    pub fn set_watched_card(&self, w: Watched, message_id: &str) -> Result<(), StoreError> {
        let _w = self.writing();
        self.proj_cards.insert(w.key(), message_id.as_bytes())?;
        Ok(())
    }

    /// The reminder state of a project or requirement (default when none).
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn watch_state(&self, w: Watched) -> Result<WatchState, StoreError> {
        Ok(get(&self.proj_watch, &w.key())?.unwrap_or_default())
    }

    /// Entries due at or before `now_ms`, earliest first, at most `limit`: (fire ms, what).
    ///
    /// # Errors
    /// sled errors.
    pub fn watched_due(&self, now_ms: i64, limit: usize) -> Result<Vec<(u64, Watched)>, StoreError> {
        let end = be(u64::try_from(now_ms).unwrap_or(0).saturating_add(1));
        let mut out = Vec::new();
        for kv in self.proj_due.range(..end.to_vec()).take(limit) {
            let (k, _) = kv?;
            if let Some(w) = k.get(8..).and_then(Watched::from_key) {
                out.push((from_be(&k), w));
            }
        }
        Ok(out)
    }

    /// The earliest scheduled check (Unix ms).
    ///
    /// # Errors
    /// sled errors.
    pub fn next_watched_ms(&self) -> Result<Option<i64>, StoreError> {
        Ok(self
            .proj_due
            .first()?
            .map(|(k, _)| i64::try_from(from_be(&k)).unwrap_or(i64::MAX)))
    }

    /// When the next check of `w` is scheduled (Unix ms).
    ///
    /// # Errors
    /// sled errors.
    pub fn watched_scheduled(&self, w: Watched) -> Result<Option<u64>, StoreError> {
        Ok(self.proj_due_by.get(w.key())?.map(|v| from_be(&v)))
    }

    /// Up to `limit` rows waiting to be mirrored: (table, key, version).
    ///
    /// # Errors
    /// sled errors.
    pub fn mirror_pending(&self, limit: usize) -> Result<Vec<(MirrorTable, String, Vec<u8>)>, StoreError> {
        let mut out = Vec::new();
        for kv in self.mirror_queue.iter().take(limit) {
            let (k, v) = kv?;
            if let Some((t, key)) = parse_mirror_key(&k) {
                out.push((t, key, v.to_vec()));
            }
        }
        Ok(out)
    }

    /// Removes a mirrored row from the queue unless it was queued again since (`version`).
    ///
    /// # Errors
    /// sled errors.
    pub fn mirror_done(&self, table: MirrorTable, key: &str, version: &[u8]) -> Result<(), StoreError> {
        let _w = self.writing();
        // A newer version stays queued: the compare-and-swap simply fails.
        let _ = self
            .mirror_queue
            .compare_and_swap(mirror_key(table, key), Some(version), None::<&[u8]>)?;
        Ok(())
    }

    /// Rows waiting to be mirrored.
    pub fn mirror_queue_len(&self) -> usize {
        self.mirror_queue.len()
    }

    /// The mirror's record-id map, persisted in `mirror_map`.
    pub fn mirror_map(&self) -> SledRecordMap {
        SledRecordMap { store: self.clone() }
    }
}

/// The record ids the mirror has learned (its record map), written through to sled as soon as
/// an id is learned.
#[derive(Debug, Clone)]
pub struct SledRecordMap {
    store: Store,
}

impl SledRecordMap {
    /// The record id of `key` in `table`, if known.
    pub fn get(&self, table: MirrorTable, key: &str) -> Option<String> {
        self.store
            .mirror_map
            .get(mirror_key(table, key))
            .ok()
            .flatten()
            .map(|v| String::from_utf8_lossy(&v).into_owned())
    }

    /// Remembers the record id of `key` in `table` (a failure is logged: the id is found again
    /// by its key).
    pub fn set(&mut self, table: MirrorTable, key: &str, record_id: &str) {
        let _w = self.store.writing();
        let stored = self
            .store
            .mirror_map
            .insert(mirror_key(table, key), record_id.as_bytes());
        if let Err(e) = stored {
            tracing::warn!(error.message = %e, "could not remember a mirrored record id");
        }
    }
}

impl Changes {
    /// The next project number (`XM-<n>`, from 1). One creation per change.
    ///
    /// # Errors
    /// sled errors.
    pub fn next_project_id(&mut self, store: &Store) -> Result<ProjectId, StoreError> {
        let cur = store.meta.get(PROJECT_SEQ)?.map_or(0, |v| from_be(&v));
        Ok(ProjectId(cur + 1))
    }

    /// The next requirement number (`XQ-<n>`, from 1). One submission per change.
    ///
    /// # Errors
    /// sled errors.
    pub fn next_requirement_id(&mut self, store: &Store) -> Result<RequirementId, StoreError> {
        let cur = store.meta.get(REQ_SEQ)?.map_or(0, |v| from_be(&v));
        Ok(RequirementId(cur + 1))
    }

    /// Stores a new project, its group index entry and the counter.
    pub fn put_new_project(&mut self, store: &Store, p: &Project) {
        self.put(&store.meta, PROJECT_SEQ.to_vec(), be(p.id.0).to_vec());
        self.put(&store.chat_projects, chat_key(&p.chat_id, p.id), Vec::new());
        self.put_project(store, p);
    }

    /// Stores a project's new state.
    pub fn put_project(&mut self, store: &Store, p: &Project) {
        self.put(&store.projects, be(p.id.0).to_vec(), encode(p));
    }

    /// Stores a new requirement and the counter.
    pub fn put_new_requirement(&mut self, store: &Store, r: &Requirement) {
        self.put(&store.meta, REQ_SEQ.to_vec(), be(r.id.0).to_vec());
        self.put_requirement(store, r);
    }

    /// Records that the submission form card `message_id` produced requirement `id`.
    pub fn mark_form_submitted(&mut self, store: &Store, message_id: &str, id: RequirementId) {
        self.put(&store.meta, form_key(message_id), be(id.0).to_vec());
    }

    /// Stores a requirement's new state.
    pub fn put_requirement(&mut self, store: &Store, r: &Requirement) {
        self.put(&store.requirements, be(r.id.0).to_vec(), encode(r));
    }

    /// Appends to a project's or requirement's audit trail.
    ///
    /// # Errors
    /// sled errors (id generation).
    pub fn push_watched_audit(
        &mut self,
        store: &Store,
        w: Watched,
        rec: &AuditRecord,
    ) -> Result<(), StoreError> {
        let mut key = w.key();
        key.extend_from_slice(&be(store.generate_id()?));
        self.put(&store.proj_audit, key, encode(rec));
        Ok(())
    }

    /// Stores the reminder state of `w`.
    pub fn put_watch_state(&mut self, store: &Store, w: Watched, s: &WatchState) {
        self.put(&store.proj_watch, w.key(), encode(s));
    }

    /// Moves `w`'s entry in the check index (`None`: nothing to watch).
    ///
    /// # Errors
    /// sled errors.
    pub fn schedule_watched(
        &mut self,
        store: &Store,
        w: Watched,
        fire_ms: Option<i64>,
    ) -> Result<(), StoreError> {
        if let Some(old) = store.proj_due_by.get(w.key())? {
            let mut k = old.to_vec();
            k.extend_from_slice(&w.key());
            self.remove(&store.proj_due, k);
        }
        match fire_ms.and_then(|ms| u64::try_from(ms).ok()) {
            Some(ms) => {
                let mut k = be(ms).to_vec();
                k.extend_from_slice(&w.key());
                self.put(&store.proj_due, k, Vec::new());
                self.put(&store.proj_due_by, w.key(), be(ms).to_vec());
            }
            None => self.remove(&store.proj_due_by, w.key()),
        }
        Ok(())
    }

    /// Consumes one due entry (the tick; the next one is written by rescheduling).
    pub fn unschedule_watched(&mut self, store: &Store, fire_ms: u64, w: Watched) {
        let mut k = be(fire_ms).to_vec();
        k.extend_from_slice(&w.key());
        self.remove(&store.proj_due, k);
    }

    /// Queues a row for the Bitable mirror (in this change's transaction).
    ///
    /// # Errors
    /// sled errors (id generation).
    pub fn queue_mirror(&mut self, store: &Store, table: MirrorTable, key: &str) -> Result<(), StoreError> {
        let version = be(store.generate_id()?).to_vec();
        self.put(&store.mirror_queue, mirror_key(table, key), version);
        Ok(())
    }
}

/// The `meta` key of a submitted requirement form card.
fn form_key(message_id: &str) -> Vec<u8> {
    [b"rform:".as_slice(), message_id.as_bytes()].concat()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn watched_keys_round_trip() {
        for w in [
            Watched::Project(ProjectId(3)),
            Watched::Requirement(RequirementId(70_000)),
        ] {
            assert_eq!(Watched::from_key(&w.key()), Some(w));
        }
    }

    #[test]
    fn mirror_keys_round_trip() {
        let k = mirror_key(MirrorTable::Requirements, "XQ-7");
        assert_eq!(
            parse_mirror_key(&k),
            Some((MirrorTable::Requirements, "XQ-7".to_owned()))
        );
    }

    #[test]
    fn a_row_queued_again_while_mirroring_stays_queued() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::testing::open_for_test(dir.path()).unwrap();
        let mut ch = Changes::new();
        ch.queue_mirror(&store, MirrorTable::Items, "DB-1").unwrap();
        store.commit(&ch).unwrap();
        let (t, key, v1) = store.mirror_pending(10).unwrap().remove(0);
        let mut ch = Changes::new();
        ch.queue_mirror(&store, MirrorTable::Items, "DB-1").unwrap();
        store.commit(&ch).unwrap();
        store.mirror_done(t, &key, &v1).unwrap();
        assert_eq!(store.mirror_queue_len(), 1);
        let (_, _, v2) = store.mirror_pending(10).unwrap().remove(0);
        store.mirror_done(t, &key, &v2).unwrap();
        assert_eq!(store.mirror_queue_len(), 0);
    }
}
