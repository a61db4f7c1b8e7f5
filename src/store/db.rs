//! The store handle: the sled database, its trees, the group-commit flusher and the write gate.

use super::error::StoreError;
use super::flusher::Flusher;

/// The opened database and its trees. Cloning is one reference count: handlers, the worker,
/// the dispatcher and the scheduler each hold a clone, and a request clones the app state.
#[derive(Clone, Debug)]
pub struct Store(pub(super) std::sync::Arc<Trees>);

impl std::ops::Deref for Store {
    type Target = Trees;

    fn deref(&self) -> &Trees {
        &self.0
    }
}

/// The trees behind a [`Store`].
#[derive(Debug)]
pub struct Trees {
    pub(super) db: sled::Db,
    pub(super) flusher: Flusher,
    /// Every write to the trees holds this shared; a snapshot ([`backup`]) holds it exclusively,
    /// so a snapshot sees each commit wholly or not at all, across trees.
    pub(super) gate: std::sync::RwLock<()>,
    /// Which events were seen: see [`super::inbox::index`].
    pub(super) dedup: std::sync::Mutex<super::inbox::index::Dedup>,
    pub(crate) inbox: sled::Tree,
    pub(crate) seen: sled::Tree,
    pub(crate) outbox: sled::Tree,
    pub(crate) outbox_dead: sled::Tree,
    pub(crate) meta: sled::Tree,
    pub(crate) items: sled::Tree,
    pub(crate) audit: sled::Tree,
    pub(crate) chat_items: sled::Tree,
    pub(crate) item_cards: sled::Tree,
    pub(crate) due: sled::Tree,
    pub(crate) nudge_state: sled::Tree,
    pub(crate) chats: sled::Tree,
    pub(crate) meetings: sled::Tree,
    pub(crate) item_meeting: sled::Tree,
    pub(crate) meeting_closure: sled::Tree,
    pub(crate) meeting_cards: sled::Tree,
    pub(crate) projects: sled::Tree,
    pub(crate) requirements: sled::Tree,
    pub(crate) proj_audit: sled::Tree,
    pub(crate) chat_projects: sled::Tree,
    pub(crate) proj_cards: sled::Tree,
    pub(crate) proj_due: sled::Tree,
    pub(crate) proj_due_by: sled::Tree,
    pub(crate) proj_watch: sled::Tree,
    pub(crate) mirror_queue: sled::Tree,
    pub(crate) mirror_map: sled::Tree,
    pub(crate) onboarding: sled::Tree,
}

impl Store {
    ///
    /// # Errors
    /// [`StoreError::Flush`].
    pub async fn durable(&self) -> Result<(), StoreError> {
        self.flusher.durable().await
    }

    /// Blocking flush through the flusher (shutdown).
    ///
    /// # Errors
    /// [`StoreError::Flush`].
    pub fn durable_blocking(&self) -> Result<(), StoreError> {
        self.flusher.durable_blocking()
    }

    /// A fresh monotonic id.
    ///
    /// # Errors
    /// sled errors.
    pub fn generate_id(&self) -> Result<u64, StoreError> {
        Ok(self.db.generate_id()?)
    }

    /// Held (shared) by every write to the trees, so that a snapshot, which takes it
    /// exclusively, never sees half of a commit. Cheap when no snapshot runs.
    pub(crate) fn writing(&self) -> std::sync::RwLockReadGuard<'_, ()> {
        self.gate
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Bytes on disk (space amplification gauge).
    pub fn size_on_disk(&self) -> u64 {
        self.db.size_on_disk().unwrap_or(0)
    }

    /// Whether the database answers reads.
    pub fn is_healthy(&self) -> bool {
        self.meta.get("schema_version").is_ok()
    }
}
