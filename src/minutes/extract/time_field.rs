//! A bare `时间：…` or `日期：…` line under an item's owner field (pure): `2. 合同续签` /
//! `负责人：某某` / `时间：本月25日前` — the item's deadline, not the meeting's time.

/// Whether `body` is a `时间：` / `日期：` field.
pub(super) fn is_time_field(body: &str) -> bool {
    ["时间", "日期", "Time", "Date"].iter().any(|k| {
        body.strip_prefix(k)
            .is_some_and(|r| r.trim_start().starts_with([':', '：']))
    })
}

#[cfg(test)]
mod tests {
    use super::is_time_field;

    #[test]
    fn a_time_label_is_a_time_field() {
        assert!(is_time_field("时间：本月25日前"));
        assert!(is_time_field("日期: 3月20日"));
        assert!(!is_time_field("时间节点要卡住"));
    }
}
