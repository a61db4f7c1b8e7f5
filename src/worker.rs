//! The inbox worker (an edge): processes acknowledged events in order, one at a time. Each
//! event's effects — domain writes, outbox records and the removal of the inbox entry — are
//! committed in one transaction, so after a crash every event is processed exactly once.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::service::Service;
use crate::store::Store;

/// Runs until `cancel` fires.
pub async fn run(
    store: Store,
    service: Arc<Service>,
    notify: Arc<Notify>,
    outbox: Arc<Notify>,
    cancel: CancellationToken,
) {
    let mut backoff = Duration::from_millis(100);
    loop {
        match drain(&store, &service, &outbox).await {
            Ok(()) => backoff = Duration::from_millis(100),
            Err(e) => {
                tracing::error!(error.message = %e, error.cause_chain = ?e, "inbox processing failed; retrying");
                tokio::select! {
                    () = cancel.cancelled() => return,
                    () = tokio::time::sleep(backoff) => {}
                }
                backoff = (backoff * 2).min(Duration::from_secs(30));
                continue;
            }
        }
        tokio::select! {
            () = cancel.cancelled() => return,
            () = notify.notified() => {}
            () = tokio::time::sleep(Duration::from_secs(5)) => {}
        }
    }
}

/// Processes everything pending now.
///
/// # Errors
/// The first storage failure (the event stays in the inbox).
pub async fn drain(store: &Store, service: &Service, outbox: &Notify) -> anyhow::Result<()> {
    let mut after = None;
    loop {
        let batch = store.inbox_pending(after, 64)?;
        if batch.is_empty() {
            return Ok(());
        }
        after = batch.last().map(|e| e.seq);
        service.process_batch(&batch).await?;
        metrics::counter!("duban_events_processed_total").increment(batch.len() as u64);
        outbox.notify_one();
    }
}
