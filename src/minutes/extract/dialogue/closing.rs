//! A speaker's closing (pure): `…，今天先这样。`, `就先到这里吧`, `今天就到这` ends the talk; its
//! `今天` is the meeting's day and its `先` no next step, so neither makes the rest of the sentence
//! a commitment.

/// Closings, longest first.
const CLOSINGS: &[&str] = &[
    "今天先这样",
    "今天就这样",
    "今天先到这里",
    "今天就到这里",
    "今天先到这",
    "今天就到这",
    "先这样",
    "先到这里",
    "就到这里",
    "先到这",
    "就到这",
];

/// `s` less a closing clause (and the `吧`/`啊` after it), or `None` when it has none.
pub(super) fn without_closing(s: &str) -> Option<String> {
    let c = CLOSINGS.iter().find(|c| s.contains(*c))?;
    let at = s.find(c)?;
    let rest = s.get(at + c.len()..).unwrap_or_default();
    let rest = rest.trim_start_matches(['吧', '啊', '哈', '了']);
    let head = s.get(..at).unwrap_or_default().trim_end_matches(['，', ',', ' ']);
    Some(format!("{head}{rest}"))
}

#[cfg(test)]
mod tests {
    use super::without_closing;

    #[test]
    fn a_closing_is_taken_off() {
        assert_eq!(
            without_closing("那边的事我跟老周说，今天先这样。").as_deref(),
            Some("那边的事我跟老周说。")
        );
        assert_eq!(without_closing("好，就到这里吧。").as_deref(), Some("好。"));
        assert_eq!(without_closing("我周五前把报告发你。"), None);
    }
}
