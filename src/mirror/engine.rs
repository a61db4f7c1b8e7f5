//! The mirror's edge: [`Mirror::flush`] upserts [`MirrorRecord`]s into the configured Bitable
//! tables through [`FeishuClient`].
//!
//! Per table, one at a time and under a per-table async mutex (Bitable refuses concurrent
//! writes to one table with 1254291): rows whose record id the [`RecordMap`] knows are updated;
//! for the others the table is searched by [`KEY_FIELD`] first (a record created before a
//! crash, whose id was never saved, is found and updated rather than duplicated); the rest are
//! created. Batches hold at most [`MAX_BATCH`] rows and carry a [`client_token`] derived from
//! their content, so a batch retried after a crash or timeout writes nothing twice. A write
//! conflict (another writer on the table) is retried with backoff; every other failure ends
//! the flush with the error — ids learned so far are already in the map, so the caller (the
//! outbox) simply retries the whole flush.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use serde_json::{Map, Value, json};

use super::record::{ADDED_COLUMNS, KEY_FIELD, MirrorConfig, MirrorRecord, MirrorTable, client_token};
use crate::feishu::bitable::{CODE_RECORD_NOT_FOUND, CODE_WRITE_CONFLICT, MAX_BATCH};
use crate::feishu::{FeishuClient, FeishuError};

/// Above this many rows with unknown ids, the table is read once instead of searched row by row.
const SEARCH_EACH_UP_TO: usize = 10;

/// Rows of one table: (key, fields).
type Rows = Vec<(String, Map<String, Value>)>;

/// Where the mirror remembers each row's record id (the integrator persists it, e.g. in sled).
pub trait RecordMap: Send {
    /// The record id of `key` in `table`, if known.
    fn get(&self, table: MirrorTable, key: &str) -> Option<String>;
    /// Remembers the record id of `key` in `table`.
    fn set(&mut self, table: MirrorTable, key: &str, record_id: &str);
}

impl RecordMap for HashMap<(MirrorTable, String), String> {
    fn get(&self, table: MirrorTable, key: &str) -> Option<String> {
        Self::get(self, &(table, key.to_owned())).cloned()
    }

    fn set(&mut self, table: MirrorTable, key: &str, record_id: &str) {
        self.insert((table, key.to_owned()), record_id.to_owned());
    }
}

/// How write conflicts (1254291) are retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConflictRetry {
    /// Attempts per batch, the first included.
    pub attempts: u32,
    /// First wait; doubled each time, plus up to 50 % jitter.
    pub base: Duration,
}

impl Default for ConflictRetry {
    fn default() -> Self {
        Self {
            attempts: 6,
            base: Duration::from_millis(200),
        }
    }
}

/// What one flush did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlushReport {
    /// Rows created.
    pub created: usize,
    /// Rows updated (recovered ones included).
    pub updated: usize,
    /// Rows whose lost record id was found again by searching.
    pub recovered: usize,
    /// Rows recreated because their record had been deleted in Bitable.
    pub recreated: usize,
    /// Write conflicts met and retried.
    pub conflicts: usize,
    /// Batch calls made (create and update; retries not counted).
    pub batches: usize,
    /// Rows skipped because their table is not configured.
    pub unconfigured: usize,
}

/// The Bitable mirror of one base. Share it (e.g. in an `Arc`): the per-table locks only
/// serialise writers that go through the same `Mirror`.
#[derive(Debug)]
pub struct Mirror {
    client: FeishuClient,
    config: MirrorConfig,
    retry: ConflictRetry,
    locks: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// Tables whose [`ADDED_COLUMNS`] were checked (and added where missing) in this run.
    columns_checked: Mutex<HashSet<String>>,
}

impl Mirror {
    /// A mirror writing to `config`'s base with the default conflict retry.
    pub fn new(client: FeishuClient, config: MirrorConfig) -> Self {
        Self::with_retry(client, config, ConflictRetry::default())
    }

    /// A mirror with an explicit conflict retry policy.
    pub fn with_retry(client: FeishuClient, config: MirrorConfig, retry: ConflictRetry) -> Self {
        Self {
            client,
            config,
            retry,
            locks: Mutex::new(HashMap::new()),
            columns_checked: Mutex::new(HashSet::new()),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &MirrorConfig {
        &self.config
    }

    /// Upserts `records` (a later row with the same table and key replaces an earlier one),
    /// table by table, recording new record ids in `mapping` as soon as they are known.
    ///
    /// # Errors
    /// The first [`FeishuError`] that is not a retried write conflict (e.g. 99991672 missing
    /// `bitable:app` — see [`FeishuError::missing_scope`] — or 1254045 unknown field).
    pub async fn flush(
        &self,
        records: Vec<MirrorRecord>,
        mapping: &mut dyn RecordMap,
    ) -> Result<FlushReport, FeishuError> {
        let mut report = FlushReport::default();
        let mut by_table: BTreeMap<MirrorTable, Rows> = BTreeMap::new();
        for r in records {
            let rows = by_table.entry(r.table).or_default();
            let mut fields = r.fields;
            fields.insert(KEY_FIELD.to_owned(), json!(r.key));
            match rows.iter_mut().find(|(k, _)| *k == r.key) {
                Some(row) => row.1 = fields,
                None => rows.push((r.key, fields)),
            }
        }
        for (table, rows) in by_table {
            let Some(table_id) = self.config.table_id(table).map(str::to_owned) else {
                report.unconfigured += rows.len();
                continue;
            };
            let lock = self.lock_for(&table_id);
            let _guard = lock.lock().await;
            self.ensure_columns(&table_id, &rows).await?;
            self.flush_table(table, &table_id, rows, mapping, &mut report)
                .await?;
        }
        Ok(report)
    }

    /// Adds the [`ADDED_COLUMNS`] these rows write that the table lacks (as text fields),
    /// once per table per run: the table's field names are read the first time rows with
    /// such a column go to it. A failure leaves the table unchecked, so the retried flush
    /// checks again.
    async fn ensure_columns(&self, table_id: &str, rows: &Rows) -> Result<(), FeishuError> {
        let done = |set: &Mutex<HashSet<String>>| {
            set.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .contains(table_id)
        };
        if done(&self.columns_checked) {
            return Ok(());
        }
        let wanted: Vec<&str> = ADDED_COLUMNS
            .iter()
            .copied()
            .filter(|c| rows.iter().any(|(_, f)| f.contains_key(*c)))
            .collect();
        if wanted.is_empty() {
            return Ok(());
        }
        let app = self.config.app_token.as_str();
        let have = self.client.bitable_field_names(app, table_id).await?;
        for name in wanted.into_iter().filter(|c| !have.iter().any(|h| h == c)) {
            let token = client_token("field", app, table_id, [(name, &Map::new())]);
            self.client
                .bitable_create_text_field(app, table_id, name, &token)
                .await?;
            tracing::info!(
                table = table_id,
                column = name,
                "Bitable mirror: added a missing column"
            );
        }
        self.columns_checked
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(table_id.to_owned());
        Ok(())
    }

    /// The async mutex of one table.
    fn lock_for(&self, table_id: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut locks = self.locks.lock().unwrap_or_else(PoisonError::into_inner);
        locks
            .entry(format!("{}/{table_id}", self.config.app_token))
            .or_default()
            .clone()
    }

    async fn flush_table(
        &self,
        table: MirrorTable,
        table_id: &str,
        rows: Vec<(String, Map<String, Value>)>,
        mapping: &mut dyn RecordMap,
        report: &mut FlushReport,
    ) -> Result<(), FeishuError> {
        let mut updates: Vec<(String, String, Map<String, Value>)> = Vec::new();
        let mut unknown: Vec<(String, Map<String, Value>)> = Vec::new();
        for (key, fields) in rows {
            match mapping.get(table, &key) {
                Some(id) => updates.push((key, id, fields)),
                None => unknown.push((key, fields)),
            }
        }
        let found = self.find_existing(table_id, &unknown).await?;
        let mut creates = Vec::new();
        for (key, fields) in unknown {
            match found.get(&key) {
                Some(id) => {
                    mapping.set(table, &key, id);
                    report.recovered += 1;
                    updates.push((key, id.clone(), fields));
                }
                None => creates.push((key, fields)),
            }
        }
        self.create_rows(table, table_id, creates, mapping, report)
            .await?;
        for chunk in updates.chunks(MAX_BATCH) {
            match self.update_chunk(table_id, chunk, report).await {
                Err(e) if e.code() == Some(CODE_RECORD_NOT_FOUND) => {
                    self.repair(table, table_id, chunk, mapping, report).await?;
                }
                other => other?,
            }
        }
        Ok(())
    }

    /// Record ids of `rows` already in the table, found by [`KEY_FIELD`].
    async fn find_existing(
        &self,
        table_id: &str,
        rows: &[(String, Map<String, Value>)],
    ) -> Result<HashMap<String, String>, FeishuError> {
        let app = &self.config.app_token;
        if rows.len() > SEARCH_EACH_UP_TO {
            return self.client.bitable_index_by_field(app, table_id, KEY_FIELD).await;
        }
        let mut found = HashMap::new();
        for (key, _) in rows {
            if let Some(id) = self
                .client
                .bitable_search_by_field(app, table_id, KEY_FIELD, key)
                .await?
            {
                found.insert(key.clone(), id);
            }
        }
        Ok(found)
    }

    /// Creates rows in batches, remembering each new id.
    async fn create_rows(
        &self,
        table: MirrorTable,
        table_id: &str,
        rows: Vec<(String, Map<String, Value>)>,
        mapping: &mut dyn RecordMap,
        report: &mut FlushReport,
    ) -> Result<(), FeishuError> {
        let app = &self.config.app_token;
        for chunk in rows.chunks(MAX_BATCH) {
            // An empty cell needs no writing on create.
            let fields: Vec<Map<String, Value>> = chunk
                .iter()
                .map(|(_, f)| {
                    f.iter()
                        .filter(|(_, v)| !v.is_null())
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect()
                })
                .collect();
            let token = client_token(
                "batch_create",
                app,
                table_id,
                chunk.iter().zip(&fields).map(|((k, _), f)| (k.as_str(), f)),
            );
            report.batches += 1;
            let ids = self
                .with_conflict_retry(report, || {
                    self.client.bitable_batch_create(app, table_id, &fields, &token)
                })
                .await?;
            for ((key, _), id) in chunk.iter().zip(&ids) {
                mapping.set(table, key, id);
            }
            report.created += ids.len();
        }
        Ok(())
    }

    /// One batch update.
    async fn update_chunk(
        &self,
        table_id: &str,
        chunk: &[(String, String, Map<String, Value>)],
        report: &mut FlushReport,
    ) -> Result<(), FeishuError> {
        let app = &self.config.app_token;
        let rows: Vec<(String, Map<String, Value>)> =
            chunk.iter().map(|(_, id, f)| (id.clone(), f.clone())).collect();
        let token = client_token(
            "batch_update",
            app,
            table_id,
            rows.iter().map(|(id, f)| (id.as_str(), f)),
        );
        report.batches += 1;
        self.with_conflict_retry(report, || {
            self.client.bitable_batch_update(app, table_id, &rows, &token)
        })
        .await?;
        report.updated += rows.len();
        Ok(())
    }

    /// A batch named a record someone deleted in Bitable: look every row up again by key,
    /// update those found and recreate the rest.
    async fn repair(
        &self,
        table: MirrorTable,
        table_id: &str,
        chunk: &[(String, String, Map<String, Value>)],
        mapping: &mut dyn RecordMap,
        report: &mut FlushReport,
    ) -> Result<(), FeishuError> {
        let rows: Vec<(String, Map<String, Value>)> =
            chunk.iter().map(|(k, _, f)| (k.clone(), f.clone())).collect();
        let found = self.find_existing(table_id, &rows).await?;
        let mut again = Vec::new();
        let mut missing = Vec::new();
        for (key, fields) in rows {
            match found.get(&key) {
                Some(id) => {
                    mapping.set(table, &key, id);
                    again.push((key, id.clone(), fields));
                }
                None => missing.push((key, fields)),
            }
        }
        tracing::info!(
            table = table.as_str(),
            recreated = missing.len(),
            "多维表格中的记录已被删除，重新创建"
        );
        report.recreated += missing.len();
        self.create_rows(table, table_id, missing, mapping, report)
            .await?;
        if !again.is_empty() {
            self.update_chunk(table_id, &again, report).await?;
        }
        Ok(())
    }

    /// Runs `call`, retrying write conflicts with exponential backoff and jitter.
    async fn with_conflict_retry<T, F, Fut>(
        &self,
        report: &mut FlushReport,
        call: F,
    ) -> Result<T, FeishuError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, FeishuError>>,
    {
        let mut attempt = 1;
        loop {
            match call().await {
                Err(e) if e.code() == Some(CODE_WRITE_CONFLICT) && attempt < self.retry.attempts => {
                    report.conflicts += 1;
                    let wait = self.retry.base.saturating_mul(1 << (attempt - 1).min(10));
                    let jitter = wait.mul_f64(rand::random::<f64>() * 0.5);
                    tracing::debug!(attempt, "多维表格写冲突，稍后重试");
                    tokio::time::sleep(wait + jitter).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }
}
