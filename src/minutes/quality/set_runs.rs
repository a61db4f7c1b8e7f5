//! The quality runs of the third to thirtieth held-out sets (tuning data now), and the helpers
//! every set's run uses.

#![allow(clippy::print_stdout)]

use super::*;

pub(super) fn print_report(title: &str, r: &QualityReport) {
    println!("== {title}");
    for f in &r.per_file {
        println!(
            "{:<40} extracted {:>2} expected {:>2} matched {:>2} owners {:>2} deadlines {:>2}",
            f.name, f.extracted, f.expected, f.matched, f.owners_right, f.deadlines_right
        );
        for p in &f.problems {
            println!("    {p}");
        }
    }
    println!("{title}: {}", figures(r));
}

/// The set's figures on one line (the per-set footer and the summary).
pub(super) fn figures(r: &QualityReport) -> String {
    format!(
        "files {:>3} · extracted {:>3} · expected {:>3} · precision {:.3} · recall {:.3} · owner accuracy {:.3} · deadline accuracy {:.3} · status-only proposals {} (from {} files)",
        r.per_file.len(),
        r.extracted,
        r.expected,
        r.precision,
        r.recall,
        r.owner_accuracy,
        r.deadline_accuracy,
        r.status_proposals,
        r.status_files
    )
}

/// Evaluates a held-out set (every file, so a panic on one fails the test) and, when `var` is
/// `1`, prints it: per file under `per_file` when given (tuning data), then its aggregate line.
pub(super) fn heldout_run(set: MinutesSet, var: &str, per_file: Option<&str>, label: &str) {
    let heldout = evaluate(set);
    assert_eq!(heldout.per_file.len(), set.len());
    if std::env::var(var).is_ok_and(|v| v == "1") {
        if let Some(title) = per_file {
            print_report(title, &heldout);
        }
        println!("{label:<22} {}", figures(&heldout));
    }
}

/// The third held-out set, printed per file when `DUBAN_HELDOUT3=1`
/// (`DUBAN_HELDOUT3=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. It is tuning data since a fourth held-out set was written. Always run, so an
/// extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_third_heldout_set() {
    heldout_run(
        HELDOUT3,
        "DUBAN_HELDOUT3",
        Some("third held-out set (tuning since heldout4)"),
        "held-out 3",
    );
}

/// The fourth held-out set, printed per file when `DUBAN_HELDOUT4=1`
/// (`DUBAN_HELDOUT4=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first two runs printed only the aggregate; it is tuning data since a fifth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fourth_heldout_set() {
    heldout_run(
        HELDOUT4,
        "DUBAN_HELDOUT4",
        Some("fourth held-out set (tuning since heldout5)"),
        "held-out 4",
    );
}

/// The fifth held-out set, printed per file when `DUBAN_HELDOUT5=1`
/// (`DUBAN_HELDOUT5=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since a sixth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fifth_heldout_set() {
    heldout_run(
        HELDOUT5,
        "DUBAN_HELDOUT5",
        Some("fifth held-out set (tuning since heldout6)"),
        "held-out 5",
    );
}

/// The sixth held-out set, printed per file when `DUBAN_HELDOUT6=1`
/// (`DUBAN_HELDOUT6=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since a seventh
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_sixth_heldout_set() {
    heldout_run(
        HELDOUT6,
        "DUBAN_HELDOUT6",
        Some("sixth held-out set (tuning since heldout7)"),
        "held-out 6",
    );
}

/// The seventh held-out set, printed per file when `DUBAN_HELDOUT7=1`
/// (`DUBAN_HELDOUT7=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since an eighth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_seventh_heldout_set() {
    heldout_run(
        HELDOUT7,
        "DUBAN_HELDOUT7",
        Some("seventh held-out set (tuning since heldout8)"),
        "held-out 7",
    );
}

/// The eighth held-out set, printed per file when `DUBAN_HELDOUT8=1`
/// (`DUBAN_HELDOUT8=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first run printed only the aggregate; it is tuning data since a ninth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_eighth_heldout_set() {
    heldout_run(
        HELDOUT8,
        "DUBAN_HELDOUT8",
        Some("eighth held-out set (tuning since heldout9)"),
        "held-out 8",
    );
}

/// The ninth held-out set, printed per file when `DUBAN_HELDOUT9=1`
/// (`DUBAN_HELDOUT9=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first run printed only the aggregate; it is tuning data since a tenth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_ninth_heldout_set() {
    heldout_run(
        HELDOUT9,
        "DUBAN_HELDOUT9",
        Some("ninth held-out set (tuning since heldout10)"),
        "held-out 9",
    );
}

/// The tenth held-out set, printed per file when `DUBAN_HELDOUT10=1`
/// (`DUBAN_HELDOUT10=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first run printed only the aggregate; it is tuning data since an eleventh
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_tenth_heldout_set() {
    heldout_run(
        HELDOUT10,
        "DUBAN_HELDOUT10",
        Some("tenth held-out set (tuning since heldout11)"),
        "held-out 10",
    );
}

/// The eleventh held-out set, printed per file when `DUBAN_HELDOUT11=1`
/// (`DUBAN_HELDOUT11=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first run printed only the aggregate; it is tuning data since a twelfth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_eleventh_heldout_set() {
    heldout_run(
        HELDOUT11,
        "DUBAN_HELDOUT11",
        Some("eleventh held-out set (tuning since heldout12)"),
        "held-out 11",
    );
}

/// The twelfth held-out set, printed per file when `DUBAN_HELDOUT12=1`
/// (`DUBAN_HELDOUT12=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first run printed only the aggregate; it is tuning data since a thirteenth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_twelfth_heldout_set() {
    heldout_run(
        HELDOUT12,
        "DUBAN_HELDOUT12",
        Some("twelfth held-out set (tuning since heldout13)"),
        "held-out 12",
    );
}

/// The thirteenth held-out set, printed per file when `DUBAN_HELDOUT13=1`
/// (`DUBAN_HELDOUT13=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first run printed only the aggregate; it is tuning data since a fourteenth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_thirteenth_heldout_set() {
    heldout_run(
        HELDOUT13,
        "DUBAN_HELDOUT13",
        Some("thirteenth held-out set (tuning since heldout14)"),
        "held-out 13",
    );
}

/// The fourteenth held-out set, printed per file when `DUBAN_HELDOUT14=1`
/// (`DUBAN_HELDOUT14=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first run printed only the aggregate; it is tuning data since a fifteenth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fourteenth_heldout_set() {
    heldout_run(
        HELDOUT14,
        "DUBAN_HELDOUT14",
        Some("fourteenth held-out set (tuning since heldout15)"),
        "held-out 14",
    );
}

/// The fifteenth held-out set, printed per file when `DUBAN_HELDOUT15=1`
/// (`DUBAN_HELDOUT15=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first run printed only the aggregate; it is tuning data since a sixteenth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_fifteenth_heldout_set() {
    heldout_run(
        HELDOUT15,
        "DUBAN_HELDOUT15",
        Some("fifteenth held-out set (tuning since heldout16)"),
        "held-out 15",
    );
}

/// The sixteenth held-out set, printed per file when `DUBAN_HELDOUT16=1`
/// (`DUBAN_HELDOUT16=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first run printed only the aggregate; it is tuning data since a seventeenth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_sixteenth_heldout_set() {
    heldout_run(
        HELDOUT16,
        "DUBAN_HELDOUT16",
        Some("sixteenth held-out set (tuning since heldout17)"),
        "held-out 16",
    );
}

/// The seventeenth held-out set, printed per file when `DUBAN_HELDOUT17=1`
/// (`DUBAN_HELDOUT17=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first run printed only the aggregate; it is tuning data since an eighteenth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_seventeenth_heldout_set() {
    heldout_run(
        HELDOUT17,
        "DUBAN_HELDOUT17",
        Some("seventeenth held-out set (tuning since heldout18)"),
        "held-out 17",
    );
}

/// The eighteenth held-out set, printed per file when `DUBAN_HELDOUT18=1`
/// (`DUBAN_HELDOUT18=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first run printed only the aggregate; it is tuning data since a twentieth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_eighteenth_heldout_set() {
    heldout_run(
        HELDOUT18,
        "DUBAN_HELDOUT18",
        Some("eighteenth held-out set (tuning since heldout20)"),
        "held-out 18",
    );
}

/// The nineteenth held-out set, printed per file when `DUBAN_HELDOUT19=1`
/// (`DUBAN_HELDOUT19=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first run printed only the aggregate; it is tuning data since a twentieth
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_nineteenth_heldout_set() {
    heldout_run(
        HELDOUT19,
        "DUBAN_HELDOUT19",
        Some("nineteenth held-out set (tuning since heldout20)"),
        "held-out 19",
    );
}

/// The twentieth held-out set, printed per file when `DUBAN_HELDOUT20=1`
/// (`DUBAN_HELDOUT20=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since a twenty-first
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_twentieth_heldout_set() {
    heldout_run(
        HELDOUT20,
        "DUBAN_HELDOUT20",
        Some("twentieth held-out set (tuning since heldout21)"),
        "held-out 20",
    );
}

/// The twenty-first held-out set, printed per file when `DUBAN_HELDOUT21=1`
/// (`DUBAN_HELDOUT21=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since a twenty-second
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_twenty_first_heldout_set() {
    heldout_run(
        HELDOUT21,
        "DUBAN_HELDOUT21",
        Some("twenty-first held-out set (tuning since heldout22)"),
        "held-out 21",
    );
}

/// The twenty-second held-out set, printed per file when `DUBAN_HELDOUT22=1`
/// (`DUBAN_HELDOUT22=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since a twenty-third
/// held-out set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_twenty_second_heldout_set() {
    heldout_run(
        HELDOUT22,
        "DUBAN_HELDOUT22",
        Some("twenty-second held-out set (tuning since heldout23)"),
        "held-out 22",
    );
}

/// The twenty-third held-out set, printed per file when `DUBAN_HELDOUT23=1`
/// (`DUBAN_HELDOUT23=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since the
/// twenty-fourth set was written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_twenty_third_heldout_set() {
    heldout_run(
        HELDOUT23,
        "DUBAN_HELDOUT23",
        Some("twenty-third held-out set (tuning since heldout24)"),
        "held-out 23",
    );
}

/// The twenty-fourth held-out set, printed per file when `DUBAN_HELDOUT24=1`
/// (`DUBAN_HELDOUT24=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_twenty_fourth_heldout_set() {
    heldout_run(
        HELDOUT24,
        "DUBAN_HELDOUT24",
        Some("twenty-fourth held-out set (tuning since heldout27)"),
        "held-out 24",
    );
}

/// The twenty-fifth held-out set, printed per file when `DUBAN_HELDOUT25=1`
/// (`DUBAN_HELDOUT25=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_twenty_fifth_heldout_set() {
    heldout_run(
        HELDOUT25,
        "DUBAN_HELDOUT25",
        Some("twenty-fifth held-out set (tuning since heldout27)"),
        "held-out 25",
    );
}

/// The twenty-sixth held-out set, printed per file when `DUBAN_HELDOUT26=1`
/// (`DUBAN_HELDOUT26=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_twenty_sixth_heldout_set() {
    heldout_run(
        HELDOUT26,
        "DUBAN_HELDOUT26",
        Some("twenty-sixth held-out set (tuning since heldout27)"),
        "held-out 26",
    );
}

/// The twenty-seventh held-out set, printed per file when `DUBAN_HELDOUT27=1`
/// (`DUBAN_HELDOUT27=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_twenty_seventh_heldout_set() {
    heldout_run(
        HELDOUT27,
        "DUBAN_HELDOUT27",
        Some("twenty-seventh held-out set (tuning since heldout32)"),
        "held-out 27",
    );
}

/// The twenty-eighth held-out set, printed per file when `DUBAN_HELDOUT28=1`
/// (`DUBAN_HELDOUT28=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_twenty_eighth_heldout_set() {
    heldout_run(
        HELDOUT28,
        "DUBAN_HELDOUT28",
        Some("twenty-eighth held-out set (tuning since heldout32)"),
        "held-out 28",
    );
}

/// The twenty-ninth held-out set, printed per file when `DUBAN_HELDOUT29=1`
/// (`DUBAN_HELDOUT29=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_twenty_ninth_heldout_set() {
    heldout_run(
        HELDOUT29,
        "DUBAN_HELDOUT29",
        Some("twenty-ninth held-out set (tuning since heldout32)"),
        "held-out 29",
    );
}

/// The thirtieth held-out set, printed per file when `DUBAN_HELDOUT30=1`
/// (`DUBAN_HELDOUT30=1 cargo test --lib minutes::quality -- --nocapture`), with its aggregate
/// line last. Its first runs printed only the aggregate; it is tuning data since later sets were
/// written. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_thirtieth_heldout_set() {
    heldout_run(
        HELDOUT30,
        "DUBAN_HELDOUT30",
        Some("thirtieth held-out set (tuning since heldout32)"),
        "held-out 30",
    );
}
