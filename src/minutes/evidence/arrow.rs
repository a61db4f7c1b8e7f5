//! A follow-up written after an arrow (pure): under a record of what happened (a list of cases,
//! a log), `→ 原因未查明，某某尽快协调…`, `-> 某某下周补材料`, `⇒ 由某某跟进` marks what is to
//! be done about the line above — someone's work, as a `待办：` label does.

/// Arrows a writer opens a follow-up with.
const ARROWS: &[&str] = &["→", "->", "=>", "⇒", "➜", "➡", "↳", "⤷", "➔"];

/// Whether `raw` opens with an arrow and text after it.
pub(super) fn opens_with_arrow(raw: &str) -> bool {
    let s = raw.trim_start();
    ARROWS
        .iter()
        .any(|a| s.strip_prefix(a).is_some_and(|r| !r.trim().is_empty()))
}

#[cfg(test)]
mod tests {
    use super::opens_with_arrow;

    #[test]
    fn an_arrow_opens_a_follow_up() {
        assert!(opens_with_arrow("→ 某某尽快补材料"));
        assert!(opens_with_arrow("  -> 某某下周补材料"));
        assert!(!opens_with_arrow("补材料 → 某某"));
        assert!(!opens_with_arrow("→"));
    }
}
