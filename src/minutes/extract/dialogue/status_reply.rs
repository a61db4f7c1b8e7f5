//! Answers that name the work a question asked after (pure).
//!
//! `小钟，拜访名单整理好没有？` then, from the one asked, `还差几家，下周二前把拜访计划整理完发群里。`:
//! the answer names the work still to do and its date — the item read off the question says the
//! work as the answer does, by its date. `方案报上去了，王总您看什么时候签？` then `下周一我签掉。`:
//! the answer gives a date and hardly any work — the work is the question's.

use super::acts::is_question;
use super::merge::own_work;
use super::reply::work_in;
use super::turns::{Turn, origin};
use crate::minutes::explain::Verdict;
use crate::minutes::item::Extraction;
use crate::minutes::owner::OwnerRef;

use super::super::trace::Tracer;
use crate::minutes::scan::Ctx;

/// Words of a question asking whether work is done (`整理好没有？`, `写完了吗？`): not when it will
/// be (`什么时候能发？` keeps its work and takes the answer's date elsewhere).
const DONE_YET: &[&str] = &["没有", "了吗", "了没", "好没", "完没"];

/// Words of a question asking when (`什么时候`, `哪天`).
const WHEN: &[&str] = &["什么时候", "何时", "哪天", "几号", "啥时候"];

/// The question of turn `t - 1`, by someone else, asking `who` (by name, 你 or 您) when.
fn asks_when(turns: &[Turn], t: usize, who: &OwnerRef) -> Option<String> {
    let prev = turns.get(t.checked_sub(1)?)?;
    if prev.speaker.is_none() || prev.speaker.as_ref() == Some(who) {
        return None;
    }
    prev.sentences().iter().rev().find_map(|(_, s)| {
        let when = is_question(s) && WHEN.iter().any(|w| s.contains(w));
        let to_them = s.contains('你') || s.contains('您') || s.contains(who.name());
        (when && to_them).then(|| s.trim().trim_end_matches(['？', '?']).to_owned())
    })
}

/// Renames the items a question gave and the next turn's answer settled (see the module).
pub(super) fn answers_name_the_work(turns: &[Turn], ctx: &Ctx<'_>, ex: &mut Extraction, tr: &mut Tracer<'_>) {
    for (t, turn) in turns.iter().enumerate().skip(1) {
        let Some(sp) = turn.speaker.clone() else {
            continue;
        };
        let c = turn.ctx(ctx);
        let prev_other = turns
            .get(t - 1)
            .is_some_and(|p| p.speaker.is_some() && p.speaker.as_ref() != Some(&sp));
        for (n, s) in turn.sentences() {
            let sc = c.scan(s);
            if sc.deadline.is_none() || is_question(s) || sc.owners.iter().any(|o| *o != sp) || !prev_other {
                continue;
            }
            // The item read off the question asked of the speaker (`…整理好没有？`).
            let asked = ex.items.iter().position(|i| {
                i.owners == [sp.clone()]
                    && is_question(&i.text)
                    && DONE_YET.iter().any(|w| i.text.contains(w))
                    && origin(turns, &i.text) == Some(t - 1)
            });
            if let (Some(k), Some(work)) = (asked, work_in(&c, &sc)) {
                if let Some(item) = ex.items.get_mut(k) {
                    item.text = work;
                    item.deadline = sc.deadline;
                    item.deadline_text.clone_from(&sc.deadline_text);
                    let why = format!("对话：第{}行答出要做的事和时间", n + 1);
                    tr.note(n, &why, Verdict::Detail, Vec::new(), Some(item));
                }
                continue;
            }
            // `下周一我签掉。` to `…您看什么时候签？`: the speaker's thin item is the question's work.
            if let Some(q) = asks_when(turns, t, &sp)
                && let Some(item) = ex.items.iter_mut().find(|i| {
                    i.owners == [sp.clone()]
                        && i.deadline == sc.deadline
                        && origin(turns, &i.text) == Some(t)
                        && !i.text.contains(q.as_str())
                })
                && own_work(ctx, item) < 4
            {
                item.text = format!("{q}：{}", item.text);
                let why = format!("对话：第{}行的时间回答上一轮问的事", n + 1);
                tr.note(n, &why, Verdict::Detail, Vec::new(), Some(item));
            }
        }
    }
}
