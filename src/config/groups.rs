//! `[[groups]]`: one group's overrides, its reminder policy resolved over `[reminders]`.

use anyhow::bail;
use serde::Deserialize;

/// `[[groups]]`: one group's overrides.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupConfig {
    /// The group (`oc_…`).
    pub chat_id: String,
    /// Leaders noted from the third overdue working day (open_ids).
    #[serde(default)]
    pub leaders: Vec<String>,
    /// `working` (State Council calendar, default) or `trading` (exchange calendar).
    #[serde(default)]
    pub calendar: Option<crate::calendar::DayRule>,
    /// `false` turns the weekly board off for this group.
    #[serde(default)]
    pub board: Option<bool>,
    /// `[groups.reminders]`: any `[reminders]` key, for this group only.
    #[serde(default)]
    pub reminders: Option<toml::Table>,
    /// The group's reminder policy: `[reminders]` with the group's keys over it (resolved when
    /// the configuration is loaded; `None` when the group changes none).
    #[serde(skip)]
    pub policy: Option<crate::domain::schedule::ReminderPolicy>,
}

/// `[reminders]` with a group's `[groups.reminders]` keys over it.
pub(super) fn group_policy(
    base: &crate::domain::schedule::ReminderPolicy,
    keys: &toml::Table,
) -> anyhow::Result<crate::domain::schedule::ReminderPolicy> {
    let toml::Value::Table(mut merged) = toml::Value::try_from(base)? else {
        bail!("the reminder policy is not a table");
    };
    merged.extend(keys.iter().map(|(k, v)| (k.clone(), v.clone())));
    Ok(crate::domain::schedule::ReminderPolicy::deserialize(
        toml::Value::Table(merged),
    )?)
}
