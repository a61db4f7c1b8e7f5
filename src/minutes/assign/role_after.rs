//! A role word written after the names it marks (pure): `Ryan owner`, `Sunny lead`, `Leo
//! support`, `闵晓东 support`, `Kim (owner)`, `Amy PIC`. Written before the names (`owner 贾政`) the
//! word is one of the clause's leads; written after, it is stripped the same way, so the clause is
//! still only names.

/// Role words of mixed English minutes, matched without regard to case.
const ROLE_WORDS: &[&str] = &[
    "owner",
    "owners",
    "lead",
    "leads",
    "co-lead",
    "support",
    "supports",
    "backup",
    "helper",
    "assist",
    "pic",
    "dri",
    "in charge",
    "driver",
];

/// `s` without a trailing role word (bare or in brackets) after at least one other character.
pub(super) fn strip_role_after(s: &str) -> &str {
    let t = s.trim_end();
    let inner = t
        .strip_suffix(')')
        .or_else(|| t.strip_suffix('）'))
        .map(str::trim_end);
    let body = inner.unwrap_or(t);
    let lower = body.to_ascii_lowercase();
    let Some(word) = ROLE_WORDS.iter().find(|w| lower.ends_with(*w)) else {
        return s;
    };
    let cut = body.len() - word.len();
    let head = body.get(..cut).unwrap_or_default();
    // A whole word: not the tail of a longer English word (`Whitelead`).
    if head.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        return s;
    }
    let head = if inner.is_some() {
        let h = head.trim_end();
        match h.strip_suffix('(').or_else(|| h.strip_suffix('（')) {
            Some(h) => h,
            None => return s,
        }
    } else {
        head
    };
    let head = head.trim_end();
    if head.is_empty() { s } else { head }
}

/// `Cindy support: 两融机构定价 proposal`: names and the role word after them, then a colon and the
/// work. The names (role word stripped) and the byte length of the head with its colon.
pub(super) fn role_head(clause: &str) -> Option<(&str, usize)> {
    let (i, colon) = clause.char_indices().find(|(_, c)| matches!(c, ':' | '：'))?;
    let head = clause.get(..i)?.trim();
    let names = strip_role_after(head);
    (names != head && head.chars().count() <= 24 && !clause.get(i + colon.len_utf8()..)?.trim().is_empty())
        .then_some((names, i + colon.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::strip_role_after;

    #[test]
    fn a_trailing_role_word_leaves_the_names() {
        assert_eq!(strip_role_after("Ryan owner"), "Ryan");
        assert_eq!(strip_role_after("Sunny Lead"), "Sunny");
        assert_eq!(strip_role_after("闵晓东 support"), "闵晓东");
        assert_eq!(strip_role_after("Kim (owner)"), "Kim");
        assert_eq!(strip_role_after("Kim（owner）"), "Kim");
        assert_eq!(strip_role_after("owner"), "owner");
        assert_eq!(strip_role_after("Whitelead"), "Whitelead");
        assert_eq!(strip_role_after("灰度比例"), "灰度比例");
        assert_eq!(
            super::role_head("Cindy support: 两融机构定价 proposal"),
            Some(("Cindy", "Cindy support:".len()))
        );
        assert_eq!(super::role_head("Cindy: 两融机构定价 proposal"), None);
    }
}
