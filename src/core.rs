//! duban's pure core (the crate `duban_core`): the domain, command and deadline parsing,
//! minutes extraction and card building. It reads no clock, no disk and no network; the edges
//! (the crate `duban`, src/lib.rs) re-export its modules under the same names.

pub mod calendar;
pub mod card;
pub mod command;
pub mod domain;
pub mod minutes;
