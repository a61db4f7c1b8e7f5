//! What is left, given a day (pure): `礼品已到，还剩 40 户未发放，本周三前发完`, `完成 80%，剩余
//! 12 单本周五前复核完`, `重点客户清单（某某）——已完成 8 家，剩余 4 家本周五前补齐` — the part still
//! open, with a day of its own, is work carried over, whatever is done already and whatever the
//! figures. One reading, [`left_with_a_day`] (the rest, then the day within the clause or the next,
//! no forecast), used both to keep a partly done line open and to drop its done words and figures.
//! The part still open is said either as what is left over (`还剩`, `剩余`) or as what is still
//! needed (`仍需按意见修改后定稿，下周一前`, `继续跟进，清明前拿到签字版`, `回测未完成，年底前完成回测`).

/// Words that open the part left over.
const LEFT: &[&str] = &["还剩", "剩余", "剩下", "尚余", "余下", "其余", "还差"];

/// Words that open the part still needed.
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

/// Words of a forecast, not of work asked for (`剩余部分预计下周完成`).
const FORECAST: &[&str] = &["预计", "估计", "有望", "计划于", "将于"];

/// Whether `lower` says what is left or still needed and then, in the same clause or the next, the
/// day it is to be done by (`deadline_text`), with no forecast.
pub(super) fn left_with_a_day(lower: &str, deadline_text: &str) -> bool {
    [LEFT, STILL]
        .iter()
        .any(|words| opens_with_a_day(lower, deadline_text, words))
        // `已登记；…改为向证监局报送，7月17日前报出`: the plan changed, the new work due by a
        // limit (not `推送时段改为交易日早上8点半`, a new time for something done each day).
        || (deadline_text.trim_end().ends_with(['前', '内'])
            && opens_with_a_day(lower, deadline_text, &["改为"]))
}

fn opens_with_a_day(lower: &str, deadline_text: &str, words: &[&str]) -> bool {
    let Some(at) = words.iter().filter_map(|w| lower.find(w)).min() else {
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
        assert!(left_with_a_day("已登记；改为报送监管，周五前报出。", "周五前"));
        assert!(!left_with_a_day("推送时段改为早上8点半，已确认。", "早上8点半"));
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

    #[test]
    fn the_part_still_needed_with_its_day() {
        assert!(left_with_a_day(
            "初稿已完成，仍需按意见修改后定稿，下周一前",
            "下周一前"
        ));
        assert!(left_with_a_day(
            "修订稿已发出，对方尚未确认，继续跟进，清明前拿到签字版",
            "清明前"
        ));
        assert!(left_with_a_day(
            "参数已更新，回测未完成，年底前完成回测",
            "年底前"
        ));
        assert!(!left_with_a_day("回测未完成，预计年底前完成", "年底前"));
        assert!(!left_with_a_day("已于3月1日前完成，无需跟进", "3月1日前"));
    }
}
