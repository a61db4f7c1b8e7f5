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

/// An English name in an owner's place written as its member (`Callback list: Karen, by 10/9`,
/// `Review the log — Wendy herself, by …`): after a colon, before the clause's end; or before
/// `herself` / `himself` (dropped: the member does it).
pub(super) fn resolve_owner_aliases(lines: &mut [String], mentions: &[Mention]) {
    let aliases: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.key.chars().count() >= 2 && m.key.chars().all(|c| c.is_ascii_alphabetic()))
        .collect();
    for line in lines.iter_mut() {
        for m in &aliases {
            let key = m.key.as_str();
            let Some(at) = line.find(key) else {
                continue;
            };
            let before = line[..at].trim_end_matches(' ');
            let after = &line[at + key.len()..];
            if after.starts_with(|c: char| c.is_ascii_alphanumeric())
                || before.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '@')
            {
                continue;
            }
            let own = ["herself", "himself"]
                .iter()
                .find_map(|w| after.strip_prefix(' ').and_then(|r| r.strip_prefix(w)))
                .filter(|r| !r.starts_with(|c: char| c.is_ascii_alphanumeric()));
            let slot = before.ends_with([':', '：'])
                && (after.is_empty() || after.starts_with([',', '，', '.', '。', ';', '；']));
            let rest = match own {
                Some(rest) => rest,
                None if slot => after,
                None => continue,
            };
            *line = format!("{}{}{rest}", &line[..at], m.person.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::resolve_owner_aliases;
    use crate::command::Mention;
    use crate::minutes::extract::testkit::person;

    #[test]
    fn an_english_name_in_an_owners_place_is_its_member() {
        let mention = |key: &str, name: &str| Mention {
            key: key.to_owned(),
            person: person(name),
        };
        let mentions = [mention("Karen", "宋佳琳"), mention("Wendy", "林晓雯")];
        let mut lines = vec![
            "- Callback list: Karen, by 10/9.".to_owned(),
            "- Review the log — Wendy herself, by end of October.".to_owned(),
            "- Karen's list: Wendy will check".to_owned(),
        ];
        resolve_owner_aliases(&mut lines, &mentions);
        assert_eq!(
            lines,
            [
                "- Callback list: 宋佳琳, by 10/9.",
                "- Review the log — 林晓雯, by end of October.",
                "- Karen's list: Wendy will check",
            ]
        );
    }
}
