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

/// Parses a time given by an operator (`--now`, `DUBAN_VIRTUAL_CLOCK`, the sandbox and debug
/// clock controls): RFC 3339 with an offset, or a civil date-time taken as Asia/Shanghai;
/// `None` is now.
///
/// # Errors
/// A one-line explanation.
pub fn parse_now(s: Option<&str>) -> anyhow::Result<jiff::Timestamp> {
    let Some(s) = s else {
        return Ok(jiff::Timestamp::now());
    };
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        return Ok(ts);
    }
    let dt: jiff::civil::DateTime = s
        .parse()
        .map_err(|_| anyhow::anyhow!("--now {s:?} is not an RFC 3339 time like 2026-03-11T10:00:00+08:00"))?;
    // China has kept UTC+8 all year since 1991: the fixed offset is Asia/Shanghai for every date
    // duban handles, and needs no time-zone database on the host.
    Ok(dt
        .to_zoned_datetime(jiff::tz::TimeZone::fixed(crate::domain::time::SHANGHAI))
        .map_err(|e| anyhow::anyhow!("--now {s:?}: {e}"))?
        .timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_accepts_offsets_and_shanghai_civil_times() {
        let a = parse_now(Some("2026-03-11T10:00:00+08:00")).unwrap();
        let b = parse_now(Some("2026-03-11T10:00:00")).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.to_string(), "2026-03-11T02:00:00Z");
        assert!(parse_now(Some("yesterday")).is_err());
    }
}
