//! What the parser needs to know besides the text (pure): the injected time and calendar.

use jiff::Timestamp;

use crate::calendar::Calendar;

/// What the parser needs to know besides the text.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The current instant (deadlines are relative to it).
    pub now: Timestamp,
    /// The working-day calendar.
    pub calendar: &'a Calendar,
    /// The message replies to another one: a creation may then omit the title (the caller takes
    /// it from the quoted message).
    pub is_reply: bool,
}
