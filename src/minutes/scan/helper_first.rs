//! `某甲协助某乙准备材料`, `某甲配合某乙完成…`, `某甲帮某乙整理…` (pure): a helper named first,
//! then the helping verb, then the lead — written with the lead first and the helper's clause
//! after the work (`某乙准备材料，某甲协助`), so the owners keep both, the lead as 主办. Both must be
//! members: the order is read only between people the group knows.

use crate::domain::ids::Person;

/// Verbs that make the name before them the helper of the name after them.
const HELP: &[&str] = &["协助", "配合", "协同", "帮助", "帮"];

/// The rewritten text when `text` holds `helper verb lead` between two members.
pub(super) fn lead_after_helper(members: &[Person], text: &str) -> Option<String> {
    for helper in members {
        let Some(i) = text.find(helper.name.as_str()) else {
            continue;
        };
        let after = &text[i + helper.name.len()..];
        let Some(verb) = HELP.iter().find(|v| after.starts_with(**v)) else {
            continue;
        };
        let rest = &after[verb.len()..];
        let Some(lead) = members
            .iter()
            .find(|p| p.name != helper.name && rest.starts_with(p.name.as_str()))
        else {
            continue;
        };
        let work = rest.trim_end_matches(['。', '；', ';']);
        if work.chars().count() <= lead.name.chars().count() + 1 {
            return None;
        }
        return Some(format!("{}{work}，{}协助", &text[..i], helper.name));
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::minutes::scan::testkit::people;

    #[test]
    fn the_helper_named_first_goes_after_the_work() {
        let m = people(&["严冬", "柳青"]);
        assert_eq!(
            lead_after_helper(&m, "柳青协助严冬整理回访台账，3月13日前。").unwrap(),
            "严冬整理回访台账，3月13日前，柳青协助"
        );
        assert!(lead_after_helper(&m, "严冬整理回访台账，柳青协助").is_none());
        assert!(lead_after_helper(&m, "柳青协助客户经理整理台账").is_none());
    }
}
