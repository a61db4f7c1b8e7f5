//! Work reported under way (`进行中`) that still has a day of its own to meet (pure).

/// Whether the line reports work under way (`进行中`, `推进中`) with a named day or date to meet
/// (`进行中，12月15日前到货`, `进行中，3月17日前交初稿`): open work carried over, an item
/// still. A forecast (`进行中，预计3月20日前完成`, as the earlier sets label it) and a whole week
/// or month (`进行中，下周完成`) stay a report.
pub(super) fn dated_under_way(lower: &str, deadline_text: Option<&str>) -> bool {
    let under_way = ["进行中", "推进中", "处理中", "跟进中"]
        .iter()
        .any(|w| lower.contains(w))
        || partly_done(lower);
    let Some(dt) = deadline_text.filter(|_| !lower.contains("预计")) else {
        return false;
    };
    let day = dt.trim().trim_end_matches(['前', '内', '之']);
    under_way && !day.is_empty() && !day.ends_with(['周', '月', '年', '度', '旬', '底', '末'])
}

/// `已完成80%，剩余部分下周二前完成`: part of the work done, the rest still to do.
pub(super) fn partly_done(lower: &str) -> bool {
    ["已完成", "完成了"].iter().any(|w| {
        lower.match_indices(w).any(|(at, w)| {
            let after = lower.get(at + w.len()..).unwrap_or_default();
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && after.get(digits..).is_some_and(|r| r.starts_with(['%', '％']))
        })
    })
}

/// `提示已发，后续回访由某某跟进`: with a strong owner, where a clause opening with the next step
/// (`后续`, `下一步`, `接下来`) starts — what is done before it is background. 0 when none.
pub(super) fn next_step_start(lower: &str, strong_owner: bool) -> usize {
    if !strong_owner {
        return 0;
    }
    lower
        .char_indices()
        .filter(|(_, c)| matches!(c, '，' | ',' | '；'))
        .map(|(i, c)| i + c.len_utf8())
        .find(|&i| {
            let clause = lower.get(i..).unwrap_or_default().trim_start();
            ["后续", "下一步", "接下来"].iter().any(|w| clause.starts_with(w))
        })
        .unwrap_or(0)
}

/// `报告已提交分公司，分公司要求补充满意度数据，7月20日前补齐`: after what is done, more is asked
/// for (`要求补充`, `需补充`, `要求完善`) before the day the line gives (`due`, lower-cased).
pub(super) fn more_asked_by(lower: &str, due: &str) -> bool {
    let Some(at) = lower.find(due) else {
        return false;
    };
    let before = lower.get(..at).unwrap_or_default();
    [
        "要求补充",
        "需补充",
        "需要补充",
        "待补充",
        "要求完善",
        "需完善",
        "要求补齐",
        "需补齐",
    ]
    .iter()
    .any(|w| before.contains(w))
}

/// `通讯记录仍在核查`, `尚未回函`, `初稿已提交，要求补充…`: the line says part of the work is
/// still open.
pub(super) fn still_open(lower: &str) -> bool {
    [
        "仍在",
        "尚未",
        "还在",
        "未完成",
        "剩余",
        "还差",
        "要求补充",
        "需补充",
        "待补充",
        // `已完成8笔，1笔客户暂未联系上，改为8月14日前完成`: part of it not done yet.
        "暂未",
        "仍未",
        "还未",
        "还没",
    ]
    .iter()
    .any(|w| lower.contains(w))
}
