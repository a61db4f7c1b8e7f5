//! The quality runs of the eightieth held-out set on: each set's aggregate line only while
//! it is blind (see `STILL_BLIND`), per file once it is tuning data.

#![allow(clippy::print_stdout)]

use super::set_runs::heldout_run;
use super::*;

/// The eightieth held-out set, written blind on 2026-12-07 (session 50): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT80=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_eightieth_heldout_set() {
    heldout_run(HELDOUT80, "DUBAN_HELDOUT80", None, "held-out 80");
}

/// The eighty-first held-out set, written blind on 2026-12-07 (session 50): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT81=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_eighty_first_heldout_set() {
    heldout_run(HELDOUT81, "DUBAN_HELDOUT81", None, "held-out 81");
}

/// The eighty-second held-out set, written blind on 2026-12-07 (session 50): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT82=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_eighty_second_heldout_set() {
    heldout_run(HELDOUT82, "DUBAN_HELDOUT82", None, "held-out 82");
}

/// The eighty-third held-out set, written blind on 2026-12-07 (session 50): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT83=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_eighty_third_heldout_set() {
    heldout_run(HELDOUT83, "DUBAN_HELDOUT83", None, "held-out 83");
}
