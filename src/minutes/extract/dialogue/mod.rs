//! A transcript read as a conversation (pure): a dialogue state per topic over the speakers'
//! turns (`张三 00:01:30`, `[00:02:10] 说话人1：…`, `张卫东 [00:00:45]`).
//!
//! The line rules see one line at a time. Here the turns go by in order and the open topic is
//! kept: what someone asked to be done and who was asked (`…谁来？`, `那就赵磊你跟一下…`), who
//! took it on (`我来吧`, `好的，没问题`), the date agreed (possibly in the reply: `行，两个工作日内
//! 给你`). One item is emitted when the work is settled (taken on, given and accepted, or given
//! with a date), not one per mention: a reply that agrees adds nothing of its own, an item the
//! line rules already found is not repeated, and the chair's recap at the end (`我再捋一下…`,
//! `最后我总结一下…`) does not duplicate what was settled before it. Questions, opinions,
//! reported status and pleasantries are not items. Each decision is traced for `--explain`.

mod acts;
mod turns;

use self::acts::{Act, accepts, act, asked_work};
use self::turns::{Turn, origin, shares_topic, shares_work, transcript_turns};
use super::sentence::has_task_text;
use super::to_item;
use super::trace::Tracer;
use crate::minutes::explain::Verdict;
use crate::minutes::item::{ActionItem, Extraction};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, is_cjk};

/// Work asked for and not yet settled: who asked, what, and who was asked (none: `谁来？`).
struct Open {
    turn: usize,
    line: usize,
    item: ActionItem,
    asked: Vec<OwnerRef>,
}

/// An item settled in the conversation: the turns it was spoken of in, its line, and why.
struct Settled {
    turn: usize,
    last: usize,
    line: usize,
    item: ActionItem,
    why: String,
}

/// Records `s`, unless it goes on with the item settled in the turn just before for the same
/// people (`物料我这边可以出，大概需要一周` then `那王维负责物料，9月4日前到营业部`): then that
/// item takes the later date.
fn push(out: &mut Vec<Settled>, s: Settled) {
    if let Some(prev) = out.last_mut()
        && prev.last + 1 >= s.turn
        && s.item.owners.iter().all(|o| prev.item.owners.contains(o))
        && !s.item.owners.is_empty()
        && shares_topic(&prev.item.text, &s.item.text)
    {
        if s.item.deadline.is_some() {
            prev.item.deadline = s.item.deadline;
            prev.item.deadline_text = s.item.deadline_text;
        }
        prev.last = s.last;
        prev.why = format!("{}；{}", prev.why, s.why);
        return;
    }
    out.push(s);
}

/// Reads the transcript in `lines` (if it is one) turn by turn, adds the items settled in the
/// conversation that the line rules missed, and drops the recap's repeats.
pub(super) fn settle(lines: &[String], ctx: &Ctx<'_>, ex: &mut Extraction, tr: &mut Tracer<'_>) {
    let turns = transcript_turns(lines, ctx);
    if turns.is_empty() {
        return;
    }
    let settled = converse(&turns, ctx);
    for s in settled {
        merge(&turns, ctx, s, ex, tr);
    }
    drop_recap(&turns, ctx, ex, tr);
    for item in &mut ex.items {
        glued_names(ctx, item);
    }
}

/// The turns in order, with the open topic carried from one to the next.
fn converse(turns: &[Turn], ctx: &Ctx<'_>) -> Vec<Settled> {
    let mut out: Vec<Settled> = Vec::new();
    let mut open: Option<Open> = None;
    let recap_from = recap_start(turns, ctx);
    for (t, turn) in turns.iter().enumerate() {
        if recap_from.is_some_and(|r| t >= r) {
            break;
        }
        let Some(sp) = turn.speaker.clone() else {
            open = None;
            continue;
        };
        let c = turn.ctx(ctx);
        for (line, s) in turn.sentences() {
            let sc = c.scan(s);
            // The one asked answers: agreement settles the work, with the date they give.
            if let Some(o) = open.as_ref().filter(|o| o.turn < t)
                && (o.asked.is_empty() || o.asked.contains(&sp))
            {
                let volunteers = o.asked.is_empty() && s.contains("我来") && s.chars().count() <= 12;
                let agrees = o.asked.contains(&sp) && accepts(s) && turn.text().chars().count() <= 30;
                if volunteers || agrees {
                    let mut item = o.item.clone();
                    item.owners = if o.asked.is_empty() {
                        vec![sp.clone()]
                    } else {
                        o.asked.clone()
                    };
                    if sc.deadline.is_some() {
                        item.deadline = sc.deadline;
                        item.deadline_text.clone_from(&sc.deadline_text);
                    }
                    let why = if volunteers {
                        format!("第{}行问谁来，{}在第{}行接下", o.line + 1, sp.name(), line + 1)
                    } else {
                        format!("第{}行交给{}，第{}行答应", o.line + 1, sp.name(), line + 1)
                    };
                    push(
                        &mut out,
                        Settled {
                            turn: o.turn,
                            last: t,
                            line: o.line,
                            item,
                            why,
                        },
                    );
                    open = None;
                    continue;
                }
            }
            match act(&c, s, &sc) {
                Act::Ask => {
                    let mut item = to_item(c.scan(&asked_work(s)));
                    item.owners.clear();
                    open = has_task_text(&item.text).then_some(Open {
                        turn: t,
                        line,
                        item,
                        asked: Vec::new(),
                    });
                }
                Act::Assign => {
                    let mut item = to_item(sc.clone());
                    // `…报给我`: the one who asks receives the work, they do not do it.
                    if item.owners.len() > 1 {
                        item.owners.retain(|o| *o != sp);
                    }
                    // `贾瑞你配合罗琦做一下…`: the one spoken to (`X你`) is who was asked.
                    let spoken_to: Vec<OwnerRef> = item
                        .owners
                        .iter()
                        .filter(|o| s.contains(&format!("{}你", o.name())))
                        .cloned()
                        .collect();
                    if !spoken_to.is_empty() {
                        item.owners = spoken_to;
                    }
                    if item.deadline.is_some() {
                        let why = format!("第{}行交给{}并给出时间", line + 1, names(&item.owners));
                        push(
                            &mut out,
                            Settled {
                                turn: t,
                                last: t,
                                line,
                                item,
                                why,
                            },
                        );
                        open = None;
                    } else {
                        let asked = item.owners.clone();
                        open = Some(Open {
                            turn: t,
                            line,
                            item,
                            asked,
                        });
                    }
                }
                Act::Commit(how) => {
                    // A reply to work just given to the speaker is their agreement, not more work.
                    let replies = open.as_ref().is_some_and(|o| o.asked.contains(&sp))
                        || out
                            .last()
                            .is_some_and(|l| l.turn + 1 == t && l.item.owners.contains(&sp));
                    if replies && sc.deadline.is_none() {
                        continue;
                    }
                    let mut item = to_item(sc.clone());
                    if !item.owners.contains(&sp) {
                        item.owners = vec![sp.clone()];
                    }
                    let why = format!("第{}行{}{}", line + 1, sp.name(), how);
                    push(
                        &mut out,
                        Settled {
                            turn: t,
                            last: t,
                            line,
                            item,
                            why,
                        },
                    );
                    open = None;
                }
                Act::Recap | Act::Accept | Act::Other => {}
            }
        }
    }
    out
}

fn names(owners: &[OwnerRef]) -> String {
    owners.iter().map(OwnerRef::name).collect::<Vec<_>>().join("、")
}

/// The first turn of the chair's recap (`我再捋一下`), when the rest of the transcript is
/// that speaker's (or short replies).
fn recap_start(turns: &[Turn], ctx: &Ctx<'_>) -> Option<usize> {
    let t = turns.iter().rposition(|turn| {
        let c = turn.ctx(ctx);
        turn.sentences()
            .iter()
            .any(|(_, s)| act(&c, s, &c.scan(s)) == Act::Recap)
    })?;
    let who = &turns.get(t)?.speaker;
    turns
        .iter()
        .skip(t + 1)
        .all(|x| x.speaker == *who || x.text().chars().count() <= 12)
        .then_some(t)
}

/// Adds a settled item unless the line rules found it already: an item for the same people
/// about the same work or said in the same turns (then it only gains a missing date). An item
/// with no work of its own (`那就这么定了，Kevin你来，毛悦配合测试`) adds its people and date to the
/// item for them from the turns just before, and is not added on its own.
fn merge(turns: &[Turn], ctx: &Ctx<'_>, s: Settled, ex: &mut Extraction, tr: &mut Tracer<'_>) {
    let thin = is_thin(ctx, &s.item);
    let recap = recap_start(turns, ctx);
    let same = ex.items.iter_mut().find(|i| {
        let from = origin(turns, &i.text);
        if from.is_some_and(|f| recap.is_some_and(|r| f >= r)) {
            return false;
        }
        let near = if thin { s.turn.saturating_sub(2) } else { s.turn };
        i.owners.iter().any(|o| s.item.owners.contains(o))
            && (shares_work(&i.text, &s.item.text) || from.is_some_and(|f| (near..=s.last).contains(&f)))
    });
    if let Some(found) = same {
        let mut why = Vec::new();
        if found.deadline.is_none() && s.item.deadline.is_some() {
            found.deadline = s.item.deadline;
            found.deadline_text.clone_from(&s.item.deadline_text);
            why.push("补上时间");
        }
        if thin && s.item.owners.iter().any(|o| !found.owners.contains(o)) {
            for o in &s.item.owners {
                if !found.owners.contains(o) {
                    found.owners.push(o.clone());
                }
            }
            why.push("补上配合人");
        }
        if !why.is_empty() {
            let why = format!("对话：{}，{}", s.why, why.join("、"));
            tr.note(s.line, &why, Verdict::Detail, Vec::new(), Some(found));
        }
        return;
    }
    if thin {
        return;
    }
    let why = format!("对话：{}", s.why);
    tr.note(s.line, &why, Verdict::Item, Vec::new(), Some(&s.item));
    let at = ex
        .items
        .iter()
        .position(|i| origin(turns, &i.text).is_some_and(|o| o > s.turn))
        .unwrap_or(ex.items.len());
    ex.items.insert(at, s.item);
}

/// Words that give work to someone or agree, and say nothing of the work itself.
const NO_WORK: &[&str] = &[
    "就这么定了",
    "这么定了",
    "那就",
    "这个",
    "这块",
    "那个",
    "这事",
    "你来",
    "我来",
    "来做",
    "负责",
    "牵头",
    "配合",
    "跟进",
    "跟一下",
    "弄",
    "做",
    "吧",
    "好的",
    "好",
    "行",
    "可以",
    "没问题",
];

/// Whether an item has no work of its own once its people and the words of giving go.
fn is_thin(ctx: &Ctx<'_>, item: &ActionItem) -> bool {
    let mut t = item.text.clone();
    for o in &item.owners {
        t = t.replace(o.name(), "");
    }
    for p in ctx.members {
        t = t.replace(&p.name, "");
    }
    for w in NO_WORK {
        t = t.replace(w, "");
    }
    t.chars().filter(|c| is_cjk(*c)).count() < 4
}

/// Drops an item said in the recap when it repeats one settled before it.
fn drop_recap(turns: &[Turn], ctx: &Ctx<'_>, ex: &mut Extraction, tr: &mut Tracer<'_>) {
    let Some(from) = recap_start(turns, ctx) else {
        return;
    };
    let origins: Vec<Option<usize>> = ex.items.iter().map(|i| origin(turns, &i.text)).collect();
    let before: Vec<ActionItem> = ex
        .items
        .iter()
        .zip(&origins)
        .filter(|(_, o)| o.is_some_and(|o| o < from))
        .map(|(i, _)| i.clone())
        .collect();
    let mut k = 0;
    ex.items.retain(|item| {
        let o = origins.get(k).copied().flatten();
        k += 1;
        if o.is_none_or(|o| o < from) {
            return true;
        }
        let repeats = before.iter().find(|b| {
            shares_work(&b.text, &item.text)
                || (b.owners.iter().any(|w| item.owners.contains(w)) && b.deadline == item.deadline)
                || (b.deadline.is_some()
                    && b.deadline == item.deadline
                    && (item.owners.is_empty() || shares_topic(&b.text, &item.text)))
        });
        if let Some(b) = repeats {
            let line = turns.get(from).map_or(0, |t| t.first);
            let why = format!("对话：总结重复了前面的待办（{}），不另列：{}", b.text, item.text);
            tr.note(line, &why, Verdict::Detail, Vec::new(), None);
        }
        repeats.is_none()
    });
}

/// `个俞静` (from `这个俞静和童欣一起`): a word glued before a member's full name is that member.
fn glued_names(ctx: &Ctx<'_>, item: &mut ActionItem) {
    for o in &mut item.owners {
        if let OwnerRef::Unresolved(w) = o
            && let Some(p) = ctx.members.iter().find(|p| {
                p.name.chars().count() >= 2
                    && w.ends_with(&p.name)
                    && w.chars().count() == p.name.chars().count() + 1
            })
        {
            *o = OwnerRef::Person(p.clone());
        }
    }
}
