//! Wiring (an edge): open the store, build the client and the service, bind the listener, and
//! run the server, the inbox worker, the outbox dispatcher and housekeeping until shutdown.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::clock::{Clock, VirtualClock};
use crate::config::{Credentials, Settings};
use crate::feishu::crypto::EventCipher;
use crate::feishu::{ClientConfig, FeishuClient};
use crate::http::{AppState, Ingress, Shared, router};
use crate::outbox::Dispatcher;
use crate::service::Service;
use crate::store::Store;

/// How long de-duplication keys are kept (Feishu retries for about 7.1 h).
pub const DEDUP_WINDOW_MS: i64 = 8 * 3600 * 1000;

/// Where time comes from.
#[derive(Clone)]
pub enum TimeSource {
    /// Wall-clock time (production).
    System,
    /// A virtual clock that `POST /debug/clock` moves (`DUBAN_VIRTUAL_CLOCK`, tests, sandbox).
    Virtual(Arc<VirtualClock>),
}

/// A built, bound, not yet running duban.
pub struct Application {
    listener: TcpListener,
    port: u16,
    state: AppState,
    dispatcher: Dispatcher,
    outbox_notify: Arc<Notify>,
    cancel: CancellationToken,
    extra: Option<axum::Router>,
    mirror: Option<Arc<crate::mirror::Mirror>>,
    longconn: Option<crate::longconn::Config>,
    admin: Option<(TcpListener, crate::http::admin::AdminState)>,
    daily: Arc<Settings>,
}

impl Application {
    /// Opens everything and binds the listener (port 0 picks a free port).
    ///
    /// # Errors
    /// Any start-up failure, explained in one line.
    pub async fn build(
        settings: &Settings,
        credentials: &Credentials,
        time: TimeSource,
    ) -> anyhow::Result<Self> {
        let (clock, virtual_clock): (Arc<dyn Clock>, _) = match time {
            TimeSource::System => (Arc::new(crate::clock::SystemClock), None),
            TimeSource::Virtual(vc) => {
                tracing::warn!(
                    now = %vc.now(),
                    "VIRTUAL CLOCK ON: time is simulated and POST /debug/clock moves it — never use this in production"
                );
                (vc.clone() as Arc<dyn Clock>, Some(vc))
            }
        };
        let store = open_configured(settings).await?;
        let client = FeishuClient::new(ClientConfig {
            base_url: settings.base_url.clone(),
            app_id: credentials.app_id.clone(),
            app_secret: credentials.app_secret.clone(),
            timeout: Duration::from_secs(settings.feishu.timeout_secs.max(1)),
            app_per_second: settings.feishu.app_per_second,
            app_per_minute: settings.feishu.app_per_minute,
            chat_per_second: settings.feishu.chat_per_second,
        })
        .map_err(|e| anyhow::anyhow!("cannot build the Feishu client: {e}"))?;
        let outbox_notify = Arc::new(Notify::new());
        let scheduler_notify = Arc::new(Notify::new());
        let cluster = crate::leader_tasks::coordinator(settings);
        let service = Arc::new(
            Service::new(
                store.clone(),
                client.clone(),
                Arc::clone(&clock),
                settings,
                Arc::clone(&outbox_notify),
                Arc::clone(&scheduler_notify),
            )
            .with_service_lock(cluster.service_lock()),
        );
        // The first tick's records, read before the service is ready (a start after downtime
        // has a backlog due at once); a failure here only costs the first tick its head start.
        if let Err(e) = service.read_ahead_at_start().await {
            tracing::warn!(error.message = %e, "reading ahead the first reminders failed");
        }
        let ingress = Ingress {
            verification_token: credentials.verification_token.clone(),
            encrypt_key: credentials.encrypt_key.clone(),
            cipher: credentials.encrypt_key_str().map(EventCipher::new),
        };
        let listener = TcpListener::bind(settings.listen)
            .await
            .with_context(|| format!("cannot listen on {}", settings.listen))?;
        let port = listener.local_addr()?.port();
        let state = AppState::new(Shared {
            store: store.clone(),
            ingress: Arc::new(ingress),
            inbox_notify: Arc::new(Notify::new()),
            clock,
            service: Arc::clone(&service),
            client: client.clone(),
            metrics: crate::telemetry::metrics_handle(),
            virtual_clock,
            scheduler_notify,
            longconn: (settings.feishu.events == crate::config::EventsMode::LongConnection)
                .then(|| Arc::new(crate::longconn::Status::new())),
            cluster,
        });
        let longconn = state.longconn.as_ref().map(|_| crate::longconn::Config {
            base_url: settings.base_url.clone(),
            app_id: credentials.app_id.clone(),
            app_secret: credentials.app_secret.clone(),
            proxy: settings.feishu.proxy.clone(),
        });
        let admin = match &settings.admin {
            Some(a) => {
                let l = TcpListener::bind(a.listen)
                    .await
                    .with_context(|| format!("cannot listen on DUBAN_ADMIN_LISTEN {}", a.listen))?;
                let addr = l.local_addr()?;
                std::fs::write(
                    settings.data_dir.join(crate::operator::ADMIN_ADDR_FILE),
                    addr.to_string(),
                )
                .with_context(|| {
                    format!(
                        "cannot write {} in the data dir",
                        crate::operator::ADMIN_ADDR_FILE
                    )
                })?;
                Some((
                    l,
                    crate::http::admin::AdminState {
                        store: store.clone(),
                        clock: Arc::clone(&state.clock),
                        token: Arc::new(a.token.clone()),
                    },
                ))
            }
            None => None,
        };
        let mirror = settings
            .mirror
            .clone()
            .map(|m| Arc::new(crate::mirror::Mirror::new(client.clone(), m)));
        let dispatcher = Dispatcher {
            store,
            client,
            notify: Arc::clone(&outbox_notify),
            materializer: service,
        };
        Ok(Self {
            listener,
            port,
            state,
            dispatcher,
            outbox_notify,
            cancel: CancellationToken::new(),
            extra: None,
            mirror,
            longconn,
            admin,
            daily: Arc::new(settings.clone()),
        })
    }

    /// Serves extra routes beside duban's own (the sandbox emulator).
    #[must_use]
    pub fn with_routes(mut self, routes: axum::Router) -> Self {
        self.extra = Some(routes);
        self
    }

    /// What the handlers share (the sandbox reads the store and the clock).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The bound port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The store (tests inspect it).
    pub fn store(&self) -> &crate::store::Store {
        &self.state.store
    }

    /// Cancelling this token stops the application gracefully.
    pub fn shutdown_token(&self) -> CancellationToken {
        self.cancel.clone()
    }

    /// Serves until the shutdown token fires, SIGTERM or Ctrl-C; then drains and flushes.
    ///
    /// # Errors
    /// Server or final-flush failures.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let Self {
            listener,
            state,
            dispatcher,
            outbox_notify,
            cancel,
            extra,
            mirror,
            longconn,
            admin,
            daily,
            ..
        } = self;
        let tracker = TaskTracker::new();
        let store = state.store.clone();
        let admin_addr_file = admin
            .as_ref()
            .map(|_| daily.data_dir.join(crate::operator::ADMIN_ADDR_FILE));
        // The leader-only tasks: here for good in single-process mode; in a cluster, while
        // this instance holds the lease (crate::cluster).
        let leader_only = crate::leader_tasks::LeaderOnly {
            state: state.clone(),
            dispatcher,
            outbox_notify: Arc::clone(&outbox_notify),
            mirror,
            daily: {
                let state = state.clone();
                Box::new(move |stop| tokio::spawn(daily_job(state.clone(), Arc::clone(&daily), stop)))
            },
        };
        if let Some(lease) = crate::cluster::start(&state.cluster, leader_only.wakers(), cancel.clone()) {
            tracker.spawn(async move {
                let _ = lease.await;
            });
            // A sole instance leads from the start, as a single process does, with the service
            // lock's session already open.
            state.cluster.settled(Duration::from_secs(3)).await;
            let lock = state.cluster.service_lock();
            let _ = tokio::time::timeout(Duration::from_secs(3), lock.acquire()).await;
        }
        let leading = crate::cluster::run_while_leader(state.cluster.clone(), cancel.clone(), move |stop| {
            leader_only.spawn(&stop)
        });
        tracker.spawn(async move {
            let _ = leading.await;
        });
        if let (Some(cfg), Some(status)) = (longconn, state.longconn.clone()) {
            tracker.spawn(crate::longconn::run(cfg, state.clone(), status, cancel.clone()));
        }
        tracker.spawn(housekeeping(state.clone(), cancel.clone()));
        if let Some((l, admin_state)) = admin {
            tracing::info!(addr = %l.local_addr()?, "admin endpoint listening (backup, export)");
            let shutdown = cancel.clone();
            tracker.spawn(async move {
                let served = axum::serve(l, crate::http::admin::admin_router(admin_state))
                    .with_graceful_shutdown(async move { shutdown.cancelled().await })
                    .await;
                if let Err(e) = served {
                    tracing::error!(error.message = %e, "the admin endpoint failed");
                }
            });
        }
        tracker.spawn(signals(cancel.clone()));
        tracing::info!(port = listener.local_addr()?.port(), "duban is listening");
        let shutdown = cancel.clone();
        let app = match extra {
            Some(extra) => router(state).merge(extra),
            None => router(state),
        };
        axum::serve(listener, app)
            .with_graceful_shutdown(async move { shutdown.cancelled().await })
            .await
            .context("the HTTP server failed")?;
        cancel.cancel();
        tracker.close();
        tracker.wait().await;
        store.durable().await.context("final flush failed")?;
        if let Some(f) = admin_addr_file {
            let _ = std::fs::remove_file(f);
        }
        tracing::info!("duban stopped");
        Ok(())
    }
}

/// Opens the configured store: PostgreSQL when a database URL is set, else sled in the data dir.
///
/// # Errors
/// The store cannot be opened (one line; a URL in it never shows its password).
pub async fn open_configured(settings: &crate::config::Settings) -> anyhow::Result<Store> {
    match crate::operator::open_database(settings).await? {
        Some(store) => {
            let shown = store
                .kv()
                .as_pg()
                .map(|p| p.shown_url().to_owned())
                .unwrap_or_default();
            tracing::info!(database = %shown, "store: PostgreSQL");
            Ok(store)
        }
        None => open_store(&settings.data_dir).await,
    }
}

/// Opens the store, waiting up to two seconds for a previous instance that is still shutting
/// down (a restart) to release the directory; a directory held longer belongs to another
/// running duban and is refused.
async fn open_store(dir: &std::path::Path) -> anyhow::Result<Store> {
    let mut tries = 0;
    loop {
        match Store::open(dir) {
            Err(crate::store::StoreError::Locked(_)) if tries < 20 => {
                tries += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            other => return other.with_context(|| format!("cannot open the data dir {}", dir.display())),
        }
    }
}

async fn housekeeping(state: AppState, cancel: CancellationToken) {
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    let mut n: u64 = 0;
    loop {
        tokio::select! {
            () = cancel.cancelled() => return,
            _ = tick.tick() => {}
        }
        state.metrics.run_upkeep();
        n += 1;
        if n % 120 == 1 {
            let cutoff = state.clock.now().as_millisecond() - DEDUP_WINDOW_MS;
            let store = state.store.clone();
            let pruned = tokio::task::spawn_blocking(move || store.prune_seen(cutoff)).await;
            match pruned.unwrap_or(Ok(0)) {
                Ok(k) if k > 0 => tracing::debug!(pruned = k, "pruned old de-duplication keys"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error.message = %e, "pruning de-duplication keys failed"),
            }
        }
    }
}

/// The daily job at `[backup] at` (02:00 without `[backup]`): prune audit records past the
/// retention period (exported first), then the scheduled backup. Polls the clock (real or
/// virtual) every two seconds; runs at most once a local day, also across restarts (the newest
/// backup file's day counts).
async fn daily_job(state: AppState, settings: Arc<Settings>, cancel: CancellationToken) {
    let at = settings
        .backup
        .as_ref()
        .map_or_else(|| "02:00".to_owned(), |b| b.at.clone());
    let mut last = settings
        .backup
        .as_ref()
        .and_then(|b| crate::operator::last_backup_day(&b.dir));
    let mut tick = tokio::time::interval(Duration::from_secs(2));
    loop {
        tokio::select! {
            () = cancel.cancelled() => return,
            _ = tick.tick() => {}
        }
        let now = state.clock.now();
        if !crate::operator::daily_due(&at, now, last) {
            continue;
        }
        last = Some(crate::domain::time::local(now).date());
        let store = state.store.clone();
        let s = Arc::clone(&settings);
        match tokio::task::spawn_blocking(move || crate::operator::daily(&store, &s, now)).await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => {
                tracing::error!(error.message = %format!("{e:#}"), "the daily backup / audit pruning failed")
            }
            Err(e) => tracing::error!(error.message = %e, "the daily backup task failed"),
        }
    }
}

async fn signals(cancel: CancellationToken) {
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = cancel.cancelled() => {}
        _ = tokio::signal::ctrl_c() => { tracing::info!("Ctrl-C: shutting down"); cancel.cancel(); }
        () = term => { tracing::info!("SIGTERM: shutting down"); cancel.cancel(); }
    }
}
