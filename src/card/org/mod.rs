//! The firm-wide cards (pure), for the leaders' chat and admins: the firm's 晾晒 board ranked
//! by unit ([`org_board_card`]), per-unit statistics ([`unit_stats_card`]) and the registry of
//! units ([`unit_list_card`]). They read the pure results of [`crate::domain::unit`] and name
//! units, not people: staff of a 营业部 are not members of the leaders' chat, so on the board
//! and the statistics owners appear as plain names (no `@`, nobody is pinged by a firm-wide
//! view). The unit list names heads too, falling back to a mention only for a head whose name
//! the service could not look up.

mod board;
pub(crate) mod stats;
pub(crate) mod units;

pub use board::{MAX_ROWS_PER_UNIT, MAX_UNITS, org_board_card};
pub use stats::{IssuedShare, unit_stats_card};
pub use units::unit_list_card;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
