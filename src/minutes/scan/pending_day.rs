//! A period whose day is still to fix (pure): `5月下旬，具体日期待定` — the writer says the date is
//! not set yet, so the period is no deadline (shown as 待定).

/// Words saying the exact day is still open.
const DAY_OPEN: &[&str] = &[
    "具体日期待定",
    "具体时间待定",
    "日期待定",
    "具体日期另定",
    "具体时间另定",
    "日期另定",
    // `整理本季度对账底稿（不急，时间待定）`: the period names the work; the time is open.
    "时间待定",
    "时间未定",
];

/// Whether `text` says the day is still open and `deadline_text` names a period rather than a
/// day (`5月下旬`, `月底`, not `5月20日`).
pub(super) fn day_still_open(text: &str, deadline_text: &str) -> bool {
    DAY_OPEN.iter().any(|w| text.contains(w)) && !deadline_text.contains(['日', '号', '周', ':', '：'])
}

#[cfg(test)]
mod tests {
    use super::day_still_open;

    #[test]
    fn a_period_with_its_day_open_is_no_deadline() {
        assert!(day_still_open("培训两场——5月下旬，具体日期待定", "5月下旬"));
        assert!(!day_still_open("培训两场——5月20日，具体时间待定", "5月20日"));
        assert!(!day_still_open("培训两场——5月下旬", "5月下旬"));
    }
}
