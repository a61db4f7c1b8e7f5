//! Whether written words name a unit rather than a person (pure): a department (`零售业务部`,
//! `IT部`), a team or a post (`投顾团队`, `综合岗`, `合规专员`, `营业部负责人`), or every unit of
//! a kind (`各营业部`, `全辖分公司`, `各营业部负责人`). The one answer the owner rules, the
//! arrow follow-ups and the item's units all ask.

use super::names::DEPARTMENT_ENDS;
use super::surnames::SURNAMES;

/// How a team, a post, or the holder of a post in a unit ends.
const POST_ENDS: &[&str] = &[
    "岗",
    "团队",
    "小组",
    "负责人",
    "联络人",
    "专员",
    "中心",
    "条线",
    // `| 协助 | 会计师 |`: an outside firm's post, no one named.
    "会计师",
    "审计师",
    "评估师",
];

/// How a set of units ends after `各` or `全` (`各部门`, `全辖分公司`).
const SET_ENDS: &[&str] = &["部门", "分公司", "条线", "单位"];

/// Whether `w`, written where an owner goes, names a unit (see the module's note). A three-
/// character word that starts with a common surname and ends like a unit only in one character
/// (`王文心`, `李一行`) is taken for a person's name.
pub(crate) fn is_unit_name(w: &str) -> bool {
    let w = w.trim();
    if w.is_empty()
        || !w
            .chars()
            .all(|c| super::ctx::is_cjk(c) || c.is_ascii_alphanumeric())
    {
        return false;
    }
    let ends_like_unit = |s: &str| s.ends_with(DEPARTMENT_ENDS) || POST_ENDS.iter().any(|e| s.ends_with(e));
    if let Some(rest) = w.strip_prefix(['各', '全']) {
        return (2..=10).contains(&rest.chars().count())
            && (ends_like_unit(rest) || SET_ENDS.iter().any(|e| rest.ends_with(e)));
    }
    let n = w.chars().count();
    let name_like = n == 3
        && !w.ends_with('部')
        && !POST_ENDS.iter().any(|e| e.chars().count() > 1 && w.ends_with(e))
        && w.chars().next().is_some_and(|c| SURNAMES.contains(c));
    (3..=12).contains(&n) && ends_like_unit(w) && !name_like
}

#[cfg(test)]
mod tests {
    use super::is_unit_name;

    #[test]
    fn units_and_people() {
        for unit in [
            "零售业务部",
            "IT部",
            "运维部",
            "投顾团队",
            "综合岗",
            "合规专员",
            "营业部负责人",
            "数据中心",
            "清算组",
            "各营业部",
            "全辖分公司",
            "各部门",
            "各营业部负责人",
            "两融条线",
        ] {
            assert!(is_unit_name(unit), "{unit}");
        }
        for person in [
            "张伟",
            "王文心",
            "李一行",
            "欧阳明",
            "小王",
            "各位",
            "总部",
            "",
            "张伟、运维部",
        ] {
            assert!(!is_unit_name(person), "{person}");
        }
    }
}
