//! The held-out sets from the eighty-fourth on, compiled in (continuing `fresh_sets_80.rs`): every
//! file of each folder, by name. A new set is appended here and last in `ALL_SETS`.

use super::sets::MinutesSet;

/// The eighty-fourth held-out set: every file in `src/minutes/heldout84/`, written blind on
/// 2026-12-07 (session 51) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT84: MinutesSet = minutes_set![
    "heldout84";
];

/// The eighty-fifth held-out set: every file in `src/minutes/heldout85/`, written blind on
/// 2026-12-07 (session 51) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT85: MinutesSet = minutes_set![
    "heldout85";
];

/// The eighty-sixth held-out set: every file in `src/minutes/heldout86/`, written blind on
/// 2026-12-07 (session 51) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT86: MinutesSet = minutes_set![
    "heldout86";
];

/// The eighty-seventh held-out set: every file in `src/minutes/heldout87/`, written blind on
/// 2026-12-07 (session 51) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT87: MinutesSet = minutes_set![
    "heldout87";
];
