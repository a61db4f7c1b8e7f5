//! Line rewrites that count only when the shape repeats: a layout is a writer's habit, so one line
//! that happens to look like it is left as written.

/// Rewrites each line `rewrite` gives a new form for, when it gives one for two lines or more.
pub(super) fn rewrite_if_repeated(lines: &mut [String], rewrite: impl Fn(&str) -> Option<String>) {
    let found: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| rewrite(l).map(|r| (i, r)))
        .collect();
    if found.len() < 2 {
        return;
    }
    for (i, r) in found {
        if let Some(l) = lines.get_mut(i) {
            *l = r;
        }
    }
}
