//! A clause that leaves only the date open (pure): `时间视存储到位情况另定`, `完成时间待项目组
//! 确认后再定`, `排期另行通知` — it opens with the date's word and ends with a word that puts the
//! choice off. The work is not rejected; its day is still to fix.

/// Words a clause about the date opens with.
const DATE_WORDS: &[&str] = &["时间", "完成时间", "具体时间", "日期", "时限", "排期", "节点"];
/// Words that put the choice off.
const PUT_OFF: &[&str] = &["另定", "待定", "再定", "另行通知", "另行确定", "另议", "再议"];

/// `text` without its clauses that leave only the date open.
pub(super) fn without_open_date_clauses(text: &str) -> String {
    text.split_inclusive(['，', ',', '；', ';', '。'])
        .filter(|c| {
            let c = c.trim().trim_end_matches(['，', ',', '；', ';', '。']).trim();
            !(DATE_WORDS.iter().any(|w| c.starts_with(w))
                && PUT_OFF.iter().any(|w| c.ends_with(w))
                && c.chars().count() <= 24)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::without_open_date_clauses;

    #[test]
    fn a_clause_leaving_the_date_open_rejects_nothing() {
        assert_eq!(
            without_open_date_clauses("4. 旧档案数字化，时间视扫描仪到位情况另定。"),
            "4. 旧档案数字化，"
        );
        assert_eq!(
            without_open_date_clauses("新增业务暂停，另行通知。"),
            "新增业务暂停，另行通知。"
        );
    }
}
