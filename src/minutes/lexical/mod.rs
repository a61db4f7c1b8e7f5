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
/// The rule scores the model may overrule (the threshold is 5).
pub const BAND: (i32, i32) = (2, 8);
/// A line the rules take is dropped below this probability.
pub const DROP_BELOW: f64 = 0.2;
/// A line the rules leave is taken from this probability.
pub const TAKE_FROM: f64 = 0.7;

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

/// `text` as the model reads it: digits as `0`, a run of Latin letters as `a`, spaces folded; a
/// version number (`5.12.0`, three parts or more) is a name, read as `a`, not a figure.
fn normalise(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    let mut latin = false;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        let before = i.checked_sub(2).and_then(|b| chars.get(b));
        if c.is_ascii_digit() && !before.is_some_and(|b| b.is_ascii_digit() || *b == '.') {
            let end = version_end(&chars, i - 1);
            if end > i {
                if !latin {
                    out.push('a');
                }
                latin = true;
                i = end;
                continue;
            }
        }
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

/// Where a version number starting at `at` ends (`5.12.0`: digits in three parts or more, dots
/// between), or `at` when there is none.
fn version_end(chars: &[char], at: usize) -> usize {
    let mut i = at;
    let mut parts = 0;
    loop {
        let start = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return at;
        }
        parts += 1;
        if chars.get(i) == Some(&'.') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            i += 1;
            continue;
        }
        return if parts >= 3 { i } else { at };
    }
}

/// `text` with each of `names` (the group's members, and their given names) written `某`: who
/// is named says nothing about whether the line is work, and names recur within a set.
fn masked(text: &str, names: &[String]) -> String {
    let mut t = text.to_owned();
    for n in names {
        if t.contains(n.as_str()) {
            t = t.replace(n.as_str(), "某");
        }
    }
    t
}

/// The names to mask for `members`: each full name and, of a three-character Chinese name, the
/// given name (`子怡` of `林子怡`), longest first.
pub fn names_of<'m>(members: impl IntoIterator<Item = &'m str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in members {
        let m = m.trim();
        if m.chars().count() < 2 {
            continue;
        }
        out.push(m.to_owned());
        let chars: Vec<char> = m.chars().collect();
        if chars.len() == 3 && chars.iter().all(|c| !c.is_ascii()) {
            out.push(chars[1..].iter().collect());
        }
    }
    out.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    out.dedup();
    out
}

/// The features of a scored line: `text` as noted (the group's `names` masked), the `heading` it
/// sits under, its `signals`.
pub fn features(text: &str, heading: &str, signals: &[(Signal, i32)], names: &[String]) -> Vec<String> {
    let mut f = vec!["b".to_owned()];
    for (s, _) in signals {
        f.push(format!("s:{s:?}"));
    }
    let score: i32 = signals.iter().map(|(_, w)| w).sum();
    f.push(format!("sc:{}", score.clamp(-8, 12)));
    let t = normalise(&masked(text, names));
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

/// The logistic function (the fitting tool's too).
pub(crate) fn sigmoid(z: f64) -> f64 {
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
pub fn read(text: &str, heading: &str, signals: &[(Signal, i32)], names: &[String]) -> Option<Reading> {
    let weights = weights()?;
    let f = features(text, heading, signals, names);
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

/// Whether a scored line is an action item: the hand-set score's decision, overruled only when
/// the model is sure and the score is in [`BAND`] (near the threshold: a line the rules are sure
/// of stays theirs).
pub fn decide(text: &str, heading: &str, signals: &[(Signal, i32)], names: &[String]) -> bool {
    let score = crate::minutes::evidence::score(signals);
    let rules = crate::minutes::evidence::is_item(score);
    let Some(weights) = weights() else {
        return rules;
    };
    let (lo, hi) = band();
    if !(lo..=hi).contains(&score) {
        return rules;
    }
    // A line the rules left for a reason (done, a figure, hearsay…) stays left: the model may
    // take only what they left for want of evidence.
    if !rules && signals.iter().any(|(_, w)| *w < 0) {
        return false;
    }
    let p = probability_with(weights, &features(text, heading, signals, names));
    let (drop_below, take_from) = thresholds();
    if rules { p >= drop_below } else { p >= take_from }
}

/// [`BAND`] (in tests, `DUBAN_LEXICAL_BAND=2,8` tries another).
fn band() -> (i32, i32) {
    #[cfg(test)]
    if let Some((a, b)) = std::env::var("DUBAN_LEXICAL_BAND").ok().and_then(|v| {
        let (a, b) = v.split_once(',')?;
        Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
    }) {
        return (a, b);
    }
    BAND
}

/// [`DROP_BELOW`] and [`TAKE_FROM`] (in tests, `DUBAN_LEXICAL_DROP` / `DUBAN_LEXICAL_TAKE` try
/// others: the fitting tool's runs).
fn thresholds() -> (f64, f64) {
    #[cfg(test)]
    {
        let env = |k: &str, d: f64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
        (
            env("DUBAN_LEXICAL_DROP", DROP_BELOW),
            env("DUBAN_LEXICAL_TAKE", TAKE_FROM),
        )
    }
    #[cfg(not(test))]
    (DROP_BELOW, TAKE_FROM)
}

/// The weights in force: the shipped ones, or a trial's (tests).
fn weights() -> Option<&'static HashMap<String, f64>> {
    #[cfg(test)]
    if let Some(w) = trial::weights() {
        return w;
    }
    // `DUBAN_LEXICAL_OFF=1`: the rules alone (tests: a set's figures with and without the model).
    #[cfg(test)]
    if std::env::var("DUBAN_LEXICAL_OFF").is_ok_and(|v| v == "1") {
        return None;
    }
    // `DUBAN_LEXICAL_WEIGHTS=path`: weights a trial fit wrote (tests: compare them with the
    // shipped ones on sets neither was fitted on).
    #[cfg(test)]
    if let Ok(path) = std::env::var("DUBAN_LEXICAL_WEIGHTS") {
        static TRIED: OnceLock<HashMap<String, f64>> = OnceLock::new();
        return Some(TRIED.get_or_init(|| parse(&std::fs::read_to_string(path).unwrap_or_default())));
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

/// A feature as `--explain` shows it: `字“负责”`, `小节“待办”`, `信号“截止时间”`, `规则得分5`.
pub fn label(feature: &str) -> String {
    if let Some(g) = feature.strip_prefix("t:") {
        format!("字“{g}”")
    } else if let Some(g) = feature.strip_prefix("h:") {
        format!("小节“{g}”")
    } else if let Some(s) = feature.strip_prefix("sc:") {
        format!("规则得分{s}")
    } else if let Some(s) = feature.strip_prefix("s:") {
        let known = crate::minutes::weights::WEIGHTS
            .iter()
            .find(|(g, _)| format!("{g:?}") == s)
            .map(|(g, _)| crate::minutes::weights::label(*g));
        format!("信号“{}”", known.unwrap_or(s))
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
        // A version number is a name, a figure with a point stays digits.
        assert_eq!(
            normalise("确认5.12.0的发版窗口，v5.18.1 回归，差错降到0.8天"),
            "确认a的发版窗口，a 回归，差错降到0.0天"
                .chars()
                .collect::<Vec<_>>()
        );
        let names = names_of(["王小五", "Tom"]);
        assert_eq!(names, ["王小五", "Tom", "小五"]);
        let f = features(
            "王小五负责，小五周五前交",
            "## 待办",
            &[(Signal::OwnerStrong, 3)],
            &names,
        );
        for want in [
            "b",
            "s:OwnerStrong",
            "sc:3",
            "t:某负",
            "t:某负责",
            "t:，某周",
            "h:待办",
        ] {
            assert!(f.iter().any(|g| g == want), "{want} missing from {f:?}");
        }
        assert!(!f.iter().any(|g| g.contains(['王', '小'])), "{f:?}");
    }

    #[test]
    fn features_are_shown_in_plain_words() {
        assert_eq!(label("s:Deadline"), "信号“截止时间”");
        assert_eq!(label("t:负责"), "字“负责”");
        assert_eq!(label("h:待办"), "小节“待办”");
        assert_eq!(label("sc:5"), "规则得分5");
    }

    #[test]
    fn the_model_overrules_only_when_sure() {
        let mut w = HashMap::new();
        w.insert("t:认领".to_owned(), 5.0);
        w.insert("t:闲谈".to_owned(), -5.0);
        let w: &'static HashMap<String, f64> = Box::leak(Box::new(w));
        let taken = [(Signal::OwnerStrong, 3), (Signal::Deadline, 2)];
        let left = [(Signal::TaskVerb, 1), (Signal::Modal, 1), (Signal::ListItem, 1)];
        let sure = [
            (Signal::TodoLabel, 4),
            (Signal::OwnerStrong, 3),
            (Signal::Deadline, 2),
        ];
        trial::with(Some(w), || {
            // Neutral (p 0.5): the rules decide.
            assert!(decide("一行字", "", &taken, &[]));
            assert!(!decide("一行字", "", &left, &[]));
            // Sure it is work: taken although the rules left it.
            assert!(decide("认领", "", &left, &[]));
            // Sure it is not: dropped although the rules took it.
            assert!(!decide("闲谈", "", &taken, &[]));
            // … unless the rules are sure too (a score out of the band).
            assert!(decide("闲谈", "", &sure, &[]));
            assert!(!decide("认领", "", &[(Signal::Done, -6)], &[]));
            // … and what they left for a reason stays left.
            let figures = [
                (Signal::OwnerStrong, 3),
                (Signal::Deadline, 2),
                (Signal::Figures, -2),
            ];
            assert!(!decide("认领", "", &figures, &[]));
            let r = read("认领", "", &[], &[]).unwrap();
            assert!(r.p > 0.99 && r.top[0].0 == "t:认领");
        });
        trial::with(None, || {
            assert!(decide("闲谈", "", &taken, &[]));
            assert!(read("闲谈", "", &taken, &[]).is_none());
        });
    }
}
