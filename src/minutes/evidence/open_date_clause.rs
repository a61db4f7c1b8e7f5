//! A clause that leaves only the date open (pure): `时间视存储到位情况另定`, `完成时间待项目组
//! 确认后再定`, `排期另行通知` — it opens with the date's word and ends with a word that puts the
//! choice off. The work is not rejected; its day is still to fix. The date's word may also close
//! the subject (`考试安排另行通知`, `具体日程待定`) and the clause may sit in brackets
//! (`（时间待评审日确定后再说）`).

/// Words a clause about the date opens with.
const DATE_WORDS: &[&str] = &["时间", "完成时间", "具体时间", "日期", "时限", "排期", "节点"];
/// Words for a schedule that may close the clause's subject (`考试安排`, `会议日程`).
const SCHEDULE_WORDS: &[&str] = &["时间", "日期", "安排", "日程", "排期", "时间表"];
/// Words that put the choice off.
const PUT_OFF: &[&str] = &[
    "另定",
    "待定",
    "再定",
    "另行通知",
    "另行确定",
    "另议",
    "再议",
    "再说",
];

/// `text` without its clauses that leave only the date open.
pub(super) fn without_open_date_clauses(text: &str) -> String {
    text.split_inclusive(['，', ',', '；', ';', '。', '（', '）', '(', ')'])
        .filter(|c| {
            let c = c
                .trim()
                .trim_end_matches(['，', ',', '；', ';', '。', '（', '）', '(', ')'])
                .trim();
            let subject = PUT_OFF.iter().find_map(|w| c.strip_suffix(w));
            let dated = |s: &str| {
                DATE_WORDS.iter().any(|w| s.starts_with(w)) || SCHEDULE_WORDS.iter().any(|w| s.ends_with(w))
            };
            !(subject.is_some_and(|s| dated(s) || dated(c)) && c.chars().count() <= 24)
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
            without_open_date_clauses("培训安排另行通知，讲义我周五前更新。"),
            "讲义我周五前更新。"
        );
        assert_eq!(
            without_open_date_clauses("4. 专家抽取（时间待评审日确定后再说）"),
            "4. 专家抽取（"
        );
        assert_eq!(
            without_open_date_clauses("新增业务暂停，另行通知。"),
            "新增业务暂停，另行通知。"
        );
    }
}
