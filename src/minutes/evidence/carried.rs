//! Work carried over (pure): `考试（某某）——未完成，定于12月10日前组织`, `台账更新 尚未办结，
//! 下周五前补齐` — a line saying the work is not done, then giving a date in a later clause,
//! sets it a new deadline: open work put off, as `延期，改为…完成` is, not a settled arrangement.

/// Words saying the work is not done (yet, or on time).
const NOT_DONE: &[&str] = &[
    "未完成",
    "没完成",
    "没有完成",
    "未办结",
    "未落实",
    "未开展",
    "未启动",
    "未组织",
    "未提交",
    "未按期",
    "未按时",
    "逾期",
];

/// Whether `lower` says the work is not done and gives `due` (the deadline's words) in a clause
/// after the one saying so.
pub(super) fn not_done_then_due(lower: &str, due: &str) -> bool {
    let due = due.to_lowercase();
    NOT_DONE.iter().any(|w| {
        lower.split_once(w).is_some_and(|(_, after)| {
            after.starts_with(['，', ',', '；', ';', '。', '）', ')', ' ']) && after.contains(&due)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::not_done_then_due;

    #[test]
    fn not_done_then_a_date_is_carried_over() {
        assert!(not_done_then_due(
            "巡检表（某某）——未完成，定于3月20日前补齐",
            "3月20日前"
        ));
        assert!(not_done_then_due("台账更新尚未办结，下周五前完成", "下周五前"));
        assert!(!not_done_then_due("3月20日前未完成的，扣分", "3月20日前"));
        assert!(!not_done_then_due("未完成率3%，定于3月20日复盘", "3月20日"));
    }
}
