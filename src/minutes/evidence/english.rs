//! English stand-up lines (pure): `Kevin: the backtest is done. Today: Nina to fix…` reports
//! done work in one sentence and gives new work in the next.

/// Where the English sentence holding `deadline_text` starts in `lower` (a line mostly in
/// Latin letters, sentences apart by `. `); 0 when there is no such sentence before it.
pub(super) fn dated_sentence_start(lower: &str, deadline_text: Option<&str>) -> usize {
    let latin = lower.chars().filter(char::is_ascii_alphabetic).count();
    if latin * 2 < lower.chars().count() {
        return 0;
    }
    let Some(at) = deadline_text.and_then(|d| lower.find(&d.to_lowercase())) else {
        return 0;
    };
    lower
        .get(..at)
        .and_then(|b| b.rfind(". "))
        .map_or(0, |i| i + ". ".len())
}

/// `rebuild the table, done by tomorrow`: `done by` says when, not that it is done.
pub(super) fn without_done_by(lower: &str) -> String {
    lower.replace("done by ", "by ")
}
