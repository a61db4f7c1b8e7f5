//! `发布2026年内训师认证通知`, `本月内控检查报告` (pure): the `内` closing a time window (`年内`,
//! `月内`) is the first character of a word that follows (`内训`, `内控`, `内审`), so the window is
//! no `within` deadline; the date words left (`2026年`, `本月`) are read on their own. So is
//! `一个月报模板`: the `月` closing `一个月` opens `月报` (a monthly report).

/// Words opening with `内` (training, control, audit, network, staff…), never `within`.
const INNER_WORDS: &[&str] = &[
    "内训", "内控", "内审", "内网", "内部", "内容", "内勤", "内刊", "内推", "内测", "内参", "内外", "内资",
    "内需", "内核", "内置", "内地", "内页",
];

/// Whether the window ending at `end` closes on a `内` that opens one of [`INNER_WORDS`].
pub(super) fn ends_inside_word(chars: &[char], end: usize) -> bool {
    let last = end.checked_sub(1).and_then(|i| chars.get(i));
    // `出一个月报模板`: a month count whose 月 opens `月报`, `月度`.
    if last == Some(&'月')
        && end.checked_sub(2).and_then(|i| chars.get(i)) == Some(&'个')
        && chars.get(end).is_some_and(|c| matches!(c, '报' | '度'))
    {
        return true;
    }
    last == Some(&'内')
        && chars
            .get(end)
            .is_some_and(|c| INNER_WORDS.iter().any(|w| w.chars().nth(1) == Some(*c)))
}

#[cfg(test)]
mod tests {
    use super::ends_inside_word;

    #[test]
    fn a_nei_opening_a_word_closes_no_window() {
        let c: Vec<char> = "发布2026年内训师认证通知".chars().collect();
        assert!(ends_inside_word(&c, 8));
        let c: Vec<char> = "2026年内完成".chars().collect();
        assert!(!ends_inside_word(&c, 6));
        let c: Vec<char> = "先出一个月报模板".chars().collect();
        assert!(ends_inside_word(&c, 5));
        let c: Vec<char> = "一个月完成".chars().collect();
        assert!(!ends_inside_word(&c, 3));
    }
}
