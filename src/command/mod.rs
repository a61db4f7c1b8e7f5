//! Command parsing (pure): `(text, mentions, now, calendar) -> Command`.

pub mod spec;
pub mod when;
