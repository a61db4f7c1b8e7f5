//! Work handed over with a bare verb (pure): `子怡你填，…下周三交。` after `…要报给总部的进度表，
//! 模板上周下来了`; `评分表加一项“沟通模拟”。小雨你改，…`. The verb has no object of its own: the work is the one named just before — the
//! sentence before in the same turn, or else the last thing said in the turn before.

use super::acts::is_question;
use super::merge::own_work;
use super::turns::{Turn, origin};
use crate::minutes::explain::Verdict;
use crate::minutes::extract::trace::Tracer;
use crate::minutes::item::{ActionItem, Extraction};
use crate::minutes::scan::{Ctx, is_cjk};

/// Whether a clause of `text` hands work to someone called by name with a bare verb: `子怡你填`,
/// `小雨你改`, `林可你来写` — a verb of one or two characters after `你` and nothing after it. Not
/// `手册你来写`: the work is named before `你`.
pub(super) fn bare_handover(ctx: &Ctx<'_>, text: &str) -> bool {
    text.split(['，', ',', '。', '；']).any(|clause| {
        let Some((who, after)) = clause.split_once('你') else {
            return false;
        };
        let who = who.trim();
        if who.is_empty() || ctx.resolve(who).person().is_none() {
            return false;
        }
        let verb = after
            .trim()
            .trim_start_matches(['来', '去', '先'])
            .trim_end_matches(['吧', '。', '！', '!'])
            .trim_end_matches("一下");
        (1..=2).contains(&verb.chars().count())
            && verb.chars().all(is_cjk)
            && !["们", "的", "好", "看", "说", "呢"]
                .iter()
                .any(|w| verb.starts_with(w))
    })
}

/// The work named just before sentence `k` of turn `t`: a statement naming work.
fn named_before(turns: &[Turn], ctx: &Ctx<'_>, t: usize, k: usize) -> Option<String> {
    let turn = turns.get(t)?;
    let sentences = turn.sentences();
    let prev = if k > 0 {
        sentences.get(k - 1).map(|(_, s)| (*s).to_owned())
    } else {
        let before = turns.get(t.checked_sub(1)?)?;
        before.speaker.as_ref()?;
        before.sentences().last().map(|(_, s)| (*s).to_owned())
    }?;
    let prev = prev.trim().trim_end_matches(['。', '！', '!']).to_owned();
    let item = ActionItem {
        text: prev.clone(),
        owners: Vec::new(),
        deadline: None,
        deadline_text: None,
        priority: None,
        units: Vec::new(),
    };
    (!is_question(&prev) && own_work(ctx, &item) >= 4).then_some(prev)
}

/// Names the work of each item handed over with a bare verb.
pub(super) fn name_bare_work(turns: &[Turn], ctx: &Ctx<'_>, ex: &mut Extraction, tr: &mut Tracer<'_>) {
    for item in &mut ex.items {
        // The first clause naming someone spoken to (`行，话术晓雯你来写`: the second).
        let Some(first) = item.text.split(['，', ',']).take(2).find(|c| c.contains('你')) else {
            continue;
        };
        if !bare_handover(ctx, first) || item.text.contains('：') {
            continue;
        }
        let Some(t) = origin(turns, &item.text) else {
            continue;
        };
        let Some(turn) = turns.get(t) else {
            continue;
        };
        let Some(k) = turn
            .sentences()
            .iter()
            .position(|(_, s)| s.contains(first.trim()))
        else {
            continue;
        };
        if let Some(work) = named_before(turns, ctx, t, k) {
            item.text = format!("{work}：{}", item.text);
            let line = turn.sentences().get(k).map_or(turn.first, |(n, _)| *n);
            tr.note(
                line,
                "对话：交办只说了动词，事项是前面说的",
                Verdict::Detail,
                Vec::new(),
                Some(item),
            );
        }
    }
}
