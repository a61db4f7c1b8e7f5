//! A clause that says how long something takes (`主要是到账太慢，要两个月。`, `走流程得花三天`,
//! `平均需要5个工作日`): a length of time, not a date the work is due (pure).

/// Words before a length of time that say it is taken, not allowed.
const TAKES: &[&str] = &["需要", "得花", "要花", "花了", "用了", "耗时", "要", "得"];
/// Units of a length of time.
const UNITS: &[&str] = &[
    "个工作日",
    "工作日",
    "个月",
    "个星期",
    "星期",
    "小时",
    "月",
    "天",
    "周",
    "年",
];

/// Whether `lower` has a clause ending in a length of time after a word of taking
/// (`要两个月。`), with nothing after it in the clause (so not `要两个月内完成`).
pub(super) fn takes_time(lower: &str) -> bool {
    TAKES.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let rest = lower.get(i + w.len()..).unwrap_or_default();
            let count = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || "一二两三四五六七八九十半几多.".contains(*c))
                .count();
            if count == 0 {
                return false;
            }
            let rest: String = rest.chars().skip(count).collect();
            UNITS.iter().any(|u| {
                rest.strip_prefix(u).is_some_and(|r| {
                    let r = r
                        .strip_prefix("左右")
                        .or_else(|| r.strip_prefix("时间"))
                        .unwrap_or(r);
                    r.chars().next().is_none_or(|c| "。，,；;！!".contains(c))
                })
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::takes_time;

    #[test]
    fn a_length_taken_is_no_deadline() {
        assert!(takes_time("主要是分成到账太慢，要两个月。"));
        assert!(takes_time("走完流程得花三天，太久了"));
        assert!(takes_time("会签平均需要5个工作日"));
        assert!(!takes_time("要两个月内完成"));
        assert!(!takes_time("三天内要报上来"));
        assert!(!takes_time("下周要出方案"));
    }
}
