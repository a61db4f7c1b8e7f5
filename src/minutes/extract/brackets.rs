//! Brackets in a line of minutes, and a helper's word after a name (pure).

/// Whether `text` opens a bracket (`（`, `(`) it does not close.
pub(super) fn unclosed(text: &str) -> bool {
    let depth = text.chars().fold(0i32, |d, c| match c {
        '（' | '(' => d + 1,
        '）' | ')' => (d - 1).max(0),
        _ => d,
    });
    depth > 0
}

/// Whether the words after a name (` 配合，…`) say that person helps rather than owns work.
pub(super) fn helps(after_name: &str) -> bool {
    ["配合", "协助", "协办", "支持", "support"]
        .iter()
        .any(|w| after_name.trim_start().starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::unclosed;

    #[test]
    fn an_open_bracket_is_unclosed_until_closed() {
        assert!(unclosed("体检预约（责任人：岳明；"));
        assert!(!unclosed("工牌制作（责任人：孟冬）；"));
        assert!(!unclosed("先做这个；"));
    }
}
