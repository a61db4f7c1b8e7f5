//! What was sent for a watched project or requirement, and the timing helpers both share.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError};
use crate::domain::ids::ItemId;
use crate::domain::schedule::ReminderPolicy;
use crate::domain::time::{SHANGHAI, local};

/// What was sent for a project or requirement (stored beside it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchState {
    /// The local day of the last late-stage / SLA reminder.
    #[serde(default)]
    pub nudged_on: Option<Date>,
    /// The stall episode (the project's `last_moved_at`) the flags count for.
    #[serde(default)]
    pub stalled_episode: Option<Timestamp>,
    /// Stalled flags sent in that episode.
    #[serde(default)]
    pub stalled_flags: u32,
}

/// The id used to spread morning reminders (projects and requirements share the spread).
pub(super) fn spread_id(n: u64) -> ItemId {
    ItemId(n)
}

/// Midnight (local) of `d`: adjusted to working hours it becomes that day's working morning.
pub(super) fn day_start(d: Date) -> Result<Timestamp, CalendarError> {
    SHANGHAI
        .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
        .map_err(|_| CalendarError::NoData { year: d.year() })
}

/// When a late reminder is next worth checking: the planned end, or now, or the next working
/// morning when today's reminder went out.
pub(super) fn next_late(
    end: Timestamp,
    nudged_on: Option<Date>,
    now: Timestamp,
    policy: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Timestamp, CalendarError> {
    let today = local(now).date();
    let t = if end > now {
        end
    } else if nudged_on == Some(today) {
        day_start(cal.nth_after(today, 1, policy.day_rule)?)?
    } else {
        now
    };
    Ok(t)
}
