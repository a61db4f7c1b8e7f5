//! The service lock: the one lock every command, click and tick takes before its
//! read-modify-write. Locally a mutex; in PostgreSQL mode also `pg_advisory_lock(SERVICE_KEY)`
//! on a dedicated session, taken while holding the mutex and released (then the mutex) when
//! the guard drops — so the section excludes every instance on the database.
//!
//! Whoever takes the database lock records itself in `duban_leases` (row `service`) when the
//! previous holder was another instance; [`ServiceGuard::foreign`] then tells the caller to
//! re-read what it caches from the store.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Mutex, OwnedMutexGuard, watch};

use super::conn::{self, Session};
use super::role::{Role, SERVICE_KEY, WAKE_CHANNEL};

/// The service lock (cheap to clone; clones share the lock).
#[derive(Clone)]
pub struct ServiceLock {
    slot: Arc<Mutex<Slot>>,
    shared: Option<Arc<Shared>>,
}

/// The dedicated session, kept between sections (PostgreSQL mode).
#[derive(Default)]
struct Slot {
    session: Option<Session>,
}

struct Shared {
    url: String,
    instance: String,
    role: watch::Receiver<Role>,
}

/// Holds the service lock until dropped.
pub struct ServiceGuard {
    slot: Option<OwnedMutexGuard<Slot>>,
    shared: Option<Arc<Shared>>,
    foreign: bool,
}

impl std::fmt::Debug for ServiceGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceGuard")
            .field("shared", &self.shared.is_some())
            .field("foreign", &self.foreign)
            .finish()
    }
}

impl Default for ServiceLock {
    fn default() -> Self {
        Self::local()
    }
}

impl ServiceLock {
    /// The local mutex alone (single-process mode: no database round trip).
    pub fn local() -> Self {
        Self {
            slot: Arc::new(Mutex::new(Slot::default())),
            shared: None,
        }
    }

    pub(super) fn shared(url: String, instance: String, role: watch::Receiver<Role>) -> Self {
        Self {
            slot: Arc::new(Mutex::new(Slot::default())),
            shared: Some(Arc::new(Shared { url, instance, role })),
        }
    }

    /// Takes the lock: the local mutex, then (PostgreSQL mode) the database lock. While the
    /// database cannot be reached this waits, retrying with backoff: nothing under the lock can
    /// commit without the database anyway.
    pub async fn acquire(&self) -> ServiceGuard {
        let mut slot = Arc::clone(&self.slot).lock_owned().await;
        let Some(shared) = &self.shared else {
            return ServiceGuard {
                slot: Some(slot),
                shared: None,
                foreign: false,
            };
        };
        let mut backoff = Duration::from_millis(100);
        loop {
            match take(shared, &mut slot).await {
                Ok(foreign) => {
                    return ServiceGuard {
                        slot: Some(slot),
                        shared: Some(Arc::clone(shared)),
                        foreign,
                    };
                }
                Err(e) => {
                    // Dropping the session frees whatever it held.
                    slot.session = None;
                    tracing::warn!(error.message = %e, "cannot take the cross-instance service lock; retrying");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(Duration::from_secs(2));
                }
            }
        }
    }
}

impl ServiceGuard {
    /// Whether another instance held the lock since this one last did: what is cached from
    /// the store must be read again.
    pub fn foreign(&self) -> bool {
        self.foreign
    }
}

/// Takes the database lock on the slot's session (opened when missing or closed); whether the
/// previous holder was another instance.
async fn take(shared: &Shared, slot: &mut Slot) -> Result<bool, tokio_postgres::Error> {
    if slot.session.as_ref().is_none_or(|s| s.client.is_closed()) {
        slot.session = None;
        let s = conn::connect(&shared.url, "duban-lock").await?;
        slot.session = Some(s);
    }
    let Some(s) = slot.session.as_ref() else {
        return Ok(true);
    };
    // One round trip (a simple query, nothing to prepare): the lock, then — in the same
    // session, so after the lock is held — who held it last.
    let answers = s
        .client
        .simple_query(&format!(
            "SELECT pg_advisory_lock({SERVICE_KEY}); SELECT holder FROM duban_leases WHERE name = 'service'"
        ))
        .await?;
    let holder = answers.iter().find_map(|m| match m {
        tokio_postgres::SimpleQueryMessage::Row(r)
            if r.columns().first().is_some_and(|c| c.name() == "holder") =>
        {
            r.get(0).map(str::to_owned)
        }
        _ => None,
    });
    if holder.as_deref() == Some(shared.instance.as_str()) {
        return Ok(false);
    }
    s.client
        .execute(
            "UPDATE duban_leases SET holder = $1, epoch = epoch + 1, renewed_at = now() WHERE name = 'service'",
            &[&shared.instance],
        )
        .await?;
    Ok(true)
}

impl Drop for ServiceGuard {
    fn drop(&mut self) {
        let Some(slot) = self.slot.take() else {
            return;
        };
        let Some(shared) = self.shared.take() else {
            return; // local: the mutex is released here
        };
        // A follower's change may concern the leader's tasks (a card callback queued a send
        // or moved a deadline): tell it, after the commit, in the same round trip.
        let wake = !shared.role.borrow().leader;
        match tokio::runtime::Handle::try_current() {
            Ok(rt) => {
                rt.spawn(release(slot, wake));
            }
            Err(_) => {
                let mut slot = slot;
                slot.session = None;
            }
        }
    }
}

/// Unlocks on the database, then lets the local mutex go (the guard drops last). A failed
/// unlock drops the session, which frees the lock as well.
async fn release(mut slot: OwnedMutexGuard<Slot>, wake: bool) {
    let Some(s) = slot.session.as_ref() else {
        return;
    };
    let sql = if wake {
        format!("SELECT pg_advisory_unlock({SERVICE_KEY}); NOTIFY {WAKE_CHANNEL}")
    } else {
        format!("SELECT pg_advisory_unlock({SERVICE_KEY})")
    };
    match tokio::time::timeout(Duration::from_secs(5), s.client.batch_execute(&sql)).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            tracing::warn!(error.message = %e, "releasing the cross-instance service lock failed; closing its session");
            slot.session = None;
        }
        Err(_) => {
            tracing::warn!("releasing the cross-instance service lock timed out; closing its session");
            slot.session = None;
        }
    }
}
