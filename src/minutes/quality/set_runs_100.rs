//! The quality runs of the hundredth held-out set on: each set's aggregate line only while it is
//! blind (see `STILL_BLIND`), per file once it is tuning data.

#![allow(clippy::print_stdout)]

use super::set_runs::heldout_run;
use super::*;

/// The hundredth held-out set, written blind on 2026-12-08 (session 55): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT100=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_hundredth_heldout_set() {
    heldout_run(HELDOUT100, "DUBAN_HELDOUT100", None, "held-out 100");
}

/// The hundred-and-first held-out set, written blind on 2026-12-08 (session 55): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT101=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_hundred_and_first_heldout_set() {
    heldout_run(HELDOUT101, "DUBAN_HELDOUT101", None, "held-out 101");
}

/// The hundred-and-second held-out set, written blind on 2026-12-08 (session 55): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT102=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_hundred_and_second_heldout_set() {
    heldout_run(HELDOUT102, "DUBAN_HELDOUT102", None, "held-out 102");
}

/// The hundred-and-third held-out set, written blind on 2026-12-08 (session 55): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT103=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_hundred_and_third_heldout_set() {
    heldout_run(HELDOUT103, "DUBAN_HELDOUT103", None, "held-out 103");
}
