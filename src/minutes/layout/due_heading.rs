//! A heading that is only a deadline for what follows (pure): `一、本周五前完成`,
//! `二、12月18日（周五）前完成`, `三、两周内完成` — the work listed under it is due then, an
//! action section.

/// Characters a date or a span is written with (`12月18日（周五）`, `本周五`, `下月底`, `两周`).
const DATE_CHARS: &str = "0123456789０１２３４５６７８９一二三四五六七八九十两月日号周星期礼拜本下这个底末初旬中上天工作年班午明今（）() ";

/// Holidays a heading may be due before (`五一前完成`, `国庆前`).
const HOLIDAYS: &[&str] = &[
    "五一", "十一", "国庆", "春节", "元旦", "中秋", "端午", "清明", "节前", "年前",
];

/// Words of obligation a due heading may put before its completion word (`节前必须完成`).
const MUST: &[&str] = &["必须", "务必", "需要", "需", "要", "应"];

/// A holiday, with or without its `节` (`中秋`, `中秋节`, `国庆节`).
fn is_holiday(when: &str) -> bool {
    HOLIDAYS.contains(&when) || when.strip_suffix('节').is_some_and(|h| HOLIDAYS.contains(&h))
}

/// `节后第一个工作日`, `国庆后第一周`, `假期后三个工作日内`: a first day, a first week, or a span
/// counted from the end of a holiday (`节`, `假期` alone name the one at hand).
fn after_holiday(holiday: &str, rest: &str) -> bool {
    let base = is_holiday(holiday) || ["节", "节假日", "假期", "长假", "假"].contains(&holiday);
    let first = [
        "第一个工作日",
        "首个工作日",
        "第一个交易日",
        "首个交易日",
        "第一周",
        "首周",
        "第一天",
    ];
    let span = rest.strip_suffix('内').is_some_and(|w| {
        (2..=8).contains(&w.chars().count())
            && w.chars().all(|c| DATE_CHARS.contains(c))
            && w.chars().any(|c| "周天日".contains(c))
    });
    base && (first.contains(&rest) || span)
}

/// `12月中旬`, `1月上旬`, `11月底`: a part of a written month alone heads the work planned for
/// it (a deadline the items may take only when it is one the conventions accept).
fn month_part(s: &str) -> bool {
    let Some((month, part)) = s.split_once('月') else {
        return false;
    };
    let n = month.chars().count();
    (1..=2).contains(&n)
        && month
            .chars()
            .all(|c| c.is_ascii_digit() || "０１２３４５６７８９".contains(c))
        && ["上旬", "中旬", "下旬", "初", "中", "底", "末"].contains(&part.trim())
}

/// `时间另定`, `完成时间待定`, `择期完成`, `另行安排`: a heading saying the work under it has no
/// date yet — the work is still due, its deadline 待定 (a pending word, after an optional word
/// for the time, before an optional completion word).
fn pending(s: &str) -> bool {
    let s = s
        .strip_suffix("完成")
        .or_else(|| s.strip_suffix("办理"))
        .or_else(|| s.strip_suffix("推进"))
        .unwrap_or(s)
        .trim_end();
    let s = ["完成时间", "完成日期", "时间", "日期", "时限", "期限", "时点"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(s)
        .trim();
    [
        "另定",
        "待定",
        "未定",
        "另行确定",
        "另行安排",
        "另行通知",
        "择期",
        "择机",
        "再定",
        "后定",
        "视情况而定",
    ]
    .contains(&s)
        || no_limit(s)
}

/// `不设时限`, `无时限`, `不限时间`, `暂不设期限`: a heading saying the work under it has no limit —
/// the work is still due, its deadline open (a negation, then a word for the time limit).
fn no_limit(s: &str) -> bool {
    let s = s.strip_prefix('暂').unwrap_or(s);
    let Some(rest) = ["不设", "不定", "不限", "无", "没有"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
    else {
        return false;
    };
    [
        "时限",
        "期限",
        "时间",
        "时",
        "截止时间",
        "截止日期",
        "完成时限",
        "固定时限",
        "明确时限",
    ]
    .contains(&rest)
}

/// `节前完成（五一前）`, `本月底前（12月31日）`: a due heading with its gloss in brackets after it —
/// either part saying when is enough.
fn glossed(s: &str) -> bool {
    let Some(body) = s.strip_suffix('）').or_else(|| s.strip_suffix(')')) else {
        return false;
    };
    let Some((head, gloss)) = body.rsplit_once(['（', '(']) else {
        return false;
    };
    let head = head.trim_end();
    !head.is_empty()
        && !head.contains(['（', '('])
        && is_due_heading(head)
        && (is_due_heading(gloss.trim()) || gloss.chars().any(|c| DATE_CHARS.contains(c)))
}

/// Whether `name` is a date or a span, then `前`/`之前`/`内`/`以内`, then optionally `完成` or `办结`;
/// or a holiday then `后第一个工作日` (`国庆节后第一个工作日完成`).
pub(crate) fn is_due_heading(name: &str) -> bool {
    let s = name.trim().trim_end_matches([':', '：']).trim_end();
    if month_part(s) || pending(s) || glossed(s) {
        return true;
    }
    let done = s.strip_suffix("完成").or_else(|| s.strip_suffix("办结"));
    // `节前必须完成`, `月底前需完成`: a word of obligation before the completion word.
    let s = done.map_or(s, |d| {
        let d = d.trim_end();
        MUST.iter().find_map(|m| d.strip_suffix(m)).unwrap_or(d)
    });
    let s = s.trim_end();
    if let Some((h, rest)) = s.split_once('后')
        && after_holiday(h.trim_end(), rest.trim())
    {
        return true;
    }
    // `月中完成`, `下月底完成`: a period's part, then the completion word, says when too.
    // `明天上午完成`, `本周五完成`: a day, or a part of it, then the completion word.
    let by_period = done.is_some()
        && (s.ends_with(['底', '末', '中', '初', '旬', '午', '天'])
            || s.chars().rev().nth(1) == Some('周')
                && s.ends_with(['一', '二', '三', '四', '五', '六', '日']));
    let Some(when) = ["之前", "以内", "前", "内"]
        .iter()
        .find_map(|w| s.strip_suffix(w))
        .or_else(|| by_period.then_some(s))
        .map(str::trim_end)
    else {
        return false;
    };
    let n = when.chars().count();
    ((2..=14).contains(&n)
        && when.chars().all(|c| DATE_CHARS.contains(c))
        && when.chars().any(|c| "月日号周天底末旬".contains(c)))
        || is_holiday(when)
        // `节前完成`, `年前完成`: the holiday at hand, or the new year's, unnamed (`年前` alone is
        // no heading).
        || when == "节"
        || (when == "年" && done.is_some())
}

#[cfg(test)]
mod tests {
    use super::is_due_heading;

    #[test]
    fn a_date_and_before_is_a_due_heading() {
        assert!(is_due_heading("本周五前完成"));
        assert!(is_due_heading("12月18日（周五）前完成"));
        assert!(is_due_heading("两周内完成："));
        assert!(is_due_heading("月底前"));
        assert!(is_due_heading("月中完成"));
        assert!(is_due_heading("明天上午完成"));
        assert!(is_due_heading("本周五完成"));
        assert!(!is_due_heading("已于昨天完成"));
        assert!(is_due_heading("下月底完成："));
        assert!(!is_due_heading("月中"));
        assert!(is_due_heading("节前完成"));
        assert!(is_due_heading("年前完成"));
        assert!(!is_due_heading("年前"));
        assert!(is_due_heading("本周三下班前完成"));
        assert!(is_due_heading("五一前完成"));
        assert!(is_due_heading("5月中旬完成"));
        assert!(!is_due_heading("12月18日前提交报告"));
        assert!(!is_due_heading("已完成"));
        assert!(!is_due_heading("完成情况"));
        assert!(is_due_heading("端午节前完成"));
        assert!(is_due_heading("春节后第一个工作日完成："));
        assert!(!is_due_heading("节后第一个工作日碰头"));
        assert!(is_due_heading("节后第一个工作日完成"));
        assert!(is_due_heading("节前完成（五一前）"));
        assert!(is_due_heading("月底前完成（4月30日）"));
        assert!(!is_due_heading("整改进展（五一前）"));
        assert!(is_due_heading("不设时限"));
        assert!(is_due_heading("暂不设期限："));
        assert!(is_due_heading("无时限"));
        assert!(!is_due_heading("无"));
        assert!(!is_due_heading("不设限"));
        assert!(is_due_heading("节后第一周"));
        assert!(is_due_heading("国庆后三个工作日内完成"));
        assert!(!is_due_heading("节后安排"));
        assert!(is_due_heading("12月中旬"));
        assert!(is_due_heading("1月底"));
        assert!(!is_due_heading("12月工作"));
        assert!(is_due_heading("时间另定"));
        assert!(is_due_heading("完成时间待定："));
        assert!(is_due_heading("择期完成"));
        assert!(!is_due_heading("待定事项说明"));
        assert!(is_due_heading("节前必须完成"));
        assert!(is_due_heading("月底前需完成："));
        assert!(is_due_heading("年前完成"));
        assert!(!is_due_heading("必须完成"));
        assert!(!is_due_heading("年度完成"));
    }
}
