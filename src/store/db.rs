//! The store handle: the database (sled or PostgreSQL), its trees, the group-commit flusher and the write gate.

use super::error::StoreError;
use super::flusher::Flusher;
use super::kv::{Db, Tree};

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
    pub(super) db: Db,
    /// The group-commit flusher (sled only: a PostgreSQL commit is durable when it returns).
    pub(super) flusher: Option<Flusher>,
    /// Events acknowledged but not yet written, which the flusher writes as one record before
    /// its next flush (sled only: [`super::inbox::group`]).
    pub(super) admissions: Option<std::sync::Arc<super::inbox::group::Admissions>>,
    /// Every write to the trees holds this shared; a snapshot ([`backup`]) holds it exclusively,
    /// so a snapshot sees each commit wholly or not at all, across trees. The flusher holds it
    /// shared too while it writes the admitted events out.
    pub(super) gate: std::sync::Arc<std::sync::RwLock<()>>,
    /// Which events were seen: see [`super::inbox::index`].
    pub(super) dedup: std::sync::Mutex<super::inbox::index::Dedup>,
    pub(crate) inbox: Tree,
    pub(crate) seen: Tree,
    pub(crate) outbox: Tree,
    pub(crate) outbox_dead: Tree,
    pub(crate) meta: Tree,
    pub(crate) items: Tree,
    pub(crate) audit: Tree,
    pub(crate) chat_items: Tree,
    pub(crate) item_cards: Tree,
    pub(crate) due: Tree,
    pub(crate) nudge_state: Tree,
    pub(crate) chats: Tree,
    pub(crate) meetings: Tree,
    pub(crate) item_meeting: Tree,
    pub(crate) meeting_closure: Tree,
    pub(crate) meeting_cards: Tree,
    pub(crate) projects: Tree,
    pub(crate) requirements: Tree,
    pub(crate) proj_audit: Tree,
    pub(crate) chat_projects: Tree,
    pub(crate) proj_cards: Tree,
    pub(crate) proj_due: Tree,
    pub(crate) proj_due_by: Tree,
    pub(crate) proj_watch: Tree,
    pub(crate) mirror_queue: Tree,
    pub(crate) mirror_map: Tree,
    pub(crate) onboarding: Tree,
}

impl Store {
    ///
    /// # Errors
    /// [`StoreError::Flush`].
    pub async fn durable(&self) -> Result<(), StoreError> {
        match &self.flusher {
            Some(f) => f.durable().await,
            None => Ok(()),
        }
    }

    /// Blocking flush through the flusher (shutdown).
    ///
    /// # Errors
    /// [`StoreError::Flush`].
    pub fn durable_blocking(&self) -> Result<(), StoreError> {
        match &self.flusher {
            Some(f) => f.durable_blocking(),
            None => Ok(()),
        }
    }

    /// A fresh monotonic id.
    ///
    /// # Errors
    /// sled errors.
    pub fn generate_id(&self) -> Result<u64, StoreError> {
        self.db.generate_id()
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
        self.db.size_on_disk()
    }

    /// Whether the database answers reads.
    pub fn is_healthy(&self) -> bool {
        match self.db.as_pg() {
            Some(pg) => pg.ping(),
            None => self.meta.get("schema_version").is_ok(),
        }
    }

    /// How many threads many random reads are spread over ([`super::in_parallel`]): one per
    /// core on sled (at most four), one per connection on PostgreSQL.
    pub fn read_width(&self) -> usize {
        match self.db.as_pg() {
            Some(pg) => pg.connections(),
            None => std::thread::available_parallelism()
                .map_or(1, std::num::NonZero::get)
                .min(4),
        }
    }

    /// Which store this is: `"sled"` or `"postgres"`.
    pub fn backend_name(&self) -> &'static str {
        self.db.backend_name()
    }

    /// The key-value database under the typed trees.
    pub fn kv(&self) -> &Db {
        &self.db
    }
}
