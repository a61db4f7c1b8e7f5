//! Who a sentence said in a meeting names (pure), where the line scanner reads a word too many
//! or too few: a member's name with a word glued to it (`个俞静`, `袁静写`), a member named at the
//! head of a clause without an owner word (`方圆这周把结果汇总一下`), a colleague called by a
//! familiar form who is not in the group (`那就老王牵头吧`), and the speaker passing the word on
//! (`我会后跟他说`), which is no work of their own.

use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, is_cjk};

/// Verbs spoken right after a name (`袁静写`, `孟瑶来`): not part of it.
const AFTER_NAME: &[char] = &[
    '写', '来', '做', '弄', '跟', '去', '出', '发', '把', '说', '看', '再', '先', '也', '就', '负', '牵',
    '管', '你', '定', '改', '排', '约', '整', '拉', '对', '报', '交', '汇',
];

/// The member a word glued to a name is (`个俞静`: a word before; `袁静写`: a verb after).
pub(super) fn unglued(ctx: &Ctx<'_>, w: &str) -> Option<OwnerRef> {
    let n = w.chars().count();
    ctx.members
        .iter()
        .find(|p| {
            let k = p.name.chars().count();
            k >= 2
                && n == k + 1
                && (w.ends_with(&p.name)
                    || (w.starts_with(&p.name) && w.chars().last().is_some_and(|c| AFTER_NAME.contains(&c))))
        })
        .map(|p| OwnerRef::Person(p.clone()))
}

/// Owners with every glued word made the member it is; the fixes made, for the trace.
pub(super) fn unglue(ctx: &Ctx<'_>, owners: &mut Vec<OwnerRef>) -> Vec<String> {
    let mut fixed = Vec::new();
    for o in owners.iter_mut() {
        if let OwnerRef::Unresolved(w) = o
            && let Some(p) = unglued(ctx, w)
        {
            fixed.push(format!("“{w}”是“{}”", p.name()));
            *o = p;
        }
    }
    let mut seen: Vec<OwnerRef> = Vec::new();
    owners.retain(|o| {
        let first = !seen.contains(o);
        seen.push(o.clone());
        first
    });
    fixed
}

/// Words of doing said right after the one who does it (`顾晨出`, `袁静写`).
const DOES: &[&str] = &[
    "出", "写", "做", "弄", "办", "来出", "来写", "来做", "来弄", "来办",
];

/// Words asking someone for work (`麻烦刘敏…`, `辛苦周玲…`).
const ASKING: &[&str] = &["麻烦", "辛苦", "拜托", "请", "让"];

/// Words saying who leads the writing (`赵倩主笔`), which the line scanner does not read as owners.
const LEADS: &[&str] = &["主笔", "执笔", "主写", "起草", "主导", "主责", "操刀"];

/// Words that give work to the one just named (`老王牵头`, `小邓你来`).
const GIVEN: &[&str] = &["牵头", "负责", "来", "去", "跟", "配合", "你", "主责", "对接"];

/// `那就老王牵头吧` where no one in the group is a 王: `老王` as written, a colleague who is absent.
/// `老`/`小` and one common surname, then a word that gives the work.
fn familiar_names(s: &str) -> Vec<(usize, OwnerRef)> {
    let mut out: Vec<(usize, OwnerRef)> = Vec::new();
    for (i, c) in s.char_indices().filter(|(_, c)| matches!(c, '老' | '小')) {
        let rest = s.get(i + c.len_utf8()..).unwrap_or_default();
        let Some(surname) = rest.chars().next() else {
            continue;
        };
        let after = rest.get(surname.len_utf8()..).unwrap_or_default();
        let before = s.get(..i).and_then(|b| b.chars().last());
        // `不老王`… is no name; a name stands after a pause or a giving word (`那就`, `让`, `由`).
        let opens = before.is_none_or(|b| !is_cjk(b) || "就让由请叫是和跟".contains(b));
        if opens
            && crate::minutes::scan::SURNAMES.contains(surname)
            && GIVEN.iter().any(|g| after.starts_with(g))
        {
            let name = format!("{c}{surname}");
            if !out.iter().any(|(_, o)| o.name() == name) {
                out.push((i, OwnerRef::Unresolved(name)));
            }
        }
    }
    out
}

/// `…，方圆这周把结果汇总一下`: a member (not the speaker) named at the head of a clause, the
/// clause going on with the work (a task verb, or `把` and what is done with it).
fn clause_heads(ctx: &Ctx<'_>, s: &str) -> Vec<(usize, OwnerRef)> {
    let mut out = Vec::new();
    let mut at = 0;
    for clause in s.split_inclusive(['，', ',', '。', '；', '！']) {
        let t = clause.trim_start();
        let lead = clause.len() - t.len();
        // The full name, else a given name (`志强把技术细节给她` for 郭志强).
        let head = ctx
            .members
            .iter()
            .find(|p| p.name.chars().count() >= 2 && t.starts_with(&p.name))
            .map(|p| (p.name.len(), OwnerRef::Person(p.clone())))
            .or_else(|| {
                let w: String = t.chars().take(2).collect();
                let who = ctx.resolve(&w);
                (ctx.is_name(&w) && who.person().is_some()).then_some((w.len(), who))
            });
        if let Some((len, who)) = head
            && ctx.speaker.as_ref() != Some(&who)
        {
            let rest = t.get(len..).unwrap_or_default();
            let work = rest.chars().filter(|c| is_cjk(*c)).count() >= 4;
            // `立帆出迭代拆分`: a word of doing right after the name (not `出差`, `出席`).
            let does = DOES.iter().any(|d| rest.starts_with(d))
                && !["出差", "出席", "出门", "出现", "出来", "做得", "写得"]
                    .iter()
                    .any(|w| rest.starts_with(w));
            if work && (crate::minutes::scan::has_task_verb(rest) || rest.contains('把') || does) {
                out.push((at + lead, who));
            }
        }
        at += clause.len();
    }
    out
}

/// The people a sentence gives work to that the scan left out: members heading a clause and
/// familiar names, in the order they are said. Only when the scan found no one else, or for a
/// familiar name the scan could not place.
pub(super) fn named_more(ctx: &Ctx<'_>, s: &str, found: &[OwnerRef]) -> Vec<OwnerRef> {
    let others = found.iter().any(|o| ctx.speaker.as_ref() != Some(o));
    let mut more: Vec<(usize, OwnerRef)> = familiar_names(s)
        .into_iter()
        .filter(|(_, o)| !found.iter().any(|f| f.name() == o.name()))
        .filter(|(_, o)| !ctx.is_name(o.name()))
        .collect();
    // `…，方圆这周把结果汇总一下`, `黄丽主笔，志强把技术细节给她`: a clause of its own for them.
    more.extend(
        clause_heads(ctx, s)
            .into_iter()
            .filter(|(_, o)| !found.contains(o)),
    );
    // `那回访话术顾晨出`: a member and a word of doing, not after `给`, `跟` (whom it is for).
    if !others {
        for p in ctx.members {
            let Some(i) = s.find(&p.name) else { continue };
            let after = s.get(i + p.name.len()..).unwrap_or_default();
            let before = s.get(..i).and_then(|b| b.chars().last());
            let who = OwnerRef::Person(p.clone());
            if DOES.iter().any(|v| after.starts_with(v))
                && before.is_none_or(|b| !"给跟和向找对让请".contains(b))
                && ctx.speaker.as_ref() != Some(&who)
                && !found.contains(&who)
                && !more.iter().any(|(_, o)| *o == who)
            {
                more.push((i, who));
            }
        }
    }
    // `场地预订麻烦刘敏这周三前搞定`: a member asked for the work.
    if !others {
        for p in ctx.members {
            if let Some(i) = ASKING.iter().find_map(|v| s.find(&format!("{v}{}", p.name))) {
                let who = OwnerRef::Person(p.clone());
                if !found.contains(&who) && !more.iter().any(|(_, o)| *o == who) {
                    more.push((i, who));
                }
            }
        }
    }
    // `那三家的回复赵倩主笔，孙浩提供依据`: a member before a word of leading the writing.
    for p in ctx.members {
        if let Some(i) = LEADS.iter().find_map(|v| s.find(&format!("{}{v}", p.name))) {
            let who = OwnerRef::Person(p.clone());
            if !found.contains(&who) && !more.iter().any(|(_, o)| *o == who) {
                more.push((i, who));
            }
        }
    }
    more.sort_by_key(|(i, _)| *i);
    more.into_iter().map(|(_, o)| o).collect()
}

/// Adds the people `named_more` finds to `found`, keeping the order they are named in `s`.
pub(super) fn add_named(ctx: &Ctx<'_>, s: &str, found: &mut Vec<OwnerRef>) -> bool {
    let more = named_more(ctx, s, found);
    if more.is_empty() {
        return false;
    }
    found.extend(more);
    found.sort_by_key(|o| s.find(o.name()).unwrap_or(usize::MAX));
    true
}

/// `刘芳，上个月…`, `奖金测算这块，老王，你们部门来吧`: a member (not the speaker) called by
/// name, a clause of its own.
pub(super) fn called(ctx: &Ctx<'_>, s: &str) -> Option<OwnerRef> {
    s.split(['，', ',']).find_map(|clause| {
        // `Great. 志远，你…`: the name after what opens the sentence.
        let head = clause.trim().trim_end_matches(['.', '!', '！', '。', '？', '?']);
        let head = head
            .rsplit(['.', ' ', '!', '！', '。'])
            .next()
            .unwrap_or(head)
            .trim();
        // `老王，…`: a familiar form of one member.
        let who = ctx.resolve(head);
        let called = ctx.is_name(head) && who.person().is_some();
        // `诸葛你测完了…`: the short form of one member's name, glued to 你.
        let who = if called {
            Some(who)
        } else {
            short_form(ctx, head).or_else(|| head.split_once('你').and_then(|(w, _)| short_form(ctx, w)))
        };
        who.filter(|w| ctx.speaker.as_ref() != Some(w))
    })
}

/// `诸葛` (诸葛亮平), `志远` (何志远): the start or the end of exactly one member's longer name.
fn short_form(ctx: &Ctx<'_>, w: &str) -> Option<OwnerRef> {
    let n = w.chars().count();
    if !(2..=3).contains(&n) || !w.chars().all(is_cjk) {
        return None;
    }
    let mut found = ctx
        .members
        .iter()
        .filter(|p| p.name.chars().count() > n && (p.name.starts_with(w) || p.name.ends_with(w)));
    let first = found.next()?;
    found.next().is_none().then(|| OwnerRef::Person(first.clone()))
}

/// `我会后跟他说`, `我回头通知她`: the speaker passes the work on to someone; their `我` is no
/// work of their own.
pub(super) fn relays(text: &str) -> bool {
    let Some((_, after)) = text.rsplit_once('我') else {
        return false;
    };
    [
        "跟他说",
        "跟她说",
        "和他说",
        "和她说",
        "通知他",
        "通知她",
        "告诉他",
        "告诉她",
        "转告",
        "跟他讲",
        "跟她讲",
    ]
    .iter()
    .any(|w| after.contains(w))
        && text.matches('我').count() == 1
}
