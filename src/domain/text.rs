//! Free text as users type it (pure): a note, reason or field is trimmed, and blank is none.

/// `s` trimmed, or `None` when it is absent or blank.
pub fn opt_text(s: Option<String>) -> Option<String> {
    s.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}
