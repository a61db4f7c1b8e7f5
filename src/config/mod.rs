//! Configuration (an edge): a TOML file (`--config PATH` or `DUBAN_CONFIG`) overlaid by
//! environment variables, validated once at start-up into [`Settings`]. Secrets come only from
//! the environment and are [`secrecy::SecretString`]s that never print.
//!
//! - `settings`: [`FileConfig`] (the file as read) and [`Settings`] (validated);
//! - one file per section group: `server` (`[server]`, `[log]`, the admin endpoint), `feishu`
//!   (`[feishu]`, credentials), `families` (`[supervision]`, `[projects]`, `[requirements]`,
//!   `[minutes]`), `board`, `groups`, `units` (`[org]`, `[[units]]`), `calendar`, `backup` (`[backup]`,
//!   `[audit]`); the
//!   `[reminders]` section is the domain's [`crate::domain::schedule::ReminderPolicy`];
//! - `env`: where environment values come from ([`Env`]);
//! - `load`: [`load`], reading, overlaying and building; `validate`: the section checks.

mod appraisal;
mod backup;
mod board;
mod calendar;
mod env;
mod families;
mod feishu;
mod groups;
mod load;
mod okr;
mod server;
mod settings;
mod store;
mod units;
mod validate;

pub use self::appraisal::{AppraisalConfig, AppraisalSettings, PerformanceConfig};
pub use self::backup::{AuditConfig, BackupConfig, MIN_AUDIT_DAYS};
pub use self::board::{BoardConfig, parse_hhmm};
pub use self::calendar::{CalendarFile, CalendarYear};
pub use self::env::{Env, ProcessEnv};
pub use self::families::{MinutesConfig, ProjectsConfig, RepeatConfig, RequirementsConfig, SupervisionFile};
pub use self::feishu::{Credentials, EventsMode, FeishuFile, GroupMessages, is_app_id};
pub use self::groups::GroupConfig;
pub use self::load::load;
pub use self::okr::OkrConfig;
pub use self::server::{AdminSettings, LogFile, ServerFile};
pub use self::settings::{FileConfig, Settings};
pub use self::store::{StoreFile, StoreSettings};
pub use self::units::{OrgConfig, UnitProblems};

#[cfg(test)]
mod tests;
