//! The model of the fitting tool: logistic regression, integer weights, the F1 searches.

#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::needless_range_loop
)]

use std::collections::BTreeMap;

use crate::minutes::weights::{THRESHOLD, WEIGHTS};

/// The number of signals.
pub(super) const D: usize = WEIGHTS.len();

/// One scored candidate: signal counts and whether it holds an expected item.
#[derive(Clone)]
pub(super) struct Row {
    pub(super) x: [f64; D],
    pub(super) y: bool,
}

/// Solves `a x = b` (Gaussian elimination with partial pivoting).
pub(super) fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for c in 0..n {
        let p = (c..n)
            .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
            .unwrap();
        a.swap(c, p);
        b.swap(c, p);
        let piv = a[c][c];
        for r in c + 1..n {
            let f = a[r][c] / piv;
            if f != 0.0 {
                for k in c..n {
                    a[r][k] -= f * a[c][k];
                }
                b[r] -= f * b[c];
            }
        }
    }
    let mut x = vec![0.0; n];
    for r in (0..n).rev() {
        let s: f64 = (r + 1..n).map(|k| a[r][k] * x[k]).sum();
        x[r] = (b[r] - s) / a[r][r];
    }
    x
}

/// L2-regularised logistic regression by Newton's method: the signals' coefficients, then the
/// intercept (not penalised).
pub(super) fn logistic(rows: &[&Row], lambda: f64) -> Vec<f64> {
    let n = D + 1;
    let mut w = vec![0.0; n];
    for _ in 0..100 {
        let mut g = vec![0.0; n];
        let mut h = vec![vec![0.0; n]; n];
        for r in rows {
            let mut xs = r.x.to_vec();
            xs.push(1.0);
            let z: f64 = xs.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp());
            let resid = p - if r.y { 1.0 } else { 0.0 };
            let curv = (p * (1.0 - p)).max(1e-9);
            for i in 0..n {
                if xs[i] == 0.0 {
                    continue;
                }
                g[i] += resid * xs[i];
                for j in 0..n {
                    h[i][j] += curv * xs[i] * xs[j];
                }
            }
        }
        for i in 0..D {
            g[i] += lambda * w[i];
            h[i][i] += lambda;
        }
        h[D][D] += 1e-9;
        let step = solve(h, g);
        let mut big = 0.0f64;
        for (wi, s) in w.iter_mut().zip(&step) {
            *wi -= s;
            big = big.max(s.abs());
        }
        if big < 1e-9 {
            break;
        }
    }
    w
}

/// True positives, false positives, false negatives of `score ≥ t`.
pub(super) fn counts(rows: &[&Row], w: &[i32], t: i32) -> (usize, usize, usize) {
    let mut c = (0, 0, 0);
    for r in rows {
        let s: f64 = r.x.iter().zip(w).map(|(x, w)| x * f64::from(*w)).sum();
        match (s >= f64::from(t), r.y) {
            (true, true) => c.0 += 1,
            (true, false) => c.1 += 1,
            (false, true) => c.2 += 1,
            (false, false) => {}
        }
    }
    c
}

pub(super) fn f1((tp, fp, fneg): (usize, usize, usize)) -> f64 {
    if tp == 0 {
        0.0
    } else {
        2.0 * tp as f64 / (2 * tp + fp + fneg) as f64
    }
}

/// Integer weights from the coefficients (the largest |weight| one of a few readable sizes) and
/// the threshold maximising F1 over `rows`; the size with the best F1 wins (the smaller on a tie).
pub(super) fn integers(c: &[f64], rows: &[&Row]) -> (Vec<i32>, i32) {
    let top = c.iter().take(D).fold(0.0f64, |m, v| m.max(v.abs())).max(1e-9);
    let mut best: Option<(f64, Vec<i32>, i32)> = None;
    for size in [4.0, 6.0, 8.0, 10.0, 12.0] {
        let w: Vec<i32> = c
            .iter()
            .take(D)
            .map(|v| (v * size / top).round() as i32)
            .collect();
        let lo: i32 = w.iter().filter(|v| **v < 0).sum();
        let hi: i32 = w.iter().filter(|v| **v > 0).sum::<i32>() * 2;
        for t in lo..=hi + 1 {
            let f = f1(counts(rows, &w, t));
            if best.as_ref().is_none_or(|(b, _, _)| f > *b + 1e-12) {
                best = Some((f, w.clone(), t));
            }
        }
    }
    let (_, w, t) = best.unwrap();
    (w, t)
}

/// From `start`, integer weights and threshold changed one step at a time while F1 over `rows`
/// rises (a direct search of the training F1, no probability model).
pub(super) fn direct(start: (Vec<i32>, i32), rows: &[&Row]) -> (Vec<i32>, i32) {
    let (mut w, mut t) = start;
    let mut best = f1(counts(rows, &w, t));
    loop {
        let mut moved = false;
        for j in 0..=D {
            for step in [-1, 1] {
                let (mut w2, mut t2) = (w.clone(), t);
                if j == D {
                    t2 += step;
                } else {
                    w2[j] += step;
                }
                let f = f1(counts(rows, &w2, t2));
                if f > best + 1e-12 {
                    (w, t, best, moved) = (w2, t2, f, true);
                }
            }
        }
        if !moved {
            return (w, t);
        }
    }
}

/// The best any decision made from the signals alone could do on `rows`: each distinct signal
/// vector taken when most of its rows hold an item.
pub(super) fn oracle(rows: &[&Row]) -> (usize, usize, usize) {
    let mut by: BTreeMap<Vec<u64>, (usize, usize)> = BTreeMap::new();
    for r in rows {
        let key = r.x.iter().map(|v| v.to_bits()).collect();
        let e = by.entry(key).or_default();
        if r.y {
            e.0 += 1;
        } else {
            e.1 += 1;
        }
    }
    let mut c = (0, 0, 0);
    for (pos, neg) in by.values() {
        if pos > neg {
            c.0 += pos;
            c.1 += neg;
        } else {
            c.2 += pos;
        }
    }
    c
}

/// `test` decided by `train`'s majority for the same signal vector (the hand table where
/// `train` has no row with that vector): the best any use of the signals learnt from `train`
/// could do, row by row.
pub(super) fn oracle_from(train: &[&Row], test: &[&Row], hand: &[i32]) -> (usize, usize, usize) {
    let key = |r: &Row| r.x.iter().map(|v| v.to_bits()).collect::<Vec<u64>>();
    let mut by: BTreeMap<Vec<u64>, (usize, usize)> = BTreeMap::new();
    for r in train {
        let e = by.entry(key(r)).or_default();
        if r.y {
            e.0 += 1;
        } else {
            e.1 += 1;
        }
    }
    let mut c = (0, 0, 0);
    for r in test {
        let take = by.get(&key(r)).map_or_else(
            || {
                let s: f64 = r.x.iter().zip(hand).map(|(x, w)| x * f64::from(*w)).sum();
                s >= f64::from(THRESHOLD)
            },
            |(pos, neg)| pos > neg,
        );
        match (take, r.y) {
            (true, true) => c.0 += 1,
            (true, false) => c.1 += 1,
            (false, true) => c.2 += 1,
            (false, false) => {}
        }
    }
    c
}
