//! Starts the leader-only tasks when this instance becomes the leader and stops them (all of
//! them, awaited) when it steps down or shuts down.

use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::coordinator::Coordinator;

/// Runs until `cancel` fires. `spawn` starts the leader-only tasks with a token that fires on
/// step-down or shutdown; the lease is let go only after they have all returned (see `lease`).
pub async fn run_while_leader<F>(coord: Coordinator, cancel: CancellationToken, spawn: F)
where
    F: Fn(CancellationToken) -> Vec<JoinHandle<()>> + Send + 'static,
{
    let mut role = coord.watch();
    loop {
        tokio::select! {
            () = cancel.cancelled() => return,
            r = role.wait_for(|r| r.leader) => if r.is_err() { return },
        }
        let epoch = coord.role().epoch;
        let stop = cancel.child_token();
        coord.inner.running.send_replace(true);
        let tasks = spawn(stop.clone());
        if coord.clustered() {
            tracing::info!(
                epoch,
                "leader-only tasks started (inbox worker, scheduler, outbox, mirror, daily job)"
            );
        }
        tokio::select! {
            () = cancel.cancelled() => {}
            _ = role.wait_for(|r| !r.leader) => {}
        }
        stop.cancel();
        for t in tasks {
            if let Err(e) = t.await {
                tracing::error!(error.message = %e, "a leader-only task failed");
            }
        }
        coord.inner.running.send_replace(false);
        if cancel.is_cancelled() {
            return;
        }
        tracing::info!(epoch, "leader-only tasks stopped");
    }
}
