//! Time limits the deadline parser does not read but people write (pure): `周内` alone
//! (`某某周内与对方对接课件`, "within the week") and `月中` (`某某月中汇总`), which the conventions
//! leave out (only `本周内` / `这周内` / `这周`; no middle of a month). Each is shown as a refused
//! deadline (截止待定) that still says when.

/// A bare `周内` (not `本周内`, `两周内`, `下周内`, which the parser reads) or `月中` (the middle
/// of this month, which no convention dates; not `月中旬`): its words.
pub(super) fn bare_week_limit(chars: &[char]) -> Option<String> {
    (0..chars.len()).find_map(|i| {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let bare =
            !before.is_some_and(|c| c.is_ascii_digit() || "本这下上一二三四五六七八九十两个每当".contains(c));
        let word = match (chars.get(i), chars.get(i + 1)) {
            (Some('周'), Some('内')) => Some("周内"),
            (Some('月'), Some('中')) if chars.get(i + 2) != Some(&'旬') => Some("月中"),
            _ => None,
        };
        word.filter(|_| bare).map(str::to_owned)
    })
}

/// Whether the window `start..end` overlaps a range of months (`1-11月`, `4～6月`): a period
/// the figures cover, not a date (`1-11` is no `1月11日`).
pub(super) fn in_month_range(chars: &[char], start: usize, end: usize) -> bool {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    chars.iter().enumerate().any(|(p, c)| {
        if !"-–~～".contains(*c) || p == 0 || !digit(p - 1) || !digit(p + 1) {
            return false;
        }
        let first = (0..p).rev().take_while(|i| digit(*i)).last().unwrap_or(p);
        let last = (p + 1..chars.len()).take_while(|i| digit(*i)).last().unwrap_or(p);
        chars.get(last + 1) == Some(&'月') && start <= last + 1 && end > first
    })
}

/// Whether the window `start..end` is a time word opening a field label (`本季资产变化：-19万元`,
/// `本月新增：3户`, `本周进展：…`): it names what the field measures, not when work is due.
pub(super) fn opens_label(chars: &[char], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).and_then(|i| chars.get(i)).copied();
    if before.is_some_and(super::ctx::is_cjk) || !chars.get(start).is_some_and(|c| "本当这今".contains(*c))
    {
        return false;
    }
    let rest: Vec<char> = chars.iter().skip(end).take(9).copied().collect();
    let Some(colon) = rest.iter().position(|c| matches!(c, '：' | ':')) else {
        return false;
    };
    let label = rest.get(..colon).unwrap_or_default();
    !label.is_empty()
        && label.iter().all(|c| super::ctx::is_cjk(*c))
        && !label.first().is_some_and(|c| "前内末底之以起止".contains(*c))
}

/// Whether the window `start..end` is the length of a term (`公示期三天`, `试用期3个月`,
/// `为期两周`): how long something lasts, not when work is due (`期限三天` is a limit).
pub(super) fn term_length(chars: &[char], start: usize) -> bool {
    let at = |i: Option<usize>| i.and_then(|i| chars.get(i)).copied();
    at(start.checked_sub(1)) == Some('期') && !at(start.checked_sub(2)).is_some_and(|c| "限日星".contains(c))
}

/// Whether the window from `start` opens on the 年 of a year or a count of years (`2019年以前`,
/// `三年前`): that is a time long past, not 年前 (before the Spring Festival).
pub(super) fn year_not_festival(chars: &[char], start: usize) -> bool {
    chars.get(start) == Some(&'年')
        && start
            .checked_sub(1)
            .and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_ascii_digit() || "〇零一二三四五六七八九十两百几多".contains(*c))
}

/// Whether the window from `start` counts a run of days already gone (`连续5日低于…`, `累计3天`,
/// `已连续两周`): a span measured, not a date (`5日` is no 5th of the month).
pub(super) fn counted_run(chars: &[char], start: usize) -> bool {
    let before: String = chars
        .get(start.saturating_sub(2)..start)
        .unwrap_or_default()
        .iter()
        .collect();
    ["连续", "累计", "持续"].contains(&before.as_str())
}

/// `今年分公司评优设三个奖项`: a year alone (`今年`, `明年`, `今年度`) is when something happens,
/// not a deadline (`今年底前`, `年内` are).
pub(super) fn is_bare_year(window: &[char]) -> bool {
    let w: String = window.iter().collect();
    ["今年", "明年", "本年", "今年度", "本年度", "明年度"].contains(&w.as_str())
}
