//! Work named in an earlier turn (pure). An item said in reply names hardly any work of its own:
//! `对，这个要出。钱斌你来写吧，周五之前给我。` answers `我们是不是要出一个统一的口径？`, `线上可以。
//! 罗刚你来办…` answers `那线上直播呢？`, `行，孟瑶写，两天内给我看。` answers `营业部需要一个统一的
//! 客户沟通话术，我可以先写一版。`; `回到刚才邹斌说的分层…` and `盛楠你提的，你来约吧` point back to
//! what that person proposed turns before. The item is named by that proposal.

use super::acts::is_question;
use super::turns::{Turn, origin, shares_topic};
use crate::minutes::explain::Verdict;
use crate::minutes::extract::trace::Tracer;
use crate::minutes::item::Extraction;
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::is_cjk;

/// Words that propose work in a statement.
const PROPOSE: &[&str] = &[
    "建议",
    "提议",
    "需要",
    "最好",
    "可以考虑",
    "是不是要",
    "是不是该",
    "要不要",
];

/// Words that open a proposal or a question and are no part of its work.
const LEADS: &[&str] = &[
    "我们是不是要",
    "是不是要",
    "是不是该",
    "我们要不要",
    "要不要",
    "我提议",
    "我建议",
    "建议",
    "提议",
    "我们",
    "那么",
    "那",
    "嗯",
    "对",
    "还有",
    "另外",
];

/// Words a reply agrees with and that name no work.
const AGREE: &[&str] = &[
    "没问题",
    "有道理",
    "同意",
    "好的",
    "可以",
    "是的",
    "那就",
    "好",
    "行",
    "嗯",
    "对",
    "那",
    "就",
    "吧",
];

/// `这个我来吧`, `这块交给我`: a reply taking on what was just said.
fn takes_on(clause: &str) -> bool {
    let t = clause.trim().trim_end_matches(['吧', '。']);
    ["我来", "交给我", "我负责", "我跟"].iter().any(|w| t.contains(w)) && t.chars().count() <= 6
}

/// Words pointing at the work just proposed, and the verbs said with them (`这个要出`).
const POINT: &[&str] = &["这个", "这事", "这块"];
const POINT_VERBS: &[&str] = &["要", "出", "做", "办", "弄", "写"];

fn cjk_count(s: &str) -> usize {
    s.chars().filter(|c| is_cjk(*c)).count()
}

/// Whether a clause only agrees (`对`, `这个要出`, `线上可以`: at most two characters of its own).
fn agrees(clause: &str) -> bool {
    let mut t = clause.trim().to_owned();
    let points = POINT.iter().any(|w| t.contains(w));
    for w in AGREE.iter().chain(POINT) {
        t = t.replace(w, "");
    }
    if points {
        for w in POINT_VERBS {
            t = t.replace(w, "");
        }
    }
    cjk_count(&t) < cjk_count(clause) && cjk_count(&t) <= 2 && !clause.contains(['我', '你'])
}

fn strip_lead(mut t: &str) -> &str {
    while let Some(r) = LEADS
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .map(|r| r.trim_start_matches(['，', ',', ' ']))
    {
        t = r;
    }
    t
}

/// The work a sentence proposes: the clause that asks or proposes (and the next ones, up to one
/// the speaker speaks of themselves in), without its opening words.
fn proposed(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches(['。', '！', '!']);
    let asks = is_question(s) && !s.contains('谁');
    let s = s.trim_end_matches(['？', '?']);
    let s = s.strip_suffix('呢').or_else(|| s.strip_suffix('吗')).unwrap_or(s);
    let clauses: Vec<&str> = s.split(['，', ',']).map(str::trim).collect();
    // `调副总那个事，萧山那边…`: the matter named first.
    if let Some(first) = clauses.first()
        && let Some(matter) = ["那个事", "这个事", "那件事", "这件事"]
            .iter()
            .find_map(|w| first.strip_suffix(w))
            .filter(|m| cjk_count(m) >= 2)
    {
        return Some(strip_lead(matter).to_owned());
    }
    // `各营业部的收货地址要核一遍`: work said to be needed, when nothing is proposed outright.
    let needed = |c: &&str| !asks && !c.contains('我') && ["要", "得"].iter().any(|w| c.contains(w));
    // `志强，你来？`: an offer to someone names no work.
    let offer = |c: &str| c.starts_with('你') || cjk_count(c) < 3;
    let at = clauses
        .iter()
        .position(|c| PROPOSE.iter().any(|w| c.contains(w)))
        .or_else(|| {
            (asks && !clauses.last().is_some_and(|c| offer(c))).then(|| clauses.len().saturating_sub(1))
        })
        .or_else(|| clauses.iter().position(needed))?;
    let mut out = String::new();
    for c in clauses.iter().skip(at) {
        let c = if out.is_empty() { strip_lead(c) } else { c };
        let c = c.replacen("我建议", "", 1).replacen("建议", "", 1);
        if !out.is_empty() && (c.starts_with(['我', '这']) || out.chars().count() + c.chars().count() > 30)
        {
            break;
        }
        if !out.is_empty() {
            out.push('，');
        }
        out.push_str(&c);
    }
    (cjk_count(&out) >= 2).then_some(out)
}

/// The proposal in the turn before `t`, said by someone else.
pub(super) fn proposal_before(turns: &[Turn], t: usize) -> Option<String> {
    let turn = turns.get(t)?;
    let prev = turns.get(t.checked_sub(1)?)?;
    (prev.speaker.is_some() && prev.speaker != turn.speaker && !passes_on(&prev.text()))
        .then(|| proposal_in(prev))
        .flatten()
}

/// The last proposal made in `turn`.
fn proposal_in(turn: &Turn) -> Option<String> {
    turn.sentences().iter().rev().find_map(|(_, s)| proposed(s))
}

/// `回到刚才邹斌说的分层`, `盛楠你提的`: the person an item points back to.
fn pointed_to<'t>(text: &str, turns: &'t [Turn], before: usize) -> Option<&'t OwnerRef> {
    turns
        .iter()
        .take(before)
        .filter_map(|t| t.speaker.as_ref())
        .find(|who| {
            let n = who.name();
            [
                format!("刚才{n}说的"),
                format!("{n}刚才说的"),
                format!("{n}你提的"),
                format!("{n}提的"),
                format!("{n}说的"),
                format!("{n}刚才提的"),
            ]
            .iter()
            .any(|w| text.contains(w.as_str()))
        })
}

/// `我这周手上有新股的事，要不让黄丽来？`: a turn that passes the work to someone else (busy, or
/// proposing another person), not a proposal of work.
fn passes_on(text: &str) -> bool {
    super::hand::says_away(text)
        || ["要不让", "要不叫", "让别人", "换个人", "手上有", "手上还有"]
            .iter()
            .any(|w| text.contains(w))
}

/// What the turns from `from` to before `to` said (the ones passing the work on).
fn deflected(turns: &[Turn], from: usize, to: usize) -> String {
    turns
        .get(from..to)
        .map(|ts| ts.iter().map(Turn::text).collect())
        .unwrap_or_default()
}

/// The clauses of `text` left once those agreeing or pointing back go from its head (and
/// those quoting a turn that passed the work on).
fn rest_after(text: &str, pointing: bool, passed: &str) -> String {
    let clauses: Vec<&str> = text.split(['，', '：', ',']).collect();
    let skip = clauses
        .iter()
        .take_while(|c| {
            agrees(c)
                || takes_on(c)
                || (!c.trim().is_empty() && passed.contains(c.trim()))
                || (pointing
                    && ["刚才", "提的", "说的", "我觉得", "我看", "有道理"]
                        .iter()
                        .any(|w| c.contains(w)))
        })
        .count();
    clauses.get(skip..).map(|r| r.join("，")).unwrap_or_default()
}

/// Names each item said in reply to a proposal, or pointing back to one, by that proposal.
pub(super) fn name_replies(turns: &[Turn], ex: &mut Extraction, tr: &mut Tracer<'_>) {
    for item in &mut ex.items {
        // `…要不让黄丽来：我来吧，给初稿`: the words after a question put before them were said last.
        let tail = item.text.rsplit('：').next().unwrap_or_default();
        let Some(t) = origin(turns, tail).or_else(|| origin(turns, &item.text)) else {
            continue;
        };
        let Some(turn) = turns.get(t) else { continue };
        // `回到刚才邹斌说的分层`: the latest proposal of the one pointed to.
        let pointed = pointed_to(&item.text, turns, t).and_then(|who| {
            let at = turns
                .iter()
                .take(t)
                .rposition(|x| x.speaker.as_ref() == Some(who) && proposal_in(x).is_some())?;
            Some((at, proposal_in(turns.get(at)?)?))
        });
        // `对，这个要出。…`: a reply that opens by agreeing to the turn before.
        let replied = || {
            let opens = turn
                .text()
                .split(['，', '。', ',', '！'])
                .next()
                .is_some_and(|c| agrees(c) || takes_on(c));
            // `我这周手上有新股的事，要不让黄丽来？` between: a turn passing the work on is skipped.
            let mut p = t.checked_sub(1)?;
            loop {
                let prev = turns.get(p)?;
                if !opens || prev.speaker.is_none() || prev.speaker == turn.speaker {
                    return None;
                }
                if !passes_on(&prev.text()) {
                    return Some((p, proposal_in(prev)?, deflected(turns, p + 1, t)));
                }
                p = p.checked_sub(1).filter(|q| q + 3 >= t)?;
            }
        };
        let Some((at, topic, passed)) = pointed
            .clone()
            .map(|(a, tp)| (a, tp, String::new()))
            .or_else(replied)
        else {
            continue;
        };
        let rest = rest_after(&item.text, pointed.is_some(), &passed);
        // A reply naming work of its own (`行，联调就薛婷对口，你跟邢磊把联调计划排出来`) keeps it.
        let own: String = rest.split('，').filter(|c| !agrees(c) && !takes_on(c)).collect();
        let own = item.owners.iter().fold(own, |t, o| t.replace(o.name(), ""));
        let thin = cjk_count(&own) <= 8;
        if item.text.contains(topic.as_str()) || (pointed.is_none() && (!thin || shares_topic(&rest, &topic)))
        {
            continue;
        }
        item.text = if rest.is_empty() {
            topic
        } else {
            format!("{topic}：{rest}")
        };
        let line = turns
            .get(at)
            .map_or(0, |x| x.said.first().map_or(x.first, |(n, _)| *n));
        let why = format!("对话：事项是第{}行提出的", line + 1);
        tr.note(line, &why, Verdict::Detail, Vec::new(), Some(item));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_work_a_proposal_names() {
        assert_eq!(
            proposed("嗯，组合回撤的问题客户问得比较多，我们是不是要出一个统一的口径？").as_deref(),
            Some("出一个统一的口径")
        );
        assert_eq!(proposed("那线上直播呢？").as_deref(), Some("线上直播"));
        assert_eq!(
            proposed("营业部需要一个统一的客户沟通话术，我可以先写一版。").as_deref(),
            Some("营业部需要一个统一的客户沟通话术")
        );
        assert_eq!(
            proposed("另外装修那块，我们之前吃过亏，建议提前跟消防预约验收。").as_deref(),
            Some("提前跟消防预约验收")
        );
        assert_eq!(proposed("剩下的谁在跟？"), None);
        assert_eq!(proposed("志强，你来？"), None);
        assert_eq!(proposed("调岗那个事，那边不一定放人。").as_deref(), Some("调岗"));
        assert_eq!(proposed("我手上还有两个项目在做，可能顾不过来。"), None);
        assert!(agrees("对") && agrees("这个要出") && agrees("线上可以"));
        assert!(!agrees("钱斌你来写吧") && !agrees("办一场") && !agrees("交了"));
    }
}
