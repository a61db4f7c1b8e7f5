//! Fitting the second reading (`minutes/lexical`) and measuring it (tests only, run by hand):
//!
//! `cargo test -p duban-core --lib minutes::quality::fit::lexical -- --ignored --nocapture`
//!
//! Every scored candidate of the tuning sets up to [`FITTED_THROUGH`] (never a blind one) is read with the model switched
//! off, so the rules alone make the lines and their signals; a line is positive when it holds an
//! expected item (its `text_contains` occurs in the line or the item made from it). The sets are
//! dealt into [`FOLDS`] folds; for each fold the model is fitted on the others and measured on it,
//! per line and through the real extractor, beside the rules alone. Then the model is fitted on
//! every tuning set and, with `DUBAN_LEXICAL_WRITE=path`, written there (the shipped weights are
//! `src/minutes/lexical/weights.tsv`). `DUBAN_LEXICAL_PIPELINE=0` skips the extractor runs.
//!
//! The fit: logistic loss with a little L2 (`L2`), AdaGrad (`RATE`) over `EPOCHS` passes in a
//! fixed shuffled order, features seen in fewer than [`MIN_COUNT`] training lines left out.

use std::collections::HashMap;

use super::super::*;
use super::{Sum, add3, holds, prf};
use crate::minutes::explain::Verdict;
use crate::minutes::lexical::{self, BAND, DROP_BELOW, MIN_COUNT, TAKE_FROM, features, sigmoid, trial};

/// The last set the shipped weights were fitted on (the tuning sets up to it in [`ALL_SETS`]'s
/// order: 60 sets). Fitted with heldout62–65 too, the model was no better on the blind sets and
/// lost three of our own phrasings' tests (session 46), so the weights stay those of these sets.
/// In session 50 a fit through heldout75, measured on heldout76–79 (in neither fit), matched 556
/// of 620 expected items from 616 proposals against these weights' 553 from 615, and the fit
/// through heldout79 lost seven of the unit tests on our own phrasings: not shipped either.
const FITTED_THROUGH: &str = "heldout61";
const FOLDS: usize = 6;
const EPOCHS: usize = 6;
const RATE: f64 = 0.2;
const L2: f64 = 1e-4;

/// One scored candidate.
struct Line {
    set: &'static str,
    features: Vec<String>,
    positive: bool,
    /// The rules made an item of it.
    taken: bool,
    /// Its rule score.
    score: i32,
    /// A signal against it fired.
    negative: bool,
}

/// The scored candidates of `sets`, read by the rules alone.
fn lines(sets: &[(&'static str, MinutesSet)]) -> Vec<Line> {
    let cal = Calendar::builtin();
    let mut out = Vec::new();
    trial::with(None, || {
        for (set, files) in sets {
            for (_, md, json) in *files {
                let exp: Expected = serde_json::from_str(json).unwrap();
                let (_, traces) =
                    crate::minutes::extract::explain(md, &[], &exp.group(), exp.posted_at(), &cal);
                let names = lexical::names_of(exp.members.iter().map(String::as_str));
                let mut heading = String::new();
                for t in &traces {
                    if let Verdict::Heading(_) = t.verdict {
                        heading.clone_from(&t.text);
                    }
                    if t.signals.is_empty() {
                        continue;
                    }
                    out.push(Line {
                        set,
                        features: features(&t.text, &heading, &t.signals, &names),
                        positive: exp.items.iter().any(|e| holds(t, &e.text_contains)),
                        taken: t.item.is_some(),
                        score: t.score(),
                        negative: t.signals.iter().any(|(_, w)| *w < 0),
                    });
                }
            }
        }
    });
    out
}

/// A small fixed random sequence (xorshift), for the order of the passes.
struct Shuffle(u64);

impl Shuffle {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// `DUBAN_LEXICAL_MC`, `_EPOCHS`, `_L2`: other settings tried (the shipped weights use the
/// constants).
fn env_or<T: std::str::FromStr>(key: &str, default: T) -> T {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Fits the model to `train`.
fn fit(train: &[&Line]) -> HashMap<String, f64> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for l in train {
        let mut seen: Vec<&str> = l.features.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for f in seen {
            *count.entry(f).or_default() += 1;
        }
    }
    let mut names: Vec<&str> = count
        .iter()
        .filter(|(_, c)| **c >= env_or("DUBAN_LEXICAL_MC", MIN_COUNT))
        .map(|(f, _)| *f)
        .collect();
    names.sort_unstable();
    let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let rows: Vec<(Vec<usize>, f64)> = train
        .iter()
        .map(|l| {
            let x = l
                .features
                .iter()
                .filter_map(|f| index.get(f.as_str()).copied())
                .collect();
            (x, if l.positive { 1.0 } else { 0.0 })
        })
        .collect();
    let mut w = vec![0.0_f64; names.len()];
    let mut g2 = vec![1e-8_f64; names.len()];
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut rng = Shuffle(0x9E37_79B9_7F4A_7C15);
    let (epochs, l2) = (
        env_or("DUBAN_LEXICAL_EPOCHS", EPOCHS),
        env_or("DUBAN_LEXICAL_L2", L2),
    );
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (x, y) = &rows[i];
            let p = sigmoid(x.iter().map(|k| w[*k]).sum());
            let g = p - y;
            for &k in x {
                let gk = g + l2 * w[k];
                g2[k] += gk * gk;
                w[k] -= RATE * gk / g2[k].sqrt();
            }
        }
    }
    names
        .into_iter()
        .zip(w)
        .map(|(f, w)| (f.to_owned(), (w * 10_000.0).round() / 10_000.0))
        .filter(|(_, w)| *w != 0.0)
        .collect()
}

/// Lines right and wrong: (true positives, false positives, false negatives).
fn count(lines: &[&Line], take: impl Fn(&Line) -> bool) -> (usize, usize, usize) {
    let mut c = (0, 0, 0);
    for l in lines {
        match (take(l), l.positive) {
            (true, true) => c.0 += 1,
            (true, false) => c.1 += 1,
            (false, true) => c.2 += 1,
            (false, false) => {}
        }
    }
    c
}

#[test]
#[ignore = "the fitting tool: run by hand with --ignored --nocapture"]
fn lexical_fit_and_cross_validate() {
    // `DUBAN_LEXICAL_THROUGH=heldout65`: a trial fit through another set (the shipped weights are
    // those through [`FITTED_THROUGH`]).
    let through = std::env::var("DUBAN_LEXICAL_THROUGH").unwrap_or_else(|_| FITTED_THROUGH.to_owned());
    let upto = ALL_SETS.iter().position(|(n, _)| *n == through).unwrap();
    let sets: Vec<(&'static str, MinutesSet)> = tuning_sets()
        .filter(|(n, _)| ALL_SETS.iter().position(|(m, _)| m == n) <= Some(upto))
        .copied()
        .collect();
    let all = lines(&sets);
    println!("{} scored lines from {} tuning sets", all.len(), sets.len());
    let mut names: Vec<&str> = sets.iter().map(|(n, _)| *n).collect();
    Shuffle(7).shuffle(&mut names);
    let pipeline = std::env::var("DUBAN_LEXICAL_PIPELINE").map_or(true, |v| v != "0");
    let (mut rules_rows, mut model_rows) = ((0, 0, 0), (0, 0, 0));
    let (mut rules_run, mut model_run) = (Sum::default(), Sum::default());
    for k in 0..FOLDS {
        let fold: Vec<&str> = names.iter().skip(k).step_by(FOLDS).copied().collect();
        let train: Vec<&Line> = all.iter().filter(|l| !fold.contains(&l.set)).collect();
        let test: Vec<&Line> = all.iter().filter(|l| fold.contains(&l.set)).collect();
        let w = fit(&train);
        let p = |l: &Line| lexical::probability_with(&w, &l.features);
        let rr = count(&test, |l| l.taken);
        // As `lexical::decide` does (the speaker turns and questions it leaves to the rules
        // are not told apart here).
        let mr = count(&test, |l| {
            if !(BAND.0..=BAND.1).contains(&l.score) {
                l.taken
            } else if l.taken {
                p(l) >= DROP_BELOW
            } else {
                !l.negative && p(l) >= TAKE_FROM
            }
        });
        add3(&mut rules_rows, rr);
        add3(&mut model_rows, mr);
        println!(
            "fold {k} ({} sets, {} lines, {} features)",
            fold.len(),
            test.len(),
            w.len()
        );
        println!("   lines  rules {}", prf(rr));
        println!("   lines  model {}", prf(mr));
        if pipeline {
            let w: &'static HashMap<String, f64> = Box::leak(Box::new(w));
            let (mut r, mut m) = (Sum::default(), Sum::default());
            for (_, set) in sets.iter().filter(|(n, _)| fold.contains(n)) {
                r.add(&trial::with(None, || evaluate(set)));
                m.add(&trial::with(Some(w), || evaluate(set)));
            }
            println!("   run    rules {}", r.line());
            println!("   run    model {}", m.line());
            rules_run.add_sum(&r);
            model_run.add_sum(&m);
        }
    }
    println!("== every fold (each set measured by a model fitted without it)");
    println!("   lines  rules {}", prf(rules_rows));
    println!("   lines  model {}", prf(model_rows));
    if pipeline {
        println!("   run    rules {}", rules_run.line());
        println!("   run    model {}", model_run.line());
    }
    let refs: Vec<&Line> = all.iter().collect();
    let w = fit(&refs);
    println!("fitted on every set through {through}: {} features", w.len());
    if let Ok(path) = std::env::var("DUBAN_LEXICAL_WRITE") {
        let mut rows: Vec<(&String, &f64)> = w.iter().collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        let text: String = rows.iter().map(|(f, w)| format!("{f}\t{w}\n")).collect();
        std::fs::write(&path, text).unwrap();
        println!("written to {path}");
    }
}
