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
    }
}
