//! `@Kevin` where `Kevin` is an English name the minutes pair with a member (`邹某 (Kevin)` in
//! the attendees) (pure): written as `@邹某`, so the mention is that member even when Chinese
//! words follow after a space (`@Kevin 整理…`, not a name `Kevin 整`).

use crate::command::Mention;

/// Every `@alias` in `lines` (the alias whole: not `@Kevins`) becomes `@` and its member's name.
pub(super) fn resolve_at_aliases(lines: &mut [String], mentions: &[Mention]) {
    let aliases: Vec<&Mention> = mentions
        .iter()
        .filter(|m| !m.key.is_empty() && m.key.chars().all(|c| c.is_ascii_alphabetic()))
        .collect();
    if aliases.is_empty() {
        return;
    }
    for line in lines.iter_mut() {
        if !line.contains(['@', '＠']) {
            continue;
        }
        let mut out = String::with_capacity(line.len());
        let mut rest = line.as_str();
        while let Some(at) = rest.find(['@', '＠']) {
            let sign = rest
                .get(at..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
            out.push_str(rest.get(..at + sign).unwrap_or_default());
            let after = rest.get(at + sign..).unwrap_or_default();
            let word_len = after
                .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .unwrap_or(after.len());
            let word = after.get(..word_len).unwrap_or_default();
            match aliases.iter().find(|m| m.key == word) {
                Some(m) => out.push_str(&m.person.name),
                None => out.push_str(word),
            }
            rest = after.get(word_len..).unwrap_or_default();
        }
        out.push_str(rest);
        *line = out;
    }
}
