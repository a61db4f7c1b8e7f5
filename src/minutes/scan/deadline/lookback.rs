//! A span counted back from now (pure): `近6个月日均资产`, `过去3天`, `最近两周` say over which past
//! period something is measured, never when work is due.

/// Whether the window starting at `start` is a span looked back over (`近3个月`, `过去两周`).
pub(super) fn looks_back(chars: &[char], start: usize) -> bool {
    let head: String = chars.get(..start).unwrap_or_default().iter().collect();
    let head = head.trim_end();
    // Not `临近月底`, `接近年底`: nearing a date still names it.
    (head.ends_with('近') && !head.ends_with("临近") && !head.ends_with("接近")) || head.ends_with("过去")
}

/// Whether the window `w` starting at `start` is the time left (`还有八个工作日，压力不小`,
/// `只剩两天了`): how long until a date, never when work is due, unless said as a limit (`…内`).
pub(super) fn time_left(chars: &[char], start: usize, w: &str) -> bool {
    let head: String = chars.get(..start).unwrap_or_default().iter().collect();
    let head = head.trim_end();
    ["还有", "还剩", "只剩", "仅剩", "只有"]
        .iter()
        .any(|h| head.ends_with(h))
        && !w.trim_end().ends_with(['前', '内'])
}

#[cfg(test)]
mod tests {
    use super::looks_back;

    #[test]
    fn a_span_after_jin_or_guoqu_looks_back() {
        let c: Vec<char> = "须提供近3个月流水".chars().collect();
        assert!(looks_back(&c, 4));
        let c: Vec<char> = "统计过去两周的投诉".chars().collect();
        assert!(looks_back(&c, 4));
        let c: Vec<char> = "临近月底前完成".chars().collect();
        assert!(!looks_back(&c, 2));
        let c: Vec<char> = "3个月内完成".chars().collect();
        assert!(!looks_back(&c, 0));
    }

    #[test]
    fn the_time_left_is_no_deadline() {
        let c: Vec<char> = "月底还有六个工作日，得抓紧".chars().collect();
        assert!(super::time_left(&c, 4, "六个工作日"));
        let c: Vec<char> = "还有3天内要交".chars().collect();
        assert!(!super::time_left(&c, 2, "3天内"));
    }
}
