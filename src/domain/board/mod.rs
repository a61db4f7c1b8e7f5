//! The 晾晒 board and the per-person statistics (pure).
//!
//! [`board`] summarises a group's items at `now`: totals by state, this month's on-time rate,
//! overdue items ranked by working days overdue, items due this week and the month's 按时完成
//! ranking. [`fingerprint`] hashes its content (not the generation day) so the weekly post can
//! be skipped when nothing changed. [`stats`] gives, per 主办 and period, the figures the
//! firm's OKR and performance reviews ask for.
//!
//! On time means `completed_at ≤ deadline` (the deadline in force when the item was closed:
//! approved extensions count). Months and quarters are Asia/Shanghai calendar periods.//!
//! - `weekly`: [`board`], [`Board`], [`fingerprint`], [`owed_weekly`];
//! - `period`: [`Period`]; `stats`: [`stats`], [`PersonStats`];
//! - `on_time`: the two facts both count (completed in a period, on time).

mod on_time;
mod period;
mod stats;
mod weekly;

pub(crate) use self::on_time::{completed_in, on_time};
pub use self::period::Period;
pub use self::stats::{PersonStats, stats};
pub use self::weekly::{Board, BoardRow, Rate, board, fingerprint, owed_weekly};

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
