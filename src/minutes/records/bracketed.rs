//! Record cards written with bracketed field labels (pure): `【问题】…` `【措施】…` `【责任人】…`
//! `【时限】…` (or `[Owner] …`, `〔完成时间〕…`, `［牵头］…`, any label order) are the labelled
//! fields of a block, written as `问题：…` `措施：…` `责任人：…` `时限：…` are; each is rewritten
//! so, and the block reader takes the card as one item per card.
//!
//! Kept as a pass of its own, run first by [`super::read`]: records by shape ([`super::relabel`])
//! read `【label】value` fields too, but refuse a card with a label of the meeting's header
//! (`【完成时间】3月13日` holds `时间`), and such a card is the block reader's, which knows
//! `完成时间：…` and not `【完成时间】…`. Without this pass `tests_heldout35`'s
//! `bracket_labelled_cards_are_blocks_of_fields` loses its first card.

use super::vocab::{DUE, LABEL_BRACKETS, OWNER};

/// Words inside a label that name who does the work besides [`OWNER`] (`责任单位`, `承办处室`).
const OWNER_MORE: &[&str] = &["责任", "承办", "经办", "落实人"];
/// Words inside a label that name when it is due besides [`DUE`] (`完成时间`, `办结日期`, `时点`).
const DUE_MORE: &[&str] = &["时间", "日期", "时点"];

/// `【责任人】谷某` → (`责任人`, `谷某`, the bullet before it): a short label in brackets at the
/// line's start with a value after it.
fn label(line: &str) -> Option<(&str, &str, &str)> {
    let body = line.trim_start_matches([' ', '\t', '-', '*', '•', '·']);
    let lead = &line[..line.len() - body.len()];
    LABEL_BRACKETS.iter().find_map(|(open, close)| {
        let (key, rest) = body.strip_prefix(*open)?.split_once(*close)?;
        let key = key.trim();
        let value = rest.trim_start_matches([' ', '：', ':']).trim_end();
        let n = key.chars().count();
        let plain = !key.contains(['，', '。', '；', ',', ';', '：', ':', '、', ' ']);
        ((1..=8).contains(&n) && plain && !value.is_empty()).then_some((key, value, lead))
    })
}

/// Whether `key` names the work's owner or its deadline.
fn owner_or_due(key: &str) -> bool {
    let k = key.to_lowercase();
    OWNER
        .iter()
        .chain(OWNER_MORE)
        .chain(DUE)
        .chain(DUE_MORE)
        .any(|w| k.contains(w))
}

/// `【牵头】某甲【配合】某乙【时限】7月31日`: a card's bracketed fields joined on one line, split
/// into the fields the record reader knows (`牵头：某甲｜配合：某乙｜时限：7月31日`), so the line
/// under its heading (`第1条 …`) is that work's owners and deadline. Only a line made wholly of
/// two or more such fields, one naming an owner or a deadline, none a member's name.
pub(super) fn split_joined_labels(lines: &mut [String], is_name: impl Fn(&str) -> bool) {
    for line in lines.iter_mut() {
        let mut rest = line.trim_start_matches([' ', '\t', '-', '*', '•', '·']);
        let lead = line[..line.len() - rest.len()].to_owned();
        let mut fields: Vec<(String, String)> = Vec::new();
        while let Some((open, close)) = LABEL_BRACKETS.iter().find(|(o, _)| rest.starts_with(*o)) {
            let Some((key, after)) = rest[open.len_utf8()..].split_once(*close) else {
                break;
            };
            let key = key.trim();
            let n = key.chars().count();
            if !(1..=6).contains(&n)
                || key.contains(['，', '。', '；', ',', ';', '：', ':', '、', ' '])
                || is_name(key)
            {
                break;
            }
            let end = LABEL_BRACKETS
                .iter()
                .filter_map(|(o, _)| after.find(*o))
                .min()
                .unwrap_or(after.len());
            fields.push((
                key.to_owned(),
                after[..end]
                    .trim()
                    .trim_start_matches(['：', ':'])
                    .trim()
                    .to_owned(),
            ));
            rest = &after[end..];
        }
        if rest.trim().is_empty()
            && fields.len() >= 2
            && fields.iter().all(|(_, v)| !v.is_empty())
            && fields.iter().any(|(k, _)| owner_or_due(k))
        {
            // `【配合】—`: nobody helps; the field is left out.
            let joined: Vec<String> = fields
                .iter()
                .filter(|(_, v)| !["—", "-", "－", "——", "/", "无"].contains(&v.as_str()))
                .map(|(k, v)| format!("{k}：{v}"))
                .collect();
            *line = format!("{lead}{}", joined.join("｜"));
        }
    }
}

/// Rewrites each card's bracketed labels as `label：value`. A card is a run of lines without a
/// blank one, at least two of them bracket-labelled, one of those labels naming an owner or a
/// deadline (so `【决定】…` then `【跟进】…` stay tags, and a transcript's `[某某] …` its
/// speakers, unless `is_name` says the label is a person).
pub(super) fn unbracket_card_labels(lines: &mut [String], is_name: impl Fn(&str) -> bool) {
    let mut start = 0;
    while start < lines.len() {
        let end = (start..lines.len())
            .find(|&i| lines[i].trim().is_empty())
            .unwrap_or(lines.len());
        let labelled: Vec<usize> = (start..end)
            .filter(|&i| label(&lines[i]).is_some_and(|(k, _, _)| !is_name(k)))
            .collect();
        let card = labelled.len() >= 2
            && labelled
                .iter()
                .any(|&i| label(&lines[i]).is_some_and(|(k, _, _)| owner_or_due(k)));
        if card {
            for i in labelled {
                if let Some((k, v, lead)) = label(&lines[i]) {
                    lines[i] = format!("{lead}{k}：{v}");
                }
            }
        }
        start = end + 1;
    }
}
