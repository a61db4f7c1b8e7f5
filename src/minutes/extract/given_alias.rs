//! A member named by the given name alone after a field label (pure): `落实：明慧补充…核查` for
//! 詹明慧 — that member, when no other member shares the given name and work follows it.

use crate::domain::ids::Person;
use crate::minutes::scan::{has_task_verb, is_cjk};

/// `lines` with each member's two-character given name written out in full where it opens a
/// labelled field's value (`落实：明慧补充…` → `落实：詹明慧补充…`) and a task verb follows in
/// the same clause; only for a member no other member shares the given name with.
pub(super) fn expand_given_names(lines: &mut [String], members: &[Person]) {
    for p in members {
        let chars: Vec<char> = p.name.chars().collect();
        if chars.len() != 3 || !chars.iter().all(|c| is_cjk(*c)) {
            continue;
        }
        let given: String = chars[1..].iter().collect();
        if members.iter().filter(|q| q.name.contains(given.as_str())).count() > 1 {
            continue;
        }
        for line in lines.iter_mut() {
            for colon in ['：', ':'] {
                let from = format!("{colon}{given}");
                let Some(at) = line.find(&from) else {
                    continue;
                };
                let rest = &line[at + from.len()..];
                let clause = rest
                    .split(['，', ',', '。', '；', ';'])
                    .next()
                    .unwrap_or_default();
                if !rest.starts_with(['：', ':']) && has_task_verb(clause) {
                    *line = format!("{}{colon}{}{rest}", &line[..at], p.name);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::expand_given_names;
    use crate::minutes::extract::testkit::person;

    #[test]
    fn a_given_name_opening_a_field_is_that_member() {
        let members = [person("詹明慧"), person("芦建平")];
        let mut lines = vec![
            "落实：明慧补充资金流水核查，三个工作日内完成。".to_owned(),
            "明慧补充资金流水核查。".to_owned(),
        ];
        expand_given_names(&mut lines, &members);
        assert_eq!(lines[0], "落实：詹明慧补充资金流水核查，三个工作日内完成。");
        assert_eq!(lines[1], "明慧补充资金流水核查。");
        let members = [person("詹明慧"), person("吴明慧")];
        let mut lines = vec!["落实：明慧补充资金流水核查。".to_owned()];
        expand_given_names(&mut lines, &members);
        assert_eq!(lines[0], "落实：明慧补充资金流水核查。");
    }
}
