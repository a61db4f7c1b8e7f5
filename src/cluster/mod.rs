//! Several duban processes on one database (an edge; issue 19).
//!
//! The [`Coordinator`] decides where the leader-only work runs and hands out the service lock:
//! - Single process (sled, or PostgreSQL without a database URL for the cluster): always the
//!   leader; the service lock is the local mutex alone, with no database round trip.
//! - PostgreSQL: a leader lease, `pg_try_advisory_lock(LEADER_KEY)` held on a dedicated session
//!   (see [`lease`]), and a cross-instance service lock, `pg_advisory_lock(SERVICE_KEY)` on
//!   another dedicated session, taken under the local mutex (see [`lock`]).
//!
//! Leader-only work (inbox worker, scheduler, outbox dispatcher, Bitable mirror, daily job) is
//! started and stopped by [`run_while_leader`]. Every instance accepts events and answers card
//! callbacks.

mod conn;
mod coordinator;
mod leader;
mod lease;
mod lock;
mod role;
#[cfg(test)]
mod tests;

pub use coordinator::{Coordinator, Snapshot, Wakers};
pub use leader::run_while_leader;
pub use lease::start;
pub use lock::{ServiceGuard, ServiceLock};
pub use role::{LEADER_KEY, Role, SERVICE_KEY, WAKE_CHANNEL};
