//! Work given, one of the two asks when, the other answers with a date (pure).
//!
//! `那这样，小骆你把薪酬对标做一下。` — `好的，要多久？` — `下周三吧，我周四要汇报。`: the date in the
//! giver's answer is the date of the work given two turns before, to the one who asked. The
//! answer is not work of the giver's own (`周五前给我，下周一上会`: the work comes back to the
//! giver, who takes it on to a meeting); the reason after the date (`我周四要汇报`) is not the
//! date.

use super::acts::{first_clause_agrees, is_question};
use super::merge::own_work;
use super::turns::{Turn, origin};
use crate::domain::deadline::Deadline;
use crate::minutes::explain::Verdict;
use crate::minutes::extract::trace::Tracer;
use crate::minutes::item::{ActionItem, Extraction};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, Scan};

/// Words of a question asking how long or by when.
const WHEN: &[&str] = &["多久", "什么时候", "啥时候", "哪天", "几号", "何时", "多长时间"];

/// The short question of `turn` asking when (`好的，要多久？`, `什么时候要？`).
fn asks_when(turn: &Turn) -> bool {
    let text = turn.text();
    text.chars().count() <= 16
        && turn
            .sentences()
            .last()
            .is_some_and(|(_, s)| is_question(s) && WHEN.iter().any(|w| s.contains(w)))
}

/// The date the answer gives in a clause that says nothing else (`下周三吧`, `周五前给我`; `这周事多，
/// 下周三吧`: not `这周`), in its first sentence.
fn leading_date(c: &Ctx<'_>, turn: &Turn) -> Option<(Deadline, String)> {
    let (_, first) = turn.sentences().into_iter().next()?;
    if is_question(first) {
        return None;
    }
    first.split(['，', ',', '。', '；']).find_map(|clause| {
        let (w, d) = c.deadline_in(clause)?;
        let rest = ActionItem {
            text: clause
                .replace(w.as_str(), "")
                .replace("给我", "")
                .replace("发我", ""),
            owners: Vec::new(),
            deadline: None,
            deadline_text: None,
            priority: None,
            units: Vec::new(),
        };
        (own_work(c, &rest) <= 1).then_some((d?, w))
    })
}

/// The sentence of `turn` giving work to `who` (by name, or `你` to the one who spoke before), as
/// scanned, with `who` as its owner.
fn given_to(c: &Ctx<'_>, turn: &Turn, who: &OwnerRef) -> Option<(usize, Scan)> {
    turn.sentences().into_iter().rev().find_map(|(n, s)| {
        let mut sc = c.scan(s);
        let named = sc.owners.contains(who);
        let you = sc.owners.is_empty() && s.contains('你') && c.addressed.as_ref() == Some(who);
        // `小蒋你…`: a familiar form of their name before 你.
        let called = super::people::called(c, s).as_ref() == Some(who)
            || s.split(['，', ',']).any(|cl| {
                cl.split_once('你')
                    .is_some_and(|(w, _)| !w.trim().is_empty() && c.resolve(w.trim()) == *who)
            });
        let named = named || called;
        // `小蒋你能不能把…拆一下？`: asked as a question, too.
        (named || you).then(|| {
            sc.owners = vec![who.clone()];
            sc.text = sc.text.trim_end_matches(['？', '?']).to_owned();
            (n, sc)
        })
    })
}

/// Dates the work given before each answer of this kind, or adds it when the line rules left it
/// out, and drops the answer read as work of its own. Also the other way round: `小蒋你能不能把…
/// 拆一下？` — `可以，…` — `什么时候能出来？` — `这周事多，下周三吧。`
pub(super) fn dated_by_giver(
    turns: &[Turn],
    ctx: &Ctx<'_>,
    to_item: fn(Scan) -> ActionItem,
    ex: &mut Extraction,
    tr: &mut Tracer<'_>,
) {
    for t in 2..turns.len() {
        let (Some(ask), Some(answer)) = (turns.get(t - 1), turns.get(t)) else {
            continue;
        };
        let (Some(asker), Some(answerer)) = (ask.speaker.clone(), answer.speaker.clone()) else {
            continue;
        };
        if asker == answerer || !asks_when(ask) {
            continue;
        }
        let speaks = |k: usize, who: &OwnerRef| turns.get(k).is_some_and(|x| x.speaker.as_ref() == Some(who));
        // Given two turns before by the one answering, to the one asking; or given three turns
        // before by the one asking, agreed next (`可以，…`) by the one answering now.
        let mut ways = Vec::new();
        if speaks(t - 2, &answerer) {
            ways.push((t - 2, answerer.clone(), asker.clone()));
        }
        if t >= 3
            && speaks(t - 3, &asker)
            && speaks(t - 2, &answerer)
            && turns.get(t - 2).is_some_and(|x| first_clause_agrees(&x.text()))
        {
            ways.push((t - 3, asker.clone(), answerer.clone()));
        }
        let Some((give, giver, doer, line, sc)) = ways.into_iter().find_map(|(give, giver, doer)| {
            let turn = turns.get(give)?;
            let (line, sc) = given_to(&turn.ctx(ctx), turn, &doer)?;
            Some((give, giver, doer, line, sc))
        }) else {
            continue;
        };
        let Some((due, words)) = leading_date(&answer.ctx(ctx), answer) else {
            continue;
        };
        // The answer read as the giver's own work, or again as the asked one's (`周五前给我，…`).
        let at_answer = answer.said.first().map_or(answer.first, |(n, _)| *n);
        let opening = answer
            .sentences()
            .first()
            .and_then(|(_, s)| s.split(['，', ',', '。']).next())
            .unwrap_or_default()
            .to_owned();
        ex.items.retain(|i| {
            let own = origin(turns, &i.text) == Some(t)
                && (i.owners.iter().all(|o| *o == giver)
                    || (i.owners.iter().all(|o| *o == giver || *o == doer)
                        && i.text.contains(opening.as_str())));
            if own {
                tr.note(
                    at_answer,
                    "对话：时间是交办人回答的，不是交办人自己的事",
                    Verdict::Detail,
                    Vec::new(),
                    Some(i),
                );
            }
            !own
        });
        let why = format!(
            "对话：第{}行交给{}，问了时间，第{}行答了时间",
            line + 1,
            doer.name(),
            at_answer + 1
        );
        if let Some(found) = ex
            .items
            .iter_mut()
            .find(|i| origin(turns, &i.text) == Some(give) && i.owners.contains(&doer))
        {
            if found.deadline.is_none() {
                found.deadline = Some(due);
                found.deadline_text = Some(words);
                tr.note(line, &why, Verdict::Detail, Vec::new(), Some(found));
            }
            continue;
        }
        let mut item = to_item(sc);
        item.owners = vec![doer.clone()];
        item.deadline = Some(due);
        item.deadline_text = Some(words);
        if own_work(ctx, &item) < 4 {
            continue;
        }
        tr.note(line, &why, Verdict::Item, Vec::new(), Some(&item));
        let at = ex
            .items
            .iter()
            .position(|i| origin(turns, &i.text).is_some_and(|o| o > give))
            .unwrap_or(ex.items.len());
        ex.items.insert(at, item);
    }
}
