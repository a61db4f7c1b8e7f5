//! Whether a table cell says nothing (pure): empty, a dash or slash standing for an empty cell
//! (`—`, `-`, `/`), or `无`.

/// Whether `cell` is blank (see the module's text).
pub(super) fn is_blank(cell: &str) -> bool {
    let t = cell.trim();
    t.is_empty()
        || ["无", "暂无", "n/a", "na"].contains(&t.to_lowercase().as_str())
        || t.chars().all(|c| "-—–/／_ 　".contains(c))
}

#[cfg(test)]
mod tests {
    use super::is_blank;

    #[test]
    fn dashes_and_nothing_are_blank() {
        assert!(is_blank(" — "));
        assert!(is_blank(""));
        assert!(!is_blank("8月下旬"));
    }
}
