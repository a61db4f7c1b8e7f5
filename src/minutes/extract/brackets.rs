//! Brackets in a line of minutes (pure).

/// Whether `text` opens a bracket (`（`, `(`) it does not close.
pub(super) fn unclosed(text: &str) -> bool {
    let depth = text.chars().fold(0i32, |d, c| match c {
        '（' | '(' => d + 1,
        '）' | ')' => (d - 1).max(0),
        _ => d,
    });
    depth > 0
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
