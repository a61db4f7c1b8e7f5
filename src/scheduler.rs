//! The scheduler (an edge): sleeps until the next reminder is due (capped at a minute, to absorb
//! clock jumps), wakes early when a deadline changes or the virtual clock moves, and runs the
//! service's tick, the meetings' closure cards and the weekly boards.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::clock::Clock;
use crate::service::Service;

/// Runs until `cancel` fires.
pub async fn run(
    service: Arc<Service>,
    clock: Arc<dyn Clock>,
    notify: Arc<Notify>,
    cancel: CancellationToken,
) {
    // The first due entry whose records were last read ahead.
    let mut read_ahead = None;
    loop {
        // 例会 first: the progress requests it hands to the reminder engine go in this round,
        // with the owners' other reminders due now.
        let series = service.series_tick().await;
        let next = match service.tick().await {
            Ok(n) => n,
            Err(e) => {
                tracing::error!(error.message = %e, error.cause_chain = ?e, "scheduler tick failed; retrying");
                Some(clock.now().as_millisecond() + 1_000)
            }
        };
        if let Err(e) = service.collect_consumed().await {
            tracing::warn!(error.message = %e, "removing consumed reminder entries failed; retrying later");
        }
        let next = match service.minutes_tick().await {
            Ok(Some(m)) => Some(next.map_or(m, |n| n.min(m))),
            Ok(None) => next,
            Err(e) => {
                tracing::error!(error.message = %e, "closure cards failed; retrying");
                Some(clock.now().as_millisecond() + 1_000)
            }
        };
        let next = sooner(
            next,
            service.tick_projects().await,
            "project reminder tick",
            clock.as_ref(),
        );
        let next = sooner(
            next,
            service.batches_tick().await,
            "下达 fan-out or roll-up tick",
            clock.as_ref(),
        );
        let next = sooner(next, series, "例会 pre-meeting card tick", clock.as_ref());
        let next = sooner(
            next,
            service.repeat_tick().await,
            "recurring items tick",
            clock.as_ref(),
        );
        if let Err(e) = service.performance_tick().await {
            tracing::error!(error.message = %e, "performance push failed");
        }
        if let Err(e) = service.board_tick().await {
            tracing::error!(error.message = %e, "weekly board failed");
        }
        let wait = || next.map_or(60_000, |n| (n - clock.now().as_millisecond()).clamp(0, 60_000));
        // While waiting: read ahead what the next tick will send.
        if wait() > 0
            && let Err(e) = service.read_ahead(&mut read_ahead).await
        {
            tracing::warn!(error.message = %e, "reading ahead the next reminders failed");
        }
        let wait_ms = wait();
        if wait_ms == 0 {
            tokio::task::yield_now().await;
            continue;
        }
        tokio::select! {
            () = cancel.cancelled() => return,
            () = notify.notified() => {}
            () = tokio::time::sleep(Duration::from_millis(u64::try_from(wait_ms).unwrap_or(60_000))) => {}
        }
    }
}

/// `next` or the wake-up time a tick asks for, whichever is sooner; after a failed tick (logged
/// with `what`), one second from now.
fn sooner<E: std::fmt::Display>(
    next: Option<i64>,
    tick: Result<Option<i64>, E>,
    what: &str,
    clock: &dyn Clock,
) -> Option<i64> {
    match tick {
        Ok(t) => match (next, t) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        },
        Err(e) => {
            tracing::error!(error.message = %e, "{what} failed; retrying");
            Some(clock.now().as_millisecond() + 1_000)
        }
    }
}
