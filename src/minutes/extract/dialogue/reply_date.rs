//! A reply that only dates the work just given (pure): `思敏，…风控参数，你要提前核一遍。` —
//! `好，我下周五前核完发群里。` The reply is the same work, by its own date: one item, the first,
//! dated by the reply.

use super::turns::{Turn, origin};
use crate::minutes::explain::Verdict;
use crate::minutes::extract::trace::Tracer;
use crate::minutes::item::Extraction;

/// Words a reply takes the work on with.
const ACKS: &[&str] = &[
    "好，",
    "好的，",
    "行，",
    "可以，",
    "没问题，",
    "收到，",
    "好,",
    "OK，",
];

/// Whether `text` is an acknowledgement, then 我, a date and a short verb phrase (`好，我下周五前核完发群里`).
fn dates_only(text: &str) -> bool {
    let Some(rest) = ACKS.iter().find_map(|a| text.trim().strip_prefix(a)) else {
        return false;
    };
    rest.trim_start().starts_with('我') && rest.chars().count() <= 14
}

/// Folds such replies into the item given in the turn just before.
pub(super) fn date_by_reply(turns: &[Turn], ex: &mut Extraction, tr: &mut Tracer<'_>) {
    let mut i = 1;
    while i < ex.items.len() {
        let (Some(a), Some(b)) = (ex.items.get(i - 1), ex.items.get(i)) else {
            break;
        };
        let (ta, tb) = (origin(turns, &a.text), origin(turns, &b.text));
        let next_turn = ta.zip(tb).is_some_and(|(x, y)| y == x + 1);
        if next_turn
            && b.deadline.is_some()
            && dates_only(&b.text)
            && !a.owners.is_empty()
            && a.owners.first() == b.owners.first()
        {
            let line = tb.and_then(|t| turns.get(t)).map_or(0, |t| t.first);
            let b = ex.items.remove(i);
            if let Some(a) = ex.items.get_mut(i - 1) {
                // `好，我周一就跑`: when it starts, not a limit beside the one given.
                if a.deadline.is_none() || b.text.contains(['前', '内']) {
                    a.deadline = b.deadline;
                    a.deadline_text = b.deadline_text;
                }
                tr.note(line, &b.text, Verdict::Detail, Vec::new(), Some(a));
            }
            continue;
        }
        i += 1;
    }
}
