//! The quality runs of the seventy-sixth held-out set on: each set's aggregate line only while
//! it is blind (see `STILL_BLIND`), per file once it is tuning data.

#![allow(clippy::print_stdout)]

use super::set_runs::heldout_run;
use super::*;

/// The seventy-sixth held-out set, written blind on 2026-12-07 (session 49): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT76=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_seventy_sixth_heldout_set() {
    heldout_run(HELDOUT76, "DUBAN_HELDOUT76", None, "held-out 76");
}

/// The seventy-seventh held-out set, written blind on 2026-12-07 (session 49): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT77=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_seventy_seventh_heldout_set() {
    heldout_run(HELDOUT77, "DUBAN_HELDOUT77", None, "held-out 77");
}

/// The seventy-eighth held-out set, written blind on 2026-12-07 (session 49): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT78=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_seventy_eighth_heldout_set() {
    heldout_run(HELDOUT78, "DUBAN_HELDOUT78", None, "held-out 78");
}

/// The seventy-ninth held-out set, written blind on 2026-12-07 (session 49): its first runs print only
/// the aggregate line (`DUBAN_HELDOUT79=1 cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_seventy_ninth_heldout_set() {
    heldout_run(HELDOUT79, "DUBAN_HELDOUT79", None, "held-out 79");
}
