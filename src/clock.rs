//! The one source of "now" (an edge): system time in production, a fixed or virtual clock in
//! tests, the sandbox and acceptance runs. Domain code never calls this; it receives `now`.

use std::sync::Mutex;

use jiff::{SignedDuration, Timestamp};

/// Something that tells the time.
pub trait Clock: Send + Sync + 'static {
    /// The current instant.
    fn now(&self) -> Timestamp;
}

/// Wall-clock time.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

/// A clock that starts at a given instant and moves only when told to (tests, the sandbox,
/// `DUBAN_VIRTUAL_CLOCK`). It never goes backwards unless `set` is called.
#[derive(Debug)]
pub struct VirtualClock {
    now: Mutex<Timestamp>,
}

impl VirtualClock {
    /// A clock standing at `start`.
    pub fn new(start: Timestamp) -> Self {
        Self {
            now: Mutex::new(start),
        }
    }

    /// Moves the clock forward by `by` and returns the new time.
    pub fn advance(&self, by: SignedDuration) -> Timestamp {
        let mut g = self.now.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *g = g.checked_add(by).unwrap_or(*g);
        *g
    }

    /// Sets the clock to `to`.
    pub fn set(&self, to: Timestamp) {
        *self.now.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = to;
    }
}

impl Clock for VirtualClock {
    fn now(&self) -> Timestamp {
        *self.now.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
