//! Everyone told to act by a date (pure): `周五中午前全员完成模拟考试`, `所有投顾9月15日前完成
//! 培训学时` — like `各人…周五前`, the whole group is asked, so the line is a request.

/// Whether `clause` (lower case) opens with everyone (`全员`, `所有…`), or names everyone right
/// after its deadline's words `due` (`周五中午前全员…`).
pub(super) fn everyone_by_date(clause: &str, due: Option<&str>) -> bool {
    const EVERYONE: &[&str] = &["全员", "全体", "所有"];
    // `Dry run 彩排 — all, 5月18日下午`, `— admin team`: everyone, or a team, after the dash.
    let c = clause.trim();
    ["all", "everyone", "all hands"].contains(&c)
        || (c.ends_with(" team") && c.split(' ').count() <= 3)
        || EVERYONE.iter().any(|w| {
            clause.starts_with(w) || due.is_some_and(|d| !d.is_empty() && clause.contains(&format!("{d}{w}")))
        })
}

#[cfg(test)]
mod tests {
    use super::everyone_by_date;

    #[test]
    fn everyone_first_or_right_after_the_date_is_told() {
        assert!(everyone_by_date("所有柜员周四前完成考试", Some("周四前")));
        assert!(everyone_by_date("周四前全员完成考试", Some("周四前")));
        assert!(!everyone_by_date("把所有材料周四前交齐", Some("周四前")));
        assert!(everyone_by_date(" admin team", None));
        assert!(everyone_by_date("all", None));
        assert!(!everyone_by_date("call the whole sales and ops team", None));
    }
}
