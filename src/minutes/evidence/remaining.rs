//! What is left, given a day (pure): `礼品已到，还剩 40 户未发放，本周三前发完`, `完成 80%，剩余
//! 12 单本周五前复核完`, `重点客户清单（某某）——已完成 8 家，剩余 4 家本周五前补齐` — the part still
//! open, with a day of its own, is work carried over, whatever is done already and whatever the
//! figures. One reading, [`left_with_a_day`] (the rest, then the day within the clause or the next,
//! no forecast), used both to keep a partly done line open and to drop its done words and figures.

/// Words that open the part still to do.
const LEFT: &[&str] = &["还剩", "剩余", "剩下", "尚余", "余下", "其余", "还差"];

/// Words of a forecast, not of work asked for (`剩余部分预计下周完成`).
const FORECAST: &[&str] = &["预计", "估计", "有望", "计划于", "将于"];

/// Whether `lower` says what is left and then, in the same clause or the next, the day it is to
/// be done by (`deadline_text`), with no forecast.
pub(super) fn left_with_a_day(lower: &str, deadline_text: &str) -> bool {
    let Some(at) = LEFT.iter().filter_map(|w| lower.find(w)).min() else {
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
    use super::left_with_a_day;
    #[test]
    fn what_is_left_with_a_day() {
        assert!(left_with_a_day(
            "礼品已到，还剩 40 户未发放，本周三前发完。",
            "本周三前"
        ));
        assert!(left_with_a_day(
            "完成 80%，剩余 12 单本周五前复核完。",
            "本周五前"
        ));
        assert!(!left_with_a_day(
            "完成 80%，剩余部分预计本周五前完成。",
            "本周五前"
        ));
        assert!(!left_with_a_day("本周五前完成初稿。", "本周五前"));
    }

    #[test]
    fn the_rest_given_the_date_is_open_work() {
        assert!(left_with_a_day(
            "已完成 8 家，剩余 4 家本周五前补齐。",
            "本周五前"
        ));
        assert!(left_with_a_day("已完成 8 家，其余本周五前补齐。", "本周五前"));
        assert!(!left_with_a_day("已完成 8 家，本周五前汇总。", "本周五前"));
    }
}
