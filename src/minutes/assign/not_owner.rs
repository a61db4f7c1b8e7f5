//! People named beside the work who do not own it (pure): who is asked for a verdict
//! (`…, 景某 to decide`, `宋某 to sign off`) and who asks someone named before
//! (`某甲建议…，某乙请他7月3日前先抽查一轮`: 他 is 某甲).

use super::strip_leads;
use crate::minutes::scan::{Ctx, VERDICT};

/// What follows the one who asks another, named before, to do the work.
const ASKS: &[&str] = &["请他", "请她", "让他", "让她"];

impl Ctx<'_> {
    /// Whether `clause` is a member and a verdict only (`景某 to decide`).
    pub(super) fn decides_only(&self, clause: &str) -> bool {
        self.leading_member(strip_leads(clause))
            .is_some_and(|(_, rest)| VERDICT.iter().any(|w| rest.trim_start().starts_with(w)))
    }

    /// The byte length of the asker's name when `clause` opens `某乙请他…`.
    pub(super) fn asker_len(&self, clause: &str) -> Option<usize> {
        let (_, len) = self.members_prefix(clause)?;
        clause
            .get(len..)
            .is_some_and(|r| ASKS.iter().any(|w| r.starts_with(w)))
            .then_some(len)
    }
}
