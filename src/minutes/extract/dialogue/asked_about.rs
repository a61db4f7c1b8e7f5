//! Work named only in the question that asks after it (pure): `小巫你那边的带教计划写了吗？` then
//! `写了一半，周五前我发给您。` — the answer promises a date but names no work of its own; the
//! work is the one the question asked the speaker about.

use super::acts::is_question;
use super::turns::Turn;
use crate::minutes::owner::OwnerRef;

/// Words of a question asking whether work is done (`写了吗`, `解决没`, `弄好了没有`).
const DONE_YET: &[&str] = &["了吗", "了没", "没有？", "没？", "没?", "好了吗", "完了吗"];

/// The question of the turn just before `t` (by someone else) that asks `who` (called by name or
/// as 你) whether some work is done: its words, for the promise that answers it.
pub(super) fn asked_about(turns: &[Turn], t: usize, who: &OwnerRef) -> Option<String> {
    let turn = turns.get(t)?;
    let prev = turns.get(t.checked_sub(1)?)?;
    if prev.speaker.is_none() || prev.speaker == turn.speaker {
        return None;
    }
    prev.sentences().iter().rev().find_map(|(_, s)| {
        let asks = is_question(s) && DONE_YET.iter().any(|w| s.trim().contains(w));
        let to_them = s.contains('你') || s.contains(who.name());
        (asks && to_them).then(|| s.trim().trim_end_matches(['？', '?']).to_owned())
    })
}
