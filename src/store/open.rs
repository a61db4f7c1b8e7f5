//! Opening the store: sled in a directory or PostgreSQL at a URL; trees, schema version,
//! migrations.

use std::path::Path;

use super::codec::{SCHEMA_VERSION, from_be};
use super::db::{Store, Trees};
use super::error::StoreError;
use super::flusher::Flusher;
use super::inbox::group::Admissions;
use super::kv::Db;
use super::kv::pg::PgDb;
use super::nudges;

/// Connection threads of a PostgreSQL store.
pub const PG_POOL: usize = 8;

impl Store {
    /// Opens (or creates) the sled store in `dir`.
    ///
    /// # Errors
    /// [`StoreError::Locked`] when another duban holds the directory; other errors as they come.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        // sled's node cache: 8 MB as sled counts it is 2–3 times that resident (a node's keys and
        // values are separate allocations). At a million items, 60 busy ticks left the process
        // at 190 MB resident against 238 MB with 32 MB, the busy tick inside its 50 ms; the
        // scheduler reads its next records ahead just before it needs them (issue 20).
        let db = sled::Config::new()
            .path(dir)
            .cache_capacity(8 << 20)
            .flush_every_ms(Some(500))
            .open()
            .map_err(|e| match e {
                sled::Error::Io(ref io) if io.to_string().contains("lock") => {
                    StoreError::Locked(dir.display().to_string())
                }
                other => StoreError::Sled(other),
            })?;
        let admissions = std::sync::Arc::new(Admissions::default());
        let gate = std::sync::Arc::new(std::sync::RwLock::new(()));
        let flusher = Flusher::start(
            db.clone(),
            db.open_tree("inbox")?,
            admissions.clone(),
            gate.clone(),
        )?;
        Self::over(Db::Sled(db), Some((flusher, admissions)), gate)
    }

    /// Opens the PostgreSQL store at `url` (migrating its schema; several instances may share
    /// it), with `pool` connection threads.
    ///
    /// # Errors
    /// The database cannot be reached, or was written by a newer duban.
    pub fn open_postgres(url: &str, pool: usize) -> Result<Self, StoreError> {
        Self::over(Db::Pg(PgDb::open(url, pool)?), None, std::sync::Arc::default())
    }

    fn over(
        db: Db,
        flusher: Option<(Flusher, std::sync::Arc<Admissions>)>,
        gate: std::sync::Arc<std::sync::RwLock<()>>,
    ) -> Result<Self, StoreError> {
        let (flusher, admissions) = flusher.unzip();
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
            flusher,
            admissions,
            gate,
            dedup: std::sync::Mutex::default(),
            db,
        }));
        match store.meta.get("schema_version")?.map(|v| from_be(&v)) {
            Some(v) if v > SCHEMA_VERSION => {
                return Err(StoreError::Newer(format!(
                    "数据目录由更新版本的 duban 写入（数据格式 {v}），请升级 duban 后再启动"
                )));
            }
            Some(SCHEMA_VERSION) => {}
            // A new directory, or an upgrade. Format 2 → 3 only adds the binary nudge record,
            // written as records are rewritten (format-2 records still read); format 3 → 4 the
            // inbox entries that carry their de-duplication keys and the compact `seen` record
            // (earlier entries and records still read: see `inbox::rebuild`); format 4 → 5 the
            // nudge records that carry 进展征集 requests (format-3 records still read); format 5 → 6
            // the `chat_items` index in chunks (entries of one item still read); format 6 → 7 the
            // batch `seen` record (one a worker commit; key records still read); format 7 → 8 the
            // grouped inbox record (several acknowledged events in one record; single entries
            // still read). The version is
            // recorded so that an older duban, which cannot read the new records, refuses it.
            from => {
                if from == Some(1) {
                    // Before anything else runs: a blocking flush here races no flusher waiter.
                    let n = nudges::migrate_v1(&store.db, &store)?;
                    store.db.flush()?;
                    tracing::info!(records = n, "nudge records folded (schema 1 → 2)");
                }
                // Several instances may start together on one database: only the first writes.
                let _ = store.meta.compare_and_swap(
                    "schema_version",
                    store.meta.get("schema_version")?,
                    Some(&SCHEMA_VERSION.to_be_bytes()),
                )?;
                if from == Some(1) {
                    store.db.flush()?;
                    store.db.drop_tree("due_by_item")?;
                }
                if let Some(v) = from {
                    tracing::info!("store upgraded from schema {v}");
                }
            }
        }
        let index = store.rebuild_dedup()?;
        *store.dedup_index() = index;
        Ok(store)
    }
}
