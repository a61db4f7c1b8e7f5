//! A title line that ends with the meeting's full date (pure): `飞书妙记　某某项目复盘（第二次）　2026-03-04`,
//! `Q3 渠道周会 2026/7/1`, `营业部例会 2026年5月6日` — the paper's head, whatever app or writer
//! produced it, not a task (the date is when the meeting was held).

/// Whether `raw` is a short title with no clause punctuation, then whitespace and one full date
/// (`2026-03-04`, `2026/3/4`, `2026.3.4`, `2026年3月4日`) that ends the line, the title asking
/// no one for anything.
pub(super) fn is_title_then_date(raw: &str) -> bool {
    let s = raw.trim();
    let Some((title, date)) = s.rsplit_once(|c: char| c.is_whitespace()) else {
        return false;
    };
    let title = title.trim();
    !title.is_empty()
        && title.chars().count() <= 40
        && !title.contains(['，', ',', '。', '；', ';', '：', ':', '！', '？', '@'])
        // `请某某提交方案 2026-05-12`: a request, a name's duty or a due date is work.
        && !["请", "负责", "牵头", "需", "须", "要求", "务必", "前", "截止", "due", "by "]
            .iter()
            .any(|w| title.contains(w))
        && full_date(date.trim())
}

/// `2026-03-04`, `2026/3/4`, `2026.3.4`, `2026年3月4日`.
fn full_date(d: &str) -> bool {
    let parts: Vec<&str> = d
        .trim_end_matches('日')
        .split(['-', '/', '.', '年', '月'])
        .collect();
    let digits = |t: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit())
    };
    matches!(parts.as_slice(), [y, m, day] if digits(y, 4..=4) && digits(m, 1..=2) && digits(day, 1..=2))
}

#[cfg(test)]
mod tests {
    use super::is_title_then_date;

    #[test]
    fn a_title_then_a_full_date_is_a_head() {
        assert!(is_title_then_date("飞书妙记　渠道费用复盘（第三次）　2026-05-12"));
        assert!(is_title_then_date("Q3 渠道周会 2026/7/1"));
        assert!(is_title_then_date("营业部例会 2026年5月6日"));
        assert!(!is_title_then_date("请某某提交方案 2026-05-12"));
        assert!(!is_title_then_date("某某负责方案，截止 2026-05-12"));
        assert!(!is_title_then_date("2026-05-12"));
    }
}
