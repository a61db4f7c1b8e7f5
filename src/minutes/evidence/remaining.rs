//! What is left of partly done work, given a date (pure): `重点客户清单（某某）——已完成 8 家，
//! 剩余 4 家本周五前补齐` — the rest is open work by that date, whatever part is done.

/// Whether a clause of `lower` opens with what is left (`剩余`, `还剩`, `其余`) and holds the
/// line's deadline words `due`.
pub(super) fn rest_due(lower: &str, due: Option<&str>) -> bool {
    let Some(due) = due.map(str::to_lowercase).filter(|d| !d.is_empty()) else {
        return false;
    };
    lower.split(['，', ',', '；', ';']).any(|c| {
        let c = c.trim_start();
        ["剩余", "还剩", "其余", "余下"].iter().any(|w| c.starts_with(w)) && c.contains(&due)
    })
}

#[cfg(test)]
mod tests {
    use super::rest_due;

    #[test]
    fn the_rest_given_the_date_is_open_work() {
        assert!(rest_due("已完成 8 家，剩余 4 家本周五前补齐。", Some("本周五前")));
        assert!(!rest_due("已完成 8 家，本周五前汇总。", Some("本周五前")));
        assert!(!rest_due("已完成 8 家，剩余 4 家。", None));
    }
}
