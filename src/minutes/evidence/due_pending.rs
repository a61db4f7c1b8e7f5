//! A deadline field written as still to fix (pure): `完成时间待定`, `完成时间：待定`, `时限另定` — the
//! writer gave the work a place for its date: it is work, its day still open.

/// The words of a deadline's field.
const FIELDS: &[&str] = &["完成时间", "完成时限", "截止时间", "截止日期", "时限", "时间"];

/// Words that leave the field open.
const OPEN: &[&str] = &["待定", "另定", "未定", "tbd", "TBD"];

/// After a field's colon (`时限：`), a value that waits on something (`待通知`, `待分公司答复`)
/// or is given later (`另行通知`, `另行商定`) leaves it open too; in running text (`具体时间待
/// 行方确定`) it is someone else's date, not a field of the work.
const OPEN_VALUE: &[&str] = &["待", "另行", "暂未"];

/// Whether `raw` holds a deadline field left open (`完成时间待定`, `完成时间：待定`).
pub(super) fn due_left_open(raw: &str) -> bool {
    super::dash_slot::time_slot_without_date(raw)
        || FIELDS.iter().any(|f| {
            raw.match_indices(f).any(|(at, _)| {
                let after = raw.get(at + f.len()..).unwrap_or_default();
                let valued = after.starts_with(['：', ':']);
                let after = after.trim_start_matches(['：', ':', ' ', '为']);
                OPEN.iter().any(|o| after.starts_with(o))
                    || (valued && OPEN_VALUE.iter().any(|o| after.starts_with(o)))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::due_left_open;

    #[test]
    fn a_deadline_field_left_open() {
        assert!(due_left_open("补做双录，完成时间待定 —— 龙飞"));
        assert!(due_left_open("服务商遴选 主办：龙飞 完成时间：待定"));
        assert!(!due_left_open("完成时间：3月20日"));
        assert!(!due_left_open("会议时间调整"));
        assert!(due_left_open("【事项三】门店改造｜承办：龙飞｜时限：另行通知"));
        assert!(due_left_open("门店改造｜主办：龙飞｜完成时间：待总部答复"));
        assert!(!due_left_open("龙飞：双方拟合办沙龙，具体时间待行方确定"));
    }
}
