//! How long something runs once started (pure): `本周六起试运行两周`, `下月1日起试点三个月` — a
//! duration after a start in the same clause is the length of the run, not a deadline.

/// Whether the time window `chars[start..end]` is a bare duration (`两周`, `三个月`, `10天`) after
/// a start (`…起`) earlier in its clause, with no `内`/`前`/`后` making it a limit.
pub(crate) fn after_a_start(chars: &[char], start: usize, end: usize) -> bool {
    let window = chars.get(start..end).unwrap_or_default();
    let duration = window.last().is_some_and(|c| "周天月".contains(*c))
        && window
            .first()
            .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十两半".contains(*c));
    let limited = chars.get(end).is_some_and(|c| "内前后底末".contains(*c));
    let clause_start = chars
        .get(..start)
        .unwrap_or_default()
        .iter()
        .rposition(|c| "，,；;。！？".contains(*c))
        .map_or(0, |i| i + 1);
    let started = chars.get(clause_start..start).is_some_and(|b| b.contains(&'起'));
    duration && !limited && started
}

#[cfg(test)]
mod tests {
    use super::after_a_start;

    fn at(s: &str, w: &str) -> bool {
        let chars: Vec<char> = s.chars().collect();
        let wc: Vec<char> = w.chars().collect();
        let start = (0..chars.len())
            .find(|i| chars.get(*i..*i + wc.len()) == Some(&wc[..]))
            .unwrap();
        after_a_start(&chars, start, start + wc.len())
    }

    #[test]
    fn a_duration_after_a_start_is_a_run() {
        assert!(at("设置咨询台，本周六起试运行两周——某某", "两周"));
        assert!(at("下月1日起试点三个月", "三个月"));
        assert!(!at("本周六起试运行，两周内完成评估", "两周"));
        assert!(!at("试运行两周", "两周"));
        assert!(!at("下周一起执行，两周后复盘", "两周"));
    }
}
