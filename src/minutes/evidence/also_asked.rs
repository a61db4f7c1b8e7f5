//! `另请…`, `同时请…`, `此外请…` (pure): a further request, as plain as one starting with `请`.

/// The clause without a leading `另`/`另外`/`同时`/`此外`/`并` when a `请` follows it.
pub(super) fn without_also(clause: &str) -> &str {
    ["另外", "同时", "此外", "另", "并"]
        .iter()
        .find_map(|w| clause.strip_prefix(w).filter(|r| r.starts_with('请')))
        .unwrap_or(clause)
}

#[cfg(test)]
mod tests {
    use super::without_also;

    #[test]
    fn a_further_request_reads_as_a_request() {
        assert_eq!(without_also("另请各营业部周五前报送"), "请各营业部周五前报送");
        assert_eq!(without_also("同时请风控组复核"), "请风控组复核");
        assert_eq!(without_also("另行通知"), "另行通知");
    }
}
