//! Work offered as a question, agreed with a date by another (pure).
//!
//! `那我先把缺口名单按科室整理出来？` — `可以，不急，月底前给我就行。`: the one who offered does the
//! work they named, by the date in the yes. And `…，周五前我们一起把表填完，小芸你和小杜分一下。` —
//! `好，我负责华东那部分。`: one of the people the work was just given to says which part they
//! take; their share of that work, not work of its own.

use super::acts::{first_clause_agrees, is_question};
use super::merge::own_work;
use super::turns::{Turn, origin};
use crate::minutes::explain::Verdict;
use crate::minutes::extract::trace::Tracer;
use crate::minutes::item::{ActionItem, Extraction};
use crate::minutes::scan::{Ctx, Scan};

/// Words a speaker offers their own work with, opening the question (`那我先…？`, `我来…？`).
const OFFER: &[&str] = &["我先", "我来", "我去", "我把", "我这边先"];

/// Words of a part of shared work (`IT那部分`, `北京那块`).
const PART: &[&str] = &[
    "那部分",
    "这部分",
    "那一部分",
    "那块",
    "这块",
    "那一半",
    "那几家",
    "那几个",
];

/// Adds the offered work agreed with a date, and drops the shares read as work of their own.
pub(super) fn agreed_offers(
    turns: &[Turn],
    ctx: &Ctx<'_>,
    to_item: fn(Scan) -> ActionItem,
    ex: &mut Extraction,
    tr: &mut Tracer<'_>,
) {
    for t in 1..turns.len() {
        let (Some(prev), Some(now)) = (turns.get(t - 1), turns.get(t)) else {
            continue;
        };
        let (Some(a), Some(b)) = (prev.speaker.clone(), now.speaker.clone()) else {
            continue;
        };
        if a == b {
            continue;
        }
        // `好，我负责IT那部分。` just after work given to the speaker and another (its words may
        // come from the question before: `还有没回的客户…？` — `要，…你们俩分一下`).
        let shared = ex.items.iter().any(|i| {
            i.owners.len() > 1
                && i.owners.contains(&b)
                && origin(turns, &i.text).is_some_and(|o| o + 2 >= t && o < t)
        });
        let part = now.text().chars().count() <= 20
            && first_clause_agrees(&now.text())
            && PART.iter().any(|w| now.text().contains(w));
        if shared && part {
            // `…分一下：我负责IT那部分`: read with the work it answers, too.
            let said = now.text();
            let said = said.trim_end_matches(['。', '！', '!']);
            ex.items.retain(|i| {
                let share = i.owners == [b.clone()]
                    && (origin(turns, &i.text) == Some(t)
                        || i.text.ends_with(said)
                        || said.split_once('，').is_some_and(|(_, r)| i.text.ends_with(r)));
                if share {
                    tr.note(
                        now.first,
                        "对话：认领刚交办的共同事项中的一部分",
                        Verdict::Detail,
                        Vec::new(),
                        Some(i),
                    );
                }
                !share
            });
            continue;
        }
        // The offer: the last sentence of the turn before, a question in the first person.
        let Some((line, offer)) = prev.sentences().last().copied() else {
            continue;
        };
        let bare = offer
            .trim_start_matches(['那', '好', '，', ',', ' '])
            .trim_start_matches("要不");
        if !is_question(offer) || !OFFER.iter().any(|w| bare.starts_with(w)) || offer.contains('你') {
            continue;
        }
        let Some((_, yes)) = now.sentences().first().copied() else {
            continue;
        };
        // `行，对接就殷红对口，你跟…排出来`: the yes gives the work its own way.
        if !first_clause_agrees(yes)
            || is_question(yes)
            || yes.contains('你')
            || ctx.members.iter().any(|m| yes.contains(m.name.as_str()))
        {
            continue;
        }
        let c = now.ctx(ctx);
        let Some((words, Some(due))) = yes.split(['，', ',']).find_map(|clause| c.deadline_in(clause))
        else {
            continue;
        };
        if ex
            .items
            .iter()
            .any(|i| origin(turns, &i.text) == Some(t - 1) && i.owners.contains(&a))
        {
            continue;
        }
        // The yes read as the agreeing one's own work (`我先把…：不急，给我就行`).
        let core = bare.trim_end_matches(['？', '?']);
        ex.items.retain(|i| {
            let theirs = i.owners == [b.clone()]
                && origin(turns, &i.text).is_some_and(|o| o + 1 >= t && o <= t)
                && (i.text.contains(core) || i.text.contains(yes.trim_end_matches(['。', '！', '!'])));
            if theirs {
                tr.note(
                    now.first,
                    "对话：同意别人提出的事，不是自己的事",
                    Verdict::Detail,
                    Vec::new(),
                    Some(i),
                );
            }
            !theirs
        });
        let mut item = to_item(prev.ctx(ctx).scan(offer));
        item.text = item.text.trim_end_matches(['？', '?']).to_owned();
        item.owners = vec![a.clone()];
        item.deadline = Some(due);
        item.deadline_text = Some(words);
        if own_work(ctx, &item) < 4 {
            continue;
        }
        let why = format!(
            "对话：第{line}行{}提出自己做，下一轮同意并给出时间",
            a.name(),
            line = line + 1
        );
        tr.note(line, &why, Verdict::Item, Vec::new(), Some(&item));
        let at = ex
            .items
            .iter()
            .position(|i| origin(turns, &i.text).is_some_and(|o| o >= t - 1))
            .unwrap_or(ex.items.len());
        ex.items.insert(at, item);
    }
}
