//! The quality runs of the seventy-second held-out set on: each set's aggregate line only while
//! it is blind (see `STILL_BLIND`), per file once it is tuning data.

#![allow(clippy::print_stdout)]

use super::set_runs::heldout_run;
use super::*;

/// The seventy-second held-out set, written blind on 2026-12-07 (session 48), printed per file when
/// `DUBAN_HELDOUT72=1` (`DUBAN_HELDOUT72=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 48) printed only the aggregate; it is tuning
/// data since session 49.
#[test]
fn extraction_quality_over_the_seventy_second_heldout_set() {
    heldout_run(
        HELDOUT72,
        "DUBAN_HELDOUT72",
        Some("seventy-second held-out set (tuning since session 49)"),
        "held-out 72",
    );
}

/// The seventy-third held-out set, written blind on 2026-12-07 (session 48), printed per file when
/// `DUBAN_HELDOUT73=1` (`DUBAN_HELDOUT73=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 48) printed only the aggregate; it is tuning
/// data since session 49.
#[test]
fn extraction_quality_over_the_seventy_third_heldout_set() {
    heldout_run(
        HELDOUT73,
        "DUBAN_HELDOUT73",
        Some("seventy-third held-out set (tuning since session 49)"),
        "held-out 73",
    );
}

/// The seventy-fourth held-out set, written blind on 2026-12-07 (session 48), printed per file when
/// `DUBAN_HELDOUT74=1` (`DUBAN_HELDOUT74=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 48) printed only the aggregate; it is tuning
/// data since session 49.
#[test]
fn extraction_quality_over_the_seventy_fourth_heldout_set() {
    heldout_run(
        HELDOUT74,
        "DUBAN_HELDOUT74",
        Some("seventy-fourth held-out set (tuning since session 49)"),
        "held-out 74",
    );
}

/// The seventy-fifth held-out set, written blind on 2026-12-07 (session 48), printed per file when
/// `DUBAN_HELDOUT75=1` (`DUBAN_HELDOUT75=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 48) printed only the aggregate; it is tuning
/// data since session 49.
#[test]
fn extraction_quality_over_the_seventy_fifth_heldout_set() {
    heldout_run(
        HELDOUT75,
        "DUBAN_HELDOUT75",
        Some("seventy-fifth held-out set (tuning since session 49)"),
        "held-out 75",
    );
}
