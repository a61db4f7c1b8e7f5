//! Work named in one sentence of a turn and handed over in the next (pure): `乔总：客户迁移要做
//! 一个测算，流失率多少、收入影响多大。晓燕你做个测算，周五前给我。` — the first sentence says
//! what is needed (a modal, a task verb, no one's but the speaker's), the second gives it to
//! someone by `你` and names the work only by its verb. The item is the second sentence with the
//! first before it, so it names its work.

use crate::minutes::scan::{OwnerHow, Scan};
use crate::minutes::weights::Signal;

/// Whether a sentence (`sc`, its signals `sig`) says work is needed and gives it to no one but
/// the speaker who says it: a task verb and a modal, not a question, nothing done or settled.
pub(super) fn needs_work(s: &str, sc: &Scan, sig: &[(Signal, i32)]) -> bool {
    let has = |g: Signal| sig.iter().any(|(x, _)| *x == g);
    // `乔总：…`: the one named is the speaker of the turn.
    let speaker_only = sc.how != OwnerHow::Strong
        && (sc.by_speaker
            || (sc.owners.len() == 1
                && s.split_once(['：', ':'])
                    .is_some_and(|(head, _)| sc.owners.iter().all(|o| head.trim() == o.name()))));
    (sc.how == OwnerHow::None || speaker_only)
        && has(Signal::TaskVerb)
        && has(Signal::Modal)
        && !s.trim_end().ends_with(['？', '?'])
        && sig.iter().all(|(g, w)| *w > 0 || matches!(g, Signal::Chatter))
}

/// Whether an item's sentence hands work to someone addressed (`晓燕你做个测算`, `你来起草`).
pub(super) fn handed_by_you(text: &str) -> bool {
    // `你通知…`, `你压缩一版`: 你 then a verb (not `你们`, `你的`, `你说`, `你看`…).
    text.match_indices('你').any(|(i, w)| {
        text.get(i + w.len()..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| {
                crate::minutes::scan::is_cjk(c) && !"们的说看觉知好是吗呢啊这那也还就".contains(c)
            })
    })
}

/// The needed-work sentence without its speaker's label (`乔总：`), ready to lead the item.
pub(super) fn without_speaker(s: &str) -> &str {
    s.split_once(['：', ':'])
        .filter(|(head, _)| (2..=6).contains(&head.chars().count()))
        .map_or(s, |(_, rest)| rest)
}
