//! A record field's role read from its value when its label is not known (pure): people, a
//! deadline, a state, an id, or text (the work, or a remark).

use super::vocab::{DONE, DONE_VALUE, OPEN, SHELVED, WATCH};
use crate::minutes::scan::{Ctx, has_task_verb};

/// What a field says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A person or a list of people: an owner (the first such field 主办, later ones 协办).
    People,
    /// A date the deadline parser accepts, or a vague one (`尽快`, `待定`).
    Due,
    /// A state: the work is still open (`进行中`, `待开始`).
    Open,
    /// A state: the work is done or closed (`已完成`, `已关闭`).
    Done,
    /// A state: the work is put off or refused (`暂缓`, `搁置`).
    Shelved,
    /// A number or a code (`编号：3`, `No.：A-12`): nothing to keep.
    Id,
    /// Anything else: the work, or a remark.
    Text,
    /// People who only follow the work (`关注人：…` on a task card): never owners.
    Watch,
}

impl Role {
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::People => "人员",
            Self::Due => "时限",
            Self::Open => "状态（未完成）",
            Self::Done => "状态（已完成）",
            Self::Shelved => "状态（暂缓）",
            Self::Id => "编号",
            Self::Text => "文字",
            Self::Watch => "关注人（不是负责人）",
        }
    }
}

/// Vague deadlines: a deadline field still, with no date.
const VAGUE: &[&str] = &[
    "尽快",
    "尽早",
    "待定",
    "另行通知",
    "另定",
    "TBD",
    "TBC",
    "ASAP",
    "asap",
];

/// Whether `value` is `word` alone or `word` then a remark (`进行中（60%）`, `已完成，3月5日`).
fn opens_with(value: &str, words: &[&str]) -> bool {
    let v = value.trim().trim_end_matches(['。', '.', '！', '!']);
    words.iter().any(|w| {
        v.strip_prefix(w).is_some_and(|r| {
            r.is_empty() || r.starts_with(['，', ',', '（', '(', ' ', '；', ';', '/', '、', '-', '—'])
        })
    })
}

/// The state a value says, if it is one.
pub(super) fn state(value: &str) -> Option<Role> {
    // `🟡进行中`, `[已完成]`: marks before the word go.
    let value = value
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .replace(['[', ']', '【', '】'], "");
    let value = value.as_str();
    if value.chars().count() > 16 {
        return None;
    }
    if opens_with(value, SHELVED) {
        Some(Role::Shelved)
    } else if opens_with(value, DONE) || opens_with(value, DONE_VALUE) {
        Some(Role::Done)
    } else if opens_with(value, OPEN) {
        Some(Role::Open)
    } else {
        None
    }
}

/// `3`, `No.12`, `#7`, `A-031`, `DB-2026-015`: a number or a code.
fn is_id(label: &str, value: &str) -> bool {
    let v = value.trim();
    let code = !v.is_empty()
        && v.chars().count() <= 16
        && v.chars().any(|c| c.is_ascii_digit())
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_#.．/ ".contains(c))
        && !v.contains(':');
    let id_label = ["编号", "序号", "No", "no", "ID", "Id", "id", "#", "单号", "卡号"]
        .iter()
        .any(|k| label.starts_with(k) || label.ends_with(k));
    code && (id_label || !v.contains(['/', '.', '．']))
}

/// A value that is a date, not a sentence holding one (`压到10分钟以内`): the deadline the
/// parser accepts is nearly all of it.
fn is_date(ctx: &Ctx<'_>, v: &str) -> bool {
    let s = ctx.field_deadline(v);
    s.deadline.is_some()
        && s.deadline_text
            .as_deref()
            .is_some_and(|t| v.chars().count() <= t.chars().count() + 3)
}

/// The role of a field from its value (its label only to tell an id, or people who only follow
/// the work).
pub(super) fn of(ctx: &Ctx<'_>, label: &str, value: &str) -> Role {
    let v = value.trim();
    let lower = label.to_lowercase();
    if WATCH.iter().any(|w| lower.contains(w)) {
        return Role::Watch;
    }
    if is_id(label, v) {
        return Role::Id;
    }
    if let Some(s) = state(v) {
        return s;
    }
    let people = !v.chars().any(|c| c.is_ascii_digit())
        && v.chars().count() <= 30
        && ctx.names_if_all(v).is_some_and(|n| !n.is_empty());
    if people {
        return Role::People;
    }
    if v.chars().count() <= 14
        && !v.contains(['，', ',', '。', '；', ';'])
        && !has_task_verb(v)
        && (VAGUE.iter().any(|w| v.starts_with(w)) || is_date(ctx, v))
    {
        return Role::Due;
    }
    Role::Text
}
