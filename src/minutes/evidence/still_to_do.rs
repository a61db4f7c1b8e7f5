//! What is still to do, given a day (pure): `初稿已完成，仍需按意见修改后定稿，下周一前`,
//! `修订稿已发出，对方尚未确认，继续跟进，清明前拿到签字版`, `参数已更新，回测未完成，年底前完成回测`
//! — a follow-up of earlier work that says the part still open (`仍需`, `还需`, `继续跟进`,
//! `未完成`) and then, in that clause or the next, its day: work carried over, whatever part of
//! it is done. The same reading as `remaining::left_with_a_day`, for words of what is still
//! needed rather than of what is left over.

/// Words that open the part still to do.
const STILL: &[&str] = &[
    "仍需",
    "仍要",
    "还需",
    "还要",
    "尚需",
    "尚待",
    "仍待",
    "待补",
    "继续跟进",
    "继续推进",
    "继续督促",
    "继续完善",
    "未完成",
    "没完成",
    "尚未完成",
    "还没完成",
];

/// Words of a forecast, not of work asked for (`仍需两周，预计月底完成`).
const FORECAST: &[&str] = &["预计", "估计", "有望", "计划于", "将于"];

/// Whether `lower` says what is still to do and then, in the same clause or the next, the day
/// (`deadline_text`) it is to be done by, with no forecast.
pub(super) fn still_with_a_day(lower: &str, deadline_text: &str) -> bool {
    let Some(at) = STILL.iter().filter_map(|w| lower.find(w)).min() else {
        return false;
    };
    let rest = lower.get(at..).unwrap_or_default();
    let Some(due) = rest.find(deadline_text) else {
        return false;
    };
    let between = rest.get(..due).unwrap_or_default();
    between.matches(['，', ',']).count() <= 1
        && !between.contains(['。', '；', ';'])
        && !FORECAST.iter().any(|w| rest.contains(w))
}

#[cfg(test)]
mod tests {
    use super::still_with_a_day;

    #[test]
    fn the_part_still_open_with_its_day() {
        assert!(still_with_a_day(
            "初稿已完成，仍需按意见修改后定稿，下周一前",
            "下周一前"
        ));
        assert!(still_with_a_day(
            "修订稿已发出，对方尚未确认，继续跟进，清明前拿到签字版",
            "清明前"
        ));
        assert!(still_with_a_day(
            "参数已更新，回测未完成，年底前完成回测",
            "年底前"
        ));
        assert!(!still_with_a_day("回测未完成，预计年底前完成", "年底前"));
        assert!(!still_with_a_day("已于3月1日前完成，无需跟进", "3月1日前"));
    }
}
