//! `/项目 对齐` (issue 18): the project's OKR alignment, chosen by its 负责人, its creator or
//! an admin; items created in the project inherit it.

use jiff::Timestamp;

use super::record::Project;
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::ids::{OpenId, Person};
use crate::domain::okr::Alignment;

impl Project {
    /// Whether `who` may choose the project's alignment.
    ///
    /// # Errors
    /// The Chinese refusal naming who may.
    pub fn may_align(&self, who: &OpenId, admins: &[OpenId]) -> Result<(), String> {
        if self.is_owner(who) || self.is_creator(who) || admins.contains(who) {
            return Ok(());
        }
        Err(format!(
            "只有项目负责人（{}）、项目创建人或管理员可以为 {} 对齐 OKR。",
            self.owner.name, self.id
        ))
    }

    /// Aligns the project with `alignment` on behalf of `actor`.
    ///
    /// # Errors
    /// The Chinese refusal naming who may.
    pub fn align(
        &self,
        alignment: Alignment,
        actor: &Person,
        admins: &[OpenId],
        now: Timestamp,
        source: Source,
    ) -> Result<(Self, AuditRecord), String> {
        self.may_align(&actor.open_id, admins)?;
        let before = self
            .alignment
            .as_ref()
            .map(Alignment::summary)
            .unwrap_or_default();
        let change = Change::new("alignment", before, alignment.summary());
        let mut next = self.clone();
        next.alignment = Some(alignment);
        next.version = self.version + 1;
        next.updated_at = now;
        let record = AuditRecord {
            at: now,
            actor: actor.clone(),
            action: "align".to_owned(),
            source,
            changes: vec![change],
            note: None,
        };
        Ok((next, record))
    }
}
