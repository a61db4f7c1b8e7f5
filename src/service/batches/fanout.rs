//! The scheduler's part of 下达: the fan-out (one unit per transaction) and the coalesced
//! roll-up refreshes.

use super::super::Service;
use super::super::items::{post_card, record_new};
use crate::domain::audit::Source;
use crate::domain::batch::{Batch, BatchStatus};
use crate::domain::ids::{BatchId, Person};
use crate::domain::supervision::Item;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::targets::ItemTarget;

/// A roll-up is PATCHed at most this often, however many units act at once.
pub(crate) const ROLLUP_COALESCE_MS: i64 = 3_000;

/// Roll-ups refreshed per tick at most.
const ROLLUPS_PER_TICK: usize = 100;

impl Service {
    /// Marks the roll-up of `item`'s batch, if it is a 下达 child (every item write).
    ///
    /// # Errors
    /// sled errors.
    pub(crate) fn mark_rollup_of(&self, ch: &mut Changes, item: &Item) -> Result<(), StoreError> {
        if let Some(b) = self.store.batch_of_item(item.id)? {
            let at = self.clock.now().as_millisecond() + ROLLUP_COALESCE_MS;
            ch.mark_rollup(&self.store, b, at)?;
        }
        Ok(())
    }

    /// Finishes every unfinished fan-out (at start, after a 下达, after a crash), then queues the
    /// roll-up refreshes that are due. Returns when the next refresh is due (Unix ms).
    ///
    /// # Errors
    /// Storage failures (what was committed stays; the rest is retried).
    pub async fn batches_tick(&self) -> Result<Option<i64>, StoreError> {
        let pending = self.store.unfinished_fanouts()?;
        for (batch, units) in pending {
            for unit in units {
                let _guard = self.exclusive().await;
                // Read again under the lock: a 取消 or 延期 meanwhile stops or changes the rest.
                let Some(batch) = self
                    .store
                    .get_batch(batch.id)?
                    .filter(|b| b.status == BatchStatus::Open)
                else {
                    break;
                };
                // And whether the unit got its item meanwhile: another tick that read the same
                // plan (a leader that stepped down but is still finishing its round while the
                // next one starts) did it first. The child record and the item commit
                // together, under this lock, so each unit gets exactly one.
                if self.store.batch_child(batch.id, &unit)?.is_some() {
                    continue;
                }
                let mut ch = Changes::new();
                if self.fan_out_one(&mut ch, &batch, &unit)? {
                    self.store.commit(&ch)?;
                    self.wake.outbox.notify_one();
                    self.wake.mirror.notify_one();
                }
            }
        }
        let now_ms = self.clock.now().as_millisecond();
        for (id, stamp) in self.store.rollups_due(now_ms, ROLLUPS_PER_TICK)? {
            let _guard = self.exclusive().await;
            let mut ch = Changes::new();
            if let Some(b) = self.store.get_batch(id)? {
                self.settle_if_done(&mut ch, &b)?;
                let rec = OutboxRecord::new(Intent::RefreshRollup { batch: id.0 }, Some(b.chat_id.0));
                ch.outbox_push(&self.store, &rec)?;
                self.store.commit(&ch)?;
                self.wake.outbox.notify_one();
            }
            self.store.rollup_refreshed(id, &stamp)?;
        }
        let repost = self.repost_tick().await?;
        Ok(match (self.store.next_rollup_ms()?, repost) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        })
    }

    /// Creates `unit`'s item of `batch` in `ch`: the item (filed under the unit), its link to
    /// the batch and its card, with a roll-up mark. `false` when the unit is gone from the
    /// registry or has no one to own the item (logged; the roll-up shows it as not posted).
    fn fan_out_one(&self, ch: &mut Changes, batch: &Batch, unit: &str) -> Result<bool, StoreError> {
        let reg = self.unit_registry();
        let Some(u) = reg.by_name(unit) else {
            tracing::warn!(batch = %batch.id, unit, "下达: the unit is no longer registered; its item is not created");
            return Ok(false);
        };
        let heads: Vec<Person> = {
            let g = self
                .people
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            u.heads
                .iter()
                .map(|h| Person {
                    open_id: h.clone(),
                    name: g.names.get(&h.0).cloned().unwrap_or_default(),
                })
                .collect()
        };
        let new = match batch.child(u, &heads) {
            Ok(n) => n,
            Err(e) => {
                tracing::warn!(batch = %batch.id, unit, reason = %e, "下达: no owner for the unit's item");
                return Ok(false);
            }
        };
        let note = Some(format!("由下达 {} 创建（{}）", batch.id, batch.selector));
        let item = record_new(self, ch, new, Source::System, note)?;
        if let Some(t) = &batch.target {
            let t = ItemTarget {
                target: t.clone(),
                report: None,
            };
            ch.put_item_target(&self.store, item.id, &t)?;
        }
        ch.put_batch_child(&self.store, batch.id, unit, item.id)?;
        post_card(self, ch, &item, None, &format!("xd{}", batch.id.0))?;
        self.mark_batch(ch, batch.id)?;
        Ok(true)
    }

    fn mark_batch(&self, ch: &mut Changes, id: BatchId) -> Result<(), StoreError> {
        let at = self.clock.now().as_millisecond() + ROLLUP_COALESCE_MS;
        ch.mark_rollup(&self.store, id, at)
    }

    /// Asks for batch `id`'s roll-up refresh at the next tick (取消, 延期: the issuer waits for it).
    ///
    /// # Errors
    /// sled errors.
    pub(crate) fn mark_batch_now(&self, ch: &mut Changes, id: BatchId) -> Result<(), StoreError> {
        ch.mark_rollup(&self.store, id, self.clock.now().as_millisecond())
    }
}
