//! The words of labelled-field blocks in general (`事项`/`任务` …, states and what says done) and
//! how a line splits into fields: pure helpers for [`super::fields`] and the block reader.

use super::keys::{CONCLUSION, DUE, HELP, LEAD, NEXT, OTHER, STARTS, split_key};

/// Keys naming a block's work (followed by an optional number: `事项一：`, `任务2：`).
pub(super) const WORK: &[&str] = &[
    "工作内容",
    "工作事项",
    "督办事项",
    "待办事项",
    "整改事项",
    "整改措施",
    "整改项",
    "任务名称",
    "事项",
    "任务",
    "工作",
    "内容",
    "待办",
    "问题",
    "措施",
    // `对策：…`, `改进举措：…`: what a card of a problem asks done, as `措施：` does.
    "对策",
    "举措",
    "Task",
    "task",
];

/// Work keys that, before the block's owner or deadline, say more of the same work (`事项：…` then
/// `措施：…`, `内容：…`): they go into its title.
pub(super) const DESCRIBE: &[&str] = &["工作内容", "整改措施", "内容", "措施", "对策", "举措"];

/// Keys naming a block's state (`状态：已完成`, `进展：进行中`).
pub(super) const STATE: &[&str] = &[
    "当前状态",
    "完成情况",
    "办结情况",
    "办理情况",
    "办理状态",
    "状态",
    "进展",
    "进度",
    "Status",
    "status",
];

/// States that leave nothing to do (`已完成`, `已关闭（3月5日）`), the whole value or its first
/// word before a mark (`已完成初稿` is still under way).
pub(super) const DONE: &[&str] = &[
    "已完成",
    "完成",
    "已办结",
    "办结",
    "已关闭",
    "关闭",
    "已结项",
    "结项",
    "已解决",
    "已取消",
    "取消",
    "已撤销",
    "撤销",
    "已落实",
    "done",
    "Done",
    "DONE",
    "closed",
    "Closed",
];

/// Whether a state or a conclusion says the work is done or dropped: a [`DONE`] word first, or
/// a first clause `已于6月5日办结` (`已于`/`已在`/`已经`, then a date or none, then a [`DONE`]
/// word), or a last clause that closes it (`…，予以撤销`, `…，本单办结`).
pub(super) fn is_done(value: &str) -> bool {
    let v = value.trim().trim_end_matches(['。', '.', '！', '!']);
    let first = v.split(['，', ',', '；', ';']).next().unwrap_or_default().trim();
    let last = v.rsplit(['，', ',', '；', ';']).next().unwrap_or_default().trim();
    let done_by = ["已于", "已在", "已经", "已"].iter().any(|p| {
        first.strip_prefix(p).is_some_and(|r| {
            r.chars().count() <= 12 && DONE.iter().any(|w| w.chars().count() >= 2 && r.ends_with(w))
        })
    });
    let closed = !last.contains('后')
        && [
            "予以撤销",
            "予以取消",
            "予以销号",
            "本单办结",
            "本项办结",
            "予以办结",
        ]
        .iter()
        .any(|w| last.ends_with(w));
    done_by
        || closed
        || DONE.iter().any(|w| {
            v.strip_prefix(w).is_some_and(|r| {
                r.is_empty() || r.starts_with(['，', ',', '（', '(', ' ', '；', ';', '。', '/', '、'])
            })
        })
}

/// The label before the first colon, without bold marks, when it is short and whole.
pub(super) fn label(s: &str) -> Option<&str> {
    let (label, _) = s.trim().split_once(['：', ':'])?;
    let label = label.trim().trim_matches('*').trim();
    (!label.is_empty() && label.chars().count() <= 8 && !label.contains([' ', '，', ',', '。', '|', '｜']))
        .then_some(label)
}

/// The work named by `事项：…`, `任务2：…`, `整改项三：…` (the label exactly one of the keys).
pub(super) fn work_key(part: &str) -> Option<&str> {
    let l = label(part)?;
    let bare = super::numbered::bare(l);
    WORK.contains(&bare)
        .then(|| part.trim().split_once(['：', ':']).map_or("", |(_, v)| v.trim()))
}

/// Whether `rest` opens with a known field key and its colon (`负责人：`, `DDL:`, `事项2：`).
pub(super) fn opens_with_key(rest: &str) -> bool {
    let Some(l) = label(rest) else { return false };
    let bare = super::numbered::bare(l);
    [LEAD, HELP, DUE, STATE, CONCLUSION, NEXT, OTHER, STARTS, WORK]
        .iter()
        .any(|keys| keys.contains(&l) || keys.contains(&bare))
}

/// `事项：整理名单 负责人：王磊 时限：3月20日前` → its three fields: the line cut before each field
/// key written after a space, `|`, `，` or `。` (the words of a value stay whole).
pub(super) fn key_parts(s: &str) -> Vec<&str> {
    const SEPARATORS: &[char] = &[' ', '\u{3000}', '|', '｜', '，', ',', '。'];
    let mut parts = Vec::new();
    let mut start = 0;
    let mut prev_sep = false;
    for (i, c) in s.char_indices() {
        let is_sep = SEPARATORS.contains(&c);
        if !is_sep && prev_sep && i > start && opens_with_key(s.get(i..).unwrap_or_default()) {
            parts.push(s.get(start..i).unwrap_or_default());
            start = i;
        }
        prev_sep = is_sep;
    }
    // Only the marks at a cut go; the last part keeps its own (`…后再议。` ends a conclusion).
    let mut parts: Vec<&str> = parts
        .into_iter()
        .map(|p| p.trim().trim_end_matches(SEPARATORS).trim())
        .collect();
    parts.push(s.get(start..).unwrap_or_default());
    parts.retain(|p| !p.trim().is_empty());
    parts
}

/// A line's fields: apart by `；`, by a run of spaces, or by a field key after a space, `|` or
/// `，` ([`key_parts`]).
pub(super) fn field_parts(body: &str) -> Vec<&str> {
    body.split(['；', ';'])
        .flat_map(|p| p.split("  "))
        .flat_map(key_parts)
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// Whether `part` is `措施：…`, `内容：…` (more of the work before it).
pub(super) fn describes(part: &str) -> bool {
    label(part).is_some_and(|l| DESCRIBE.contains(&l))
}

/// A field saying who does the work, who helps, by when, or how far it is (`负责人：`, `协办：`,
/// `时限：`, `状态：`; a bare `时间：` is too often the meeting's to open a block).
pub(crate) fn is_core_field(part: &str) -> bool {
    let part = part.replace("**", "");
    let timed = split_key(&part, DUE).is_some() && label(&part) != Some("时间");
    [LEAD, HELP, STATE]
        .iter()
        .any(|keys| split_key(&part, keys).is_some())
        || timed
}

/// Whether a `label：value` part carries a label the block reader knows (owner, helper, deadline,
/// state, conclusion, follow-up, description, work): the record reader leaves such a label as it is.
pub(crate) fn known_field(part: &str) -> bool {
    [LEAD, HELP, DUE, STATE, CONCLUSION, NEXT, OTHER, STARTS]
        .iter()
        .any(|keys| split_key(part, keys).is_some())
        || work_key(part).is_some()
}

/// Whether a `label：value` part is a review's own field (its request, conclusion or follow-up):
/// such a record is the block reader's alone.
pub(crate) fn review_field(part: &str) -> bool {
    [CONCLUSION, NEXT, STARTS]
        .iter()
        .any(|keys| split_key(part, keys).is_some())
}

/// The work a `事项：…` / `措施：…` part names, when its label is a work key.
pub(crate) fn work_value(part: &str) -> Option<&str> {
    work_key(part)
}
