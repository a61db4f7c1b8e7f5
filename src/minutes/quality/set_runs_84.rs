//! The quality runs of the eighty-fourth held-out set on: each set's aggregate line only while
//! it is blind (see `STILL_BLIND`), per file once it is tuning data.

#![allow(clippy::print_stdout)]

use super::set_runs::heldout_run;
use super::*;

/// The eighty-fourth held-out set, written blind on 2026-12-07 (session 51), printed per file when
/// `DUBAN_HELDOUT84=1` (`DUBAN_HELDOUT84=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 51) printed only the aggregate; it is tuning
/// data since session 52.
#[test]
fn extraction_quality_over_the_eighty_fourth_heldout_set() {
    heldout_run(
        HELDOUT84,
        "DUBAN_HELDOUT84",
        Some("eighty-fourth held-out set (tuning since session 52)"),
        "held-out 84",
    );
}

/// The eighty-fifth held-out set, written blind on 2026-12-07 (session 51), printed per file when
/// `DUBAN_HELDOUT85=1` (`DUBAN_HELDOUT85=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 51) printed only the aggregate; it is tuning
/// data since session 52.
#[test]
fn extraction_quality_over_the_eighty_fifth_heldout_set() {
    heldout_run(
        HELDOUT85,
        "DUBAN_HELDOUT85",
        Some("eighty-fifth held-out set (tuning since session 52)"),
        "held-out 85",
    );
}

/// The eighty-sixth held-out set, written blind on 2026-12-07 (session 51), printed per file when
/// `DUBAN_HELDOUT86=1` (`DUBAN_HELDOUT86=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 51) printed only the aggregate; it is tuning
/// data since session 52.
#[test]
fn extraction_quality_over_the_eighty_sixth_heldout_set() {
    heldout_run(
        HELDOUT86,
        "DUBAN_HELDOUT86",
        Some("eighty-sixth held-out set (tuning since session 52)"),
        "held-out 86",
    );
}

/// The eighty-seventh held-out set, written blind on 2026-12-07 (session 51), printed per file when
/// `DUBAN_HELDOUT87=1` (`DUBAN_HELDOUT87=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 51) printed only the aggregate; it is tuning
/// data since session 52.
#[test]
fn extraction_quality_over_the_eighty_seventh_heldout_set() {
    heldout_run(
        HELDOUT87,
        "DUBAN_HELDOUT87",
        Some("eighty-seventh held-out set (tuning since session 52)"),
        "held-out 87",
    );
}
