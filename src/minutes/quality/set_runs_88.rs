//! The quality runs of the eighty-eighth held-out set on: each set's aggregate line only while
//! it is blind (see `STILL_BLIND`), per file once it is tuning data.

#![allow(clippy::print_stdout)]

use super::set_runs::heldout_run;
use super::*;

/// The eighty-eighth held-out set, written blind on 2026-12-07 (session 52), printed per file when
/// `DUBAN_HELDOUT88=1` (`DUBAN_HELDOUT88=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 52) printed only the aggregate; it is tuning
/// data since session 53.
#[test]
fn extraction_quality_over_the_eighty_eighth_heldout_set() {
    heldout_run(
        HELDOUT88,
        "DUBAN_HELDOUT88",
        Some("eighty-eighth held-out set (tuning since session 53)"),
        "held-out 88",
    );
}

/// The eighty-ninth held-out set, written blind on 2026-12-07 (session 52), printed per file when
/// `DUBAN_HELDOUT89=1` (`DUBAN_HELDOUT89=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 52) printed only the aggregate; it is tuning
/// data since session 53.
#[test]
fn extraction_quality_over_the_eighty_ninth_heldout_set() {
    heldout_run(
        HELDOUT89,
        "DUBAN_HELDOUT89",
        Some("eighty-ninth held-out set (tuning since session 53)"),
        "held-out 89",
    );
}

/// The ninetieth held-out set, written blind on 2026-12-07 (session 52), printed per file when
/// `DUBAN_HELDOUT90=1` (`DUBAN_HELDOUT90=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 52) printed only the aggregate; it is tuning
/// data since session 53.
#[test]
fn extraction_quality_over_the_ninetieth_heldout_set() {
    heldout_run(
        HELDOUT90,
        "DUBAN_HELDOUT90",
        Some("ninetieth held-out set (tuning since session 53)"),
        "held-out 90",
    );
}

/// The ninety-first held-out set, written blind on 2026-12-07 (session 52), printed per file when
/// `DUBAN_HELDOUT91=1` (`DUBAN_HELDOUT91=1 cargo test --lib minutes::quality -- --nocapture`), with
/// its aggregate line last. Its first runs (session 52) printed only the aggregate; it is tuning
/// data since session 53.
#[test]
fn extraction_quality_over_the_ninety_first_heldout_set() {
    heldout_run(
        HELDOUT91,
        "DUBAN_HELDOUT91",
        Some("ninety-first held-out set (tuning since session 53)"),
        "held-out 91",
    );
}
