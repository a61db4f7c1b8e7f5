//! Fitting the evidence weights to the labelled minutes (tests only; issue 16's "a small model
//! trained on your corpus"), and whether fitted weights generalise better than the hand-set ones:
//!
//! `cargo test -p duban-core --lib minutes::quality::fit -- --ignored --nocapture`
//!
//! Every scored candidate (a line or sentence the extractor scored, as `--explain` shows it) of
//! every file of the eight labelled sets gives a row: how often each [`Signal`] fired in it, and
//! whether it holds an expected item (an expected `text_contains` occurs in the line or in the
//! item made from it). An L2-regularised logistic regression (Newton's method, below) is fitted
//! to the rows, its coefficients scaled to small integers, and the threshold chosen that
//! maximises F1 over the training rows.
//!
//! Leave-one-set-out: for each set, weights are fitted on the other seven and measured on it,
//! both per row and through the real extractor ([`trial::with`] puts them in force), beside the
//! hand-set table on the same set. Only aggregates are printed (the blind set stays blind).
//! The hand-set weights were tuned with nearly all of these sets in view: that favours them.
//! `DUBAN_FIT_LAMBDA=0.1,1,10` tries several regularisations (the first is used for the fit on
//! all sets printed last); `DUBAN_FIT_WHERE_ONLY=1` prints only where the expected items are
//! met and missed (per set, aggregate); `DUBAN_FIT_SETS=heldout34,heldout35` runs on the sets
//! named instead of the eight; `DUBAN_FIT_SHOW=1` also prints each missed item's best line and
//! each unexpected proposal (for tuning sets only: it shows the files' text).
//!
//! Result on 2026-12-05 (275 + 346 files, 1811 expected items): the fitted weights do not
//! generalise better, and weights.rs keeps the hand table.
//! - Leave-one-set-out on the rules of 29c0324, through the real extractor, micro over the
//!   eight folds (lambda 1; 0.1, 10 and 30 do no better): hand P 0.982 R 0.971 F1 0.977,
//!   fitted P 0.974 R 0.969 F1 0.971 (3 status-only proposals against 1); a direct search of
//!   the training F1 from there, F1 0.972. Seven of the folds were tuned on (by rules written
//!   around the hand table); on the one that was not (heldout7) hand matched 125 of 135
//!   proposed, fitted 124 of 132.
//! - The first run of each later blind set, replayed on the rules of its day (the tree of
//!   cd7dcc7 for heldout4, 0614220 for heldout5, 506767e for heldout6, with this file, the
//!   `trial` hook and core/Cargo.toml copied in; fitted on the sets that existed then): hand
//!   matched 487 of 555 proposed (619 expected; F1 0.830), fitted 487 of 555 (0.830), fitted
//!   and searched 490 of 557 (0.833); per set −3, +1, +6 and −1 items: noise.
//! - Fitted on all sets, in sample: F1 0.973 against 0.977, and the original 37 minutes fall
//!   to precision 0.966, below the corpus test's 0.98 floor.
//! - No use of the signals alone does much better, even in sample (each distinct signal vector
//!   decided by its majority: row F1 0.945 against 0.937; learnt from the other seven sets and
//!   applied to heldout7, row recall 0.807 against the hand table's 0.824). What is lost is lost
//!   in the signals (items whose lines look like the non-items of the other sets) and in the
//!   paths no weight decides (tables, blocks: 18% of the expected items), not in the weights.
//!
//! - Where the first runs of heldout4-7 lost items (132 missed, aggregate): 107 in lines scored
//!   below the threshold (72 of them at 3 or 4), 15 in blocks or tables, 4 taken and not
//!   matched, 2 in transcript turns. In the 107 lines TaskVerb fired 95 times, Deadline 76, an
//!   owner signal only 43, StatusSection 25: mostly an owner not found (or none written).
//!
//! `ablate_each_signal` (below) sets each hand weight to 0 in turn: every signal moves at least
//! two items over the eight sets; Deadline, OwnerNamed, OwnerStrong and TaskVerb carry most.

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::needless_range_loop
)]

mod lexical;
mod model;

use self::model::{D, Row, counts, direct, f1, integers, logistic, oracle, oracle_from};
use super::*;
use crate::minutes::explain::{LineTrace, Verdict};
use crate::minutes::weights::{Signal, THRESHOLD, WEIGHTS, trial};

/// What one set gives: its rows, and where each expected item was met.
struct SetData {
    name: &'static str,
    set: MinutesSet,
    rows: Vec<Row>,
    expected: usize,
    /// Expected items held by a scored candidate.
    scored: usize,
    /// … of which by one at or over the hand threshold.
    scored_taken: usize,
    /// Expected items met only by lines no weight decides (tables, blocks, transcripts' turns,
    /// headings, details), by kind.
    other: BTreeMap<&'static str, usize>,
    /// Expected items in no trace at all.
    nowhere: usize,
    /// Expected items the extractor missed, by where they are (`scored below`, `scored, taken,
    /// not matched`, `table`, `block` …).
    missed: BTreeMap<&'static str, usize>,
    /// Items proposed that match nothing, by the path that made them.
    unexpected: BTreeMap<&'static str, usize>,
    /// Missed items scored below the threshold: how often each signal fired in the best scored
    /// line holding them, and the scores of those lines.
    below_signals: BTreeMap<String, usize>,
    below_scores: BTreeMap<i32, usize>,
}

use std::collections::BTreeMap;

fn signal_list() -> Vec<Signal> {
    WEIGHTS.iter().map(|(s, _)| *s).collect()
}

fn kind(v: &Verdict) -> &'static str {
    match v {
        Verdict::Heading(_) => "heading",
        Verdict::Meta => "meta",
        Verdict::TableHeader | Verdict::TableItem | Verdict::TableSkipped => "table",
        Verdict::BlockLine | Verdict::BlockItem | Verdict::BlockRejected | Verdict::BlockEmpty => "block",
        Verdict::Detail => "detail",
        Verdict::DoneCheckbox => "done checkbox",
        Verdict::Item | Verdict::NotItem => "transcript turns",
    }
}

fn holds(t: &LineTrace, key: &str) -> bool {
    t.text.contains(key) || t.item.as_ref().is_some_and(|i| i.text.contains(key))
}

fn collect(name: &'static str, set: MinutesSet) -> SetData {
    let cal = Calendar::builtin();
    let order = signal_list();
    let mut d = SetData {
        name,
        set,
        rows: Vec::new(),
        expected: 0,
        scored: 0,
        scored_taken: 0,
        other: BTreeMap::new(),
        nowhere: 0,
        missed: BTreeMap::new(),
        unexpected: BTreeMap::new(),
        below_signals: BTreeMap::new(),
        below_scores: BTreeMap::new(),
    };
    for (name, md, json) in set {
        let report = evaluate_one(name, md, json, &cal);
        let exp: Expected = serde_json::from_str(json).unwrap();
        let members = exp.group();
        let at = exp.posted_at();
        let (_, traces) = crate::minutes::extract::explain(md, &[], &members, at, &cal);
        for t in traces.iter().filter(|t| !t.signals.is_empty()) {
            let mut x = [0.0; D];
            for (s, _) in &t.signals {
                let i = order.iter().position(|o| o == s).unwrap();
                x[i] += 1.0;
            }
            let y = exp.items.iter().any(|e| holds(t, &e.text_contains));
            d.rows.push(Row { x, y });
        }
        for e in &exp.items {
            d.expected += 1;
            let scored: Vec<&LineTrace> = traces
                .iter()
                .filter(|t| !t.signals.is_empty() && holds(t, &e.text_contains))
                .collect();
            if !scored.is_empty() {
                d.scored += 1;
                if scored.iter().any(|t| t.score() >= THRESHOLD) {
                    d.scored_taken += 1;
                }
            } else if let Some(t) = traces.iter().find(|t| holds(t, &e.text_contains)) {
                *d.other.entry(kind(&t.verdict)).or_default() += 1;
            } else {
                d.nowhere += 1;
            }
            if report
                .problems
                .contains(&format!("missed: {:?}", e.text_contains))
            {
                let why = if scored.iter().any(|t| t.score() >= THRESHOLD) {
                    "scored at/over the threshold, not matched"
                } else if let Some(best) = scored.iter().max_by_key(|t| t.score()) {
                    if show() {
                        println!("  MISSED {name} {}: {:?}", best.score(), best.text);
                    }
                    *d.below_scores.entry(best.score()).or_default() += 1;
                    for (g, _) in &best.signals {
                        *d.below_signals.entry(format!("{g:?}")).or_default() += 1;
                    }
                    "scored below the threshold"
                } else {
                    traces
                        .iter()
                        .find(|t| holds(t, &e.text_contains))
                        .map_or("nowhere", |t| kind(&t.verdict))
                };
                *d.missed.entry(why).or_default() += 1;
            }
        }
        for p in &report.problems {
            let Some(text) = p.strip_prefix("unexpected: ") else {
                continue;
            };
            let from = traces
                .iter()
                .find(|t| t.item.as_ref().is_some_and(|i| format!("{:?}", i.text) == text));
            if show() {
                println!("  UNEXPECTED {name} {text} ({:?})", from.map(|t| t.score()));
            }
            let path = match from {
                Some(t) if !t.signals.is_empty() => "scored line",
                Some(t) => kind(&t.verdict),
                None => "not traced",
            };
            *d.unexpected.entry(path).or_default() += 1;
        }
    }
    d
}

fn show() -> bool {
    std::env::var("DUBAN_FIT_SHOW").is_ok_and(|v| v == "1")
}

fn table(w: &[i32]) -> Vec<(Signal, i32)> {
    signal_list().into_iter().zip(w.iter().copied()).collect()
}

fn hand() -> Vec<i32> {
    WEIGHTS.iter().map(|(_, w)| *w).collect()
}

/// Sums of the pipeline's counts, for a micro-average over folds.
#[derive(Default, Clone, Copy)]
struct Sum {
    extracted: usize,
    expected: usize,
    matched: usize,
    owners: usize,
    deadlines: usize,
    status: usize,
}

impl Sum {
    fn add(&mut self, r: &QualityReport) {
        let m: usize = r.per_file.iter().map(|f| f.matched).sum();
        self.extracted += r.extracted;
        self.expected += r.expected;
        self.matched += m;
        self.owners += r.per_file.iter().map(|f| f.owners_right).sum::<usize>();
        self.deadlines += r.per_file.iter().map(|f| f.deadlines_right).sum::<usize>();
        self.status += r.status_proposals;
    }

    fn add_sum(&mut self, o: &Self) {
        self.extracted += o.extracted;
        self.expected += o.expected;
        self.matched += o.matched;
        self.owners += o.owners;
        self.deadlines += o.deadlines;
        self.status += o.status;
    }

    fn line(&self) -> String {
        format!(
            "P {:.3} R {:.3} F1 {:.3} owners {:.3} deadlines {:.3} status-only proposals {} (matched {} of {} extracted, {} expected)",
            ratio(self.matched, self.extracted),
            ratio(self.matched, self.expected),
            2.0 * self.matched as f64 / (self.extracted + self.expected).max(1) as f64,
            ratio(self.owners, self.matched),
            ratio(self.deadlines, self.matched),
            self.status,
            self.matched,
            self.extracted,
            self.expected
        )
    }
}

fn one(r: &QualityReport) -> Sum {
    let mut s = Sum::default();
    s.add(r);
    s
}

fn prf((tp, fp, fneg): (usize, usize, usize)) -> String {
    format!(
        "P {:.3} R {:.3} F1 {:.3}",
        ratio(tp, tp + fp),
        ratio(tp, tp + fneg),
        f1((tp, fp, fneg))
    )
}

fn add3(a: &mut (usize, usize, usize), b: (usize, usize, usize)) {
    a.0 += b.0;
    a.1 += b.1;
    a.2 += b.2;
}

fn weights_line(w: &[i32], t: i32) -> String {
    let ws: Vec<String> = w.iter().map(|v| format!("{v:>3}")).collect();
    format!("{} | threshold {t}", ws.join(""))
}

/// The eight sets the results above were measured on: the corpus and heldout to heldout7.
const FITTED_ON: &[(&str, MinutesSet)] = ALL_SETS.split_at(8).0;

/// The sets the tool runs on: [`FITTED_ON`], or those named in `DUBAN_FIT_SETS`
/// (`heldout34,heldout35`; only sets that are tuning data: the tool prints where items are lost).
fn chosen() -> Vec<(&'static str, MinutesSet)> {
    match std::env::var("DUBAN_FIT_SETS") {
        Ok(v) if !v.is_empty() => {
            let names: Vec<&str> = v.split(',').collect();
            tuning_sets()
                .filter(|(n, _)| names.contains(n))
                .copied()
                .collect()
        }
        _ => FITTED_ON.to_vec(),
    }
}

#[test]
#[ignore = "the fitting tool: run by hand with --ignored --nocapture"]
fn fit_and_cross_validate() {
    let data: Vec<SetData> = chosen().iter().map(|(n, s)| collect(n, s)).collect();
    let hand = hand();
    let names: Vec<String> = signal_list().iter().map(|s| format!("{s:?}")).collect();
    println!("== where the expected items are met (aggregate per set)");
    for d in &data {
        let pos = d.rows.iter().filter(|r| r.y).count();
        println!(
            "{:<9} files {:>3} rows {:>5} (holding an item {:>4}) expected {:>4}: in a scored candidate {:>4} ({} at/over the hand threshold), only elsewhere {:?}, nowhere {}",
            d.name,
            d.set.len(),
            d.rows.len(),
            pos,
            d.expected,
            d.scored,
            d.scored_taken,
            d.other,
            d.nowhere
        );
        println!(
            "          missed by the extractor: {:?}; proposed and unexpected: {:?}",
            d.missed, d.unexpected
        );
        println!(
            "          the misses scored below the threshold: their scores {:?}, the signals that fired in them {:?}",
            d.below_scores, d.below_signals
        );
    }
    if std::env::var("DUBAN_FIT_WHERE_ONLY").is_ok_and(|v| v == "1") {
        return;
    }
    let lambdas: Vec<f64> = std::env::var("DUBAN_FIT_LAMBDA")
        .map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_else(|_| vec![1.0]);
    let all: Vec<&Row> = data.iter().flat_map(|d| d.rows.iter()).collect();
    println!(
        "rows over all sets: hand {} · best any use of the signals alone could do (per distinct signal vector, majority) {}",
        prf(counts(&all, &hand, THRESHOLD)),
        prf(oracle(&all))
    );
    for &lambda in &lambdas {
        for method in ["logistic", "logistic+direct"] {
            println!("== leave-one-set-out, {method}, lambda {lambda}");
            let (mut lh, mut lf) = ((0, 0, 0), (0, 0, 0));
            let (mut ph, mut pf) = (Sum::default(), Sum::default());
            for (k, d) in data.iter().enumerate() {
                let train: Vec<&Row> = data
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != k)
                    .flat_map(|(_, d)| d.rows.iter())
                    .collect();
                let test: Vec<&Row> = d.rows.iter().collect();
                let c = logistic(&train, lambda);
                let mut fitted = integers(&c, &train);
                if method == "logistic+direct" {
                    fitted = direct(fitted, &train);
                }
                let (w, t) = fitted;
                let (ch, cf) = (counts(&test, &hand, THRESHOLD), counts(&test, &w, t));
                add3(&mut lh, ch);
                add3(&mut lf, cf);
                let rh = evaluate(d.set);
                let rf = trial::with(&table(&w), t, || evaluate(d.set));
                ph.add(&rh);
                pf.add(&rf);
                println!(
                    "-- left out {} · fitted on the other seven: {}",
                    d.name,
                    weights_line(&w, t)
                );
                println!("   rows     hand   {}", prf(ch));
                println!("   rows     fitted {}", prf(cf));
                if method == "logistic" {
                    println!(
                        "   rows     any use of the signals learnt from the other seven (majority per signal vector) {}",
                        prf(oracle_from(&train, &test, &hand))
                    );
                }
                println!("   pipeline hand   {}", one(&rh).line());
                println!("   pipeline fitted {}", one(&rf).line());
            }
            println!("== all folds (micro), {method}, lambda {lambda}");
            println!("   rows     hand   {}", prf(lh));
            println!("   rows     fitted {}", prf(lf));
            println!("   pipeline hand   {}", ph.line());
            println!("   pipeline fitted {}", pf.line());
        }
    }
    let lambda = lambdas.first().copied().unwrap_or(1.0);
    let c = logistic(&all, lambda);
    let (w, t) = integers(&c, &all);
    let (wd, td) = direct((w.clone(), t), &all);
    println!("== fitted on all eight sets, lambda {lambda} (in sample)");
    println!(
        "{:<18} {:>6} {:>6} {:>6} {:>8} {:>5} {:>8} {:>7}",
        "signal", "fires", "items", "share", "coef", "hand", "logistic", "+direct"
    );
    for (i, n) in names.iter().enumerate() {
        let fires = all.iter().filter(|r| r.x[i] > 0.0).count();
        let items = all.iter().filter(|r| r.x[i] > 0.0 && r.y).count();
        println!(
            "{n:<18} {fires:>6} {items:>6} {:>6.2} {:>8.3} {:>5} {:>8} {:>7}",
            ratio(items, fires),
            c[i],
            hand[i],
            w[i],
            wd[i]
        );
    }
    println!(
        "intercept {:.3} · threshold: hand {THRESHOLD}, logistic {t}, +direct {td}",
        c[D]
    );
    println!("rows hand     {}", prf(counts(&all, &hand, THRESHOLD)));
    println!("rows logistic {}", prf(counts(&all, &w, t)));
    println!("rows +direct  {}", prf(counts(&all, &wd, td)));
    println!("logistic table: {:?}", table(&w));
    println!("+direct table: {:?}", table(&wd));
    let (mut sh, mut sl, mut sd) = (Sum::default(), Sum::default(), Sum::default());
    for d in &data {
        let rh = evaluate(d.set);
        let rl = trial::with(&table(&w), t, || evaluate(d.set));
        let rd = trial::with(&table(&wd), td, || evaluate(d.set));
        sh.add(&rh);
        sl.add(&rl);
        sd.add(&rd);
        println!("{:<9} pipeline hand     {}", d.name, one(&rh).line());
        println!("{:<9} pipeline logistic {}", d.name, one(&rl).line());
        println!("{:<9} pipeline +direct  {}", d.name, one(&rd).line());
    }
    // The corpus test's floors (quality/tests.rs), under each table.
    for (title, part, floor) in [
        ("original 37", &CORPUS[..ORIGINAL_CORPUS], 0.98),
        ("tuning 01-148", &CORPUS[..BEFORE_F16], 0.98),
        ("f16 batches", &CORPUS[BEFORE_F16..BEFORE_F17], 0.93),
        ("f17 batches", &CORPUS[BEFORE_F17..], 0.83),
    ] {
        for (name, w, t) in [
            ("hand", &hand, THRESHOLD),
            ("logistic", &w, t),
            ("+direct", &wd, td),
        ] {
            let r = trial::with(&table(w), t, || evaluate(part));
            let low = [r.precision, r.recall, r.owner_accuracy, r.deadline_accuracy]
                .iter()
                .any(|v| *v < floor)
                || r.status_proposals > 0;
            println!(
                "floor {floor} {title:<14} {name:<8} {}{}",
                one(&r).line(),
                if low { "  BELOW THE FLOOR" } else { "" }
            );
        }
    }
    println!("all sets  pipeline hand     {}", sh.line());
    println!("all sets  pipeline logistic {}", sl.line());
    println!("all sets  pipeline +direct  {}", sd.line());
}

/// Each signal's weight set to 0 in the hand table, one at a time, through the real extractor
/// over all eight sets (in sample, so it says what the rules as tuned lean on):
/// `cargo test -p duban-core --lib minutes::quality::fit::ablate -- --ignored --nocapture`.
/// A weight of 0 also counts as "not positive" where the rules ask that every signal of a line
/// be positive (a status heading's penalty lifted, `OwnerAndDeadline`).
#[test]
#[ignore = "the fitting tool: run by hand with --ignored --nocapture"]
fn ablate_each_signal() {
    let run = |w: &[i32]| {
        let mut s = Sum::default();
        trial::with(&table(w), THRESHOLD, || {
            for &(_, set) in FITTED_ON {
                s.add(&evaluate(set));
            }
        });
        s
    };
    let hand = hand();
    let base = run(&hand);
    println!("{:<18} {}", "hand table", base.line());
    for (i, s) in signal_list().iter().enumerate() {
        let mut w = hand.clone();
        w[i] = 0;
        let r = run(&w);
        println!(
            "{:<18} matched {:+4} extracted {:+4} · {}",
            format!("{s:?} = 0"),
            r.matched as i64 - base.matched as i64,
            r.extracted as i64 - base.extracted as i64,
            r.line()
        );
    }
}
