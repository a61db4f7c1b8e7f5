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
    "每个工作日",
    "每个交易日",
    "每工作日",
    "每交易日",
];

/// `每周五`, `每星期一前`: a weekly day, the same duty again every week (a standing duty unless
/// its status says it is still to do).
pub(super) fn weekly_day(cell: &str) -> bool {
    let cell = cell.trim();
    let Some(rest) = ["每周", "每星期", "每礼拜"]
        .iter()
        .find_map(|p| cell.strip_prefix(p))
    else {
        return false;
    };
    let mut chars = rest.chars();
    chars.next().is_some_and(|c| "一二三四五六日天".contains(c))
        && ["", "前", "下班前", "中午前"].contains(&chars.as_str())
}

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
        assert!(super::weekly_day("每周四"));
        assert!(super::weekly_day("每星期一前"));
        assert!(only_a_cycle("每个交易日"));
        assert!(!super::weekly_day("周四"));
        assert!(!super::weekly_day("每周四完成首轮梳理"));
    }
}
