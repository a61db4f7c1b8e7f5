//! List markers (pure): bullets, numbers and checkboxes before a line's text, and the labels
//! (`TODO：`, `**卢俊**：`) before the text itself.

use crate::minutes::scan::is_cjk;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    None,
    List,
    Open,
    Done,
}

/// Removes a bullet, number or checkbox.
pub(crate) fn strip_marker(line: &str) -> (Marker, &str) {
    let (marker, rest) = strip_one_marker(line);
    // `1. [ ] 江波：…`, `2、[x] …`: a numbered checkbox is a checkbox.
    if marker == Marker::List {
        for (c, m) in CHECKBOXES {
            if let Some(r) = rest.strip_prefix(c) {
                return (m, r.trim_start());
            }
        }
    }
    (marker, rest)
}

/// Checkbox marks and what they say.
const CHECKBOXES: [(&str, Marker); 13] = [
    ("[ ]", Marker::Open),
    ("⬜", Marker::Open),
    ("🔲", Marker::Open),
    ("◻", Marker::Open),
    ("✔", Marker::Done),
    ("[x]", Marker::Done),
    ("[X]", Marker::Done),
    ("☐", Marker::Open),
    ("□", Marker::Open),
    ("☑", Marker::Done),
    ("✅", Marker::Done),
    // A punch list's cross (`✘ 3. 备份链路…`) marks what is still open, beside `✔` for closed.
    ("✘", Marker::Open),
    ("✗", Marker::Open),
];

fn strip_one_marker(line: &str) -> (Marker, &str) {
    let mut s = line;
    let mut marker = Marker::None;
    for b in [
        "- ", "* ", "+ ", "• ", "· ", "— ", "– ", "•", "·", "▪", "◦", "○", "●", "- ", "■", "◆", "◇", "▶",
        "►",
        // `👉 节目征集 —— 某某，12月30日前`: a pointing hand or an arrow opens an item.
        "👉", "➤", "➢", "➜", "☞", "▸", "▷", "🔹", "🔸",
    ] {
        if let Some(r) = s.strip_prefix(b) {
            s = r.trim_start_matches('\u{FE0F}').trim_start();
            marker = Marker::List;
            break;
        }
    }
    for (c, m) in CHECKBOXES {
        if let Some(r) = s.strip_prefix(c) {
            // `✔ 1. …`, `✘ 3. …`: the mark before the list's own number.
            let r = r.trim_start_matches('\u{FE0F}').trim_start();
            // `✅ @某某 供暖管道检查，11月6日前做完`: a chat assistant's bullet before the person
            // given the work; its words say whether it is done.
            if c == "✅" && r.starts_with(['@', '＠']) {
                return (Marker::List, r);
            }
            return match strip_one_marker(r) {
                // Not `⬜ 15 楼替换施工`: a floor, no number of the list.
                (Marker::List, rest)
                    if r.starts_with(|c: char| c.is_ascii_digit())
                        && r.trim_start_matches(|c: char| c.is_ascii_digit())
                            .starts_with(['.', '、', '．', ')', '）']) =>
                {
                    (m, rest)
                }
                _ => (m, r),
            };
        }
    }
    if marker != Marker::None {
        return (marker, s);
    }
    // `1.`, `1、`, `1)`, `(1)`, `（1）`, `①`, `一、`
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() && digits.len() <= 2 {
        let r = s.get(digits.len()..).unwrap_or_default();
        // `1️⃣ 节目征集通知…`: a keycap number (the digit, an optional emoji selector, the keycap).
        if let Some(r) = r.strip_prefix('\u{FE0F}').unwrap_or(r).strip_prefix('\u{20E3}') {
            return (Marker::List, r.trim_start());
        }
        for p in [". ", "、", ".", "．", ")", "）"] {
            if let Some(r) = r.strip_prefix(p)
                && !r.starts_with(|c: char| c.is_ascii_digit())
            {
                return (Marker::List, r.trim_start());
            }
        }
        // `1.2 法律尽调对接律所：…`: a sub-item's number (not `1.5亿元`), a space after it.
        if let Some(r) = r.strip_prefix('.') {
            let sub: String = r.chars().take_while(char::is_ascii_digit).collect();
            if (1..=2).contains(&sub.len())
                && let Some(r) = r.get(sub.len()..).and_then(|r| r.strip_prefix([' ', '\u{3000}']))
                && r.starts_with(is_cjk)
            {
                return (Marker::List, r.trim_start());
            }
        }
        // `1 嘉兴营业部 尤丽丽 本周四之前…`: a number and a space before the text (not `3 月`,
        // `2 个工作日`, `10 点`).
        if let Some(r) = r.strip_prefix(' ')
            && r.chars()
                .next()
                .is_some_and(|c| is_cjk(c) && !"年月日号点时个天周岁万亿户笔份名人家只次倍".contains(c))
        {
            return (Marker::List, r.trim_start());
        }
    }
    for (open, close) in [("(", ")"), ("（", "）")] {
        if let Some(r) = s.strip_prefix(open)
            && let Some((n, rest)) = r.split_once(close)
            && !n.is_empty()
            && n.chars().count() <= 2
            && n.chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        {
            return (Marker::List, rest.trim_start());
        }
    }
    if let Some(c) = s.chars().next()
        && ('①'..='⑳').contains(&c)
    {
        return (
            Marker::List,
            s.get(c.len_utf8()..).unwrap_or_default().trim_start(),
        );
    }
    if let Some((n, rest)) = s.split_once('、')
        && !n.is_empty()
        && n.chars().count() <= 2
        && n.chars().all(|c| "一二三四五六七八九十".contains(c))
    {
        return (Marker::List, rest.trim_start());
    }
    (Marker::None, s)
}

/// `TODO：…`, `待办：…`, `Action: …`, `AI：…` at the start of a line.
pub(crate) fn strip_todo_label(body: &str) -> (bool, &str) {
    // `【待办】常悦：本周五前…`, `[TODO] …`: a tag before the text.
    for (open, close) in [("【", "】"), ("[", "]")] {
        if let Some((tag, rest)) = body.strip_prefix(open).and_then(|r| r.split_once(close))
            && (["待办", "TODO", "Todo", "todo", "行动项", "Action", "action", "AI"].contains(&tag.trim())
                || super::task_tag::is_task_tag(tag))
            && !rest.trim().is_empty()
        {
            return (true, rest.trim_start());
        }
    }
    // `下一步：客户画像 —— 伍思琪` under an objective: the next step is work (`下一步：无` none).
    // `落实：某某…`, `后续动作：…` (under a reviewed item): what is to be carried out.
    for l in [
        "TODO",
        "Todo",
        "todo",
        "待办",
        "Action",
        "AI",
        "行动项",
        "下一步",
        "落实",
        "后续动作",
        "后续行动",
        // `跟进：联系翻译公司确认排期（某某）` after a Q&A, `实施：…`, `后续：…`: the follow-up
        // asked for (`跟进：无` none).
        "后续跟进",
        "待跟进",
        "跟进",
        "实施",
        "后续",
    ] {
        // `AI-3:`, `Action 2：`, `TODO#4:`: a numbered label too.
        if let Some(r) = body.strip_prefix(l)
            && let Some(r) = r
                .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '#' | ' ' | '.'))
                .strip_prefix([':', '：'])
            && !r.trim().is_empty()
            && !super::none_said::says_none(r)
        {
            return (true, r.trim_start());
        }
    }
    // `新增：…` (in follow-up minutes): a tag of the line, not its text.
    for l in ["新增", "新增事项", "新任务"] {
        if let Some(r) = body.strip_prefix(l)
            && let Some(r) = r.trim_start().strip_prefix([':', '：'])
            && !r.trim().is_empty()
        {
            return (false, r.trim_start());
        }
    }
    (false, body)
}

/// `**卢俊**：明天起…`, `**石磊、丁一：**更新…`: a bold label before the text, unbolded
/// (`卢俊：明天起…`); `None` when the text does not open with one.
pub(crate) fn unbold_label(body: &str) -> Option<String> {
    let inner = body.strip_prefix("**")?;
    let (label, rest) = inner.split_once("**")?;
    let label = label.trim();
    let (label, rest) = match label.strip_suffix(['：', ':']) {
        Some(l) => (l.trim_end(), rest.trim_start()),
        None => (label, rest.trim_start().strip_prefix(['：', ':'])?.trim_start()),
    };
    ((1..=16).contains(&label.chars().count()) && !rest.is_empty()).then(|| format!("{label}：{rest}"))
}
