//! Work due as ongoing (pure): `（负责：某某；时间：持续）` — the time field says the work goes on
//! with no single date, like a table's `| 持续 |` due cell: a standing duty, not a task.

/// Whether a bracketed field `part` gives the time as ongoing (`时间：持续`, `完成时限：长期`).
pub(super) fn due_ongoing(part: &str) -> bool {
    part.split_once(['：', ':']).is_some_and(|(label, value)| {
        let label = label.trim();
        ["时间", "时限", "截止", "期限", "完成"]
            .iter()
            .any(|w| label.ends_with(w))
            && ["持续", "长期"].contains(&value.trim())
    })
}

#[cfg(test)]
mod tests {
    use super::due_ongoing;

    #[test]
    fn an_ongoing_time_field_is_told_from_a_date() {
        assert!(due_ongoing("时间：持续"));
        assert!(due_ongoing("完成时限: 长期"));
        assert!(!due_ongoing("时间：3月底"));
        assert!(!due_ongoing("负责：持续"));
    }
}
