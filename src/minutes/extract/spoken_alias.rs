//! Members addressed in speech by a short form (pure): the given name alone before 把/你/来
//! (`俊峰把折页更新一下` for 喻俊峰) and the surname with a title before 你 (`鲍总你盯一下` for
//! 鲍雅琴), written out in full when exactly one member fits. The lead words of a turn (`好，`,
//! `那`, `行，`) may come first.

use crate::domain::ids::Person;
use crate::minutes::scan::is_cjk;

/// Titles said after a surname.
const TITLES: &[&str] = &["总", "经理", "老师", "主任", "处", "姐", "哥", "工"];

/// What may open a turn before the person addressed.
const LEADS: &[&str] = &["好，", "好,", "行，", "行,", "嗯，", "那就", "那", "对，", "OK，"];

/// The line's start after a turn's lead words: (the lead, the rest).
fn after_lead(line: &str) -> (&str, &str) {
    let t = line.trim_start();
    let pad = &line[..line.len() - t.len()];
    let lead = LEADS.iter().find(|l| t.starts_with(*l)).map_or(0, |l| l.len());
    (&line[..pad.len() + lead], &line[pad.len() + lead..])
}

/// `lines` with such short forms at a line's start replaced by the member's full name.
pub(super) fn expand_spoken_names(lines: &mut [String], members: &[Person]) {
    let three: Vec<(&Person, Vec<char>)> = members
        .iter()
        .map(|p| (p, p.name.chars().collect::<Vec<char>>()))
        .filter(|(_, c)| c.len() == 3 && c.iter().all(|c| is_cjk(*c)))
        .collect();
    for line in lines.iter_mut() {
        let (lead, rest) = after_lead(line);
        let mut found: Option<(String, usize)> = None;
        for (p, chars) in &three {
            let given: String = chars[1..].iter().collect();
            let shared = members.iter().filter(|q| q.name.contains(given.as_str())).count() > 1;
            if !shared
                && rest.starts_with(given.as_str())
                && ["把", "你", "来"]
                    .iter()
                    .any(|w| rest[given.len()..].starts_with(w))
            {
                found = Some((p.name.clone(), given.len()));
            }
            let surname = chars[0];
            let one = members.iter().filter(|q| q.name.starts_with(surname)).count() == 1;
            if one
                && let Some(r) = rest.strip_prefix(surname)
                && let Some(t) = TITLES
                    .iter()
                    .find(|t| r.starts_with(*t) && r[t.len()..].starts_with('你'))
            {
                found = Some((p.name.clone(), surname.len_utf8() + t.len()));
            }
        }
        if let Some((name, len)) = found {
            *line = format!("{lead}{name}{}", &rest[len..]);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::expand_spoken_names;
    use crate::minutes::extract::testkit::person;

    #[test]
    fn short_forms_said_to_a_member_are_that_member() {
        let members = [person("詹明慧"), person("芦建平"), person("柏一鸣")];
        let mut lines = vec![
            "明慧把对账单再核一遍。".to_owned(),
            "好，芦总你跟一下托管行。".to_owned(),
            "明慧补充资金流水核查。".to_owned(),
            "芦总说过这件事。".to_owned(),
        ];
        expand_spoken_names(&mut lines, &members);
        assert_eq!(lines[0], "詹明慧把对账单再核一遍。");
        assert_eq!(lines[1], "好，芦建平你跟一下托管行。");
        assert_eq!(lines[2], "明慧补充资金流水核查。");
        assert_eq!(lines[3], "芦总说过这件事。");
    }
}
