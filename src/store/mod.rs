//! The sled store (an edge): typed trees, one group-commit flusher, and nothing else touches
//! `IVec`. Values are JSON behind a one-byte format version.
//!
//! Trees:
//! - `inbox`: acknowledged events not yet processed, key = big-endian sequence.
//! - `seen`: de-duplication keys (`e:<event_id>`, `m:<tenant>:<message_id>`), each with its
//!   state and time (pruned by age after eight hours).
//! - `outbox` / `outbox_dead`: everything the bot will send, and what Feishu refused for good.
//! - `meta`: schema version, counters.
//! - `items`, `audit`, `chat_items`, `item_cards`: see [`items`].
//! - `due`, `nudge_state`: see [`nudges`]; `chats`: per-group board state.
//! - `meetings`, `item_meeting`, `meeting_closure`, `meeting_cards`: see [`meetings`].
//! - `projects`, `requirements`, `proj_audit`, `chat_projects`, `proj_cards`, `proj_due`,
//!   `proj_due_by`, `proj_watch`, `mirror_queue`, `mirror_map`: see [`projects`].
//! - `onboarding`: who was welcomed, and which groups removed the bot: see [`onboarding`].

pub mod backup;
pub mod batches;
mod flusher;
pub mod inbox;
pub mod items;
pub mod meetings;
pub mod nudges;
pub mod onboarding;
pub mod outbox;
pub mod projects;
pub mod retention;
pub mod units;

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use flusher::Flusher;

/// Current on-disk schema.
pub const SCHEMA_VERSION: u64 = 3;
const FORMAT: u8 = 1;

/// Storage failures.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// sled failed.
    #[error("storage error: {0}")]
    Sled(#[from] sled::Error),
    /// A value could not be (de)serialised.
    #[error("stored value {key} is unreadable: {reason}")]
    Codec {
        /// Which key.
        key: String,
        /// Why.
        reason: String,
    },
    /// The flusher failed.
    #[error("flush failed: {0}")]
    Flush(String),
    /// Another process holds the data directory.
    #[error("数据目录 {0} 已被另一个正在运行的 duban 占用（同一目录只能运行一个实例）")]
    Locked(String),
    /// OS error.
    #[error("{0}")]
    Io(String),
}

/// The opened database and its trees. Cloning is one reference count: handlers, the worker,
/// the dispatcher and the scheduler each hold a clone, and a request clones the app state.
#[derive(Clone, Debug)]
pub struct Store(std::sync::Arc<Trees>);

impl std::ops::Deref for Store {
    type Target = Trees;

    fn deref(&self) -> &Trees {
        &self.0
    }
}

/// The trees behind a [`Store`].
#[derive(Debug)]
pub struct Trees {
    db: sled::Db,
    flusher: Flusher,
    /// Every write to the trees holds this shared; a snapshot ([`backup`]) holds it exclusively,
    /// so a snapshot sees each commit wholly or not at all, across trees.
    gate: std::sync::RwLock<()>,
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
    /// Opens (or creates) the store in `dir`.
    ///
    /// # Errors
    /// [`StoreError::Locked`] when another duban holds the directory; other errors as they come.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        let db = sled::Config::new()
            .path(dir)
            .cache_capacity(32 << 20)
            .flush_every_ms(Some(500))
            .open()
            .map_err(|e| match e {
                sled::Error::Io(ref io) if io.to_string().contains("lock") => {
                    StoreError::Locked(dir.display().to_string())
                }
                other => StoreError::Sled(other),
            })?;
        let store = Self(std::sync::Arc::new(Trees {
            inbox: db.open_tree("inbox")?,
            seen: db.open_tree("seen")?,
            outbox: db.open_tree("outbox")?,
            outbox_dead: db.open_tree("outbox_dead")?,
            meta: db.open_tree("meta")?,
            items: db.open_tree("items")?,
            audit: db.open_tree("audit")?,
            chat_items: db.open_tree("chat_items")?,
            item_cards: db.open_tree("item_cards")?,
            due: db.open_tree("due")?,
            nudge_state: db.open_tree("nudge_state")?,
            chats: db.open_tree("chats")?,
            meetings: db.open_tree("meetings")?,
            item_meeting: db.open_tree("item_meeting")?,
            meeting_closure: db.open_tree("meeting_closure")?,
            meeting_cards: db.open_tree("meeting_cards")?,
            projects: db.open_tree("projects")?,
            requirements: db.open_tree("requirements")?,
            proj_audit: db.open_tree("proj_audit")?,
            chat_projects: db.open_tree("chat_projects")?,
            proj_cards: db.open_tree("proj_cards")?,
            proj_due: db.open_tree("proj_due")?,
            proj_due_by: db.open_tree("proj_due_by")?,
            proj_watch: db.open_tree("proj_watch")?,
            mirror_queue: db.open_tree("mirror_queue")?,
            mirror_map: db.open_tree("mirror_map")?,
            onboarding: db.open_tree("onboarding")?,
            flusher: Flusher::start(db.clone())?,
            gate: std::sync::RwLock::new(()),
            db,
        }));
        match store.meta.get("schema_version")?.map(|v| from_be(&v)) {
            Some(v) if v > SCHEMA_VERSION => {
                return Err(StoreError::Io(format!(
                    "数据目录由更新版本的 duban 写入（数据格式 {v}），请升级 duban 后再启动"
                )));
            }
            Some(SCHEMA_VERSION) => {}
            // A new directory, or an upgrade. Format 2 → 3 only adds the binary nudge record,
            // written as records are rewritten (format-2 records still read); the version is
            // recorded so that an older duban, which cannot read the new records, refuses it.
            from => {
                if from == Some(1) {
                    // Before anything else runs: a blocking flush here races no flusher waiter.
                    let n = nudges::migrate_v1(&store.db, &store)?;
                    store.db.flush()?;
                    tracing::info!(records = n, "nudge records folded (schema 1 → 2)");
                }
                store
                    .meta
                    .insert("schema_version", &SCHEMA_VERSION.to_be_bytes())?;
                if from == Some(1) {
                    store.db.flush()?;
                    store.db.drop_tree("due_by_item")?;
                }
                if let Some(v) = from {
                    tracing::info!("store upgraded from schema {v}");
                }
            }
        }
        Ok(store)
    }

    /// Waits until everything written so far is durable (group commit).
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

/// Encodes a value: format byte + JSON.
pub(crate) fn encode<T: Serialize>(v: &T) -> Vec<u8> {
    let mut out = vec![FORMAT];
    // Serialising our own plain data types to JSON cannot fail (no maps with non-string keys).
    if serde_json::to_writer(&mut out, v).is_err() {
        out.truncate(1);
        out.extend_from_slice(b"null");
    }
    out
}

/// Decodes a value written by [`encode`].
pub(crate) fn decode<T: DeserializeOwned>(key: &[u8], bytes: &[u8]) -> Result<T, StoreError> {
    let codec = |reason: String| StoreError::Codec {
        key: String::from_utf8_lossy(key).into_owned(),
        reason,
    };
    match bytes.split_first() {
        Some((&FORMAT, rest)) => serde_json::from_slice(rest).map_err(|e| codec(e.to_string())),
        Some((v, _)) => Err(codec(format!("unknown format {v}"))),
        None => Err(codec("empty".to_owned())),
    }
}

/// Runs `f` over `items` split in one part per core (at most four; the calling thread takes
/// the first part), and joins the results in order. Below `min` items, or on one core, it runs
/// on the calling thread. For random sled reads, which page nodes in from disk: a tick plans its
/// due items this way, and the scheduler reads the next ones ahead.
///
/// # Errors
/// The first part's error, or [`StoreError::Io`] naming `what` when a thread panicked.
pub(crate) fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    min: usize,
    what: &str,
    f: impl Fn(&[T]) -> Result<Vec<R>, StoreError> + Sync,
) -> Result<Vec<R>, StoreError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(4);
    if threads < 2 || items.len() < min {
        return f(items);
    }
    let f = &f;
    std::thread::scope(|s| {
        let mut parts = items.chunks(items.len().div_ceil(threads));
        let first = parts.next().unwrap_or_default();
        let handles: Vec<_> = parts.map(|part| s.spawn(move || f(part))).collect();
        let mut out = f(first)?;
        for h in handles {
            out.extend(
                h.join()
                    .map_err(|_| StoreError::Io(format!("{what}: a thread failed")))??,
            );
        }
        Ok(out)
    })
}

/// Big-endian u64 key.
pub(crate) fn be(n: u64) -> [u8; 8] {
    n.to_be_bytes()
}

/// Reads a big-endian u64 key prefix.
pub(crate) fn from_be(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    let n = b.len().min(8);
    a[..n].copy_from_slice(&b[..n]);
    u64::from_be_bytes(a)
}

/// Converts an abort-free transaction result.
pub(crate) fn tx_err(e: sled::transaction::TransactionError<StoreError>) -> StoreError {
    match e {
        sled::transaction::TransactionError::Abort(e) => e,
        sled::transaction::TransactionError::Storage(e) => StoreError::Sled(e),
    }
}
