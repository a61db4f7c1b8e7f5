//! The quality runs of the seventy-sixth held-out set on: each set's aggregate line only while
//! it is blind (see `STILL_BLIND`), per file once it is tuning data.

#![allow(clippy::print_stdout)]

use super::set_runs::heldout_run;
use super::*;

/// The seventy-sixth held-out set, written blind on 2026-12-07 (session 49), printed per file when
/// `DUBAN_HELDOUT76=1` (`DUBAN_HELDOUT76=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 49) printed only the aggregate; it is tuning
/// data since session 50.
#[test]
fn extraction_quality_over_the_seventy_sixth_heldout_set() {
    heldout_run(
        HELDOUT76,
        "DUBAN_HELDOUT76",
        Some("seventy-sixth held-out set (tuning since session 50)"),
        "held-out 76",
    );
}

/// The seventy-seventh held-out set, written blind on 2026-12-07 (session 49), printed per file when
/// `DUBAN_HELDOUT77=1` (`DUBAN_HELDOUT77=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 49) printed only the aggregate; it is tuning
/// data since session 50.
#[test]
fn extraction_quality_over_the_seventy_seventh_heldout_set() {
    heldout_run(
        HELDOUT77,
        "DUBAN_HELDOUT77",
        Some("seventy-seventh held-out set (tuning since session 50)"),
        "held-out 77",
    );
}

/// The seventy-eighth held-out set, written blind on 2026-12-07 (session 49), printed per file when
/// `DUBAN_HELDOUT78=1` (`DUBAN_HELDOUT78=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 49) printed only the aggregate; it is tuning
/// data since session 50.
#[test]
fn extraction_quality_over_the_seventy_eighth_heldout_set() {
    heldout_run(
        HELDOUT78,
        "DUBAN_HELDOUT78",
        Some("seventy-eighth held-out set (tuning since session 50)"),
        "held-out 78",
    );
}

/// The seventy-ninth held-out set, written blind on 2026-12-07 (session 49), printed per file when
/// `DUBAN_HELDOUT79=1` (`DUBAN_HELDOUT79=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 49) printed only the aggregate; it is tuning
/// data since session 50.
#[test]
fn extraction_quality_over_the_seventy_ninth_heldout_set() {
    heldout_run(
        HELDOUT79,
        "DUBAN_HELDOUT79",
        Some("seventy-ninth held-out set (tuning since session 50)"),
        "held-out 79",
    );
}
