//! A listing, not a list of work (pure): a long table with no deadline column whose work column
//! holds only a few values over many rows (`| 客户 | 关怀方式 | 客户经理 | 状态 |` with `短信`,
//! `电话+短信`, `礼品+电话` over a hundred customers) sorts records into kinds; its rows are data
//! the meeting went through, and the work the meeting settles is written apart from it.

use std::collections::BTreeSet;

/// Rows a table needs before its repeated values say it is a listing.
const MIN_ROWS: usize = 12;

/// Whether the cells of the work column (`work`, one per data row) are a listing's: at least
/// [`MIN_ROWS`] rows, and at most one distinct value in four rows (and never more than eight).
pub(super) fn is_listing(work: &[&str]) -> bool {
    let rows = work.len();
    if rows < MIN_ROWS {
        return false;
    }
    let kinds: BTreeSet<&str> = work.iter().map(|c| c.trim()).collect();
    kinds.len() * 4 <= rows && kinds.len() <= 8
}

#[cfg(test)]
mod tests {
    use super::is_listing;

    #[test]
    fn a_few_values_over_many_rows_are_a_listing() {
        let kinds = ["上门", "电话", "上门", "短信"];
        let cells: Vec<&str> = kinds.iter().cycle().take(20).copied().collect();
        assert!(is_listing(&cells));
        assert!(!is_listing(&cells[..8]));
        let work: Vec<String> = (1..=20).map(|i| format!("第{i}项整改")).collect();
        let work: Vec<&str> = work.iter().map(String::as_str).collect();
        assert!(!is_listing(&work));
    }
}
