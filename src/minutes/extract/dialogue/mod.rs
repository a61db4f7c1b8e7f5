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
mod asked_about;
mod back;
mod bare_verb;
mod brought;
mod closing;
mod hand;
mod helper;
mod merge;
mod object;
mod offer_dated;
mod overrule;
mod people;
mod reply;
mod reply_date;
mod report;
mod status_reply;
mod turns;
mod when_asked;

use self::acts::{Act, accepts, act, asked_people, asked_work, opening_topic};
use self::merge::{Settled, drop_recap, glued_names, merge, own_work, recap_start};
use self::reply::{date_alone, with_topic};
use self::turns::{Turn, latin_names, shares_topic, transcript_turns};
use super::sentence::has_task_text;
use super::trace::Tracer;
use crate::minutes::item::{ActionItem, Extraction};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, OwnerHow, Scan};

/// Work asked for and not yet settled: who asked, what, and who was asked (none: `谁来？`).
struct Open {
    turn: usize,
    line: usize,
    item: ActionItem,
    asked: Vec<OwnerRef>,
    by: Option<OwnerRef>,
}

/// Records `s`, unless it goes on with the item settled in the turn just before for the same
/// people (`物料我这边可以出，大概需要一周` then `那王维负责物料，9月4日前到营业部`): then that
/// item takes the later date.
/// So does work given with no work named (`好，袁静写，11月5日前给我。` after `我来吧。`).
fn push(ctx: &Ctx<'_>, out: &mut Vec<Settled>, s: Settled) {
    if let Some(prev) = out.last_mut()
        && prev.last + 1 >= s.turn
        && s.item.owners.iter().all(|o| prev.item.owners.contains(o))
        && !s.item.owners.is_empty()
        && (shares_topic(&prev.item.text, &s.item.text) || own_work(ctx, &s.item) < 4)
    {
        if s.item.deadline.is_some() {
            prev.item.deadline = s.item.deadline;
            prev.item.deadline_text = s.item.deadline_text;
            prev.dated = s.dated;
        }
        prev.last = s.last;
        prev.why = format!("{}；{}", prev.why, s.why);
        return;
    }
    out.push(s);
}

/// Reads the transcript in `lines` (if it is one) turn by turn, adds the items settled in the
/// conversation that the line rules missed, and drops the recap's repeats.
pub(super) fn settle(
    lines: &[String],
    ctx: &Ctx<'_>,
    to_item: fn(Scan) -> ActionItem,
    ex: &mut Extraction,
    tr: &mut Tracer<'_>,
) {
    let turns = transcript_turns(lines, ctx);
    if turns.is_empty() {
        return;
    }
    for item in &mut ex.items {
        let line = turns::origin(&turns, &item.text)
            .and_then(|t| turns.get(t))
            .map_or(0, |t| t.said.first().map_or(t.first, |(n, _)| *n));
        glued_names(ctx, line, item, tr);
    }
    let aliases = latin_names(&turns, lines);
    let settled = converse(&turns, &aliases, ctx, to_item);
    let recap = recap_start(&turns, ctx);
    for s in settled {
        merge(&turns, ctx, recap, s, ex, tr);
    }
    drop_recap(&turns, ctx, ex, tr);
    back::name_replies(&turns, ex, tr);
    hand::hand_over(&turns, ctx, ex, tr);
    brought::bring_in(&turns, ctx, ex);
    status_reply::answers_name_the_work(&turns, ctx, ex, tr);
    when_asked::dated_by_giver(&turns, ctx, to_item, ex, tr);
    offer_dated::agreed_offers(&turns, ctx, to_item, ex, tr);
    bare_verb::name_bare_work(&turns, ctx, ex, tr);
    reply_date::date_by_reply(&turns, ex, tr);
}

/// The turns in order, with the open topic carried from one to the next.
fn converse(
    turns: &[Turn],
    aliases: &[(String, OwnerRef)],
    ctx: &Ctx<'_>,
    to_item: fn(Scan) -> ActionItem,
) -> Vec<Settled> {
    let mut out: Vec<Settled> = Vec::new();
    let mut open: Option<Open> = None;
    // The last topic opened (`还有数据迁移要用的校验脚本，…`) and its turn.
    let mut topic: Option<(usize, String)> = None;
    let recap_from = recap_start(turns, ctx);
    // The people named in the turn before (`石磊，月内报给总部没问题吧？`) and in this one.
    let mut named_now: Vec<OwnerRef> = Vec::new();
    for (t, turn) in turns.iter().enumerate() {
        if recap_from.is_some_and(|r| t >= r) {
            break;
        }
        let named_before = std::mem::take(&mut named_now);
        let Some(sp) = turn.speaker.clone() else {
            open = None;
            continue;
        };
        let c = turn.ctx(ctx);
        // `刘芳，上个月…。但是定投客户的回访你跟一下`: `你` is the one called by name in the turn.
        let mut you = c.addressed.clone();
        for (line, s) in turn.sentences() {
            let called = people::called(&c, s);
            if let Some(who) = &called {
                you = Some(who.clone());
            }
            let mut sc = c.scan(s);
            // `我后天晚上写个纪要发群里`: the day a speaker says they will do it is its date.
            if sc.deadline.is_none()
                && let Some((_, after)) = s.rsplit_once('我')
                && let Some((w, Some(d))) =
                    c.deadline_in(after.split(['，', ',', '。']).next().unwrap_or(after))
                && after.starts_with(w.chars().next().unwrap_or_default())
            {
                sc.deadline = Some(d);
                sc.deadline_text = Some(w);
            }
            // `袁静写`, `方圆这周把…`, `那就老王牵头吧`: the people the scan read wrong or left out.
            people::unglue(ctx, &mut sc.owners);
            if people::add_named(&c, s, &mut sc.owners) {
                sc.how = sc.how.max(OwnerHow::Named);
            }
            // The sentence with Latin names written as the people's names.
            let named = aliases
                .iter()
                .fold(s.to_owned(), |acc, (n, who)| acc.replace(n.as_str(), who.name()));
            // `Kevin你来`: a speaker called by the Latin name of their label.
            for (name, who) in aliases {
                if s.contains(name.as_str()) && !sc.owners.contains(who) && Some(who) != c.speaker.as_ref() {
                    let at = if s.contains(&format!("{name}你")) {
                        0
                    } else {
                        sc.owners.len()
                    };
                    sc.owners.insert(at, who.clone());
                    sc.how = sc.how.max(OwnerHow::Named);
                }
            }
            // `那你3月18日前发出来`: `你` is the one who spoke before.
            // `老王，你们部门来吧？`: `你们` is the one just called. `…先把稿子给我看一眼`: sent to
            // the speaker, not done by them.
            let mine = ["给我", "发我", "报我", "告诉我", "交我", "转我", "抄我"]
                .iter()
                .fold(s.to_owned(), |t, w| t.replace(w, ""))
                .contains('我');
            let only = |w: Option<&OwnerRef>| w.is_some_and(|w| sc.owners == [w.clone()]);
            // `志远，你…`: the scan's `你` (the one who spoke before) gives way to the one called.
            let before = called.is_some() && only(c.addressed.as_ref());
            if (sc.owners.is_empty() || only(called.as_ref()) || only(c.speaker.as_ref()) || before)
                && s.contains('你')
                && (!s.contains("你们") || called.is_some())
                && !mine
                && !["给你", "跟你", "和你", "向你", "告诉你", "通知你", "发你"]
                    .iter()
                    .any(|w| s.contains(w))
                && let Some(you) = you.clone()
            {
                sc.owners = vec![you];
                sc.how = OwnerHow::Named;
            }
            // `你跟邢磊把联调计划排出来`: the one spoken to works with the one named.
            if let Some(you) = you
                .clone()
                .filter(|y| Some(y) != c.speaker.as_ref() && !sc.owners.contains(y))
                && sc.owners.iter().any(|o| {
                    ["你跟", "你和", "你与"]
                        .iter()
                        .any(|w| s.contains(&format!("{w}{}", o.name())))
                })
            {
                sc.owners.insert(0, you);
                sc.how = sc.how.max(OwnerHow::Named);
            }
            named_now.extend(sc.owners.iter().filter(|o| **o != sp).cloned());
            if let Some(tp) = opening_topic(s) {
                topic = Some((t, tp));
            }
            // The one asked answers: agreement settles the work, with the date they give.
            if let Some(o) = open.as_ref().filter(|o| o.turn < t)
                && (o.asked.is_empty() || o.asked.contains(&sp))
            {
                let volunteers = o.asked.is_empty() && reply::volunteers(s);
                // `雨桐你先写，我来审。`: the one spoken to writes, the speaker helps.
                let with: Vec<OwnerRef> = if volunteers && s.contains('你') {
                    asked_people(&named, &sc.owners, &sp)
                } else {
                    vec![sp.clone()]
                };
                let agrees = o.asked.contains(&sp) && accepts(s) && turn.text().chars().count() <= 30;
                if volunteers || agrees {
                    let mut item = o.item.clone();
                    item.owners = if o.asked.is_empty() { with } else { o.asked.clone() };
                    // `没问题。宣传物料我来对接，这周五前到位。`: the date of work the answer takes
                    // on besides is not the asked work's, which keeps its own.
                    // `好的闫总，明天上班就发。` to work asked by a later date: the promise beats
                    // the deadline, which stands.
                    let sooner = agrees
                        && item
                            .deadline
                            .zip(sc.deadline)
                            .is_some_and(|(asked, promised)| promised.at < asked.at);
                    let own_date = sooner || (agrees && item.deadline.is_some() && reply::volunteers(s));
                    if sc.deadline.is_some() && !own_date {
                        item.deadline = sc.deadline;
                        item.deadline_text.clone_from(&sc.deadline_text);
                    }
                    if let Some(w) = reply::work_in(ctx, &sc).filter(|_| agrees && sc.deadline.is_some()) {
                        item.text = reply::named_by(ctx, &item, &w);
                    }
                    if item.deadline.is_none()
                        && agrees
                        && let Some((d, w)) = reply::date_before(turns, o.turn, ctx, &item)
                    {
                        (item.deadline, item.deadline_text) = (Some(d), Some(w));
                    }
                    let why = if volunteers {
                        format!("第{}行问谁来，{}在第{}行接下", o.line + 1, sp.name(), line + 1)
                    } else {
                        format!("第{}行交给{}，第{}行答应", o.line + 1, sp.name(), line + 1)
                    };
                    let dated = if sc.deadline.is_some() && !own_date {
                        t
                    } else {
                        o.turn
                    };
                    let new = Settled {
                        last: t,
                        dated,
                        ..Settled::new(o.turn, o.line, item, why, o.by.clone())
                    };
                    push(ctx, &mut out, with_topic(ctx, topic.as_ref(), new));
                    open = None;
                    continue;
                }
            }
            // `这个我来吧。` — `还是让小鄂来。`: the offer just made is given to another.
            if overrule::gives_instead(s)
                && out.last().is_some_and(|l| {
                    l.last + 2 >= t && l.item.deadline.is_none() && !l.item.owners.contains(&sp)
                })
            {
                out.pop();
                if overrule::only_instead(s) {
                    continue;
                }
            }
            // `没回复的再打一轮电话，明天下班前把名单给我。` to the one who just reported, who says
            // yes next: dated work to bring back to the speaker, though no one is named.
            if sc.owners.is_empty()
                && sc.deadline.is_some()
                && has_task_text(&sc.text)
                && ["给我", "发我", "报我", "交给我", "报给我", "发给我"]
                    .iter()
                    .any(|w| s.contains(w))
                // `我来…`, `你…`: whose work it is is said.
                && !s.replace("给我", "").replace("发我", "").replace("报我", "").contains(['我', '你'])
                && !acts::is_question(s)
                && let Some(prev) = t
                    .checked_sub(1)
                    .and_then(|p| turns.get(p))
                    .and_then(|p| p.speaker.clone())
                && prev != sp
                && turns.get(t + 1).is_some_and(|n| {
                    n.speaker.as_ref() == Some(&prev) && accepts(&n.text()) && n.text().chars().count() <= 8
                })
                && matches!(act(&c, s, &sc), Act::Other | Act::Accept)
                && out.last().is_none_or(|l| l.last + 1 < t)
            {
                let mut item = to_item(sc.clone());
                item.owners = vec![prev.clone()];
                let why = format!("第{}行交给上一位发言的{}，对方答应", line + 1, prev.name());
                let new = Settled::new(t, line, item, why, Some(sp.clone()));
                push(ctx, &mut out, with_topic(ctx, topic.as_ref(), new));
                open = None;
                continue;
            }
            match act(&c, s, &sc) {
                Act::Ask => {
                    // `告警这块还缺规则，要加一下。谁负责？`: the work is the sentence before.
                    let mut work = asked_work(s);
                    if !has_task_text(&work) {
                        work = super::turns::asked_about(&turn.text());
                    }
                    let mut item = to_item(c.scan(&work));
                    item.owners.clear();
                    open = has_task_text(&item.text).then_some(Open {
                        turn: t,
                        line,
                        item,
                        asked: Vec::new(),
                        by: Some(sp.clone()),
                    });
                }
                Act::Assign => {
                    let mut item = to_item(sc.clone());
                    // `那你来回复？`: offered as a question.
                    item.text = item.text.trim_end_matches(['？', '?']).to_owned();
                    item.owners = asked_people(&named, &item.owners, &sp);
                    // `行 那物料改由周小川负责` while `物料…陈晨你来弄` is open: that work, handed over.
                    let (mut at, mut at_line) = (t, line);
                    let hands = hand::handed(&c, s);
                    // `设备巡检往后推到8月底，印章年检改由谷雪负责`: the date of another clause.
                    if let Some((_, _, clause)) = hands
                        && item.deadline_text.as_deref().is_some_and(|d| !clause.contains(d))
                    {
                        item.deadline = None;
                        item.deadline_text = None;
                    }
                    if let Some(o) = open.as_ref().filter(|o| {
                        hands.is_some()
                            && !o.asked.is_empty()
                            && !o.asked.iter().any(|a| item.owners.contains(a))
                    }) {
                        item.text.clone_from(&o.item.text);
                        if item.deadline.is_none() {
                            item.deadline = o.item.deadline;
                            item.deadline_text.clone_from(&o.item.deadline_text);
                        }
                        (at, at_line) = (o.turn, o.line);
                    }
                    // `行，黄丽主笔，志强把技术细节给她。` just after 黄丽 took it on: the helpers.
                    if item.deadline.is_none()
                        && item.owners.len() > 1
                        && let Some(last) = out.last_mut().filter(|l| {
                            l.last + 2 >= t && item.owners.first().is_some_and(|o| l.item.owners.contains(o))
                        })
                    {
                        for o in &item.owners {
                            if !last.item.owners.contains(o) {
                                last.item.owners.push(o.clone());
                            }
                        }
                        last.last = t;
                        last.by = Some(sp.clone());
                        last.why = format!("{}，第{}行补上配合人", last.why, line + 1);
                        open = None;
                        continue;
                    }
                    if item.deadline.is_some() {
                        let why = format!("第{}行交给{}并给出时间", line + 1, names(&item.owners));
                        let new = Settled::new(at, at_line, item, why, Some(sp.clone()));
                        push(ctx, &mut out, with_topic(ctx, topic.as_ref(), new));
                        open = None;
                    } else {
                        let asked = item.owners.clone();
                        let by = Some(sp.clone());
                        open = Some(Open {
                            turn: at,
                            line: at_line,
                            item,
                            asked,
                            by,
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
                    // `好的甘总，我今天先出个初稿。` to `小尤，排班表国庆前给我。`: yes, and a first step
                    // of the work just given with its date, not work of its own.
                    let answers_dated = out.last().is_some_and(|l| {
                        l.turn + 1 == t && l.item.owners.contains(&sp) && l.item.deadline.is_some()
                    });
                    if answers_dated && acts::first_clause_agrees(s) {
                        continue;
                    }
                    // `没问题，我这周先把营业部的数据收上来。` to `石磊，月内报给总部没问题吧？`: yes,
                    // and the first step of that work, not work of its own.
                    if named_before.contains(&sp) && acts::opens_agreeing(s) {
                        continue;
                    }
                    let mut item = to_item(sc.clone());
                    if !item.owners.contains(&sp) {
                        item.owners = vec![sp.clone()];
                    }
                    let mut why = format!("第{}行{}{}", line + 1, sp.name(), how);
                    // `我去谈。` after `调副总那个事，…`: the matter of the turn before.
                    // `这个我来吧，我手上有上次的地址表`: pointing back, whatever the reason after it.
                    let points = reply::points_back(ctx, s);
                    let matter =
                        back::proposal_before(turns, t).filter(|_| own_work(ctx, &item) < 4 || points);
                    // `写了一半，周五前我发给您。` to `…的带教计划写了吗？`: the work asked after.
                    let matter = matter.or_else(|| asked_about::asked_about(turns, t, &sp));
                    if let Some(m) = &matter {
                        item.text = format!("{m}：{}", item.text);
                        why.push_str("（事项见上一轮发言）");
                    }
                    let mut new = Settled::new(t, line, item, why, None);
                    new.topic = matter;
                    push(ctx, &mut out, with_topic(ctx, topic.as_ref(), new));
                    open = None;
                }
                // `下周四前吧。`, `行，下周三之前核完。` just after work was settled: its date.
                // `那就两周内吧，两周内给我看新结果。`: a clause of its date alone.
                Act::Other | Act::Accept
                    if sc.deadline.is_some()
                        && sc.owners.is_empty()
                        // `好，那今天就这样。`: the meeting closing.
                        && !["就这样", "散会", "到这", "就这些"].iter().any(|w| s.contains(w))
                        && (own_work(ctx, &to_item(sc.clone())) < 3 || date_alone(ctx, s, &sc)) =>
                {
                    if let Some(last) = out
                        .last_mut()
                        .filter(|l| l.last + 1 >= t && l.item.deadline.is_none())
                    {
                        last.item.deadline = sc.deadline;
                        last.item.deadline_text.clone_from(&sc.deadline_text);
                        last.dated = t;
                        last.why = format!("{}，第{}行给出时间", last.why, line + 1);
                    }
                }
                Act::Recap | Act::Accept | Act::Other => {}
            }
        }
    }
    // `…丽君你到时候发一下。` as the last word of the meeting: work given to someone spoken to
    // (`你`), which nobody answered or handed on since, stands as given.
    if let Some(o) = open.filter(|o| {
        o.by.is_some()
            && !o.asked.is_empty()
            && o.turn + 1 == turns.len()
            && recap_from.is_none()
            && turns.get(o.turn).is_some_and(|t| t.text().contains('你'))
    }) {
        let why = format!("第{}行交给{}（会议至此结束）", o.line + 1, names(&o.asked));
        let mut item = o.item;
        item.owners = o.asked;
        push(ctx, &mut out, Settled::new(o.turn, o.line, item, why, o.by));
    }
    out
}

fn names(owners: &[OwnerRef]) -> String {
    owners.iter().map(OwnerRef::name).collect::<Vec<_>>().join("、")
}
