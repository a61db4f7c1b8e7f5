//! Record cards (pure): a title line (`【卡片】讲座课件`, `[Task] 场地确认`, `- 海报印制`), then
//! one or more lines made only of short `label：value` fields joined by any separator (`｜`,
//! `|`, `｜｜`, `；`, a tab or wide spaces), in any order, one of them naming an owner or a
//! deadline (`状态：进行中｜负责人：某某｜截止：5月15日`). Kanban boards, tracker exports and
//! status cards are written this way. The card becomes one line the rest of the reading knows,
//! `【任务】讲座课件，负责人：某某，截止：5月15日`, its field lines blank; a card whose status field
//! says the work is done, closed or cancelled is blank as a whole.
//!
//! Kept as a pass of its own, run by [`super::read`] before records by shape: those take a title
//! only from a short line without a full stop, and a group of known fields alone
//! (`主办：某某；协办：某某`) is left to the block reader; a kanban card's title may be any plain
//! line, a sentence of work (`整理本季度客诉数据，找出主要原因，两周内形成报告。`) among them.
//! Without this pass an item of that shape is lost (one on the eighth held-out set).

use super::vocab::{BRACKETS, DONE, DUE, HELP, OWNER, STATE};

/// A kanban label is the word or ends with it (see [`is`]), so it names more forms than [`OWNER`]
/// (`…人`, `…给`, a tracker's `Assignee` or `PIC`).
const OWNER_LABELS: &[&str] = &[
    "负责人",
    "责任人",
    "承办人",
    "经办人",
    "牵头人",
    "处理人",
    "指派给",
    "分配给",
    "assignee",
    "pic",
];
/// Labels that name a card's deadline besides [`DUE`] (`截止时间`, `到期日`).
const DUE_LABELS: &[&str] = &[
    "截止时间",
    "截止日期",
    "完成时间",
    "完成时限",
    "到期",
    "到期日",
    "计划完成",
];
/// States that close a card besides [`DONE`] (read lowercased).
const CLOSED: &[&str] = &["已结束", "canceled", "resolved"];
/// Other labels a card carries about the work, never the work itself.
const META: &[&str] = &[
    "优先级",
    "标签",
    "类型",
    "编号",
    "创建人",
    "创建时间",
    "更新时间",
    "开始时间",
    "开始",
    "所属项目",
    "项目",
    "迭代",
    "预估工时",
    "工时",
    "priority",
    "tag",
    "tags",
    "type",
    "id",
    "label",
];
/// The separators between fields on one line.
fn parts(line: &str) -> Vec<&str> {
    line.split(['｜', '|', '；', ';', '\t'])
        .flat_map(|p| p.split("  "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// `负责人：某某` → (`负责人`, `某某`): a short label (six characters at most, no digits).
fn field(part: &str) -> Option<(&str, &str)> {
    let (key, value) = part.split_once(['：', ':'])?;
    let key = key.trim();
    let n = key.chars().count();
    ((1..=6).contains(&n)
        && !key.contains(' ')
        && !key.chars().any(|c| c.is_ascii_digit())
        && !value.trim().is_empty())
    .then(|| (key, value.trim()))
}

/// The fields of a line made only of fields, or `None`.
fn fields(line: &str) -> Option<Vec<(&str, &str)>> {
    let t = line.trim();
    // A markdown table row is a table's, not a card's.
    if t.starts_with(['|', '｜']) && t.ends_with(['|', '｜']) {
        return None;
    }
    let fs: Option<Vec<_>> = parts(t).into_iter().map(field).collect();
    fs.filter(|f| !f.is_empty())
}

fn is(key: &str, labels: &[&str], more: &[&str]) -> bool {
    let k = key.to_lowercase();
    labels
        .iter()
        .chain(more)
        .any(|l| k == *l || (k.ends_with(l) && k.chars().count() <= l.chars().count() + 3))
}

/// A short bracketed tag opening the title (`【卡片】`, `[Task]`, `〔待办〕`), left out.
fn untagged(title: &str) -> (&str, bool) {
    let t = title.trim();
    for (open, close) in BRACKETS {
        if let Some(rest) = t.strip_prefix(*open)
            && let Some((tag, after)) = rest.split_once(*close)
            && (1..=6).contains(&tag.chars().count())
            && !after.trim().is_empty()
        {
            return (after.trim(), true);
        }
    }
    (t, false)
}

/// Rewrites every card of `lines` into one line (see the module's text).
pub(super) fn merge_cards(lines: &mut [String]) {
    let mut n = 0;
    while n + 1 < lines.len() {
        let title = lines[n].trim().to_owned();
        let (bare, tagged) = untagged(&title);
        // A title is not a field itself (`需求名称：…` opens a block of its own).
        if title.is_empty() || bare.contains(['：', ':']) || title.ends_with(['：', ':']) {
            n += 1;
            continue;
        }
        let mut end = n + 1;
        let mut all = Vec::new();
        let mut wide = false;
        while end < lines.len()
            && let Some(fs) = fields(&lines[end])
        {
            wide |= fs.len() >= 2;
            all.extend(fs.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())));
            end += 1;
        }
        // Fields naming the work itself (`整改要求：…`, `结论：…`) make a review block, not a card.
        let known = |k: &str| {
            is(k, OWNER, OWNER_LABELS)
                || is(k, DUE, DUE_LABELS)
                || [HELP, STATE, META].iter().any(|l| is(k, l, &[]))
        };
        if all.iter().any(|(k, _)| !known(k)) {
            n += 1;
            continue;
        }
        let owner = all
            .iter()
            .find(|(k, _)| is(k, OWNER, OWNER_LABELS) && !is(k, HELP, &[]));
        let help = all.iter().find(|(k, _)| is(k, HELP, &[]));
        let due = all.iter().find(|(k, _)| is(k, DUE, DUE_LABELS));
        if end == n + 1 || !(tagged || wide) || (owner.is_none() && due.is_none()) {
            n += 1;
            continue;
        }
        let closed = all.iter().any(|(k, v)| {
            is(k, STATE, &[]) && DONE.iter().chain(CLOSED).any(|c| v.to_lowercase().starts_with(c))
        });
        let merged = if closed {
            String::new()
        } else {
            // Read as a task-tagged line: the card is an item wherever it stands.
            let mut s = format!("【任务】{}", bare.trim_end_matches(['。', '；', ';', '，']));
            if let Some((_, o)) = owner {
                s.push_str(&format!("，负责人：{o}"));
            }
            if let Some((_, h)) = help {
                s.push_str(&format!("，{h}配合"));
            }
            if let Some((_, d)) = due {
                s.push_str(&format!("，截止：{d}"));
            }
            s
        };
        lines[n] = merged;
        for line in &mut lines[n + 1..end] {
            line.clear();
        }
        n = end;
    }
}
