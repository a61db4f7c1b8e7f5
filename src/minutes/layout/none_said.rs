//! A label's value that says there is nothing (`下一步：无（保持）`, `待办：暂无`) (pure).

/// Whether `value` says there is nothing to do.
pub(super) fn says_none(value: &str) -> bool {
    let v = value.trim().trim_end_matches(['。', '.']).to_lowercase();
    // `跟进：不需要`, `落实：无需`, `后续：不涉及`: no work asked.
    [
        "无",
        "暂无",
        "没有",
        "none",
        "n/a",
        "-",
        "—",
        "——",
        "不需要",
        "无需",
        "无需跟进",
        "不涉及",
        "不适用",
    ]
    .contains(&v.as_str())
        || ["无（", "无(", "无，", "无,", "暂无（", "暂无，"]
            .iter()
            .any(|w| v.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::says_none;

    #[test]
    fn nothing_said_is_none_and_work_is_not() {
        assert!(says_none("无（保持）"));
        assert!(says_none("暂无。"));
        assert!(says_none("None"));
        assert!(says_none("不需要。"));
        assert!(!says_none("无纸化开户方案 —— 孟冬"));
        assert!(!says_none("客户画像 —— 孟冬，下季度初"));
    }
}
