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

/// The member whose two-character given name `given` is, when no other member shares it.
pub(super) fn given_of<'m>(members: &'m [Person], given: &str) -> Option<&'m str> {
    let mut fits = members.iter().filter(|p| {
        let chars: Vec<char> = p.name.chars().collect();
        chars.len() == 3 && chars.iter().all(|c| is_cjk(*c)) && p.name.ends_with(given)
    });
    let one = fits.next()?;
    (fits.next().is_none() && members.iter().filter(|q| q.name.contains(given)).count() == 1)
        .then_some(one.name.as_str())
}

/// `lines` with a run of two or more given names (`一帆、晓楠、子健三人会后对一下`) written out in
/// full, when each is the given name of one member only and the run opens a clause.
pub(super) fn expand_given_name_lists(lines: &mut [String], members: &[Person]) {
    for line in lines.iter_mut() {
        let chars: Vec<char> = line.chars().collect();
        let mut out = String::with_capacity(line.len());
        let mut i = 0;
        let mut changed = false;
        while i < chars.len() {
            let opens = i == 0
                || chars
                    .get(i - 1)
                    .is_some_and(|c| "：:，,。；;、 ）)】".contains(*c) && *c != '、');
            if opens {
                // Read given names joined by 、 or 和.
                let mut names: Vec<&str> = Vec::new();
                let mut j = i;
                while let Some(pair) = chars.get(j..j + 2) {
                    let given: String = pair.iter().collect();
                    let Some(full) = given_of(members, &given) else {
                        break;
                    };
                    if names.contains(&full) {
                        break;
                    }
                    names.push(full);
                    j += 2;
                    match chars.get(j) {
                        Some('、' | '和') if chars.get(j + 1).is_some_and(|c| is_cjk(*c)) => j += 1,
                        _ => break,
                    }
                }
                // The run ends on a name, not on the joining mark.
                if names.len() >= 2 && chars.get(j - 1).is_some_and(|c| !matches!(c, '、' | '和')) {
                    let joined = names.join("、");
                    out.push_str(&joined);
                    i = j;
                    changed = true;
                    continue;
                }
            }
            if let Some(c) = chars.get(i) {
                out.push(*c);
            }
            i += 1;
        }
        if changed {
            *line = out;
        }
    }
}

/// `lines` with a line's label that is a member's given name alone (`雅静：请和文斌一起…`, in a
/// letter to the team) written out in full, when no other member shares it.
pub(super) fn expand_given_labels(lines: &mut [String], members: &[Person]) {
    for line in lines.iter_mut() {
        let t = line.trim_start();
        let pad = line.len() - t.len();
        let Some((head, _)) = t.split_once(['：', ':']) else {
            continue;
        };
        let bare = head.trim_start_matches(['-', '*', ' ']);
        if bare.chars().count() != 2 {
            continue;
        }
        if let Some(full) = given_of(members, bare) {
            let at = pad + (head.len() - bare.len());
            *line = format!("{}{full}{}", &line[..at], &line[at + bare.len()..]);
        }
    }
}

/// Verbs that say a given name just before them does the work (`会谈纪要若琳整理`), and the days
/// said between the name and the work.
const DOER_VERBS: &[&str] = &[
    "整理",
    "负责",
    "牵头",
    "起草",
    "跟进",
    "汇总",
    "对接",
    "来做",
    "来写",
    "来整理",
    "落实",
    // `芷晴今日下班前上载`: the name, when, then the work (not `德华今天请假`).
    "今天下班",
    "今日下班",
    "明天上午",
    "明天中午",
    "明天下午",
    "明天下班",
];

/// `lines` with a member's given name alone before a verb of doing (`会谈纪要若琳整理，明天发`)
/// written out in full, when no other member shares the given name.
pub(super) fn expand_given_name_doers(lines: &mut [String], members: &[Person]) {
    for p in members {
        let chars: Vec<char> = p.name.chars().collect();
        let (Some(surname), 3) = (chars.first(), chars.len()) else {
            continue;
        };
        let given: String = chars[1..].iter().collect();
        if given_of(members, &given).is_none() {
            continue;
        }
        for line in lines.iter_mut() {
            let mut out = String::with_capacity(line.len());
            let mut rest = line.as_str();
            let mut changed = false;
            while let Some(at) = rest.find(given.as_str()) {
                let before = rest[..at].chars().next_back();
                let after = &rest[at + given.len()..];
                out.push_str(&rest[..at]);
                // Not `交给雅楠汇总` (whom the work goes to), nor `小若琳`, `老若琳`.
                if before != Some(*surname)
                    && before.is_some_and(|c| !"小老给交报向和与跟同让请".contains(c))
                    && DOER_VERBS.iter().any(|v| after.starts_with(v))
                {
                    out.push_str(&p.name);
                    changed = true;
                } else {
                    out.push_str(&given);
                }
                rest = after;
            }
            if changed {
                out.push_str(rest);
                *line = out;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::{expand_given_labels, expand_given_name_doers, expand_given_name_lists, expand_given_names};

    #[test]
    fn a_given_name_as_a_label_is_that_member() {
        let members = [person("裴雅静"), person("骆文斌")];
        let mut lines = vec![
            "雅静：请和文斌一起把流程并到ITSM里。".to_owned(),
            "- 文斌: 重写手册".to_owned(),
        ];
        expand_given_labels(&mut lines, &members);
        assert_eq!(
            lines,
            ["裴雅静：请和文斌一起把流程并到ITSM里。", "- 骆文斌: 重写手册"]
        );
    }

    #[test]
    fn a_given_name_before_a_verb_of_doing_is_that_member() {
        let members = [person("冯若琳"), person("霍振东")];
        let mut lines = vec![
            "[48:50] 霍振东：今天就到这里，会谈纪要若琳整理，明天上午发给对方确认。".to_owned(),
            "冯若琳整理".to_owned(),
            "若琳说可以".to_owned(),
        ];
        expand_given_name_doers(&mut lines, &members);
        assert_eq!(
            lines[0],
            "[48:50] 霍振东：今天就到这里，会谈纪要冯若琳整理，明天上午发给对方确认。"
        );
        assert_eq!(lines[1], "冯若琳整理");
        assert_eq!(lines[2], "若琳说可以");
    }

    #[test]
    fn a_run_of_given_names_is_those_members() {
        let members = [
            person("丁一帆"),
            person("孟晓楠"),
            person("曹子健"),
            person("季明哲"),
        ];
        let mut lines = vec![
            "- 停机 vs 提测：一帆、晓楠、子健三人会后对一下，今天定新时间".to_owned(),
            "一帆说明天再看".to_owned(),
            "会后：一帆和晓楠一起确认窗口".to_owned(),
        ];
        expand_given_name_lists(&mut lines, &members);
        assert_eq!(
            lines[0],
            "- 停机 vs 提测：丁一帆、孟晓楠、曹子健三人会后对一下，今天定新时间"
        );
        assert_eq!(lines[1], "一帆说明天再看");
        assert_eq!(lines[2], "会后：丁一帆、孟晓楠一起确认窗口");
    }
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
