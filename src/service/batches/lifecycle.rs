//! The end of a batch and the life of its roll-up card: a batch whose every unit item is closed
//! (accepted or cancelled) is settled, in the same transaction as the roll-up's last refresh;
//! a roll-up still in use is posted anew before Feishu's 14-day update window closes, once.

use super::super::Service;
use crate::domain::batch::{Batch, BatchStatus};
use crate::feishu::feishu_uuid;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::batches::{RollupCard, UPDATE_WINDOW_MS};
use crate::store::outbox::Changes;

/// A roll-up is posted anew this long before its update window closes (at day 13).
pub(crate) const REPOST_MARGIN_MS: i64 = 24 * 3_600_000;

impl Service {
    /// Settles `b` in `ch` when every planned unit has its item and every item is closed.
    ///
    /// # Errors
    /// sled errors.
    pub(super) fn settle_if_done(&self, ch: &mut Changes, b: &Batch) -> Result<(), StoreError> {
        if b.status != BatchStatus::Open || !self.store.is_open_batch(b.id)? {
            return Ok(());
        }
        let children = self.store.batch_child_items(b)?;
        let all_closed = children
            .iter()
            .all(|(_, item)| item.as_ref().is_some_and(|i| !i.is_open()));
        if all_closed {
            tracing::info!(batch = %b.id, "下达: every unit's item is closed; the batch is settled");
            ch.settle_batch(&self.store, b.id)?;
        }
        Ok(())
    }

    /// Queues the re-post of every open batch's roll-up whose update window is closing (the
    /// queued post and the record that it is queued in one transaction: never two re-posts).
    /// Returns when the next one falls due (Unix ms).
    ///
    /// # Errors
    /// sled errors.
    pub(super) async fn repost_tick(&self) -> Result<Option<i64>, StoreError> {
        let now_ms = self.clock.now().as_millisecond();
        let mut next: Option<i64> = None;
        for b in self.store.open_batches()? {
            let Some(card) = self.store.rollup_card(b.id)? else {
                continue;
            };
            if card.repost_queued {
                continue;
            }
            if !card.needs_repost(now_ms, REPOST_MARGIN_MS) {
                let due = card.posted_ms.saturating_add(UPDATE_WINDOW_MS - REPOST_MARGIN_MS);
                next = Some(next.map_or(due, |n| n.min(due)));
                continue;
            }
            let _guard = self.exclusive().await;
            let Some(card) = self.store.rollup_card(b.id)?.filter(|c| !c.repost_queued) else {
                continue;
            };
            let intent = Intent::PostRollup {
                batch: b.id.0,
                chat_id: b.chat_id.0.clone(),
                reply_to: None,
                uuid: feishu_uuid(&format!("rollup:{}:repost:{}", b.id.0, card.message_id)),
            };
            let mut ch = Changes::new();
            ch.outbox_push(&self.store, &OutboxRecord::new(intent, Some(b.chat_id.0.clone())))?;
            let queued = RollupCard {
                repost_queued: true,
                ..card
            };
            ch.put_rollup_card(&self.store, b.id, &queued)?;
            self.store.commit(&ch)?;
            self.wake.outbox.notify_one();
            tracing::info!(batch = %b.id, "下达: the roll-up's update window is closing; posting it anew");
        }
        Ok(next)
    }
}
