//! The [`Coordinator`]: this instance's role, its lease state and its service lock.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use tokio::sync::{Notify, watch};

use super::lock::ServiceLock;
use super::role::Role;

/// What `/readyz` and `/metrics` show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// `false` in single-process mode.
    pub clustered: bool,
    /// This instance's id (`host:pid:random`).
    pub instance: String,
    /// Role and epoch.
    pub role: Role,
    /// Who holds the lease, as last read (this instance when leader).
    pub leader: String,
    /// Wall ms of the last successful renewal (leader) or attempt (follower); `None` before
    /// the first, and in single-process mode.
    pub renewed_ms: Option<i64>,
}

/// Where the leader-only tasks are poked when another instance changed shared state.
#[derive(Clone, Default)]
pub struct Wakers {
    /// The inbox worker, the outbox dispatcher, the scheduler (and anything else).
    pub tasks: Vec<Arc<Notify>>,
}

impl Wakers {
    pub(super) fn poke(&self) {
        for n in &self.tasks {
            n.notify_one();
        }
    }
}

/// The coordinator (cheap to clone).
#[derive(Clone)]
pub struct Coordinator {
    pub(super) inner: Arc<Inner>,
}

pub(super) struct Inner {
    /// The database URL (PostgreSQL mode).
    url: Option<String>,
    instance: String,
    role: watch::Sender<Role>,
    /// Whether leader-only tasks are running here (set by [`run_while_leader`]).
    pub(super) running: watch::Sender<bool>,
    /// Set once the first try for the lease has been made (taken, refused or failed).
    pub(super) tried: watch::Sender<bool>,
    leader: std::sync::Mutex<String>,
    renewed_ms: AtomicI64,
    lock: ServiceLock,
}

impl Coordinator {
    /// Single-process mode: always the leader, epoch 0, a local service lock.
    pub fn single() -> Self {
        let (role, _) = watch::channel(Role {
            leader: true,
            epoch: 0,
        });
        Self::build(None, instance_id(), role, ServiceLock::local())
    }

    /// PostgreSQL mode on `url`: a follower until [`Coordinator::start`]'s lease loop wins the
    /// lease.
    pub fn postgres(url: &str) -> Self {
        let instance = instance_id();
        let (role, _) = watch::channel(Role {
            leader: false,
            epoch: 0,
        });
        let lock = ServiceLock::shared(url.to_owned(), instance.clone(), role.subscribe());
        Self::build(Some(url.to_owned()), instance, role, lock)
    }

    fn build(url: Option<String>, instance: String, role: watch::Sender<Role>, lock: ServiceLock) -> Self {
        let (running, _) = watch::channel(false);
        let (tried, _) = watch::channel(url.is_none());
        Self {
            inner: Arc::new(Inner {
                leader: std::sync::Mutex::new(if url.is_none() {
                    instance.clone()
                } else {
                    String::new()
                }),
                url,
                instance,
                role,
                running,
                tried,
                renewed_ms: AtomicI64::new(0),
                lock,
            }),
        }
    }

    /// The database URL (PostgreSQL mode).
    pub(super) fn url(&self) -> Option<&str> {
        self.inner.url.as_deref()
    }

    /// Waits (at most `limit`) until the first try for the lease has been made, so that an
    /// instance that can lead starts its leader-only tasks before it serves, as a single
    /// process does. At once in single-process mode.
    pub async fn settled(&self, limit: std::time::Duration) {
        let mut tried = self.inner.tried.subscribe();
        let _ = tokio::time::timeout(limit, tried.wait_for(|t| *t)).await;
    }

    pub(super) fn tried_now(&self) {
        self.inner.tried.send_replace(true);
    }

    /// Whether several instances may share the store.
    pub fn clustered(&self) -> bool {
        self.inner.url.is_some()
    }

    /// The service lock every command, click and tick takes (hand it to the service).
    pub fn service_lock(&self) -> ServiceLock {
        self.inner.lock.clone()
    }

    /// The current role.
    pub fn role(&self) -> Role {
        *self.inner.role.borrow()
    }

    /// Follows role changes.
    pub fn watch(&self) -> watch::Receiver<Role> {
        self.inner.role.subscribe()
    }

    /// This instance's id.
    pub fn instance(&self) -> &str {
        &self.inner.instance
    }

    /// What readiness and metrics show.
    pub fn snapshot(&self) -> Snapshot {
        let renewed = self.inner.renewed_ms.load(Ordering::Relaxed);
        Snapshot {
            clustered: self.clustered(),
            instance: self.inner.instance.clone(),
            role: self.role(),
            leader: self.inner.leader.lock().map(|l| l.clone()).unwrap_or_default(),
            renewed_ms: (renewed > 0).then_some(renewed),
        }
    }

    pub(super) fn set_role(&self, role: Role) {
        self.inner.role.send_if_modified(|r| {
            let changed = *r != role;
            *r = role;
            changed
        });
    }

    pub(super) fn set_leader(&self, holder: &str) {
        if let Ok(mut l) = self.inner.leader.lock() {
            holder.clone_into(&mut l);
        }
    }

    pub(super) fn renewed_now(&self) {
        self.inner
            .renewed_ms
            .store(jiff::Timestamp::now().as_millisecond(), Ordering::Relaxed);
    }
}

/// `host:pid:random`: unique per process, readable in `pg_stat_activity` and `duban_leases`.
fn instance_id() -> String {
    let host = std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "duban".to_owned());
    format!("{host}:{}:{:04x}", std::process::id(), rand::random::<u16>())
}
