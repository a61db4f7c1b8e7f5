//! `[backup]` and `[audit]`: scheduled snapshots, and how long audit records are kept.

use std::path::PathBuf;

use serde::Deserialize;

/// `[backup]`: a snapshot every day at `at` into `dir`, keeping the newest `keep`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupConfig {
    /// Where backups (and exports of pruned audit records) go (created if missing; relative
    /// paths are relative to the configuration file).
    pub dir: PathBuf,
    /// Local time (Asia/Shanghai), `HH:MM`.
    #[serde(default = "default_backup_at")]
    pub at: String,
    /// How many scheduled backups to keep (older ones are deleted).
    #[serde(default = "default_backup_keep")]
    pub keep: usize,
}

fn default_backup_at() -> String {
    "02:00".to_owned()
}

fn default_backup_keep() -> usize {
    7
}

/// `[audit]`: retention of audit records.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuditConfig {
    /// Records older than this many days are pruned (at least [`MIN_AUDIT_DAYS`]).
    pub keep_days: u32,
}

/// The shortest audit retention allowed.
pub const MIN_AUDIT_DAYS: u32 = 180;

impl Default for AuditConfig {
    fn default() -> Self {
        Self {
            keep_days: MIN_AUDIT_DAYS,
        }
    }
}
