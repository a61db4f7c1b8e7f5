//! A period that dates a figure (pure): `本周产品销售 2.3 亿元，其中固收+占 58%` — `本周` says
//! which week the figure is for, no day by which work is due.

/// Bare period words: no `前`, `内` or `底` to make them a limit.
const PERIODS: &[&str] = &[
    "本周",
    "这周",
    "本月",
    "这个月",
    "当月",
    "本季度",
    "今年",
    "本年度",
];

/// Whether `deadline_text` is only a period word that opens `raw` (after a list number).
pub(super) fn period_of_a_figure(raw: &str, deadline_text: &str) -> bool {
    let opening = raw
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit() || ".、)）-*• ".contains(c));
    let dt = deadline_text.trim();
    PERIODS.contains(&dt) && opening.starts_with(dt)
}

#[cfg(test)]
mod tests {
    use super::period_of_a_figure;

    #[test]
    fn a_period_opening_a_figure() {
        assert!(period_of_a_figure(
            "4. 本周产品销售 2.3 亿元，其中固收+占 58%。",
            "本周"
        ));
        assert!(!period_of_a_figure("4. 销售数据本周前报送。", "本周前"));
        assert!(!period_of_a_figure("4. 销售数据本周报送。", "本周"));
    }
}
