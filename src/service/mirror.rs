//! The Bitable mirror's orchestration: every change of an item, project or requirement queues
//! its row in `mirror_queue` in the change's own transaction; one task per process renders the
//! queued rows from current state and upserts them through [`Mirror::flush`] (batches of at
//! most 500, writes serialised per table, record ids persisted in `mirror_map`). A row leaves
//! the queue only once written, so a Feishu outage delays the mirror but loses nothing; a row
//! changed again while being written stays queued for the next round.

use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use super::Service;
use crate::domain::ids::{ItemId, ProjectId, RequirementId};
use crate::mirror::{
    Mirror, MirrorRecord, MirrorTable, RecordMap, item_record, project_record, requirement_record,
};
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::projects::SledRecordMap;

/// Rows taken per round (the engine splits them into batches of at most 500 per table).
const ROUND_ROWS: usize = 1_500;
/// Longest wait between failed rounds.
const MAX_BACKOFF: Duration = Duration::from_secs(300);

impl Service {
    /// Queues `key`'s row of `table` for the mirror (nothing when no mirror is configured).
    ///
    /// # Errors
    /// sled errors.
    pub(crate) fn queue_mirror(
        &self,
        ch: &mut Changes,
        table: MirrorTable,
        key: &str,
    ) -> Result<(), StoreError> {
        if self.cfg.mirror_on {
            ch.queue_mirror(&self.store, table, key)?;
        }
        Ok(())
    }

    /// One mirror round: renders up to [`ROUND_ROWS`] queued rows and upserts them. Returns
    /// whether rows remain queued.
    ///
    /// # Errors
    /// Storage failures, or the Feishu error that stopped the flush (everything stays queued).
    pub async fn mirror_round(&self, mirror: &Mirror) -> Result<bool, MirrorRoundError> {
        let pending = self.store.mirror_pending(ROUND_ROWS)?;
        if pending.is_empty() {
            return Ok(false);
        }
        let mut records = Vec::with_capacity(pending.len());
        for (table, key, _) in &pending {
            if let Some(r) = mirror_row(self, *table, key)? {
                records.push(r);
            }
        }
        let mut map = self.store.mirror_map();
        let report = mirror.flush(records, &mut map).await?;
        tracing::debug!(?report, "mirrored to Bitable");
        for (table, key, version) in &pending {
            self.store.mirror_done(*table, key, version)?;
        }
        Ok(self.store.mirror_queue_len() > 0)
    }

    /// Runs the mirror until `cancel` fires: a round whenever something is queued, backing off
    /// while Feishu fails.
    pub async fn run_mirror(self: Arc<Self>, mirror: Arc<Mirror>, cancel: CancellationToken) {
        let mut backoff = Duration::from_secs(1);
        loop {
            let wait = match self.mirror_round(&mirror).await {
                Ok(true) => {
                    backoff = Duration::from_secs(1);
                    continue;
                }
                Ok(false) => {
                    backoff = Duration::from_secs(1);
                    Duration::from_secs(60)
                }
                Err(e) => {
                    tracing::warn!(error.message = %e, "多维表格同步失败，稍后重试");
                    let w = backoff;
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                    w
                }
            };
            let failing = backoff > Duration::from_secs(1);
            tokio::select! {
                () = cancel.cancelled() => return,
                // While Feishu fails, new changes wait for the backoff.
                () = self.wake.mirror.notified(), if !failing => {}
                () = tokio::time::sleep(wait) => {}
            }
        }
    }
}

/// Why a mirror round stopped.
#[derive(Debug, thiserror::Error)]
pub enum MirrorRoundError {
    /// Local storage failed.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// Feishu refused or was unreachable.
    #[error("{0}")]
    Feishu(#[from] crate::feishu::FeishuError),
}

/// The mirror's record map, kept in the store.
impl RecordMap for SledRecordMap {
    fn get(&self, table: MirrorTable, key: &str) -> Option<String> {
        Self::get(self, table, key)
    }

    fn set(&mut self, table: MirrorTable, key: &str, record_id: &str) {
        Self::set(self, table, key, record_id);
    }
}

/// The current row of `key` in `table` (`None`: it no longer exists).
fn mirror_row(svc: &Service, table: MirrorTable, key: &str) -> Result<Option<MirrorRecord>, StoreError> {
    let now = svc.clock.now();
    Ok(match table {
        MirrorTable::Items => match ItemId::parse(key) {
            Some(id) => svc
                .store
                .get_item(id)?
                .map(|i| {
                    let unit = svc.store.unit_of_item(i.id)?;
                    Ok::<_, StoreError>(item_record(&i, unit.as_deref(), now, &svc.calendar))
                })
                .transpose()?,
            None => None,
        },
        MirrorTable::Projects => match ProjectId::parse(key) {
            Some(id) => svc
                .store
                .get_project(id)?
                .map(|p| project_record(&p, now, &svc.calendar)),
            None => None,
        },
        MirrorTable::Requirements => match RequirementId::parse(key) {
            Some(id) => match svc.store.get_requirement(id)? {
                Some(r) => {
                    let p = match r.project {
                        Some(pid) => svc.store.get_project(pid)?,
                        None => None,
                    };
                    Some(requirement_record(&r, p.as_ref()))
                }
                None => None,
            },
            None => None,
        },
    })
}
