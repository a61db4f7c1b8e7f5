//! Field sub-bullets under a list item (pure): `- 调取财务账簿` over `  - 负责人：卓慧` and
//! `  - 完成时间：3月13日前`, each a marked line indented deeper than the item. They are the
//! item's owner and deadline, joined to it, as the unmarked `责任人：…` line below an item is.

use crate::minutes::layout::{Marker, starts_with_key, strip_marker};
use crate::minutes::scan::Ctx;

use super::time_field::is_time_field;

/// The indent of a raw line: its leading whitespace, in characters.
fn indent_of(line: &str) -> usize {
    line.chars().take_while(|c| c.is_whitespace()).count()
}

/// `body` joined with the field sub-bullets right below line `n` (indent `indent`), and the
/// lines joined; `None` when the first marked, deeper line below is not a labelled field
/// (`负责人：`, `完成时间：`, `时间：` with a date …).
pub(super) fn join_sub_fields(
    lines: &[String],
    n: usize,
    indent: usize,
    body: &str,
    ctx: &Ctx<'_>,
) -> Option<(String, Vec<usize>)> {
    // `时间：3月中旬` stays the item's undated time (中旬 has no convention).
    let is_field = |b: &str| {
        starts_with_key(b)
            || (is_time_field(b)
                && !b.contains("中旬")
                && ctx.deadline_in(b).is_some_and(|(_, d)| d.is_some()))
    };
    let mut text = body.to_owned();
    let mut joined = Vec::new();
    for (k, line) in lines.iter().enumerate().skip(n + 1) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let (m, b) = strip_marker(t);
        if m == Marker::None || indent_of(line) <= indent || !is_field(b) {
            break;
        }
        text = format!("{text}，{b}");
        joined.push(k);
    }
    // The item's own owner must be among them: a date alone is a sub-point's, not a field.
    let owner = joined
        .iter()
        .filter_map(|k| lines.get(*k))
        .any(|l| starts_with_key(strip_marker(l.trim()).1));
    (owner && !joined.is_empty()).then_some((text, joined))
}
