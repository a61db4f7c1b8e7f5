//! A sub-point numbered one level down under a numbered item (pure): `1. 组织差错案例培训 —— 某某`
//! then `（1）培训后进行闭卷测试…` — how the work is done, not work of its own.

/// Whether `line` opens with `（1）` / `(1)` and `prev` (the line just above) with `1.` / `1、`.
pub(super) fn is_subpoint(line: &str, prev: Option<&str>) -> bool {
    let paren_number = line
        .trim_start()
        .strip_prefix(['（', '('])
        .and_then(|r| r.split_once(['）', ')']))
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let dotted_number = prev.is_some_and(|p| {
        let p = p.trim_start();
        let digits = p.chars().take_while(char::is_ascii_digit).count();
        digits > 0
            && p.chars()
                .nth(digits)
                .is_some_and(|c| matches!(c, '.' | '、' | '．'))
    });
    paren_number && dotted_number
}

#[cfg(test)]
mod tests {
    use super::is_subpoint;

    #[test]
    fn a_bracketed_number_under_a_dotted_one_is_a_subpoint() {
        assert!(is_subpoint(
            "（1）培训后闭卷测试",
            Some("1. 组织培训 —— 孟冬，两周内。")
        ));
        assert!(!is_subpoint("（1）培训后闭卷测试", Some("（三）培训层面")));
        assert!(!is_subpoint("2. 下一项", Some("1. 组织培训")));
    }
}
