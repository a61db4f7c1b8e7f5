//! The audit trail as a whole: every record in one list (exports) and the pruning of records
//! older than the retention period (`[audit] keep_days`).

use super::outbox::Changes;
use super::{Store, StoreError, decode, from_be};
use crate::domain::audit::AuditRecord;
use crate::domain::ids::{ItemId, ProjectId, RequirementId};

/// Which tree and key a record lives at, and the record with its subject (`DB-12`, `XM-3`, …).
type Located = (bool, Vec<u8>, String, AuditRecord);

impl Store {
    fn audit_located(&self) -> Result<Vec<Located>, StoreError> {
        let mut out = Vec::new();
        for kv in &self.audit {
            let (k, v) = kv?;
            let subject = ItemId(from_be(&k)).to_string();
            out.push((true, k.to_vec(), subject, decode(&k, &v)?));
        }
        for kv in &self.proj_audit {
            let (k, v) = kv?;
            let n = from_be(k.get(1..).unwrap_or_default());
            let subject = match k.first() {
                Some(b'p') => ProjectId(n).to_string(),
                Some(b'r') => RequirementId(n).to_string(),
                _ => "?".to_owned(),
            };
            out.push((false, k.to_vec(), subject, decode(&k, &v)?));
        }
        Ok(out)
    }

    /// Every audit record of items, projects and requirements: (subject, record), items first,
    /// each subject's records oldest first.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn all_audit(&self) -> Result<Vec<(String, AuditRecord)>, StoreError> {
        Ok(self
            .audit_located()?
            .into_iter()
            .map(|(_, _, s, r)| (s, r))
            .collect())
    }

    /// Removes the audit records older than `cutoff`, after `keep` has accepted them (it
    /// exports them; if it fails nothing is removed). Returns how many went.
    ///
    /// # Errors
    /// sled or codec errors, or `keep`'s error as [`StoreError::Io`].
    pub fn prune_audit(
        &self,
        cutoff: jiff::Timestamp,
        keep: impl FnOnce(&[(String, AuditRecord)]) -> Result<(), String>,
    ) -> Result<usize, StoreError> {
        let old: Vec<Located> = self
            .audit_located()?
            .into_iter()
            .filter(|(_, _, _, r)| r.at < cutoff)
            .collect();
        if old.is_empty() {
            return Ok(0);
        }
        let listed: Vec<(String, AuditRecord)> =
            old.iter().map(|(_, _, s, r)| (s.clone(), r.clone())).collect();
        keep(&listed).map_err(StoreError::Io)?;
        for chunk in old.chunks(500) {
            let mut ch = Changes::new();
            for (items, k, _, _) in chunk {
                ch.remove(if *items { &self.audit } else { &self.proj_audit }, k.clone());
            }
            ch.bookkeeping_only();
            self.commit(&ch)?;
        }
        Ok(old.len())
    }
}
