//! A rule laid down for everyone (pure): `全体员工：检查期间手机保持畅通，不得擅自离岗`,
//! `各网点一律不准私自调班` — a prohibition binds from now on; it is no one's task to finish.
//! `不得晚于3月5日`, `不得迟于`, `不得超过` are deadlines and limits of work, not rules.

/// Words that forbid.
const FORBID: &[&str] = &["不得", "不准", "不允许", "禁止"];

/// Words after `不得` that set a deadline or a limit of the work instead.
const LIMIT: &[&str] = &["晚于", "迟于", "超过", "少于", "低于", "高于", "早于"];

/// Whether `lower` forbids something (see the module's text).
pub(super) fn forbids(lower: &str) -> bool {
    FORBID.iter().any(|w| {
        lower.match_indices(w).any(|(at, _)| {
            let after = lower.get(at + w.len()..).unwrap_or_default();
            !LIMIT.iter().any(|l| after.starts_with(l))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::forbids;

    #[test]
    fn a_prohibition_but_not_a_deadline_limit() {
        assert!(forbids("全体员工：假期内电话保持畅通，不得擅自关机"));
        assert!(forbids("各网点不准私自调班"));
        assert!(!forbids("某某整理清单，不得晚于3月5日报送"));
        assert!(!forbids("费用不得超过5万元，某某负责询价"));
    }
}
