//! The reminder engine's orchestration: every item write reschedules the item's next reminder
//! in the same transaction; a tick sends what is due (collapsed per item, combined per person),
//! records it, and moves each item's entry in the due index.

mod schedule;
mod snooze;
mod tick;
