//! Work carried over (pure): `考试（某某）——未完成，定于12月10日前组织`, `台账更新 尚未办结，
//! 下周五前补齐`, `协议适配测试 —— 某某，进度70%，节后第一个工作日完成` — a line saying the work
//! is not done (or only partly), then giving a date in a later clause, sets it a new deadline:
//! open work put off, as `延期，改为…完成` is, not a settled arrangement.

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
    // `彩排（某某）—— 尚未进行，按原计划…前完成`: not started yet, still due.
    "未进行",
    "未开始",
    "未执行",
    "未实施",
];

/// Words before a share of the work done (`进度70%`, `progress 40%`); not `完成率`, a target's
/// figure (`完成率97%`).
const PROGRESS: &[&str] = &["进度", "progress"];

/// What follows a share of the work done below 100% (`进度70%，…`): the work is not done yet.
fn after_partial_progress(lower: &str) -> Option<&str> {
    PROGRESS.iter().find_map(|k| {
        let (_, r) = lower.split_once(k)?;
        let r = r.trim_start_matches([' ', '：', ':', '约', '为', '已', '达']);
        let digits = r.chars().take_while(char::is_ascii_digit).count();
        let n: u32 = r.get(..digits)?.parse().ok()?;
        let rest = r.get(digits..)?.strip_prefix(['%', '％'])?;
        (n < 100).then_some(rest)
    })
}

/// Whether `lower` says the work is not done (or only partly: `进度70%`) and gives `due` (the
/// deadline's words) in a clause after the one saying so.
pub(super) fn not_done_then_due(lower: &str, due: &str) -> bool {
    let due = due.to_lowercase();
    let later =
        |after: &str| after.starts_with(['，', ',', '；', ';', '。', '）', ')', ' ']) && after.contains(&due);
    NOT_DONE
        .iter()
        .any(|w| lower.split_once(w).is_some_and(|(_, after)| later(after)))
        || after_partial_progress(lower).is_some_and(later)
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
        assert!(not_done_then_due(
            "灯光走位（某某）—— 尚未进行，按原计划3月12日前完成",
            "3月12日前"
        ));
        assert!(!not_done_then_due("未完成率3%，定于3月20日复盘", "3月20日"));
    }
}
