//! Starts the leader-only tasks when this instance becomes the leader and stops them (all of
//! them, awaited) when it steps down or shuts down.

use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::coordinator::Coordinator;

/// Runs until `cancel` fires. `spawn` starts the leader-only tasks with a token that fires on
/// step-down or shutdown; the lease is let go only after they have all returned (see `lease`).
/// When this instance leads already (a single process, or a sole instance that took the lease
/// at start), the tasks are started before this returns, as a single process always did.
pub fn run_while_leader<F>(coord: Coordinator, cancel: CancellationToken, spawn: F) -> JoinHandle<()>
where
    F: Fn(CancellationToken) -> Vec<JoinHandle<()>> + Send + 'static,
{
    let first = coord.role().leader.then(|| start(&coord, &cancel, &spawn));
    tokio::spawn(supervise(coord, cancel, spawn, first))
}

/// The tasks of one term as leader.
struct Term {
    epoch: i64,
    stop: CancellationToken,
    tasks: Vec<JoinHandle<()>>,
}

fn start<F>(coord: &Coordinator, cancel: &CancellationToken, spawn: &F) -> Term
where
    F: Fn(CancellationToken) -> Vec<JoinHandle<()>>,
{
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
    Term { epoch, stop, tasks }
}

async fn supervise<F>(coord: Coordinator, cancel: CancellationToken, spawn: F, mut term: Option<Term>)
where
    F: Fn(CancellationToken) -> Vec<JoinHandle<()>> + Send + 'static,
{
    let mut role = coord.watch();
    loop {
        let t = match term.take() {
            Some(t) => t,
            None => {
                tokio::select! {
                    () = cancel.cancelled() => return,
                    r = role.wait_for(|r| r.leader) => if r.is_err() { return },
                }
                start(&coord, &cancel, &spawn)
            }
        };
        tokio::select! {
            () = cancel.cancelled() => {}
            _ = role.wait_for(|r| !r.leader) => {}
        }
        t.stop.cancel();
        for task in t.tasks {
            if let Err(e) = task.await {
                tracing::error!(error.message = %e, "a leader-only task failed");
            }
        }
        coord.inner.running.send_replace(false);
        if cancel.is_cancelled() {
            return;
        }
        tracing::info!(epoch = t.epoch, "leader-only tasks stopped");
    }
}
