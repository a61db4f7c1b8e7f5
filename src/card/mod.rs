//! Feishu card JSON 2.0 builders (pure): every function here turns domain values into a
//! `serde_json::Value` ready to send, and [`callback::parse`] reads back the clicks the cards
//! produce as one [`Callback`]. Every builder draws its components with one toolkit:
//! [`widgets`] (buttons, rows, forms, inputs, pickers) and [`fmt`] (card skeleton, header and
//! tags, markdown, mentions, colours, dates).
//! No I/O, no clock: `now` and the calendar are arguments. Cards stay within Feishu's limits
//! (≤ 200 components, < 30 KB serialized); long user text is truncated.

pub mod appraisal;
pub mod board;
pub mod callback;
pub mod detail;
pub mod fmt;
pub mod forms;
pub mod help;
pub mod item;
pub mod list;
pub mod minutes;
pub mod notice;
pub mod nudge;
pub mod okr;
pub mod org;
pub mod repeat;
pub mod rollup;
pub mod series;
pub mod stats;
pub mod welcome;
pub mod widgets;

pub use callback::{Callback, RequirementCardAction};
pub use callback::{CallbackError, CardAction, MinutesAction, NudgeAction, drawn};
/// The old name of [`CallbackError`], kept for the service code that still says it.
pub type CardActionError = CallbackError;
pub use board::board_card;
pub use detail::detail_card;
pub use help::{help_card, short_help_card};
pub use item::{TargetView, item_card, item_card_full, item_card_with};
pub use list::list_card;
pub use minutes::{closure_card, minutes_card};
pub use notice::{ToastKind, answer, answer_with_card, error_card, toast};
pub use nudge::{nudge_card, nudge_text};
pub use org::{org_board_card, unit_list_card, unit_stats_card};
pub use rollup::{
    BatchLine, BatchState, batch_form_card, batch_list_card, replaced_rollup_card, rollup_card,
};
pub use stats::stats_card;
pub use welcome::{Audience, welcome_card};

#[cfg(any(test, feature = "testing"))]
pub mod fixtures;
pub mod project;
pub mod requirement;
