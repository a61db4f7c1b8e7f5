//! `12月2日  Chair: 某某`, `8月19日  Host: 某某（某某）`, `3月5日　主持：某某` (pure): a header line
//! whose parts, apart by a run of two or more spaces (or an ideographic space or a tab), are each
//! a date or a meeting detail (`key：value`) — the meeting's facts, not work.

/// The parts of `line` apart by a run of two or more spaces, an ideographic space or a tab.
fn parts(line: &str) -> Vec<&str> {
    line.split(['\t', '\u{3000}'])
        .flat_map(|p| p.split("  "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether `line` has two or more such parts, at least one of them a meeting detail (`meta`) and
/// every one a meeting detail or a date (`dated`).
pub(super) fn dated_and_keyed(line: &str, meta: impl Fn(&str) -> bool, dated: impl Fn(&str) -> bool) -> bool {
    let ps = parts(line);
    // `9月29日 通报人：某某`: a date, one space (an ideographic space once normalised), a detail.
    let led = line
        .trim()
        .split_once(' ')
        .is_some_and(|(d, rest)| dated(d) && meta(rest.trim()));
    led || (ps.len() > 1 && ps.iter().any(|p| meta(p)) && ps.iter().all(|p| meta(p) || dated(p)))
}

#[cfg(test)]
mod tests {
    use super::dated_and_keyed;

    fn meta(p: &str) -> bool {
        ["Chair:", "Host:", "主持："].iter().any(|k| p.starts_with(k)) && !p.contains('，')
    }
    fn dated(p: &str) -> bool {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_digit() || "-/.年月日 :：".contains(c))
    }

    #[test]
    fn a_date_and_a_chair_apart_by_spaces() {
        assert!(dated_and_keyed("3月9日  Chair: 郁青", meta, dated));
        assert!(dated_and_keyed("5月7日　主持：雷明", meta, dated));
        assert!(dated_and_keyed("3月9日 主持：郁青", meta, dated));
        assert!(!dated_and_keyed("3月9日 主持：郁青，请周五前提交", meta, dated));
        assert!(!dated_and_keyed("3月9日  请郁青周五前提交", meta, dated));
        assert!(!dated_and_keyed("Chair: 郁青", meta, dated));
    }
}
