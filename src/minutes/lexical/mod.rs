//! The second reading (pure data and arithmetic): a small logistic model, fitted to the labelled
//! minutes, that reads a scored line by its words as well as by its signals, and overrules the
//! hand-set score only when it is sure.
//!
//! The rules (the signals of [`crate::minutes::weights`] and their hand-set weights) decide what a
//! line is from the words they know; minutes written by other people say the same things in other
//! words, and a rule written for one writer's phrasing rarely carries to the next (issue 16's
//! blind sets). The model adds what the labelled sets say about the characters themselves: each
//! scored line is described by its signals, its rule score, the character n-grams (one to three
//! characters) of its text and the character pairs of the heading it sits under (digits read as
//! `0`, a run of Latin letters as `a`), and a logistic regression over those features, fitted to
//! every labelled set that is tuning data, gives the probability that the line holds an action
//! item. Features seen in fewer than [`MIN_COUNT`] training lines are left out, so names and
//! one-off phrasings carry no weight.
//!
//! The decision stays the rules' unless the model is sure: a line the rules take is dropped when
//! the probability is below [`DROP_BELOW`], a line they leave is taken when it is at least
//! [`TAKE_FROM`] (and it still has to name work: the extractor's other checks stand). `duban
//! minutes --explain FILE` shows the probability of every scored line and the features that
//! weighed most in it.
//!
//! The weights are data (`weights.tsv`, one `feature<TAB>weight` a line), written by the fitting
//! tool: `DUBAN_LEXICAL_WRITE=src/minutes/lexical/weights.tsv cargo test -p duban-core --lib
//! minutes::quality::fit::lexical -- --ignored --nocapture` (it fits on the tuning sets only, with
//! the model switched off so that the rules alone make the lines it learns from).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::minutes::weights::Signal;

/// A feature must occur in this many training lines to be kept.
pub const MIN_COUNT: usize = 20;
/// A line the rules take is dropped below this probability.
pub const DROP_BELOW: f64 = 0.05;
/// A line the rules leave is taken from this probability.
pub const TAKE_FROM: f64 = 0.90;

/// The fitted weights, as shipped.
const WEIGHTS_TSV: &str = include_str!("weights.tsv");

/// The shipped weights, read once.
fn shipped() -> &'static HashMap<String, f64> {
    static MODEL: OnceLock<HashMap<String, f64>> = OnceLock::new();
    MODEL.get_or_init(|| parse(WEIGHTS_TSV))
}

/// Reads `feature<TAB>weight` lines (a line that does not read is skipped: the test below
/// checks that none is).
pub fn parse(tsv: &str) -> HashMap<String, f64> {
    tsv.lines()
        .filter_map(|l| {
            let (f, w) = l.rsplit_once('\t')?;
            Some((f.to_owned(), w.trim().parse().ok()?))
        })
        .collect()
}

/// `text` as the model reads it: digits as `0`, a run of Latin letters as `a`, spaces folded.
fn normalise(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    let mut latin = false;
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            if !latin {
                out.push('a');
            }
            latin = true;
            continue;
        }
        latin = false;
        out.push(if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            '0'
        } else {
            c
        });
    }
    out
}

/// The features of a scored line: `text` as noted, the `heading` it sits under, its `signals`.
pub fn features(text: &str, heading: &str, signals: &[(Signal, i32)]) -> Vec<String> {
    let mut f = vec!["b".to_owned()];
    for (s, _) in signals {
        f.push(format!("s:{s:?}"));
    }
    let score: i32 = signals.iter().map(|(_, w)| w).sum();
    f.push(format!("sc:{}", score.clamp(-8, 12)));
    let t = normalise(text);
    for n in 1..=3 {
        for w in t.windows(n) {
            let mut g = String::from("t:");
            g.extend(w);
            f.push(g);
        }
    }
    let h = normalise(heading);
    let h = &h[h.len().saturating_sub(12)..];
    for w in h.windows(2) {
        let mut g = String::from("h:");
        g.extend(w);
        f.push(g);
    }
    f
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

/// The probability, under `weights`, that a line with these `features` holds an action item.
pub fn probability_with(weights: &HashMap<String, f64>, features: &[String]) -> f64 {
    sigmoid(features.iter().filter_map(|f| weights.get(f)).sum())
}

/// The model's reading of a scored line: the probability, and the features that weighed most
/// (for `--explain`).
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The probability that the line holds an action item.
    pub p: f64,
    /// The heaviest features, heaviest first, with their weights.
    pub top: Vec<(String, f64)>,
}

/// Reads a scored line (`None` when the model is switched off, in tests).
pub fn read(text: &str, heading: &str, signals: &[(Signal, i32)]) -> Option<Reading> {
    let weights = weights()?;
    let f = features(text, heading, signals);
    let p = probability_with(weights, &f);
    let mut top: Vec<(String, f64)> = f
        .into_iter()
        .filter(|f| f != "b")
        .filter_map(|f| weights.get(&f).map(|w| (f, *w)))
        .collect();
    top.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    top.dedup_by(|a, b| a.0 == b.0);
    top.truncate(6);
    Some(Reading { p, top })
}

/// Whether a scored line is an action item: `rules` is the hand-set score's decision, overruled
/// only when the model is sure.
pub fn decide(rules: bool, text: &str, heading: &str, signals: &[(Signal, i32)]) -> bool {
    let Some(weights) = weights() else {
        return rules;
    };
    let p = probability_with(weights, &features(text, heading, signals));
    if rules { p >= DROP_BELOW } else { p >= TAKE_FROM }
}

/// The weights in force: the shipped ones, or a trial's (tests).
fn weights() -> Option<&'static HashMap<String, f64>> {
    #[cfg(test)]
    if let Some(w) = trial::weights() {
        return w;
    }
    Some(shipped())
}

/// The model switched off, or other weights tried, on this thread only (tests: the fitting tool
/// makes its training lines with the rules alone and measures fitted weights through the real
/// extractor).
#[cfg(test)]
pub(crate) mod trial {
    use std::cell::Cell;
    use std::collections::HashMap;

    thread_local! {
        /// `Some(None)`: switched off; `Some(Some(w))`: `w` in force.
        static TRIAL: Cell<Option<Option<&'static HashMap<String, f64>>>> = const { Cell::new(None) };
    }

    /// Runs `f` with `weights` in force (`None`: the rules alone).
    pub(crate) fn with<T>(weights: Option<&'static HashMap<String, f64>>, f: impl FnOnce() -> T) -> T {
        TRIAL.with(|t| t.set(Some(weights)));
        let out = f();
        TRIAL.with(|t| t.set(None));
        out
    }

    pub(super) fn weights() -> Option<Option<&'static HashMap<String, f64>>> {
        TRIAL.with(Cell::get)
    }
}

/// A feature as `--explain` shows it: `词“负责”`, `小节“待办”`, `信号 截止时间`, `规则得分 5`.
pub fn label(feature: &str) -> String {
    if let Some(g) = feature.strip_prefix("t:") {
        format!("字“{g}”")
    } else if let Some(g) = feature.strip_prefix("h:") {
        format!("小节“{g}”")
    } else if let Some(s) = feature.strip_prefix("sc:") {
        format!("规则得分{s}")
    } else if let Some(s) = feature.strip_prefix("s:") {
        format!("信号{s}")
    } else {
        feature.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_all_read() {
        let lines = WEIGHTS_TSV.lines().filter(|l| !l.trim().is_empty()).count();
        assert!(lines > 1000, "only {lines} weights");
        assert_eq!(shipped().len(), lines, "a line of weights.tsv does not read");
        assert!(shipped().contains_key("b"));
    }

    #[test]
    fn text_is_read_with_digits_and_latin_folded() {
        assert_eq!(
            normalise("3月20日前交PPT给Tom"),
            "0月00日前交a给a".chars().collect::<Vec<_>>()
        );
        let f = features("王五负责", "## 待办", &[(Signal::OwnerStrong, 3)]);
        for want in ["b", "s:OwnerStrong", "sc:3", "t:负责", "t:五负责", "h:待办"] {
            assert!(f.iter().any(|g| g == want), "{want} missing from {f:?}");
        }
    }

    #[test]
    fn the_model_overrules_only_when_sure() {
        let mut w = HashMap::new();
        w.insert("t:领".to_owned(), 5.0);
        w.insert("t:闲".to_owned(), -5.0);
        let w: &'static HashMap<String, f64> = Box::leak(Box::new(w));
        trial::with(Some(w), || {
            // Neutral (p 0.5): the rules decide.
            assert!(decide(true, "一行字", "", &[]));
            assert!(!decide(false, "一行字", "", &[]));
            // Sure it is work: taken although the rules left it.
            assert!(decide(false, "认领", "", &[]));
            // Sure it is not: dropped although the rules took it.
            assert!(!decide(true, "闲谈", "", &[]));
            let r = read("认领", "", &[]).unwrap();
            assert!(r.p > 0.99 && r.top[0].0 == "t:领");
        });
        trial::with(None, || {
            assert!(decide(true, "闲谈", "", &[]));
            assert!(read("闲谈", "", &[]).is_none());
        });
    }
}
