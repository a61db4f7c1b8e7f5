//! The checks of the file's sections that the environment does not touch. Each names the key
//! and what is expected, in the order `load` has always reported them.

use std::path::Path;

use anyhow::{Context as _, bail};

use super::backup::MIN_AUDIT_DAYS;
use super::board::parse_hhmm;
use super::groups::group_policy;
use super::settings::FileConfig;

/// `[supervision] admins` and `issuers` are open_ids.
pub(super) fn admins(file: &FileConfig) -> anyhow::Result<()> {
    for a in &file.supervision.admins {
        if !a.starts_with("ou_") {
            bail!("supervision.admins entry {a:?} is not an open_id (ou_…)");
        }
    }
    for a in &file.supervision.issuers {
        if !a.starts_with("ou_") {
            bail!("supervision.issuers entry {a:?} is not an open_id (ou_…)");
        }
    }
    Ok(())
}

/// `[board]` (with `leaders_chat`), `[minutes]`, `[reminders]`, `[[groups]]` (resolving each group's reminder policy),
/// `[requirements]`, `[projects]`, `[mirror]`, `[audit]` and `[backup]` (whose folder is made
/// absolute against the configuration file's folder `base` and created).
pub(super) fn sections(file: &mut FileConfig, base: &Path) -> anyhow::Result<()> {
    if parse_hhmm(&file.board.at).is_none() {
        bail!("board.at {:?} is not a time like 09:30", file.board.at);
    }
    if let Some(c) = file.board.leaders_chat.as_ref().filter(|c| !c.starts_with("oc_")) {
        bail!("board.leaders_chat {c:?} is not a chat id (oc_…)");
    }
    if file.minutes.series_notice_time().is_none() {
        bail!(
            "minutes.series_notice_at {:?} is not a time like 16:00",
            file.minutes.series_notice_at
        );
    }
    if !(1..=60).contains(&file.minutes.closure_workdays) {
        bail!(
            "minutes.closure_workdays {} must be between 1 and 60",
            file.minutes.closure_workdays
        );
    }
    if let Err(e) = file.reminders.check() {
        bail!("reminders: {e}");
    }
    for g in &mut file.groups {
        if !g.chat_id.starts_with("oc_") {
            bail!("groups.chat_id {:?} is not a chat id (oc_…)", g.chat_id);
        }
        if let Some(l) = g.leaders.iter().find(|l| !l.starts_with("ou_")) {
            bail!("groups.leaders entry {l:?} is not an open_id (ou_…)");
        }
        if let Some(keys) = &g.reminders {
            let policy = group_policy(&file.reminders, keys)
                .with_context(|| format!("groups.reminders of {}", g.chat_id))?;
            if let Err(e) = policy.check() {
                bail!("groups.reminders of {}: {e}", g.chat_id);
            }
            g.policy = Some(policy);
        }
    }
    if let Some(m) = file.requirements.managers.iter().find(|m| !m.starts_with("ou_")) {
        bail!("requirements.managers entry {m:?} is not an open_id (ou_…)");
    }
    if let Some(c) = file
        .requirements
        .manager_chat
        .as_ref()
        .filter(|c| !c.starts_with("oc_"))
    {
        bail!("requirements.manager_chat {c:?} is not a chat id (oc_…)");
    }
    if let Some(t) = file.projects.templates.iter().find(|t| t.stages.is_empty()) {
        bail!("projects.templates {:?} has no stages", t.name);
    }
    if file
        .mirror
        .as_ref()
        .is_some_and(|m| m.app_token.trim().is_empty())
    {
        bail!("mirror.app_token is empty");
    }
    if file.audit.keep_days < MIN_AUDIT_DAYS {
        bail!(
            "audit.keep_days {} is too short: audit records are kept at least {MIN_AUDIT_DAYS} days",
            file.audit.keep_days
        );
    }
    if let Some(b) = &mut file.backup {
        if parse_hhmm(&b.at).is_none() {
            bail!("backup.at {:?} is not a time like 02:00", b.at);
        }
        if b.keep == 0 {
            bail!("backup.keep must be at least 1");
        }
        if b.dir.is_relative() {
            b.dir = base.join(&b.dir);
        }
        std::fs::create_dir_all(&b.dir)
            .map_err(|e| anyhow::anyhow!("backup.dir {} cannot be created: {e}", b.dir.display()))?;
    }
    Ok(())
}
