//! The quality runs of the ninety-second held-out set on: each set's aggregate line only while
//! it is blind (see `STILL_BLIND`), per file once it is tuning data.

#![allow(clippy::print_stdout)]

use super::set_runs::heldout_run;
use super::*;

/// The ninety-second held-out set, written blind on 2026-12-07 (session 53), printed per file when
/// `DUBAN_HELDOUT92=1` (`DUBAN_HELDOUT92=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 53) printed only the aggregate; it is tuning
/// data since session 54.
#[test]
fn extraction_quality_over_the_ninety_second_heldout_set() {
    heldout_run(
        HELDOUT92,
        "DUBAN_HELDOUT92",
        Some("ninety-second held-out set (tuning since session 54)"),
        "held-out 92",
    );
}

/// The ninety-third held-out set, written blind on 2026-12-07 (session 53), printed per file when
/// `DUBAN_HELDOUT93=1` (`DUBAN_HELDOUT93=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 53) printed only the aggregate; it is tuning
/// data since session 54.
#[test]
fn extraction_quality_over_the_ninety_third_heldout_set() {
    heldout_run(
        HELDOUT93,
        "DUBAN_HELDOUT93",
        Some("ninety-third held-out set (tuning since session 54)"),
        "held-out 93",
    );
}

/// The ninety-fourth held-out set, written blind on 2026-12-07 (session 53), printed per file when
/// `DUBAN_HELDOUT94=1` (`DUBAN_HELDOUT94=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 53) printed only the aggregate; it is tuning
/// data since session 54.
#[test]
fn extraction_quality_over_the_ninety_fourth_heldout_set() {
    heldout_run(
        HELDOUT94,
        "DUBAN_HELDOUT94",
        Some("ninety-fourth held-out set (tuning since session 54)"),
        "held-out 94",
    );
}

/// The ninety-fifth held-out set, written blind on 2026-12-07 (session 53), printed per file when
/// `DUBAN_HELDOUT95=1` (`DUBAN_HELDOUT95=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 53) printed only the aggregate; it is tuning
/// data since session 54.
#[test]
fn extraction_quality_over_the_ninety_fifth_heldout_set() {
    heldout_run(
        HELDOUT95,
        "DUBAN_HELDOUT95",
        Some("ninety-fifth held-out set (tuning since session 54)"),
        "held-out 95",
    );
}
