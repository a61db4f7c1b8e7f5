//! Tests of `minutes::quality`.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::collections::BTreeSet;

use super::set_runs::{figures, print_report};
use super::*;

/// Prints the figures of the tuning set (the original files, the issue-16 additions, all)
/// and asserts the floor CI keeps (`cargo test --lib minutes::quality -- --nocapture`).
#[test]
fn extraction_quality_over_the_corpus() {
    let original = evaluate(&CORPUS[..ORIGINAL_CORPUS]);
    let added = evaluate(&CORPUS[ORIGINAL_CORPUS..]);
    let tuning = evaluate(&CORPUS[..BEFORE_F16]);
    let fresh = evaluate(&CORPUS[BEFORE_F16..BEFORE_F17]);
    let f17 = evaluate(&CORPUS[BEFORE_F17..]);
    let all = evaluate(CORPUS);
    print_report("tuning set, original files 01-37", &original);
    print_report("tuning set, issue-16 additions", &added);
    println!("== summary");
    for (title, r) in [
        ("tuning (original 37)", &original),
        ("tuning (additions)", &added),
        ("tuning (01-148)", &tuning),
        ("tuning (f16 batches)", &fresh),
        ("tuning (f17 batches)", &f17),
        ("tuning (all)", &all),
    ] {
        println!("{title:<22} {}", figures(r));
    }
    // f17's batches of eight (213–220, 221–228, …), each on its own.
    for (k, batch) in CORPUS[BEFORE_F17..].chunks(8).enumerate() {
        let first = batch.first().map_or("", |f| f.0.get(..3).unwrap_or_default());
        println!(
            "{:<22} {}",
            format!("f17 batch {} ({first}…)", k + 1),
            figures(&evaluate(batch))
        );
    }
    assert_eq!(original.per_file.len(), 37);
    // The floors are the figures reached (issue 16), less a little: a regression fails.
    for (title, r, floor) in [
        ("original 37", &original, 0.98),
        ("tuning 01-148", &tuning, 0.98),
        ("f16 batches", &fresh, 0.93),
        // f17's files (213–276): what the fifth round reached, less a little; transcripts among
        // them are still missed.
        ("f17 batches", &f17, 0.83),
    ] {
        assert!(r.precision >= floor, "{title}: precision {:.3}", r.precision);
        assert!(r.recall >= floor, "{title}: recall {:.3}", r.recall);
        assert!(
            r.owner_accuracy >= floor,
            "{title}: owners {:.3}",
            r.owner_accuracy
        );
        assert!(
            r.deadline_accuracy >= floor,
            "{title}: deadlines {:.3}",
            r.deadline_accuracy
        );
        assert_eq!(
            r.status_proposals, 0,
            "{title}: proposals from status-only minutes"
        );
    }
}

/// `DUBAN_EXPLAIN=41 cargo test --lib minutes::quality -- --nocapture`: the per-line trace of
/// the tuning files (the corpus and the held-out sets, `heldout/NN-…` … `heldout15/NN-…`, … `heldout23/NN-…`) whose name contains
/// the value (or one of several apart by commas: `DUBAN_EXPLAIN=heldout4/05,heldout4/13`).
#[test]
fn explain_tuning_files() {
    let Ok(want) = std::env::var("DUBAN_EXPLAIN") else {
        return;
    };
    let cal = Calendar::builtin();
    // Every tuning set (a blind one never: its files are not shown).
    for (name, md, json) in tuning_sets()
        .flat_map(|(dir, set)| set.iter().map(move |f| (*dir, f)))
        .filter(|(dir, (n, _, _))| want.split(',').any(|w| format!("{dir}/{n}").contains(w)))
        .map(|(_, f)| f)
    {
        let exp: Expected = serde_json::from_str(json).unwrap();
        let members = exp.group();
        let at = exp.posted_at();
        let (_, traces) = crate::minutes::extract::explain(md, &[], &members, at, &cal);
        println!("== {name}\n{}", crate::minutes::explain::render(&traces));
    }
}

/// The first held-out set, printed per file when `DUBAN_HELDOUT=1`
/// (`DUBAN_HELDOUT=1 cargo test --lib minutes::quality -- --nocapture`). It was held out while
/// issue 16's extractor was built (three aggregate runs) and is tuning data since the second
/// held-out set was frozen. Always run, so an extractor that panics on one of its files fails.
#[test]
fn extraction_quality_over_the_heldout_set() {
    let heldout = evaluate(HELDOUT);
    assert_eq!(heldout.per_file.len(), HELDOUT.len());
    if std::env::var("DUBAN_HELDOUT").is_ok_and(|v| v == "1") {
        print_report("first held-out set (tuning since heldout2)", &heldout);
    }
}

/// The second held-out set, printed per file when `DUBAN_HELDOUT2=1`
/// (`DUBAN_HELDOUT2=1 cargo test --lib minutes::quality -- --nocapture`). It is tuning data
/// since the third held-out set was written. Always run, so an extractor that panics on one of
/// its files fails.
#[test]
fn extraction_quality_over_the_second_heldout_set() {
    let heldout = evaluate(HELDOUT2);
    assert_eq!(heldout.per_file.len(), HELDOUT2.len());
    if std::env::var("DUBAN_HELDOUT2").is_ok_and(|v| v == "1") {
        print_report("second held-out set (tuning since heldout3)", &heldout);
    }
}

/// Every minutes file on disk is in its set (a file added but not listed would silently
/// not count), the sets are as large as issue 16 asks, and every expectation is well formed:
/// it parses, its key phrase occurs in the minutes, each owner is written there or is a member (张总 →
/// 张伟), its
/// deadline is RFC 3339 at +08:00 in the meeting's year or the next, and its meeting date is in
/// 2026.
#[test]
fn the_sets_are_complete_and_every_expectation_parses() {
    for &(dir, set) in ALL_SETS {
        // The core crate's manifest is core/Cargo.toml; its files are under the repository's src/.
        let path = format!("{}/../src/minutes/{dir}", env!("CARGO_MANIFEST_DIR"));
        let on_disk: BTreeSet<String> = std::fs::read_dir(&path)
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().into_string().unwrap();
                let stem = name.strip_suffix(".md")?.to_owned();
                (stem != "STYLES" && stem != "README").then_some(stem)
            })
            .collect();
        let listed: BTreeSet<String> = set.iter().map(|(n, _, _)| (*n).to_owned()).collect();
        assert_eq!(on_disk, listed, "files in src/minutes/{dir} vs the {dir} list");
        assert_eq!(listed.len(), set.len(), "a file is listed twice in {dir}");
        for (name, md, json) in set {
            let exp: Expected =
                serde_json::from_str(json).unwrap_or_else(|e| panic!("{dir}/{name}.expected.json: {e}"));
            assert_eq!(exp.meeting_date.year(), 2026, "{name}");
            assert!(!exp.members.is_empty(), "{name}: no members");
            for item in &exp.items {
                assert!(
                    !item.text_contains.is_empty() && md.contains(&item.text_contains),
                    "{name}: {:?} is not in the minutes",
                    item.text_contains
                );
                for o in &item.owners {
                    assert!(
                        md.contains(o.as_str()) || exp.members.contains(o),
                        "{name}: owner {o} is neither in the minutes nor a member"
                    );
                }
                if let Some(d) = &item.deadline {
                    let ts: Timestamp = d.parse().unwrap_or_else(|e| panic!("{name}: {d}: {e}"));
                    assert!(d.ends_with("+08:00"), "{name}: {d}");
                    // A year-end meeting's work may fall due in January.
                    let year = SHANGHAI.to_datetime(ts).year();
                    assert!(
                        year == exp.meeting_date.year() || year == exp.meeting_date.year() + 1,
                        "{name}: {d}"
                    );
                }
            }
        }
    }
    assert!(HELDOUT.len() >= 40, "held-out set has {} files", HELDOUT.len());
    assert!(
        CORPUS.len() + HELDOUT.len() >= 100,
        "corpus + held-out = {}",
        CORPUS.len() + HELDOUT.len()
    );
    let status_only = HELDOUT
        .iter()
        .filter(|(_, _, json)| serde_json::from_str::<Expected>(json).unwrap().items.is_empty())
        .count();
    assert!(status_only >= 5, "held-out status-only files: {status_only}");
    assert!(
        HELDOUT2.len() >= 40,
        "second held-out set has {} files",
        HELDOUT2.len()
    );
    assert!(
        HELDOUT3.len() >= 40,
        "third held-out set has {} files",
        HELDOUT3.len()
    );
}
