//! A deadline cell that only says how often (`每月`, `每季度`, `按周`) (pure): a standing duty
//! repeated on a cycle, no single piece of work due.

const CYCLES: &[&str] = &[
    "每日",
    "每天",
    "每周",
    "每月",
    "每季",
    "每季度",
    "每半年",
    "每年",
    "按日",
    "按周",
    "按月",
    "按季",
    "按季度",
    "按年",
];

/// Whether the cell names only a cycle, no day (`每月` is, `每月5日` and `本月28号前` are not).
pub(super) fn only_a_cycle(cell: &str) -> bool {
    CYCLES.contains(&cell.trim())
}

#[cfg(test)]
mod tests {
    use super::only_a_cycle;

    #[test]
    fn a_bare_cycle_is_a_standing_duty() {
        assert!(only_a_cycle(" 每季度 "));
        assert!(only_a_cycle("每月"));
        assert!(!only_a_cycle("每月5日"));
        assert!(!only_a_cycle("本月内"));
    }
}
