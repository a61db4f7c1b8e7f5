//! Figures typed with a space before their unit (pure): `覆盖 3229 人次`, `签约客户 787 户`,
//! `年末预计 152 亿元` — minutes pasted from reports often set numbers apart from the Chinese
//! around them, and the figure still reports, it does not ask (read only in a line with no
//! deadline: `上半年共 412 场；下半年日历 7月8日前发出` asks for the second clause).

use super::words::FIGURE_UNITS;

/// Units that only ever count what was done or reached (`人次`), never a piece of work.
const COUNT_UNITS: &[&str] = &["人次"];

/// Whether a number is followed, after spaces, by a figure unit (`12 万`, `2868 户`) or by a
/// count unit (`3229 人次`, `3229人次`).
pub(super) fn has_spaced_figure(lower: &str) -> bool {
    lower.char_indices().any(|(i, c)| {
        if !c.is_ascii_digit() {
            return false;
        }
        let after = lower.get(i + c.len_utf8()..).unwrap_or_default();
        if after.starts_with(|d: char| d.is_ascii_digit() || d == '.') {
            return false;
        }
        let unit = after.trim_start_matches([' ', '\u{3000}']);
        let spaced = unit.len() < after.len();
        (spaced && unit.starts_with(|u: char| FIGURE_UNITS.contains(&u)))
            || COUNT_UNITS.iter().any(|w| unit.starts_with(w))
    })
}

#[cfg(test)]
mod tests {
    use super::has_spaced_figure;

    #[test]
    fn a_number_set_apart_from_its_unit_is_still_a_figure() {
        assert!(has_spaced_figure("全年举办投资者教育活动 12 场，覆盖 3229 人次"));
        assert!(has_spaced_figure("新增有效户：2868 户"));
        assert!(has_spaced_figure("覆盖3229人次"));
        assert!(!has_spaced_figure("3月20日前提交 2 份报告"));
        assert!(!has_spaced_figure("下周五前完成"));
    }
}
