//! Feishu card JSON 2.0 builders (pure): every function here turns domain values into a
//! `serde_json::Value` ready to send, and `action` parses the callbacks the cards produce.
//! No I/O, no clock: `now` and the calendar are arguments. Cards stay within Feishu's limits
//! (≤ 200 components, < 30 KB serialized); long user text is truncated.

pub mod action;
pub mod board;
pub mod detail;
pub mod drawn;
pub mod fmt;
pub mod forms;
pub mod help;
pub mod item;
pub mod list;
pub mod minutes;
pub mod notice;
pub mod nudge;
pub mod stats;
pub mod welcome;
pub mod widgets;

pub use action::{CardAction, CardActionError, parse_callback};
pub use board::board_card;
pub use detail::detail_card;
pub use help::{help_card, short_help_card};
pub use item::item_card;
pub use list::list_card;
pub use minutes::{MinutesAction, closure_card, minutes_card, parse_minutes_callback};
pub use notice::{ToastKind, error_card, toast};
pub use nudge::{NudgeAction, nudge_card, nudge_text, parse_nudge_callback};
pub use stats::stats_card;
pub use welcome::{Audience, welcome_card};

#[cfg(test)]
pub(crate) mod fixtures;
pub mod project;
pub mod requirement;
