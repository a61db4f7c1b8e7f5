//! What an answer says of the work it agrees to (pure). Work given with few words of its own
//! (`那你问一下`, `你先确认一下`, `小孟你跟一下`) is often named only by the answer of the one asked:
//! `好，我明天上午去问一下供应商的续保报价`, `好的，那我下周一之前把短信模板给合规看`. The item then
//! says the work as the answer does.

use super::merge::own_work;
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
/// are gone; none when it names hardly any (`好的，没问题`, `行，两个工作日内给你`).
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
