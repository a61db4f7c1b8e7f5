//! Regression tests, one file per area, named after the issue they pin
//! (`issue_12_…`); each fails on the code before its fix.

mod deadlines;
mod delivery;
mod requirements;
mod stale_cards;
mod wording;
