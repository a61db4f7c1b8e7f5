//! The quality runs of the thirty-first held-out set on (each set's aggregate line, and per file
//! once the set is tuning data).

#![allow(clippy::print_stdout)]

use super::set_runs::heldout_run;
use super::*;

/// The thirty-first held-out set, printed per file when `DUBAN_HELDOUT31=1`
/// (`DUBAN_HELDOUT31=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_thirty_first_heldout_set() {
    heldout_run(
        HELDOUT31,
        "DUBAN_HELDOUT31",
        Some("thirty-first held-out set (tuning since the thirty-first round)"),
        "held-out 31",
    );
}

/// The thirty-second held-out set, printed per file when `DUBAN_HELDOUT32=1`
/// (`DUBAN_HELDOUT32=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_thirty_second_heldout_set() {
    heldout_run(
        HELDOUT32,
        "DUBAN_HELDOUT32",
        Some("thirty-second held-out set (tuning since the thirty-first round)"),
        "held-out 32",
    );
}

/// The thirty-third held-out set, printed per file when `DUBAN_HELDOUT33=1`
/// (`DUBAN_HELDOUT33=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_thirty_third_heldout_set() {
    heldout_run(
        HELDOUT33,
        "DUBAN_HELDOUT33",
        Some("thirty-third held-out set (tuning since the thirty-first round)"),
        "held-out 33",
    );
}

/// The thirty-fourth held-out set, printed per file when `DUBAN_HELDOUT34=1`
/// (`DUBAN_HELDOUT34=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_thirty_fourth_heldout_set() {
    heldout_run(
        HELDOUT34,
        "DUBAN_HELDOUT34",
        Some("thirty-fourth held-out set (tuning since the thirty-sixth held-out set was written)"),
        "held-out 34",
    );
}

/// The thirty-fifth held-out set, printed per file when `DUBAN_HELDOUT35=1`
/// (`DUBAN_HELDOUT35=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_thirty_fifth_heldout_set() {
    heldout_run(
        HELDOUT35,
        "DUBAN_HELDOUT35",
        Some("thirty-fifth held-out set (tuning since the thirty-sixth held-out set was written)"),
        "held-out 35",
    );
}

/// The thirty-sixth held-out set, printed per file when `DUBAN_HELDOUT36=1`
/// (`DUBAN_HELDOUT36=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the thirty-sixth
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_thirty_sixth_heldout_set() {
    heldout_run(
        HELDOUT36,
        "DUBAN_HELDOUT36",
        Some("thirty-sixth held-out set (tuning since the thirty-sixth round)"),
        "held-out 36",
    );
}

/// The thirty-seventh held-out set, printed per file when `DUBAN_HELDOUT37=1`
/// (`DUBAN_HELDOUT37=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_thirty_seventh_heldout_set() {
    heldout_run(
        HELDOUT37,
        "DUBAN_HELDOUT37",
        Some("thirty-seventh held-out set (tuning since the thirty-sixth round)"),
        "held-out 37",
    );
}

/// The thirty-eighth held-out set, printed per file when `DUBAN_HELDOUT38=1`
/// (`DUBAN_HELDOUT38=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_thirty_eighth_heldout_set() {
    heldout_run(
        HELDOUT38,
        "DUBAN_HELDOUT38",
        Some("thirty-eighth held-out set (tuning since the thirty-eighth round)"),
        "held-out 38",
    );
}

/// The thirty-ninth held-out set, printed per file when `DUBAN_HELDOUT39=1`
/// (`DUBAN_HELDOUT39=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_thirty_ninth_heldout_set() {
    heldout_run(
        HELDOUT39,
        "DUBAN_HELDOUT39",
        Some("thirty-ninth held-out set (tuning since the thirty-eighth round)"),
        "held-out 39",
    );
}

/// The fortieth held-out set, printed per file when `DUBAN_HELDOUT40=1`
/// (`DUBAN_HELDOUT40=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fortieth_heldout_set() {
    heldout_run(
        HELDOUT40,
        "DUBAN_HELDOUT40",
        Some("fortieth held-out set (tuning since the fortieth round)"),
        "held-out 40",
    );
}

/// The forty-first held-out set, printed per file when `DUBAN_HELDOUT41=1`
/// (`DUBAN_HELDOUT41=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_forty_first_heldout_set() {
    heldout_run(
        HELDOUT41,
        "DUBAN_HELDOUT41",
        Some("forty-first held-out set (tuning since the fortieth round)"),
        "held-out 41",
    );
}

/// The forty-second held-out set, printed per file when `DUBAN_HELDOUT42=1`
/// (`DUBAN_HELDOUT42=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_forty_second_heldout_set() {
    heldout_run(
        HELDOUT42,
        "DUBAN_HELDOUT42",
        Some("forty-second held-out set (tuning since the forty-first round)"),
        "held-out 42",
    );
}

/// The forty-third held-out set, printed per file when `DUBAN_HELDOUT43=1`
/// (`DUBAN_HELDOUT43=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the forty-second
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_forty_third_heldout_set() {
    heldout_run(
        HELDOUT43,
        "DUBAN_HELDOUT43",
        Some("forty-third held-out set (tuning since the forty-second round)"),
        "held-out 43",
    );
}

/// The forty-fourth held-out set, printed per file when `DUBAN_HELDOUT44=1`
/// (`DUBAN_HELDOUT44=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the forty-third
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_forty_fourth_heldout_set() {
    heldout_run(
        HELDOUT44,
        "DUBAN_HELDOUT44",
        Some("forty-fourth held-out set (tuning since the forty-third round)"),
        "held-out 44",
    );
}

/// The forty-fifth held-out set, printed per file when `DUBAN_HELDOUT45=1`
/// (`DUBAN_HELDOUT45=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the forty-fourth
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_forty_fifth_heldout_set() {
    heldout_run(
        HELDOUT45,
        "DUBAN_HELDOUT45",
        Some("forty-fifth held-out set (tuning since the forty-fourth round)"),
        "held-out 45",
    );
}

/// The forty-sixth held-out set, printed per file when `DUBAN_HELDOUT46=1`
/// (`DUBAN_HELDOUT46=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs print only the aggregate. Always run, so an extractor that panics on
/// one of its files fails.
#[test]
fn extraction_quality_over_the_forty_sixth_heldout_set() {
    heldout_run(HELDOUT46, "DUBAN_HELDOUT46", None, "held-out 46");
}

/// The forty-seventh held-out set, printed per file when `DUBAN_HELDOUT47=1`
/// (`DUBAN_HELDOUT47=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the forty-fifth
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_forty_seventh_heldout_set() {
    heldout_run(
        HELDOUT47,
        "DUBAN_HELDOUT47",
        Some("forty-seventh held-out set (tuning since the forty-fifth round)"),
        "held-out 47",
    );
}

/// The forty-eighth held-out set, printed per file when `DUBAN_HELDOUT48=1`
/// (`DUBAN_HELDOUT48=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs print only the aggregate. Always run, so an extractor that panics on
/// one of its files fails.
#[test]
fn extraction_quality_over_the_forty_eighth_heldout_set() {
    heldout_run(HELDOUT48, "DUBAN_HELDOUT48", None, "held-out 48");
}

/// The forty-ninth held-out set, printed per file when `DUBAN_HELDOUT49=1`
/// (`DUBAN_HELDOUT49=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the forty-sixth
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_forty_ninth_heldout_set() {
    heldout_run(
        HELDOUT49,
        "DUBAN_HELDOUT49",
        Some("forty-ninth held-out set (tuning since the forty-sixth round)"),
        "held-out 49",
    );
}

/// The fiftieth held-out set, printed per file when `DUBAN_HELDOUT50=1`
/// (`DUBAN_HELDOUT50=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the forty-seventh
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fiftieth_heldout_set() {
    heldout_run(
        HELDOUT50,
        "DUBAN_HELDOUT50",
        Some("fiftieth held-out set (tuning since the forty-seventh round)"),
        "held-out 50",
    );
}

/// The fifty-first held-out set, printed per file when `DUBAN_HELDOUT51=1`
/// (`DUBAN_HELDOUT51=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the forty-eighth
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fifty_first_heldout_set() {
    heldout_run(
        HELDOUT51,
        "DUBAN_HELDOUT51",
        Some("fifty-first held-out set (tuning since the forty-eighth round)"),
        "held-out 51",
    );
}

/// The fifty-second held-out set, printed per file when `DUBAN_HELDOUT52=1`
/// (`DUBAN_HELDOUT52=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the forty-ninth
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fifty_second_heldout_set() {
    heldout_run(
        HELDOUT52,
        "DUBAN_HELDOUT52",
        Some("fifty-second held-out set (tuning since the forty-ninth round)"),
        "held-out 52",
    );
}

/// The fifty-third held-out set, printed per file when `DUBAN_HELDOUT53=1`
/// (`DUBAN_HELDOUT53=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the fiftieth
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fifty_third_heldout_set() {
    heldout_run(
        HELDOUT53,
        "DUBAN_HELDOUT53",
        Some("fifty-third held-out set (tuning since the fiftieth round)"),
        "held-out 53",
    );
}

/// The fifty-fourth held-out set, printed per file when `DUBAN_HELDOUT54=1`
/// (`DUBAN_HELDOUT54=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the fifty-first
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fifty_fourth_heldout_set() {
    heldout_run(
        HELDOUT54,
        "DUBAN_HELDOUT54",
        Some("fifty-fourth held-out set (tuning since the fifty-first round)"),
        "held-out 54",
    );
}

/// The fifty-fifth held-out set, printed per file when `DUBAN_HELDOUT55=1`
/// (`DUBAN_HELDOUT55=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the fifty-second
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fifty_fifth_heldout_set() {
    heldout_run(
        HELDOUT55,
        "DUBAN_HELDOUT55",
        Some("fifty-fifth held-out set (tuning since the fifty-second round)"),
        "held-out 55",
    );
}

/// The fifty-sixth held-out set, printed per file when `DUBAN_HELDOUT56=1`
/// (`DUBAN_HELDOUT56=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the fifty-third
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fifty_sixth_heldout_set() {
    heldout_run(
        HELDOUT56,
        "DUBAN_HELDOUT56",
        Some("fifty-sixth held-out set (tuning since the fifty-third round)"),
        "held-out 56",
    );
}

/// The fifty-seventh held-out set, printed per file when `DUBAN_HELDOUT57=1`
/// (`DUBAN_HELDOUT57=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the fifty-fourth
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fifty_seventh_heldout_set() {
    heldout_run(
        HELDOUT57,
        "DUBAN_HELDOUT57",
        Some("fifty-seventh held-out set (tuning since the fifty-fourth round)"),
        "held-out 57",
    );
}

/// The fifty-eighth held-out set, printed per file when `DUBAN_HELDOUT58=1`
/// (`DUBAN_HELDOUT58=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the fifty-fifth
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fifty_eighth_heldout_set() {
    heldout_run(
        HELDOUT58,
        "DUBAN_HELDOUT58",
        Some("fifty-eighth held-out set (tuning since the fifty-fifth round)"),
        "held-out 58",
    );
}

/// The fifty-ninth held-out set, printed per file when `DUBAN_HELDOUT59=1`
/// (`DUBAN_HELDOUT59=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the fifty-sixth
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fifty_ninth_heldout_set() {
    heldout_run(
        HELDOUT59,
        "DUBAN_HELDOUT59",
        Some("fifty-ninth held-out set (tuning since the fifty-sixth round)"),
        "held-out 59",
    );
}

/// The sixtieth held-out set, printed per file when `DUBAN_HELDOUT60=1`
/// (`DUBAN_HELDOUT60=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the fifty-ninth
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_sixtieth_heldout_set() {
    heldout_run(
        HELDOUT60,
        "DUBAN_HELDOUT60",
        Some("sixtieth held-out set (tuning since the fifty-ninth round)"),
        "held-out 60",
    );
}

/// The sixty-first held-out set, printed per file when `DUBAN_HELDOUT61=1`
/// (`DUBAN_HELDOUT61=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the sixtieth
/// round. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_sixty_first_heldout_set() {
    heldout_run(
        HELDOUT61,
        "DUBAN_HELDOUT61",
        Some("sixty-first held-out set (tuning since the sixtieth round)"),
        "held-out 61",
    );
}

/// The sixty-second held-out set, printed per file when `DUBAN_HELDOUT62=1`
/// (`DUBAN_HELDOUT62=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is training data of the second reading
/// (`minutes/lexical`) since session 46, and no rule has been written for it. Always run, so an
/// extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_sixty_second_heldout_set() {
    heldout_run(
        HELDOUT62,
        "DUBAN_HELDOUT62",
        Some("sixty-second held-out set (training data of the second reading)"),
        "held-out 62",
    );
}

/// The sixty-third held-out set, printed per file when `DUBAN_HELDOUT63=1`
/// (`DUBAN_HELDOUT63=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is training data of the second reading
/// (`minutes/lexical`) since session 46, and no rule has been written for it. Always run, so an
/// extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_sixty_third_heldout_set() {
    heldout_run(
        HELDOUT63,
        "DUBAN_HELDOUT63",
        Some("sixty-third held-out set (training data of the second reading)"),
        "held-out 63",
    );
}

/// The sixty-fourth held-out set, printed per file when `DUBAN_HELDOUT64=1`
/// (`DUBAN_HELDOUT64=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is training data of the second reading
/// (`minutes/lexical`) since session 46, and no rule has been written for it. Always run, so an
/// extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_sixty_fourth_heldout_set() {
    heldout_run(
        HELDOUT64,
        "DUBAN_HELDOUT64",
        Some("sixty-fourth held-out set (training data of the second reading)"),
        "held-out 64",
    );
}

/// The sixty-fifth held-out set, printed per file when `DUBAN_HELDOUT65=1`
/// (`DUBAN_HELDOUT65=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is training data of the second reading
/// (`minutes/lexical`) since session 46, and no rule has been written for it. Always run, so an
/// extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_sixty_fifth_heldout_set() {
    heldout_run(
        HELDOUT65,
        "DUBAN_HELDOUT65",
        Some("sixty-fifth held-out set (training data of the second reading)"),
        "held-out 65",
    );
}

/// The sixty-sixth held-out set, written blind on 2026-12-06, printed per file when `DUBAN_HELDOUT66=1`
/// (`DUBAN_HELDOUT66=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since session 47 (it
/// chose between refits of the second reading, and its files were read for rules). Always run, so
/// an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_sixty_sixth_heldout_set() {
    heldout_run(
        HELDOUT66,
        "DUBAN_HELDOUT66",
        Some("sixty-sixth held-out set (tuning since session 47)"),
        "held-out 66",
    );
}

/// The sixty-seventh held-out set, written blind on 2026-12-06, printed per file when `DUBAN_HELDOUT67=1`
/// (`DUBAN_HELDOUT67=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since session 47 (it
/// chose between refits of the second reading, and its files were read for rules). Always run, so
/// an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_sixty_seventh_heldout_set() {
    heldout_run(
        HELDOUT67,
        "DUBAN_HELDOUT67",
        Some("sixty-seventh held-out set (tuning since session 47)"),
        "held-out 67",
    );
}

/// The sixty-eighth held-out set, written blind on 2026-12-07, printed per file when `DUBAN_HELDOUT68=1`
/// (`DUBAN_HELDOUT68=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs (session 47) printed only the aggregate; it is tuning data since
/// session 48. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_sixty_eighth_heldout_set() {
    heldout_run(
        HELDOUT68,
        "DUBAN_HELDOUT68",
        Some("sixty-eighth held-out set (tuning since session 48)"),
        "held-out 68",
    );
}

/// The sixty-ninth held-out set, written blind on 2026-12-07, printed per file when `DUBAN_HELDOUT69=1`
/// (`DUBAN_HELDOUT69=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs (session 47) printed only the aggregate; it is tuning data since
/// session 48. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_sixty_ninth_heldout_set() {
    heldout_run(
        HELDOUT69,
        "DUBAN_HELDOUT69",
        Some("sixty-ninth held-out set (tuning since session 48)"),
        "held-out 69",
    );
}

/// The seventieth held-out set, written blind on 2026-12-07, printed per file when `DUBAN_HELDOUT70=1`
/// (`DUBAN_HELDOUT70=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs (session 47) printed only the aggregate; it is tuning data since
/// session 48. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_seventieth_heldout_set() {
    heldout_run(
        HELDOUT70,
        "DUBAN_HELDOUT70",
        Some("seventieth held-out set (tuning since session 48)"),
        "held-out 70",
    );
}

/// The seventy-first held-out set, written blind on 2026-12-07, printed per file when `DUBAN_HELDOUT71=1`
/// (`DUBAN_HELDOUT71=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs (session 47) printed only the aggregate; it is tuning data since
/// session 48. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_seventy_first_heldout_set() {
    heldout_run(
        HELDOUT71,
        "DUBAN_HELDOUT71",
        Some("seventy-first held-out set (tuning since session 48)"),
        "held-out 71",
    );
}
