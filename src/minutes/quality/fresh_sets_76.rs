//! The held-out sets from the seventy-sixth on, compiled in (continuing `fresh_sets_72.rs`): every
//! file of each folder, by name. A new set is appended here and last in `ALL_SETS`.

use super::sets::MinutesSet;

/// The seventy-sixth held-out set: every file in `src/minutes/heldout76/`, written blind on
/// 2026-12-07 (session 49) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT76: MinutesSet = minutes_set![
    "heldout76";
];

/// The seventy-seventh held-out set: every file in `src/minutes/heldout77/`, written blind on
/// 2026-12-07 (session 49) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT77: MinutesSet = minutes_set![
    "heldout77";
];

/// The seventy-eighth held-out set: every file in `src/minutes/heldout78/`, written blind on
/// 2026-12-07 (session 49) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT78: MinutesSet = minutes_set![
    "heldout78";
];

/// The seventy-ninth held-out set: every file in `src/minutes/heldout79/`, written blind on
/// 2026-12-07 (session 49) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT79: MinutesSet = minutes_set![
    "heldout79";
];
