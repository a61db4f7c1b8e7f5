//! The quality runs of the hundred-and-fourth held-out set on: each set's aggregate line only while
//! it is blind (see `STILL_BLIND`), per file once it is tuning data.

#![allow(clippy::print_stdout)]

use super::set_runs::heldout_run;
use super::*;

/// The hundred-and-fourth held-out set, written blind on 2026-12-08 (session 55): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT104=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_hundred_and_fourth_heldout_set() {
    heldout_run(HELDOUT104, "DUBAN_HELDOUT104", None, "held-out 104");
}

/// The hundred-and-fifth held-out set, written blind on 2026-12-08 (session 55): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT105=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_hundred_and_fifth_heldout_set() {
    heldout_run(HELDOUT105, "DUBAN_HELDOUT105", None, "held-out 105");
}

/// The hundred-and-sixth held-out set, written blind on 2026-12-08 (session 55): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT106=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_hundred_and_sixth_heldout_set() {
    heldout_run(HELDOUT106, "DUBAN_HELDOUT106", None, "held-out 106");
}

/// The hundred-and-seventh held-out set, written blind on 2026-12-08 (session 55): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT107=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_hundred_and_seventh_heldout_set() {
    heldout_run(HELDOUT107, "DUBAN_HELDOUT107", None, "held-out 107");
}
