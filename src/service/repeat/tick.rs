//! The scheduler's part: series whose current occurrence closed before the next period
//! (`[repeat] next = "period_start"`) get their next occurrence when that period starts. The
//! series' `next_at` is the durable cursor: it is cleared in the same transaction that creates
//! the occurrence, so a restart or a second tick creates nothing twice.

use super::super::Service;
use super::roll;
use crate::store::StoreError;
use crate::store::outbox::Changes;

impl Service {
    /// Creates every occurrence whose period has started. Returns when the next one is due
    /// (Unix ms), if any.
    ///
    /// # Errors
    /// Storage failures (nothing of the failed series is committed; it is retried).
    pub async fn repeat_tick(&self) -> Result<Option<i64>, StoreError> {
        let mut next: Option<i64> = None;
        for s in self.store.waiting_series()? {
            let Some(at) = s.next_at else { continue };
            if at > self.clock.now() {
                next = Some(next.map_or(at.as_millisecond(), |n| n.min(at.as_millisecond())));
                continue;
            }
            let _guard = self.exclusive().await;
            // Read again under the lock: a command may have moved or stopped the series.
            let Some(mut series) = self.store.repeat_series(s.id)? else {
                continue;
            };
            if !series.is_active() || series.next_at.is_none_or(|t| t > self.clock.now()) {
                continue;
            }
            let Some(closed) = self.store.get_item(series.current)? else {
                continue;
            };
            let mut ch = Changes::new();
            if closed.is_open() {
                // Reopened meanwhile (never two open): wait for it to close again.
                series.next_at = None;
                ch.put_repeat_series(&self.store, &series)?;
            } else {
                roll(self, &mut ch, &mut series, &closed)?;
            }
            self.store.commit(&ch)?;
            self.wake.outbox.notify_one();
            self.wake.mirror.notify_one();
        }
        Ok(next)
    }
}
