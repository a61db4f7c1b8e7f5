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
