//! The two shapes of the configuration: [`FileConfig`], the TOML file as read (no secrets), and
//! [`Settings`], everything validated and overlaid by the environment.

use std::net::SocketAddr;
use std::path::PathBuf;

use serde::Deserialize;

use super::backup::{AuditConfig, BackupConfig};
use super::board::BoardConfig;
use super::calendar::CalendarFile;
use super::families::{MinutesConfig, ProjectsConfig, RepeatConfig, RequirementsConfig, SupervisionFile};
use super::feishu::{Credentials, FeishuFile};
use super::groups::GroupConfig;
use super::server::{AdminSettings, LogFile, ServerFile};
use super::units::OrgConfig;
use crate::calendar::Calendar;

/// The file layer (no secrets).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct FileConfig {
    /// `[server]`
    pub server: ServerFile,
    /// `[feishu]`
    pub feishu: FeishuFile,
    /// `[supervision]`
    pub supervision: SupervisionFile,
    /// `[calendar]`
    pub calendar: CalendarFile,
    /// `[log]`
    pub log: LogFile,
    /// `[reminders]`: the reminder policy (every key optional).
    pub reminders: crate::domain::schedule::ReminderPolicy,
    /// `[board]`: the weekly 晾晒 board.
    pub board: BoardConfig,
    /// `[[groups]]`: per-group overrides.
    pub groups: Vec<GroupConfig>,
    /// `[minutes]`: meeting follow-up.
    pub minutes: MinutesConfig,
    /// `[projects]`: stage templates and the stalled threshold.
    pub projects: ProjectsConfig,
    /// `[requirements]`: managers, their chat and the intake SLA.
    pub requirements: RequirementsConfig,
    /// `[mirror]`: the optional Bitable mirror.
    pub mirror: Option<crate::mirror::MirrorConfig>,
    /// `[backup]`: scheduled backups (absent: none).
    pub backup: Option<BackupConfig>,
    /// `[audit]`: how long audit records are kept.
    pub audit: AuditConfig,
    /// `[org]`: the firm's regions.
    pub org: OrgConfig,
    /// `[[units]]`: the firm's units as declared.
    pub units: Vec<crate::domain::unit::UnitDecl>,
    /// `[okr]`: item classes and OKR alignment.
    pub okr: super::OkrConfig,
    /// `[repeat]`: recurring items.
    pub repeat: RepeatConfig,
    /// `[appraisal]`: who leads whom (考评 and 标杆/负面).
    pub appraisal: super::appraisal::AppraisalConfig,
    /// `[[behaviours]]`: the 标杆 / 负面 catalogue.
    pub behaviours: Vec<crate::domain::appraisal::Behaviour>,
    /// `[performance]`: the optional push into Feishu Performance.
    pub performance: super::appraisal::PerformanceConfig,
    /// `[store]`: sled (default) or PostgreSQL.
    pub store: super::store::StoreFile,
}
/// Validated settings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Listen address.
    pub listen: SocketAddr,
    /// sled directory (exists and is writable).
    pub data_dir: PathBuf,
    /// OpenAPI base URL, without a trailing slash.
    pub base_url: String,
    /// The `[feishu]` tuning.
    pub feishu: FeishuFile,
    /// Credentials; `None` means sandbox mode.
    pub credentials: Option<Credentials>,
    /// `[supervision]`.
    pub supervision: SupervisionFile,
    /// The working-day calendar (built-in plus configured years).
    pub calendar: Calendar,
    /// `[log]`.
    pub log: LogFile,
    /// `[reminders]`.
    pub reminders: crate::domain::schedule::ReminderPolicy,
    /// `[board]`.
    pub board: BoardConfig,
    /// `[[groups]]`.
    pub groups: Vec<GroupConfig>,
    /// `[minutes]`.
    pub minutes: MinutesConfig,
    /// `[projects]`.
    pub projects: ProjectsConfig,
    /// `[requirements]`.
    pub requirements: RequirementsConfig,
    /// `[mirror]` (absent: no mirror).
    pub mirror: Option<crate::mirror::MirrorConfig>,
    /// `[backup]` (absent: no scheduled backups).
    pub backup: Option<BackupConfig>,
    /// `[audit]`.
    pub audit: AuditConfig,
    /// The configured units (`[[units]]`, regions from `[org]`), validated. The service adds
    /// the units bound in chats (kept in sled) with [`crate::domain::unit::UnitRegistry::with_bindings`].
    pub units: crate::domain::unit::UnitRegistry,
    /// The admin endpoint (absent without `DUBAN_ADMIN_TOKEN`).
    pub admin: Option<AdminSettings>,
    /// `[okr]`.
    pub okr: super::OkrConfig,
    /// `[repeat]`.
    pub repeat: RepeatConfig,
    /// `[appraisal]`, `[[behaviours]]` and `[performance]`, validated.
    pub appraisal: super::appraisal::AppraisalSettings,
    /// `[store]` / `DUBAN_DATABASE_URL`: sled in `data_dir`, or PostgreSQL.
    pub store: super::store::StoreSettings,
}
