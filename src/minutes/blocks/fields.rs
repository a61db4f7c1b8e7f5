//! Blocks of labelled fields in general (pure), as secretaries write them beside review blocks:
//!
//! ```text
//! 事项：整理三季度两融客户集中度名单
//! 负责人：王磊
//! 时限：10月20日前
//! ```
//!
//! or on one line (`事项：… 负责人：… 时限：…`, apart by spaces, `；`, `|` or `，`). The work
//! (`事项`, `任务`, `整改项` …, numbered or not) opens such a block when its owner, helper, deadline
//! or state follows on the same line or on the next one; its state (`状态：已完成`, `进展：已关闭`)
//! says when there is nothing left to do.

use super::Block;
use super::keys::{CONCLUSION, DUE, HELP, LEAD, NEXT, OTHER, REJECT, STARTS, split_key};

/// Keys naming a block's work (followed by an optional number: `事项一：`, `任务2：`).
const WORK: &[&str] = &[
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
    "Task",
    "task",
];

/// Work keys that, before the block's owner or deadline, say more of the same work (`事项：…` then
/// `措施：…`, `内容：…`): they go into its title.
const DESCRIBE: &[&str] = &["工作内容", "整改措施", "内容", "措施"];

/// Keys naming a block's state (`状态：已完成`, `进展：进行中`).
pub(super) const STATE: &[&str] = &[
    "当前状态",
    "完成情况",
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
const DONE: &[&str] = &[
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

/// Whether a state or a conclusion says the work is done or dropped.
pub(super) fn is_done(value: &str) -> bool {
    let v = value.trim().trim_end_matches(['。', '.', '！', '!']);
    DONE.iter().any(|w| {
        v.strip_prefix(w).is_some_and(|r| {
            r.is_empty() || r.starts_with(['，', ',', '（', '(', ' ', '；', ';', '。', '/', '、'])
        })
    })
}

/// The label before the first colon, without bold marks, when it is short and whole.
fn label(s: &str) -> Option<&str> {
    let (label, _) = s.trim().split_once(['：', ':'])?;
    let label = label.trim().trim_matches('*').trim();
    (!label.is_empty() && label.chars().count() <= 8 && !label.contains([' ', '，', ',', '。', '|', '｜']))
        .then_some(label)
}

/// The work named by `事项：…`, `任务2：…`, `整改项三：…` (the label exactly one of the keys).
pub(super) fn work_key(part: &str) -> Option<&str> {
    let l = label(part)?;
    let bare = l.trim_end_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    WORK.contains(&bare)
        .then(|| part.trim().split_once(['：', ':']).map_or("", |(_, v)| v.trim()))
}

/// Whether `rest` opens with a known field key and its colon (`负责人：`, `DDL:`, `事项2：`).
fn opens_with_key(rest: &str) -> bool {
    let Some(l) = label(rest) else { return false };
    let bare = l.trim_end_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
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
fn describes(part: &str) -> bool {
    label(part).is_some_and(|l| DESCRIBE.contains(&l))
}

/// A field saying who does the work, who helps, by when, or how far it is (`负责人：`, `协办：`,
/// `时限：`, `状态：`; a bare `时间：` is too often the meeting's to open a block).
fn is_core_field(part: &str) -> bool {
    let part = part.replace("**", "");
    let timed = split_key(&part, DUE).is_some() && label(&part) != Some("时间");
    [LEAD, HELP, STATE]
        .iter()
        .any(|keys| split_key(&part, keys).is_some())
        || timed
}

impl Block {
    /// A block opened by its work (`事项：…`, `任务二：…`, `整改项：…`) when its owner, helper,
    /// deadline or state follows, on the same line or on the next lines (`next`, the lines after
    /// with their list markers; fields that describe it, `说明：…`, may come between).
    pub(crate) fn start_work(body: &str, next: &[&str]) -> Option<Self> {
        // `## 事项一：…`: a heading's marks go.
        let body = body.trim_start_matches('#').trim_start().replace("**", "");
        let parts = field_parts(&body);
        let (first, rest) = parts.split_first()?;
        let title = work_key(first)?;
        if title.is_empty() || title.chars().count() > 80 || REJECT.contains(&title) {
            return None;
        }
        let mut block = Self {
            title: title.to_owned(),
            general: true,
            ..Self::default()
        };
        // `整理名单（负责人：王磊）`: a field in parentheses after the work is one of the block's.
        if let Some((work, rest)) = title.split_once(['（', '('])
            && let Some(inner) = rest.trim_end().strip_suffix(['）', ')'])
            && !work.trim().is_empty()
            && field_parts(inner).iter().all(|p| is_core_field(p))
            && block.field(inner)
        {
            block.title = work.trim().to_owned();
        }
        if !rest.is_empty() {
            return (rest.iter().any(|p| is_core_field(p)) && block.field(&rest.join("；"))).then_some(block);
        }
        for line in next.iter().take(4) {
            let (_, line) = crate::minutes::layout::strip_marker(line);
            let line = line.replace("**", "");
            let parts = field_parts(&line);
            if parts.iter().any(|p| is_core_field(p)) {
                return Some(block);
            }
            // `说明：…`, `措施：…`: more of the block, its owner may follow.
            let describes = parts
                .first()
                .is_some_and(|p| opens_with_key(p) && work_key(p).is_none_or(|_| describes(p)));
            if !describes {
                return None;
            }
        }
        None
    }

    /// A block opened by its work written bare, as a title (`1. 整理两融客户集中度名单`, `二、…`,
    /// or alone over its fields), when the next line names its owner (`负责人：王磊`, with its
    /// deadline or not).
    pub(crate) fn start_titled(body: &str, next: &[&str]) -> Option<Self> {
        let title = body.trim_start_matches('#').trim().replace("**", "");
        let title = crate::minutes::layout::strip_marker(&title).1.trim();
        let (_, line) = crate::minutes::layout::strip_marker(next.first()?);
        let line = line.replace("**", "");
        let owned = field_parts(&line).iter().any(|p| split_key(p, LEAD).is_some());
        (owned
            && !title.contains(['：', ':', '。', '？', '?', '，', ','])
            && (4..=40).contains(&title.chars().count())
            && crate::minutes::scan::has_task_verb(title))
        .then(|| Self {
            title: title.to_owned(),
            general: true,
            ..Self::default()
        })
    }

    /// A general block still without its owner, helper, deadline or state: `措施：…` and
    /// `内容：…` after its work say more of it.
    pub(crate) fn awaits_fields(&self) -> bool {
        self.general && !self.ends_at_blank()
    }

    /// `措施：改为自动检测` in a general block still without its fields: its work goes into the
    /// title (true), or the line is the next block's (false).
    pub(super) fn describe(&mut self, part: &str) -> bool {
        if !(self.awaits_fields() && describes(part)) {
            return false;
        }
        if let Some(v) = work_key(part).filter(|v| !v.is_empty()) {
            self.title = format!("{}：{v}", self.title.trim_end_matches(['。', '；']));
        }
        true
    }

    /// Whether `line` is someone speaking (`李娜：我下周一前…`), not a field of this general block:
    /// its label, no field key, reads as a person (`is_person`).
    pub(crate) fn said_by_someone(&self, line: &str, is_person: impl Fn(&str) -> bool) -> bool {
        self.general
            && !opens_with_key(line)
            && label(line).is_some_and(|l| is_person(l.trim_start_matches('@')))
    }

    /// A general block ends at a blank line once it has a field of its own.
    pub(crate) fn ends_at_blank(&self) -> bool {
        self.general
            && !(self.lead.is_empty()
                && self.help.is_empty()
                && self.due.is_empty()
                && self.state.is_empty()
                && self.conclusion.is_empty())
    }
}
