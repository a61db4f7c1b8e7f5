//! Wiring for several instances (issue 19): which coordinator this process runs under, and the
//! leader-only tasks — the inbox worker, the outbox dispatcher, the scheduler, the Bitable
//! mirror and the daily job — started while this instance leads and stopped when it steps
//! down. Followers only accept events and answer card callbacks (inline, under the
//! cross-instance service lock).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::cluster::{Coordinator, Wakers};
use crate::http::AppState;
use crate::outbox::Dispatcher;

/// How often a clustered leader looks at the shared inbox when nothing woke it: events that
/// followers accepted reach the leader's worker within this.
pub const INBOX_POLL: Duration = Duration::from_millis(250);

/// The coordinator: PostgreSQL mode when the store is PostgreSQL (`DUBAN_DATABASE_URL` /
/// `store.database_url`: several instances may share it), otherwise a single process (always
/// the leader, the service lock local).
pub fn coordinator(settings: &crate::config::Settings) -> Coordinator {
    use secrecy::ExposeSecret as _;
    match &settings.store.database_url {
        Some(url) => Coordinator::postgres(url.expose_secret()),
        None => Coordinator::single(),
    }
}

/// What the leader-only tasks need.
pub struct LeaderOnly {
    /// Shared state (store, service, notifies, clock).
    pub state: AppState,
    /// The outbox dispatcher.
    pub dispatcher: Dispatcher,
    /// Wakes the dispatcher.
    pub outbox_notify: Arc<Notify>,
    /// The Bitable mirror, when configured.
    pub mirror: Option<Arc<crate::mirror::Mirror>>,
    /// Starts the daily job (backup, audit pruning).
    pub daily: Box<dyn Fn(CancellationToken) -> JoinHandle<()> + Send + Sync>,
}

impl LeaderOnly {
    /// What a follower's change pokes on the leader (`NOTIFY duban_wake`).
    pub fn wakers(&self) -> Wakers {
        Wakers {
            tasks: vec![
                Arc::clone(&self.state.inbox_notify),
                Arc::clone(&self.outbox_notify),
                Arc::clone(&self.state.scheduler_notify),
            ],
        }
    }

    /// Starts the tasks; they stop when `stop` fires.
    pub fn spawn(&self, stop: &CancellationToken) -> Vec<JoinHandle<()>> {
        let st = &self.state;
        let mut tasks = vec![
            tokio::spawn(crate::worker::run(
                st.store.clone(),
                Arc::clone(&st.service),
                Arc::clone(&st.inbox_notify),
                Arc::clone(&self.outbox_notify),
                stop.clone(),
            )),
            tokio::spawn(self.dispatcher.clone().run(stop.clone())),
            tokio::spawn(crate::scheduler::run(
                Arc::clone(&st.service),
                Arc::clone(&st.clock),
                Arc::clone(&st.scheduler_notify),
                stop.clone(),
            )),
            (self.daily)(stop.clone()),
        ];
        if let Some(m) = &self.mirror {
            tasks.push(tokio::spawn(
                Arc::clone(&st.service).run_mirror(Arc::clone(m), stop.clone()),
            ));
        }
        if st.cluster.clustered() {
            tasks.push(tokio::spawn(poll_inbox(
                Arc::clone(&st.inbox_notify),
                stop.clone(),
            )));
        }
        // Events acknowledged before a restart or a takeover but not yet processed, and
        // queued sends.
        st.inbox_notify.notify_one();
        self.outbox_notify.notify_one();
        st.scheduler_notify.notify_one();
        tasks
    }
}

/// Pokes the inbox worker every [`INBOX_POLL`]: followers' events are in the shared inbox.
async fn poll_inbox(inbox: Arc<Notify>, stop: CancellationToken) {
    let mut tick = tokio::time::interval(INBOX_POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = stop.cancelled() => return,
            _ = tick.tick() => inbox.notify_one(),
        }
    }
}
