//! A time word right after a member's name (pure): `请柳青清明前联系街道`, `王五周五前对接` —
//! the person is the subject and the time says when they act; it modifies no noun.

use super::ctx::Ctx;

impl Ctx<'_> {
    /// Whether the characters before `start` end with a member's name (two characters or more).
    pub(super) fn after_member(&self, chars: &[char], start: usize) -> bool {
        let before: String = chars.get(..start).unwrap_or_default().iter().collect();
        self.members
            .iter()
            .any(|p| p.name.chars().count() >= 2 && before.ends_with(p.name.as_str()))
    }
}
