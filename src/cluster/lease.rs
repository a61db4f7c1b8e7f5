//! The leader lease: `pg_try_advisory_lock(LEADER_KEY)` on a dedicated session.
//!
//! A follower tries every [`RETRY`]; the leader renews its `duban_leases` row every [`RETRY`]
//! (with a [`DEADLINE`] per statement) and steps down when the session is lost, a statement
//! times out, or the row names another holder or epoch (fencing). PostgreSQL frees the lock the
//! moment the holder's socket closes (kill -9, crash, shutdown); on a partition the server's
//! keepalives (5 s idle + 3 × 2 s probes, see `conn`) free it after about 11 s, while the cut-off
//! holder has stepped down after at most `RETRY + DEADLINE` = 5 s: the old leader's tasks are
//! stopped before a new leader can exist.

use std::time::Duration;

use tokio_util::sync::CancellationToken;

use super::conn::{self, Session};
use super::coordinator::{Coordinator, Wakers};
use super::role::{LEADER_KEY, Role, WAKE_CHANNEL};

/// How often a follower tries the lease and the leader renews it.
pub(super) const RETRY: Duration = Duration::from_secs(2);
/// How long one lease statement may take before the session is given up.
pub(super) const DEADLINE: Duration = Duration::from_secs(3);
/// How long a stepping-down leader waits for its leader-only tasks to stop before it lets the
/// lock go anyway (the outbox's message uuid covers a send still in flight).
const STOP_WAIT: Duration = Duration::from_secs(10);

/// Why holding stopped.
enum Ended {
    Cancelled,
    Lost(String),
}

/// Starts the lease loop (PostgreSQL mode; nothing in single-process mode). `wakers` are
/// poked, while this instance leads, when another instance changed shared state.
pub fn start(
    coord: &Coordinator,
    wakers: Wakers,
    cancel: CancellationToken,
) -> Option<tokio::task::JoinHandle<()>> {
    let url = coord.url()?.to_owned();
    Some(tokio::spawn(run(coord.clone(), url, wakers, cancel)))
}

/// Runs until `cancel` fires: connect, hold or try the lease, reconnect after failures.
async fn run(coord: Coordinator, url: String, wakers: Wakers, cancel: CancellationToken) {
    let mut backoff = Duration::from_millis(500);
    loop {
        let session = tokio::select! {
            () = cancel.cancelled() => return,
            s = open(&url) => s,
        };
        let ended = match session {
            Ok(s) => {
                backoff = Duration::from_millis(500);
                hold(&coord, s, &wakers, &cancel).await
            }
            Err(e) => {
                coord.tried_now();
                Ended::Lost(e)
            }
        };
        match ended {
            Ended::Cancelled => return,
            Ended::Lost(why) => {
                tracing::warn!(error.message = %why, instance = %coord.instance(), "the cluster lease session failed; reconnecting");
            }
        }
        tokio::select! {
            () = cancel.cancelled() => return,
            () = tokio::time::sleep(backoff) => {}
        }
        backoff = (backoff * 2).min(RETRY);
    }
}

async fn open(url: &str) -> Result<Session, String> {
    let s = tokio::time::timeout(DEADLINE * 2, conn::connect(url, "duban-lease"))
        .await
        .map_err(|_| "connecting timed out".to_owned())?
        .map_err(|e| e.to_string())?;
    s.client
        .batch_execute(&format!("LISTEN {WAKE_CHANNEL}"))
        .await
        .map_err(|e| e.to_string())?;
    Ok(s)
}

/// Tries or renews every [`RETRY`] until the session is lost or `cancel` fires. On the way out
/// a leader steps down: its tasks stop, then the session (and with it the lock) goes.
async fn hold(coord: &Coordinator, mut s: Session, wakers: &Wakers, cancel: &CancellationToken) -> Ended {
    let mut tick = tokio::time::interval(RETRY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let ended = loop {
        tokio::select! {
            () = cancel.cancelled() => break Ended::Cancelled,
            _ = &mut s.driver => break Ended::Lost("the connection closed".to_owned()),
            Some(_) = s.notes.recv() => {
                if coord.role().leader {
                    wakers.poke();
                }
                continue;
            }
            _ = tick.tick() => {}
        }
        let step = if coord.role().leader {
            renew(coord, &s).await
        } else {
            try_take(coord, &s).await
        };
        coord.tried_now();
        if let Err(why) = step {
            break Ended::Lost(why);
        }
    };
    step_down(coord).await;
    drop(s);
    ended
}

/// A follower's attempt: take the lock, or learn who holds it.
async fn try_take(coord: &Coordinator, s: &Session) -> Result<(), String> {
    let got: bool = within(
        s.client
            .query_one("SELECT pg_try_advisory_lock($1)", &[&LEADER_KEY]),
    )
    .await?
    .get(0);
    if !got {
        let row = within(s.client.query_one(
            "SELECT holder, epoch FROM duban_leases WHERE name = 'leader'",
            &[],
        ))
        .await?;
        coord.set_leader(row.get::<_, &str>(0));
        coord.set_role(Role {
            leader: false,
            epoch: row.get(1),
        });
        coord.renewed_now();
        return Ok(());
    }
    let row = within(s.client.query_one(
        "UPDATE duban_leases SET holder = $1, epoch = epoch + 1, acquired_at = now(), renewed_at = now() \
         WHERE name = 'leader' RETURNING epoch",
        &[&coord.instance()],
    ))
    .await?;
    let epoch: i64 = row.get(0);
    coord.set_leader(coord.instance());
    coord.renewed_now();
    tracing::info!(instance = %coord.instance(), epoch, "this instance is now the leader");
    coord.set_role(Role { leader: true, epoch });
    Ok(())
}

/// The leader's renewal; a row naming another holder or epoch means the lease was lost.
async fn renew(coord: &Coordinator, s: &Session) -> Result<(), String> {
    let epoch = coord.role().epoch;
    let n = within(s.client.execute(
        "UPDATE duban_leases SET renewed_at = now() WHERE name = 'leader' AND holder = $1 AND epoch = $2",
        &[&coord.instance(), &epoch],
    ))
    .await?;
    if n != 1 {
        return Err(format!(
            "the lease row no longer names this instance at epoch {epoch}"
        ));
    }
    coord.renewed_now();
    Ok(())
}

/// Becomes a follower and waits (bounded) until the leader-only tasks have stopped.
async fn step_down(coord: &Coordinator) {
    let was = coord.role();
    coord.set_role(Role {
        leader: false,
        epoch: was.epoch,
    });
    if was.leader {
        tracing::warn!(instance = %coord.instance(), epoch = was.epoch, "stepping down as leader");
    }
    let mut running = coord.inner.running.subscribe();
    let stopped = tokio::time::timeout(STOP_WAIT, running.wait_for(|r| !*r)).await;
    if stopped.is_err() {
        tracing::error!("leader-only tasks did not stop within 10 s; releasing the lease anyway");
    }
}

async fn within<T>(
    f: impl std::future::Future<Output = Result<T, tokio_postgres::Error>>,
) -> Result<T, String> {
    match tokio::time::timeout(DEADLINE, f).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err(format!("no answer within {} s", DEADLINE.as_secs())),
    }
}
