//! Whether a table cell says nothing (pure): empty, a dash or slash standing for an empty cell
//! (`—`, `-`, `/`), or `无`; and whether a deadline cell says when without a day (`8月下旬`,
//! `待定`, `时间另定`, `TBD`).

/// Whether `cell` is blank (see the module's text).
pub(super) fn is_blank(cell: &str) -> bool {
    let t = cell.trim();
    t.is_empty()
        || ["无", "暂无", "n/a", "na"].contains(&t.to_lowercase().as_str())
        || t.chars().all(|c| "-—–/／_ 　".contains(c))
}

/// Whether a deadline cell says when without a day: a part of a month (`上旬`, `中旬`, `下旬`)
/// or a date left open (`待定`, `另定`, `另行通知`, `TBD`).
pub(super) fn is_dayless_when(cell: &str) -> bool {
    !is_blank(cell)
        && ["旬", "待定", "另定", "另行", "tbd"]
            .iter()
            .any(|w| cell.to_lowercase().contains(w))
}

#[cfg(test)]
mod tests {
    use super::is_blank;

    #[test]
    fn dashes_and_nothing_are_blank() {
        assert!(is_blank(" — "));
        assert!(is_blank(""));
        assert!(!is_blank("8月下旬"));
        assert!(super::is_dayless_when("8月下旬"));
        assert!(!super::is_dayless_when("已完成"));
    }
}
