//! Work handed over in a meeting (pure). Someone given work says they cannot
//! (`我下周要去参加培训，整周不在`): that is no item. The chair gives it to someone else
//! (`那这个改由安娜负责`, `那核地址这个改给杜鹃吧`): the item settled before changes owner and
//! keeps its date unless a new one is given; the handing over is no item of its own.

use super::turns::{Turn, origin, shares_topic};
use crate::minutes::explain::Verdict;
use crate::minutes::extract::trace::Tracer;
use crate::minutes::item::Extraction;
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, is_cjk};

/// Words saying the speaker cannot take the work (away, busy).
const AWAY: &[&str] = &[
    "不在",
    "顾不过来",
    "忙不过来",
    "走不开",
    "抽不出",
    "休年假",
    "休假",
    "出差",
    "来不及",
    "时间不够",
    "没时间",
];

/// Words that hand work to someone else, the new owner's name right after.
const HAND: &[&str] = &["改由", "改给", "改成", "换成", "转给", "换给"];

/// Whether an item's text only says its owner cannot do the work (`我下周要去参加协会的培训，
/// 整周不在`): away or busy, and nothing given or delivered.
pub(super) fn says_away(text: &str) -> bool {
    let short = ["时间", "人手"].iter().any(|w| text.contains(w))
        && ["不够", "紧", "不足"].iter().any(|w| text.contains(w));
    (short || AWAY.iter().any(|w| text.contains(w)))
        && text.contains('我')
        && !["给", "交", "发", "完成", "提交", "出来"]
            .iter()
            .any(|w| text.contains(w))
}

/// Whether an item ends by giving someone the floor (`…郁可你先说`, `先请周敏介绍一下今年的完成
/// 情况`): who speaks next in the meeting, not work.
fn gives_floor(text: &str) -> bool {
    let last = text.rsplit(['，', '。', ',']).next().unwrap_or(text).trim();
    let speaks = [
        "你先说",
        "你说说",
        "你先讲",
        "你讲讲",
        "你先来",
        "你来说",
        "你来讲",
        "先说说",
        "说一下",
    ]
    .iter()
    .any(|w| last.ends_with(w));
    let reports = ["介绍一下", "汇报一下", "讲一下", "说一下", "报一下"]
        .iter()
        .any(|w| last.contains(w))
        && ["情况", "进展", "数", "进度"].iter().any(|w| last.ends_with(w))
        && (last.starts_with('先') || last.starts_with("请") || last.contains("先请"));
    speaks || reports
}

/// The new owner a sentence hands work to, the work it names before the handing word and the
/// clause it is said in (`那核地址这个改由杜鹃负责吧` → 杜鹃, `那核地址这个`).
pub(super) fn handed<'s>(ctx: &Ctx<'_>, s: &'s str) -> Option<(OwnerRef, &'s str, &'s str)> {
    s.split(['，', ',', '。', '；']).find_map(|clause| {
        HAND.iter().find_map(|w| {
            let i = clause.find(w)?;
            let after = clause.get(i + w.len()..)?;
            let who = ctx
                .members
                .iter()
                .find(|p| after.starts_with(&p.name))
                .map(|p| OwnerRef::Person(p.clone()))?;
            Some((who, clause.get(..i)?, clause))
        })
    })
}

/// Words that move a date (`往后推到8月底`, `顺延到下周五`).
const POSTPONE: &[&str] = &["推到", "推迟到", "延到", "延后到", "顺延到", "改到"];

/// `设备巡检往后推到8月底`: the work named before the moving word and the clause.
fn postponed(s: &str) -> Option<(&str, &str)> {
    s.split(['，', ',', '。', '；']).find_map(|clause| {
        let i = POSTPONE.iter().filter_map(|w| clause.find(w)).min()?;
        let before = clause.get(..i)?;
        Some((before.trim_end_matches("往后").trim_end_matches('再'), clause))
    })
}

/// Whether the work named before the handing word is only a pointer (`那这个`, `那`).
fn only_points(before: &str) -> bool {
    let mut t = before.to_owned();
    for w in [
        "那这个",
        "这个",
        "那个",
        "这件事",
        "这事",
        "那就",
        "那",
        "就",
        "这块",
    ] {
        t = t.replace(w, "");
    }
    t.chars().filter(|c| is_cjk(*c)).count() == 0
}

/// Drops the items that only say their owner is away, and moves work handed over to its new
/// owner.
pub(super) fn hand_over(turns: &[Turn], ctx: &Ctx<'_>, ex: &mut Extraction, tr: &mut Tracer<'_>) {
    let origins: Vec<Option<usize>> = ex.items.iter().map(|i| origin(turns, &i.text)).collect();
    // `节前肯定来不及了。罗斌，你跟财务确认…`: a date said only as one that cannot be met.
    for (item, o) in ex.items.iter_mut().zip(&origins) {
        if let Some(turn) = o.and_then(|o| turns.get(o))
            && super::report::date_denied(&turn.text(), item.deadline_text.as_deref())
        {
            item.deadline = None;
            item.deadline_text = None;
            tr.note(
                turn.first,
                "对话：这个时间说的是来不及，不是截止时间",
                Verdict::Detail,
                Vec::new(),
                Some(item),
            );
        }
    }
    let mut drop: Vec<usize> = Vec::new();
    for (k, item) in ex.items.iter().enumerate() {
        let turn = origins.get(k).copied().flatten().and_then(|t| turns.get(t));
        let last = item.text.rsplit(['，', '。', ',']).next().unwrap_or_default();
        if let Some(turn) = turn
            && item.deadline_text.as_deref().is_none_or(|d| !last.contains(d))
            && gives_floor(&item.text)
        {
            let why = format!("对话：请人发言，不是待办：{}", item.text);
            tr.note(turn.first, &why, Verdict::Detail, Vec::new(), None);
            drop.push(k);
            continue;
        }
        if let Some(turn) = turn
            && super::report::taken_back(&item.text, item.deadline_text.as_deref())
        {
            let why = format!("对话：说完又收回了，不是待办：{}", item.text);
            tr.note(turn.first, &why, Verdict::Detail, Vec::new(), None);
            drop.push(k);
            continue;
        }
        if let Some(turn) = turn
            && says_away(&item.text)
            && turn
                .speaker
                .as_ref()
                .is_some_and(|sp| item.owners == [sp.clone()])
        {
            let why = format!("对话：说的是本人没空，不是待办：{}", item.text);
            tr.note(turn.first, &why, Verdict::Detail, Vec::new(), None);
            drop.push(k);
            continue;
        }
        // `浩宇你下周有事，还是让小鄂来`: who takes the work instead; the work comes after.
        if let Some(turn) = turn
            && super::overrule::only_instead(&item.text)
        {
            let why = format!("对话：只说改让别人来，不是待办：{}", item.text);
            tr.note(turn.first, &why, Verdict::Detail, Vec::new(), None);
            drop.push(k);
        }
    }
    for (t, turn) in turns.iter().enumerate() {
        let c = turn.ctx(ctx);
        for (line, s) in turn.sentences() {
            // `设备巡检往后推到8月底`: the work named gets the later date.
            if let Some((work, clause)) = postponed(s)
                && let sc = c.scan(clause)
                && sc.deadline.is_some()
                && let Some(k) = (0..ex.items.len()).rev().find(|k| {
                    !drop.contains(k)
                        && origins.get(*k).copied().flatten().is_some_and(|o| o < t)
                        && ex.items.get(*k).is_some_and(|i| shares_topic(&i.text, work))
                })
                && let Some(item) = ex.items.get_mut(k)
            {
                item.deadline = sc.deadline;
                item.deadline_text.clone_from(&sc.deadline_text);
                let why = format!("对话：第{}行改了时间", line + 1);
                tr.note(line, &why, Verdict::Detail, Vec::new(), Some(item));
            }
            let Some((who, before, clause)) = handed(&c, s) else {
                continue;
            };
            // The item handed over: the one named before the handing word, else the latest one
            // settled in the turns just before.
            let earlier = |k: &usize| {
                !drop.contains(k)
                    && origins
                        .get(*k)
                        .copied()
                        .flatten()
                        .is_some_and(|o| o < t && o + 16 >= t)
            };
            let target = if only_points(before) {
                (0..ex.items.len()).rev().find(|k| earlier(k))
            } else {
                (0..ex.items.len())
                    .rev()
                    .find(|k| earlier(k) && ex.items.get(*k).is_some_and(|i| shares_topic(&i.text, before)))
            };
            let Some(target) = target else { continue };
            let sc = c.scan(clause);
            // The handing over itself, found as an item by the line rules.
            for (k, o) in origins.iter().enumerate() {
                if *o == Some(t) && k != target && ex.items.get(k).is_some_and(|i| i.owners.contains(&who)) {
                    drop.push(k);
                }
            }
            let Some(item) = ex.items.get_mut(target) else {
                continue;
            };
            item.owners = vec![who.clone()];
            if sc.deadline.is_some() {
                item.deadline = sc.deadline;
                item.deadline_text.clone_from(&sc.deadline_text);
            }
            let why = format!("对话：第{}行改由{}负责", line + 1, who.name());
            tr.note(line, &why, Verdict::Detail, Vec::new(), Some(item));
        }
    }
    let mut k = 0;
    ex.items.retain(|_| {
        k += 1;
        !drop.contains(&(k - 1))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn being_away_is_no_work_and_a_pointer_names_none() {
        assert!(says_away("嗯……我下周要去参加协会的培训，整周不在"));
        assert!(!says_away("我下周不在，周五前把材料发给你"));
        assert!(says_away("我可以，不过我下周要去上海做审计，时间估计不够。"));
        assert!(only_points("那这个") && !only_points("那核地址这个"));
        assert!(gives_floor("三月份市场情绪应该会好。郁可你先说"));
        assert!(gives_floor(
            "主要是讨论明年的规划，先请周敏介绍一下今年的完成情况"
        ));
        assert!(!gives_floor("请周敏把完成情况整理一下"));
    }
}
