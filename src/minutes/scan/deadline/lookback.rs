//! A span counted back from now (pure): `近6个月日均资产`, `过去3天`, `最近两周` say over which past
//! period something is measured, never when work is due.

/// Whether the window starting at `start` is a span looked back over (`近3个月`, `过去两周`).
pub(super) fn looks_back(chars: &[char], start: usize) -> bool {
    let head: String = chars.get(..start).unwrap_or_default().iter().collect();
    let head = head.trim_end();
    // Not `临近月底`, `接近年底`: nearing a date still names it.
    (head.ends_with('近') && !head.ends_with("临近") && !head.ends_with("接近")) || head.ends_with("过去")
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
}
