//! The quality runs of the ninety-sixth held-out set on: each set's aggregate line only while
//! it is blind (see `STILL_BLIND`), per file once it is tuning data.

#![allow(clippy::print_stdout)]

use super::set_runs::heldout_run;
use super::*;

/// The ninety-sixth held-out set, written blind on 2026-12-07 (session 54), printed per file when
/// `DUBAN_HELDOUT96=1` (`DUBAN_HELDOUT96=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 54) printed only the aggregate; it is tuning
/// data since session 55.
#[test]
fn extraction_quality_over_the_ninety_sixth_heldout_set() {
    heldout_run(
        HELDOUT96,
        "DUBAN_HELDOUT96",
        Some("ninety-sixth held-out set (tuning since session 55)"),
        "held-out 96",
    );
}

/// The ninety-seventh held-out set, written blind on 2026-12-07 (session 54), printed per file when
/// `DUBAN_HELDOUT97=1` (`DUBAN_HELDOUT97=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 54) printed only the aggregate; it is tuning
/// data since session 55.
#[test]
fn extraction_quality_over_the_ninety_seventh_heldout_set() {
    heldout_run(
        HELDOUT97,
        "DUBAN_HELDOUT97",
        Some("ninety-seventh held-out set (tuning since session 55)"),
        "held-out 97",
    );
}

/// The ninety-eighth held-out set, written blind on 2026-12-07 (session 54), printed per file when
/// `DUBAN_HELDOUT98=1` (`DUBAN_HELDOUT98=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 54) printed only the aggregate; it is tuning
/// data since session 55.
#[test]
fn extraction_quality_over_the_ninety_eighth_heldout_set() {
    heldout_run(
        HELDOUT98,
        "DUBAN_HELDOUT98",
        Some("ninety-eighth held-out set (tuning since session 55)"),
        "held-out 98",
    );
}

/// The ninety-ninth held-out set, written blind on 2026-12-07 (session 54), printed per file when
/// `DUBAN_HELDOUT99=1` (`DUBAN_HELDOUT99=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 54) printed only the aggregate; it is tuning
/// data since session 55.
#[test]
fn extraction_quality_over_the_ninety_ninth_heldout_set() {
    heldout_run(
        HELDOUT99,
        "DUBAN_HELDOUT99",
        Some("ninety-ninth held-out set (tuning since session 55)"),
        "held-out 99",
    );
}
