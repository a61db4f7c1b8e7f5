//! A Markdown header row (pure): the row right above a delimiter row (`|---|---|`) heads a table
//! of its own, even when a table was open above it (two tables a blank line apart: a roster, then
//! `| 待办 | 责任人 | 时限 |`).

/// Whether `row` is a delimiter row (`|---|:--:|`).
pub(crate) fn is_delimiter(row: &str) -> bool {
    let t = row.trim();
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Whether line `n` of `lines` is a table row directly followed by a delimiter row: the header
/// of a new table.
pub(crate) fn heads_new_table(lines: &[String], n: usize) -> bool {
    lines
        .get(n)
        .is_some_and(|l| l.trim().starts_with('|') && !is_delimiter(l))
        && lines.get(n + 1).is_some_and(|l| is_delimiter(l))
}

#[cfg(test)]
mod tests {
    use super::heads_new_table;

    #[test]
    fn a_row_above_a_delimiter_heads_a_table() {
        let lines: Vec<String> = [
            "| 日期 | 值班人 |",
            "|---|---|",
            "| 1日 | 甲 |",
            "",
            "| 事项 | 负责人 |",
            "| --- | --- |",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert!(heads_new_table(&lines, 0));
        assert!(!heads_new_table(&lines, 1));
        assert!(!heads_new_table(&lines, 2));
        assert!(heads_new_table(&lines, 4));
    }
}
