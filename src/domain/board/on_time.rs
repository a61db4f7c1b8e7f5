//! What the board and the statistics both count: completed in a period, and on time.

use jiff::Timestamp;

use crate::domain::item::Item;
use crate::domain::status::Status;

pub(super) fn count<T>(it: impl Iterator<Item = T>) -> u32 {
    u32::try_from(it.count()).unwrap_or(u32::MAX)
}
pub(crate) fn completed_in(it: &Item, start: Timestamp, end: Timestamp) -> bool {
    it.status == Status::Done && it.completed_at.is_some_and(|c| c >= start && c < end)
}

pub(crate) fn on_time(it: &Item) -> bool {
    it.completed_at.is_some_and(|c| c <= it.deadline)
}
