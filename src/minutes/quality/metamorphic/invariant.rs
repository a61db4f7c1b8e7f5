//! The invariance reached, asserted (runs with the other tests): every tuning file rewritten
//! with one form of each family below (chosen by the file's place, so that over the ~1,000
//! files read each form is used on a share of them) gives the same figures, summed over all sets,
//! as the file as written — within [`TOLERANCE`] items per figure. A rule that reads one colon,
//! bracket, bullet, separator, empty-cell form or field-label synonym only fails it.

use super::transforms::{
    Transform, assist_label, bracket_square, bracket_tortoise, bullet_dash, bullet_dot, bullet_middot,
    bullet_star, cell_ascii_dash, cell_double_dash, colon_full, colon_half, crlf, dash_ascii, due_label,
    owner_label, semicolon_space, space_after_punct, space_before_colon, trailing_spaces,
};
use super::{Sum, all_files, base_reports, keeps_labels};
use crate::calendar::Calendar;
use crate::minutes::quality::evaluate_one;

/// How far each sum (matched, extracted, owners right, deadlines right) may move.
const TOLERANCE: usize = 2;

fn same(t: &str) -> String {
    t.to_owned()
}

/// The families made invariant; a file gets one form of each.
const FAMILIES: &[&[Transform]] = &[
    &[colon_half, space_before_colon, space_after_punct, colon_full],
    &[bracket_square, bracket_tortoise, same],
    &[bullet_dot, bullet_star, bullet_middot, bullet_dash],
    &[cell_double_dash, cell_ascii_dash, same],
    &[semicolon_space, same],
    &[dash_ascii, same, same],
    &[trailing_spaces, crlf, same],
    &[owner_label, same],
    &[due_label, same, same],
    &[assist_label],
];

fn rewrite(i: usize, md: &str) -> String {
    FAMILIES.iter().fold(md.to_owned(), |t, fam| {
        fam.get(i % fam.len()).map_or(t.clone(), |f| f(&t))
    })
}

/// Every [`STRIDE`]th file is read (about 1,000 of the 2,000; the test takes ~30 s in a debug
/// build on two cores).
const STRIDE: usize = 2;

#[test]
fn invariant_under_surface_rewrites() {
    let files: Vec<_> = all_files().into_iter().step_by(STRIDE).collect();
    let base = base_reports(&files);
    let cal = Calendar::builtin();
    let (mut before, mut after) = (Sum::default(), Sum::default());
    let mut moved = Vec::new();
    let mut changed = 0;
    for (i, ((set, name, md, json), b)) in files.iter().zip(&base).enumerate() {
        let t = rewrite(i, md);
        if let Ok(dump) = std::env::var("DUBAN_META_DUMP")
            && dump.split(',').any(|d| name.contains(d))
        {
            let _ = std::fs::write(format!("/tmp/meta_{name}.md"), &t);
        }
        if t == *md || !keeps_labels(md, &t, json) {
            continue;
        }
        changed += 1;
        let a = evaluate_one(name, &t, json, &cal);
        before.add(b);
        after.add(&a);
        if (a.extracted, a.matched, a.owners_right, a.deadlines_right)
            != (b.extracted, b.matched, b.owners_right, b.deadlines_right)
        {
            moved.push(format!("{set}/{name}: {:?}", a.problems));
        }
    }
    assert!(changed > 800, "only {changed} files rewritten");
    let close = |x: usize, y: usize| x.abs_diff(y) <= TOLERANCE;
    assert!(
        close(before.matched, after.matched)
            && close(before.extracted, after.extracted)
            && close(before.owners, after.owners)
            && close(before.deadlines, after.deadlines),
        "{changed} files rewritten: before {before:?}, after {after:?}; moved:\n{}",
        moved.join("\n")
    );
}
