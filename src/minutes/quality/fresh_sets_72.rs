//! The held-out sets from the seventy-second on, compiled in (continuing `fresh_sets_64.rs`): every
//! file of each folder, by name. A new set is appended here and last in `ALL_SETS`.

use super::sets::MinutesSet;

/// The seventy-second held-out set: every file in `src/minutes/heldout72/`, written blind on
/// 2026-12-07 (session 48) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT72: MinutesSet = minutes_set![
    "heldout72";
];

/// The seventy-third held-out set: every file in `src/minutes/heldout73/`, written blind on
/// 2026-12-07 (session 48) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT73: MinutesSet = minutes_set![
    "heldout73";
];

/// The seventy-fourth held-out set: every file in `src/minutes/heldout74/`, written blind on
/// 2026-12-07 (session 48) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT74: MinutesSet = minutes_set![
    "heldout74";
];

/// The seventy-fifth held-out set: every file in `src/minutes/heldout75/`, written blind on
/// 2026-12-07 (session 48) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT75: MinutesSet = minutes_set![
    "heldout75";
];
