//! What an answer says of the work it agrees to (pure). Work given with few words of its own
//! (`那你问一下`, `你先确认一下`, `小孟你跟一下`) is often named only by the answer of the one asked:
//! `好，我明天上午去问一下供应商的续保报价`, `好的，那我下周一之前把短信模板给合规看`. The item then
//! says the work as the answer does.

use super::acts::is_question;
use super::merge::{Settled, own_work};
use super::turns::{Turn, shares_topic};
use crate::domain::deadline::Deadline;
use crate::minutes::item::ActionItem;
use crate::minutes::scan::{Ctx, Scan};

/// Words an answer opens with that say nothing of the work.
const OPENING: &[&str] = &[
    "好的",
    "好",
    "行",
    "没问题",
    "收到",
    "可以",
    "明白",
    "嗯",
    "OK",
    "ok",
    "成",
    "那",
    "我",
    "就",
    "这边",
];

/// The work an answer names (`去问一下供应商的续保报价`), once its yes, its speaker and its date
/// are gone; none when it names hardly any (`好的，没问题`, `行，两个工作日内给你`). The caller
/// takes it only from an answer with a date: `没问题，测算表出来第二天就提` times the work by
/// another, it does not rename it.
pub(super) fn work_in(ctx: &Ctx<'_>, sc: &Scan) -> Option<String> {
    let undated = sc
        .deadline_text
        .as_deref()
        .map_or_else(|| sc.text.clone(), |d| sc.text.replacen(d, "", 1));
    let mut t = undated.trim();
    while let Some(r) = OPENING
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .map(|r| r.trim_start_matches(['，', ',', '。', ' ', '！', '!']))
    {
        t = r;
    }
    let t = t.trim_end_matches(['。', '！', '!', '~']);
    let item = ActionItem {
        text: t.to_owned(),
        owners: sc.owners.clone(),
        deadline: None,
        deadline_text: None,
        priority: None,
        units: Vec::new(),
    };
    (own_work(ctx, &item) >= 4).then(|| t.to_owned())
}

/// The item's text once the answer has named the work: the answer's words for work given with
/// hardly any of its own, else both (`还有客户通知…你跟一下：把短信模板给合规看`).
pub(super) fn named_by(ctx: &Ctx<'_>, item: &ActionItem, work: &str) -> String {
    if own_work(ctx, item) < 4 {
        work.to_owned()
    } else {
        format!("{}：{work}", item.text.trim_end_matches(['。', '！', '!']))
    }
}

/// `林可：另外季度的等保测评，报告下下周三要交给合规。` then `周敏：那林可你盯一下测评报告。` and
/// `林可：收到。`: work given with no date (in turn `t`) to the one who said just before that it
/// is still to be done by a date, and accepted, takes that date. Only a limit or a day said with
/// 要/需/得 in its clause counts: not work done (`节前有两只票被…`), not how long something lasts
/// (`按制度要公示五个工作日`, `要挂三天`).
pub(super) fn date_before(
    turns: &[Turn],
    t: usize,
    ctx: &Ctx<'_>,
    item: &ActionItem,
) -> Option<(Deadline, String)> {
    let prev = turns.get(t.checked_sub(1)?)?;
    if !prev.speaker.as_ref().is_some_and(|sp| item.owners.contains(sp)) {
        return None;
    }
    let c = prev.ctx(ctx);
    prev.sentences().iter().rev().find_map(|(_, s)| {
        let sc = c.scan(s);
        let d = sc.deadline?;
        let w = sc.deadline_text?;
        let limit = w.ends_with(['前', '内', '底', '末'])
            || (!w.contains("工作日")
                && !w.contains("交易日")
                && ['周', '号', '日'].iter().any(|k| w.contains(*k)));
        let clause = s
            .split(['，', ',', '。', '；'])
            .find(|c| c.contains(w.as_str()))
            .unwrap_or_default()
            .replace(w.as_str(), "");
        let pending = ["要", "需", "得", "必须"].iter().any(|k| clause.contains(k))
            && !["已", "做完", "完成了", "交了"].iter().any(|k| s.contains(k));
        let about = shares_topic(&item.text, s);
        (limit && pending && about && !is_question(s)).then_some((d, w))
    })
}

/// `这个我来吧，我手上有上次的地址表`, `这事我来，我熟`: a first clause that takes on what was just
/// said (`这个`, `这事`, `这块`) and names no work of its own, whatever follows it.
pub(super) fn points_back(ctx: &Ctx<'_>, s: &str) -> bool {
    let first = s.split(['，', ',', '。']).next().unwrap_or(s);
    let clause = ActionItem {
        text: first.to_owned(),
        owners: Vec::new(),
        deadline: None,
        deadline_text: None,
        priority: None,
        units: Vec::new(),
    };
    ["这个", "这事", "这块", "这件事"]
        .iter()
        .any(|w| first.starts_with(w))
        && first.contains("我来")
        && own_work(ctx, &clause) == 0
}

/// `那就孙磊牵头吧，…三个工作日内给一个初版` after `还有数据迁移要用的校验脚本，…`: an item that
/// names hardly any work is about the topic opened up to three turns before.
pub(super) fn with_topic(ctx: &Ctx<'_>, topic: Option<&(usize, String)>, mut s: Settled) -> Settled {
    if let Some((at, t)) = topic
        && s.topic.is_none()
        && s.turn <= at + 3
        // `还有那个利率优惠的申请，…批了没有？` then `还没批，我跟一下，…`: the answer is about it.
        && (own_work(ctx, &s.item) < 7 || s.turn == at + 1)
        && !s.item.text.contains(t.as_str())
    {
        s.item.text = format!("{t}：{}", s.item.text);
        s.topic = Some(t.clone());
        s.why = format!("{}（事项见第{}轮发言）", s.why, at + 1);
    }
    s
}

/// Whether the clause holding the date says nothing else (`那就两周内吧`).
pub(super) fn date_alone(ctx: &Ctx<'_>, s: &str, sc: &Scan) -> bool {
    let Some(d) = sc.deadline_text.as_deref() else {
        return false;
    };
    s.split(['，', ',', '。'])
        .find(|c| c.contains(d))
        .is_some_and(|c| {
            let item = ActionItem {
                text: c.replace(d, ""),
                owners: Vec::new(),
                deadline: None,
                deadline_text: None,
                priority: None,
                units: Vec::new(),
            };
            own_work(ctx, &item) == 0
        })
}

/// `我来吧。`, `我吧，周五前加上。`, `我可以，下周给你。`: a short answer to `…谁来？` that takes it on.
pub(super) fn volunteers(s: &str) -> bool {
    let t = s.trim().trim_start_matches(['嗯', '好', '那', '，', ',', ' ']);
    let short = s.chars().count() <= 16;
    short
        && (s.contains("我来")
            || ["我吧", "我可以", "我去", "我负责", "交给我"]
                .iter()
                .any(|w| t.starts_with(w)))
}
