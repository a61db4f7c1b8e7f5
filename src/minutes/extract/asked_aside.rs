//! `甲需要财务部提供明细，乙负责去协调`: who says the work needs something from another party is
//! not its owner when a second member, named after, takes it (`乙去联系`, `乙答应这周给`) (pure).
//! The asker's name (and a `说` after it) goes, so the line reads as the second member's work.

use crate::domain::ids::Person;

/// The member a clause opens with, and the rest of the clause.
fn opens<'c>(clause: &'c str, members: &[Person]) -> Option<(&'c str, &'c str)> {
    let c = clause.trim_start_matches(|ch: char| ch.is_ascii_digit() || "-*•·.、（）() ".contains(ch));
    let p = members
        .iter()
        .filter(|p| p.name.chars().count() >= 2 && c.starts_with(p.name.as_str()))
        .max_by_key(|p| p.name.len())?;
    c.split_at_checked(p.name.len())
}

/// The line without the asker's name, if a clause `甲(说)需要X提供…` (X naming no member) is
/// followed in the same sentence by a clause opened by another member doing something.
fn drop_asker(line: &str, members: &[Person]) -> Option<String> {
    let sentence_end = line.find(['。', '；', ';']).unwrap_or(line.len());
    let (sentence, tail) = line.split_at(sentence_end);
    let clauses: Vec<&str> = sentence.split(['，', ',']).collect();
    let (i, asker, rest) = clauses.iter().enumerate().find_map(|(i, c)| {
        let (name, rest) = opens(c, members)?;
        let need = rest.strip_prefix('说').unwrap_or(rest).strip_prefix("需要")?;
        let (from, _) = need.split_once("提供")?;
        let names_none = !members.iter().any(|m| from.contains(m.name.as_str()));
        (names_none && !from.is_empty() && from.chars().count() <= 10).then_some((i, name, rest))
    })?;
    let taker = clauses.get(i + 1..)?.iter().find_map(|c| opens(c, members))?;
    if taker.0 == asker || taker.1.starts_with(['说', '：', ':']) || taker.1.trim().is_empty() {
        return None;
    }
    let lead = clauses[i].len() - asker.len() - rest.len();
    let rest = rest.strip_prefix('说').unwrap_or(rest);
    let mut out: Vec<String> = clauses.iter().map(|c| (*c).to_owned()).collect();
    out[i] = format!("{}{rest}", clauses[i].get(..lead).unwrap_or_default());
    Some(format!("{}{tail}", out.join("，")))
}

/// Takes the asker's name off lines where another member takes the work they ask for.
pub(super) fn drop_askers(lines: &mut [String], members: &[Person]) {
    for line in lines.iter_mut() {
        if let Some(l) = drop_asker(line, members) {
            *line = l;
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::minutes::scan::testkit::people;

    #[test]
    fn the_asker_goes_when_another_member_takes_the_work() {
        let m = people(&["严冬梅", "柳青", "韦海"]);
        assert_eq!(
            drop_asker("- 柳青需要人事部提供花名册，韦海负责去要。", &m).unwrap(),
            "- 需要人事部提供花名册，韦海负责去要。"
        );
        assert_eq!(
            drop_asker("2. 严冬梅说需要律所提供意见书，柳青答应周五前给。", &m).unwrap(),
            "2. 需要律所提供意见书，柳青答应周五前给。"
        );
        assert!(drop_asker("柳青需要人事部提供花名册，周五前。", &m).is_none());
        assert!(drop_asker("柳青需要韦海提供花名册，韦海周五前给。", &m).is_none());
        assert!(drop_asker("柳青需要人事部提供花名册，柳青去要。", &m).is_none());
    }
}
