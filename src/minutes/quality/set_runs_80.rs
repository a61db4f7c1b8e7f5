//! The quality runs of the eightieth held-out set on: each set's aggregate line only while
//! it is blind (see `STILL_BLIND`), per file once it is tuning data.

#![allow(clippy::print_stdout)]

use super::set_runs::heldout_run;
use super::*;

/// The eightieth held-out set, written blind on 2026-12-07 (session 50), printed per file when
/// `DUBAN_HELDOUT80=1` (`DUBAN_HELDOUT80=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 50) printed only the aggregate; it is tuning
/// data since session 51.
#[test]
fn extraction_quality_over_the_eightieth_heldout_set() {
    heldout_run(
        HELDOUT80,
        "DUBAN_HELDOUT80",
        Some("eightieth held-out set (tuning since session 51)"),
        "held-out 80",
    );
}

/// The eighty-first held-out set, written blind on 2026-12-07 (session 50), printed per file when
/// `DUBAN_HELDOUT81=1` (`DUBAN_HELDOUT81=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 50) printed only the aggregate; it is tuning
/// data since session 51.
#[test]
fn extraction_quality_over_the_eighty_first_heldout_set() {
    heldout_run(
        HELDOUT81,
        "DUBAN_HELDOUT81",
        Some("eighty-first held-out set (tuning since session 51)"),
        "held-out 81",
    );
}

/// The eighty-second held-out set, written blind on 2026-12-07 (session 50), printed per file when
/// `DUBAN_HELDOUT82=1` (`DUBAN_HELDOUT82=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 50) printed only the aggregate; it is tuning
/// data since session 51.
#[test]
fn extraction_quality_over_the_eighty_second_heldout_set() {
    heldout_run(
        HELDOUT82,
        "DUBAN_HELDOUT82",
        Some("eighty-second held-out set (tuning since session 51)"),
        "held-out 82",
    );
}

/// The eighty-third held-out set, written blind on 2026-12-07 (session 50), printed per file when
/// `DUBAN_HELDOUT83=1` (`DUBAN_HELDOUT83=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 50) printed only the aggregate; it is tuning
/// data since session 51.
#[test]
fn extraction_quality_over_the_eighty_third_heldout_set() {
    heldout_run(
        HELDOUT83,
        "DUBAN_HELDOUT83",
        Some("eighty-third held-out set (tuning since session 51)"),
        "held-out 83",
    );
}
