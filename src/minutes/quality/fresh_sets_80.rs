//! The held-out sets from the eightieth on, compiled in (continuing `fresh_sets_76.rs`): every
//! file of each folder, by name. A new set is appended here and last in `ALL_SETS`.

use super::sets::MinutesSet;

/// The eightieth held-out set: every file in `src/minutes/heldout80/`, written blind on
/// 2026-12-07 (session 50) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT80: MinutesSet = minutes_set![
    "heldout80";
];

/// The eighty-first held-out set: every file in `src/minutes/heldout81/`, written blind on
/// 2026-12-07 (session 50) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT81: MinutesSet = minutes_set![
    "heldout81";
];

/// The eighty-second held-out set: every file in `src/minutes/heldout82/`, written blind on
/// 2026-12-07 (session 50) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT82: MinutesSet = minutes_set![
    "heldout82";
];

/// The eighty-third held-out set: every file in `src/minutes/heldout83/`, written blind on
/// 2026-12-07 (session 50) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT83: MinutesSet = minutes_set![
    "heldout83";
];
