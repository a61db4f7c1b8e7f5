//! Labelled fields inside a line of minutes (pure): `负责人：…`, `协办：…`, `截止时间：…`,
//! `优先级：高` and the priority words, and the tidying of what is left.

use crate::domain::priority::Priority;

use super::ctx::is_cjk;

/// Keys whose value names the owner.
pub(super) const OWNER_KEYS: &[&str] = &[
    "主责人",
    "主责",
    "负责人",
    "责任人",
    "责任部门",
    "牵头人",
    "牵头部门",
    "负责部门",
    "主办",
    "承办人",
    "承办",
    // `PT-011 … / 高 / 整改人：聂子豪 / 复测：6月16日`: who fixes a finding.
    "整改人",
    "Owner(s)",
    "Owners",
    "owner",
    "Owner",
    "OWNER",
    "负责",
];

/// Keys whose value names helpers (`协同：孙俪`).
pub(super) const HELP_KEYS: &[&str] = &[
    "协同",
    "协办",
    "配合人",
    "配合",
    "协助",
    "support",
    "Support",
    "SUPPORT",
    "helper",
    "Helper",
    "Helpers",
    "helpers",
];

/// Keys whose value is the deadline.
pub(super) const DEADLINE_KEYS: &[&str] = &[
    "截止时间",
    "截止日期",
    "完成时间",
    "完成期限",
    "完成日期",
    "时间节点",
    "时限",
    "期限",
    "截止",
    "deadline",
    "Deadline",
    "DDL",
    "ddl",
    "Due",
    "due",
    "ETA",
    "办结时限",
    "办结时间",
    "整改时限",
    "整改期限",
    "时间",
];

/// Takes `key：value` (or `key: value`) out of `text`; the value runs to the next separator or
/// the next key of any kind.
pub(super) fn take_key(text: &str, keys: &[&str]) -> Option<(String, String)> {
    for key in keys {
        let mut from = 0;
        while let Some(i) = text.get(from..).and_then(|t| t.find(key)).map(|i| i + from) {
            let after = text.get(i + key.len()..)?;
            let trimmed = after.trim_start();
            if role_after_names(text.get(..i)?, key) {
                from = i + key.len();
                continue;
            }
            if let Some(value_start) = trimmed.strip_prefix([':', '：']) {
                let value_start = value_start.trim_start();
                let end = value_end(value_start);
                let value = value_start.get(..end)?.trim().to_owned();
                let rest_after = value_start.get(end..)?;
                let rest = format!("{}{}", text.get(..i)?, rest_after);
                if !value.is_empty() {
                    return Some((value, rest));
                }
            }
            from = i + key.len();
        }
    }
    None
}

/// `廖某 owner：导入程序加校验…`: an English role word written after the names it marks (a short
/// run of names, then a space) ends the names; what follows its colon is the work, not a name.
fn role_after_names(before: &str, key: &str) -> bool {
    let head = before.trim_start();
    key.is_ascii()
        && before.ends_with(' ')
        && !head.trim().is_empty()
        && head.trim().chars().count() <= 12
        && !head.contains([':', '：', '，', ',', '；', ';', '。', '|', '｜'])
        // `测试报告 — owner: …`: after a dash the key opens the owner's field.
        && !head.trim_end().ends_with(['—', '-', '–', '－'])
}

/// Where a key's value ends: a separator or the start of another key.
fn value_end(s: &str) -> usize {
    let mut end = s.len();
    for sep in [
        "，", ",", "；", ";", "。", "  ", "|", "｜", "）", ")", " — ", " – ", " - ", "—", "】", "【", "→",
        // `Owner: 施磊. Action: …`: an English sentence's end.
        ". ",
    ] {
        if let Some(i) = s.find(sep) {
            end = end.min(i);
        }
    }
    for key in OWNER_KEYS.iter().chain(DEADLINE_KEYS).chain(["优先级"].iter()) {
        if let Some(i) = s.find(key).filter(|i| *i > 0) {
            end = end.min(i);
        }
    }
    if let Some(i) = s
        .find(' ')
        .filter(|_| s.chars().filter(|c| *c == ' ').count() > 0)
    {
        // `王五 完成时间：…` — a name value stops at a space followed by more words.
        let head = s.get(..i).unwrap_or_default();
        // `蒙恬、李斯 事项：…`: names (each of four characters at most) then a space.
        if head
            .split(['、', '，', ','])
            .all(|n| !n.is_empty() && n.chars().all(is_cjk) && n.chars().count() <= 4)
        {
            end = end.min(i);
        }
    }
    end
}

/// `[紧急]`, `P1`, `高优先级`, `优先级：高` → the priority, removed from the text.
pub(super) fn take_priority(text: &mut String) -> Option<Priority> {
    if let Some((value, rest)) = take_key(text, &["优先级", "Priority", "priority"]) {
        let p = Priority::parse(value.trim_end_matches("优先级"));
        *text = rest;
        if p.is_some() {
            return p;
        }
    }
    let words: &[(&str, Priority)] = &[
        ("【紧急】", Priority::P0),
        ("[紧急]", Priority::P0),
        ("（紧急）", Priority::P0),
        ("(紧急)", Priority::P0),
        ("高优先级", Priority::P1),
        ("优先级高", Priority::P1),
        ("低优先级", Priority::P3),
        ("【重要】", Priority::P1),
        ("紧急", Priority::P0),
        ("加急", Priority::P0),
    ];
    for (w, p) in words {
        if let Some(i) = text.find(w) {
            if w.starts_with(['【', '[', '（', '(']) || w.contains("优先级") {
                text.replace_range(i..i + w.len(), "");
            }
            return Some(*p);
        }
    }
    for code in ["P0", "P1", "P2", "P3", "p0", "p1", "p2", "p3"] {
        if let Some(i) = text.find(code) {
            let before = text.get(..i).and_then(|s| s.chars().next_back());
            let after = text.get(i + 2..).and_then(|s| s.chars().next());
            if !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
            {
                let p = Priority::parse(code);
                text.replace_range(i..i + 2, "");
                return p;
            }
        }
    }
    None
}

/// Trims list punctuation and stray separators.
/// `PT-011 H5 登录接口 SQL 注入 / 高 /  / 复测`, a record typed with ` / ` between its fields
/// once its owner and date are read out: the fields left empty or holding only a level or a
/// label go (`PT-011 H5 登录接口 SQL 注入`).
fn slash_fields(t: &str) -> String {
    let parts: Vec<&str> = t.split(" / ").collect();
    if parts.len() < 3 {
        return t.to_owned();
    }
    let kept: Vec<&str> = parts
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            let p = p.trim().trim_end_matches(['：', ':']);
            *i == 0
                || !(p.is_empty()
                    || ["高", "中", "低", "高危", "中危", "低危", "P0", "P1", "P2", "P3"].contains(&p)
                    || (p.chars().count() <= 3 && p.chars().all(crate::minutes::scan::is_cjk)))
        })
        .map(|(_, p)| p.trim())
        .collect();
    kept.join(" / ")
}

pub(super) fn tidy(text: &str) -> String {
    // `导师结对名单（责任人：待定；时间：月中）` once its fields are read out: `（；）` goes too.
    let mut t = text.to_owned();
    for empty in ["（）", "()", "（；）", "（，）", "（、）", "(;)", "(,)"] {
        t = t.replace(empty, "");
    }
    let t = slash_fields(&t.replace("，，", "，"));
    t.trim()
        .trim_matches(|c: char| {
            matches!(
                c,
                '，' | ',' | '；' | ';' | '。' | ':' | '：' | '-' | '—' | ' ' | '｜'
            )
        })
        .trim()
        .to_owned()
}
