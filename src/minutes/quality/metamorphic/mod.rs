//! Metamorphic testing of the extractor (tests only; issue 16's "minutes nobody here wrote"):
//! each tuning set's minutes rewritten in another surface form (list markers, colons, brackets,
//! headings, field labels, separators, spaces: [`transforms`]) keep their labels, so the
//! extractor's figures on them should not move.
//!
//! `cargo test -p duban-core --lib minutes::quality::metamorphic -- --ignored --nocapture`
//! prints, per rewrite, the files it changes and skips and the figures summed over every set of
//! [`tuning_sets`] before → after; `DUBAN_META_SHOW=1` also the files whose result changed (their
//! problems before and after), `DUBAN_META_ONLY=colon,bracket` only the rewrites whose name holds one of those.
//! A file is skipped when the rewrite changes how often one of its key phrases (`text_contains`)
//! or an owner's name occurs in it.
//!
//! `invariant_under_surface_rewrites` (asserted) guards the rewrites made invariant.

#![allow(clippy::print_stdout, clippy::unwrap_used)]

mod invariant;
mod transforms;

use self::transforms::{TRANSFORMS, Transform};
use super::*;

/// Sums over files.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Sum {
    extracted: usize,
    matched: usize,
    owners: usize,
    deadlines: usize,
}

impl Sum {
    fn add(&mut self, f: &FileReport) {
        self.extracted += f.extracted;
        self.matched += f.matched;
        self.owners += f.owners_right;
        self.deadlines += f.deadlines_right;
    }
}

/// One rewrite's result over the files.
#[derive(Debug, Default)]
struct Outcome {
    changed: usize,
    skipped: usize,
    expected: usize,
    before: Sum,
    after: Sum,
    /// Files whose figures moved: name, problems before, problems after.
    moved: Vec<(String, Vec<String>, Vec<String>)>,
}

fn count(hay: &str, needle: &str) -> usize {
    if needle.is_empty() {
        0
    } else {
        hay.matches(needle).count()
    }
}

/// Whether `t` keeps every key phrase and owner name of `json` as often as `md` has them.
fn keeps_labels(md: &str, t: &str, json: &str) -> bool {
    let Ok(exp) = serde_json::from_str::<Expected>(json) else {
        return false;
    };
    exp.items.iter().all(|e| {
        count(md, &e.text_contains) == count(t, &e.text_contains)
            && e.owners.iter().all(|o| count(md, o) == count(t, o))
    })
}

/// Runs `f` over `files` (each `(set, name, md, json)`) and compares with the text as written.
fn run(files: &[(&str, &str, &str, &str)], f: Transform, base: &[FileReport]) -> Outcome {
    let cal = Calendar::builtin();
    let mut o = Outcome::default();
    for ((set, name, md, json), b) in files.iter().zip(base) {
        let t = f(md);
        if t == *md {
            continue;
        }
        if !keeps_labels(md, &t, json) {
            o.skipped += 1;
            continue;
        }
        o.changed += 1;
        let a = evaluate_one(name, &t, json, &cal);
        o.expected += b.expected;
        o.before.add(b);
        o.after.add(&a);
        let key = |r: &FileReport| (r.extracted, r.matched, r.owners_right, r.deadlines_right);
        if key(&a) != key(b) {
            o.moved
                .push((format!("{set}/{name}"), b.problems.clone(), a.problems));
        }
    }
    o
}

/// Every file of the tuning sets, as `(set, name, md, json)`.
fn all_files() -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    tuning_sets()
        .flat_map(|(set, files)| files.iter().map(move |(n, md, j)| (*set, *n, *md, *j)))
        .collect()
}

fn base_reports(files: &[(&str, &str, &str, &str)]) -> Vec<FileReport> {
    let cal = Calendar::builtin();
    files
        .iter()
        .map(|(_, n, md, j)| evaluate_one(n, md, j, &cal))
        .collect()
}

fn line(s: &Sum, expected: usize) -> String {
    format!(
        "P {:.3} R {:.3} owners {:.3} deadlines {:.3} (matched {} of {} extracted)",
        ratio(s.matched, s.extracted),
        ratio(s.matched, expected),
        ratio(s.owners, s.matched),
        ratio(s.deadlines, s.matched),
        s.matched,
        s.extracted
    )
}

#[test]
#[ignore = "the metamorphic tool: run by hand with --ignored --nocapture"]
fn metamorphic() {
    let files = all_files();
    let base = base_reports(&files);
    let show = std::env::var("DUBAN_META_SHOW").is_ok_and(|v| v == "1");
    let only = std::env::var("DUBAN_META_ONLY").unwrap_or_default();
    println!("{} files over {} sets", files.len(), tuning_sets().count());
    let picked = |n: &str| only.split(',').any(|o| n.contains(o));
    for (name, f) in TRANSFORMS.iter().filter(|(n, _)| picked(n)) {
        let o = run(&files, *f, &base);
        println!(
            "{name:<28} changed {:>4} skipped {:>4} moved {:>3} · matched {:+} extracted {:+} owners {:+} deadlines {:+}",
            o.changed,
            o.skipped,
            o.moved.len(),
            o.after.matched as i64 - o.before.matched as i64,
            o.after.extracted as i64 - o.before.extracted as i64,
            o.after.owners as i64 - o.before.owners as i64,
            o.after.deadlines as i64 - o.before.deadlines as i64,
        );
        println!("    before {}", line(&o.before, o.expected));
        println!("    after  {}", line(&o.after, o.expected));
        if show {
            for (file, b, a) in &o.moved {
                println!("  ~ {file}");
                for p in a.iter().filter(|p| !b.contains(p)) {
                    println!("      + {p}");
                }
                for p in b.iter().filter(|p| !a.contains(p)) {
                    println!("      - {p}");
                }
            }
        }
    }
}
