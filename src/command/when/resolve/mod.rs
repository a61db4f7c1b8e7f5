//! Resolution (pure): a parsed [`Expr`] plus `now` and the working-day calendar → one instant.
//!
//! Forms whose anchor the user named (今天, 本周X, 2026年…, 下周, holidays, counts) have exactly
//! one candidate, and a candidate not later than `now` is refused (C8). Forms with an omitted
//! field (周五, 3月20日, 20号, 下午4点, 月底) are filled forward: candidates are tried in order
//! and the first later than `now` wins (C7).

mod ctx;
mod day;
mod entry;
mod period;
mod time;

pub use ctx::RECENT_PAST_DAYS;
pub(super) use ctx::{Ctx, SHANGHAI, weekday_zh};
pub(super) use entry::resolve;
