//! A subject asked to act by a time (pure): `柜台请于元旦前把名单报合规岗`, `各网点请在月底前
//! 完成自查` — whoever is written before `请于`/`请在` (a unit, a post, a counter) is asked to do
//! the work by the time that follows, even a time that gives no day.

/// Whether `clause` is `<subject>请于|请在<time>…` with the time `when` (lower-cased) inside and
/// a short subject (a unit or post, up to six characters) before it.
pub(super) fn asked_by_date(clause: &str, when: &str) -> bool {
    let c = clause.trim();
    ["请于", "请在"].iter().any(|w| {
        c.split_once(w).is_some_and(|(who, rest)| {
            let n = who.chars().count();
            (1..=6).contains(&n)
                && who.chars().all(crate::minutes::scan::is_cjk)
                && !when.is_empty()
                && rest.starts_with(when)
                && rest.chars().count() > when.chars().count() + 2
        })
    })
}

#[cfg(test)]
mod tests {
    use super::asked_by_date;

    #[test]
    fn a_subject_asked_by_a_time() {
        assert!(asked_by_date("前台请于国庆前把访客登记表交行政岗", "国庆前"));
        assert!(asked_by_date("各网点请在月底前完成自查", "月底前"));
        assert!(!asked_by_date("前台请于国庆前", "国庆前"));
        assert!(!asked_by_date(
            "会议要求前台人员及保安请于国庆前把登记表交齐",
            "国庆前"
        ));
    }
}
