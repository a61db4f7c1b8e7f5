//! What the extractor's tests share: the calendar, a member by name, extraction in a group on
//! Tuesday 2026-03-10 17:00, and the owners, deadlines and texts of each item.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::domain::ids::OpenId;

pub(super) fn cal() -> &'static Calendar {
    static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    CAL.get_or_init(Calendar::builtin)
}

pub(super) fn person(name: &str) -> Person {
    Person {
        open_id: OpenId(format!("ou_{name}")),
        name: name.to_owned(),
    }
}

/// Extracts `text` posted on Tuesday 2026-03-10 17:00 in a group of `members`.
pub(super) fn run(text: &str, members: &[&str]) -> Extraction {
    let people: Vec<Person> = members.iter().map(|n| person(n)).collect();
    extract(
        text,
        &[],
        &people,
        "2026-03-10T17:00:00+08:00".parse().unwrap(),
        cal(),
    )
}

/// The owners' names of each item.
pub(super) fn owners(ex: &Extraction) -> Vec<Vec<String>> {
    ex.items
        .iter()
        .map(|i| i.owners.iter().map(|o| o.name().to_owned()).collect())
        .collect()
}

/// The deadline of each item (RFC 3339), `None` for 截止待定.
pub(super) fn dues(ex: &Extraction) -> Vec<Option<String>> {
    ex.items
        .iter()
        .map(|i| i.deadline.map(|d| crate::command::when::format_rfc3339(d.at)))
        .collect()
}

/// The expected deadline at the end of a working day (18:00, C1) on `date` (`2026-03-12`).
pub(super) fn due_by_end_of(date: &str) -> Option<String> {
    Some(format!("{date}T18:00:00+08:00"))
}

/// The text of each item.
pub(super) fn texts(ex: &Extraction) -> Vec<String> {
    ex.items.iter().map(|i| i.text.clone()).collect()
}

/// The lines of `s`, as the extractor's line stages take them.
pub(super) fn lines(s: &str) -> Vec<String> {
    s.lines().map(str::to_owned).collect()
}
