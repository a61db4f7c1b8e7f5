//! A helper named after the lead in an owner's parentheses (pure): `（解某，阮某协助）`,
//! `（包某，向某配合）`, `（甲，乙协办）` — the helper's verb goes, the helper stays (主办 first).

/// Verbs a helper is written with after their name.
const HELP_VERBS: &[&str] = &["协助", "配合", "协办", "支持", "参与", "辅助"];

/// `阮某协助` → `阮某`; a part without a helper's verb, or only the verb, is kept as it is.
pub(super) fn bare_helper(part: &str) -> &str {
    HELP_VERBS
        .iter()
        .find_map(|v| part.strip_suffix(v))
        .filter(|name| !name.is_empty())
        .unwrap_or(part)
}

#[cfg(test)]
mod tests {
    use super::bare_helper;

    #[test]
    fn the_helpers_verb_goes() {
        assert_eq!(bare_helper("阮小蕾协助"), "阮小蕾");
        assert_eq!(bare_helper("向冬梅配合"), "向冬梅");
        assert_eq!(bare_helper("配合"), "配合");
        assert_eq!(bare_helper("王敏"), "王敏");
    }
}
