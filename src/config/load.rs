//! Loading: read the file, overlay the environment, validate, and build [`Settings`].

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use secrecy::SecretString;

use super::calendar::CalendarFile;
use super::env::Env;
use super::feishu::{EventsMode, GroupMessages, credentials};
use super::server::{AdminSettings, ServerFile};
use super::settings::{FileConfig, Settings};
use super::validate;
use crate::calendar::Calendar;

/// Loads and validates everything. `config_path` wins over `DUBAN_CONFIG`.
///
/// # Errors
/// A one-line explanation of the first problem found (never containing a secret); for
/// `[org]` / `[[units]]`, every problem at once (a [`super::UnitProblems`], which `check-config`
/// lists one per line).
pub fn load(config_path: Option<&Path>, env: &dyn Env) -> anyhow::Result<Settings> {
    let path = config_path
        .map(Path::to_path_buf)
        .or_else(|| env.var("DUBAN_CONFIG").map(PathBuf::from));
    let mut file: FileConfig = match &path {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read config file {}", p.display()))?;
            toml::from_str(&text).map_err(|e| {
                anyhow::anyhow!(
                    "config file {} is invalid: {}",
                    p.display(),
                    e.message().replace('\n', " ")
                )
            })?
        }
        None => FileConfig::default(),
    };
    let base = path
        .as_deref()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_default();

    let listen_s = env.var("DUBAN_LISTEN").unwrap_or(file.server.listen.clone());
    let listen: SocketAddr = listen_s.trim().parse().map_err(|_| {
        anyhow::anyhow!("DUBAN_LISTEN / server.listen {listen_s:?} is not an address like 0.0.0.0:8080")
    })?;
    let data_dir = env
        .var("DUBAN_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or(file.server.data_dir.clone());
    ensure_writable(&data_dir)?;

    let base_url = env.var("FEISHU_BASE_URL").unwrap_or(file.feishu.base_url.clone());
    let base_url = base_url.trim().trim_end_matches('/').to_owned();
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        bail!("FEISHU_BASE_URL {base_url:?} must start with https:// (or http:// for a local fake)");
    }

    if let Some(mode) = env.var("DUBAN_EVENTS") {
        file.feishu.events = EventsMode::parse(&mode).ok_or_else(|| {
            anyhow::anyhow!("DUBAN_EVENTS {mode:?} must be \"webhook\" or \"long-connection\"")
        })?;
    }
    if file.feishu.proxy.is_none() {
        file.feishu.proxy = env.var("HTTPS_PROXY").or_else(|| env.var("https_proxy"));
    }
    if file.feishu.events == EventsMode::LongConnection
        && let Some(p) = file.feishu.proxy.as_deref()
        && !p.trim().starts_with("http://")
    {
        bail!(
            "feishu.proxy / HTTPS_PROXY must be an http:// proxy URL (the long connection tunnels through it with CONNECT)"
        );
    }
    let credentials = credentials(env, file.feishu.events)?;
    let mut feishu = file.feishu.clone();
    if let Some(g) = env.var("DUBAN_GROUP_MESSAGES") {
        feishu.group_messages = GroupMessages::parse(&g)?;
    }

    let calendar = calendar(&file.calendar, &base)?;
    validate::admins(&file)?;
    let mut log = file.log.clone();
    if let Some(l) = env.var("DUBAN_LOG") {
        log.level = l;
    }
    if let Some(f) = env.var("DUBAN_LOG_FORMAT") {
        log.format = f;
    }
    if log.level.parse::<tracing_subscriber::filter::Targets>().is_err() {
        bail!(
            "log.level / DUBAN_LOG must be a level or a target=level list (e.g. \"info,duban=debug\"), not {:?}",
            log.level
        );
    }
    if log.format != "text" && log.format != "json" {
        bail!("log.format must be \"text\" or \"json\", not {:?}", log.format);
    }
    validate::sections(&mut file, &base)?;
    let units = super::units::registry(&file.org, &file.units)?;
    let admin = admin(env, &file.server)?;
    let store = super::store::settings(&file.store, env)?;
    let appraisal = super::appraisal::settings(
        std::mem::take(&mut file.appraisal),
        std::mem::take(&mut file.behaviours),
        std::mem::take(&mut file.performance),
    )?;
    Ok(Settings {
        listen,
        data_dir,
        base_url,
        feishu,
        credentials,
        supervision: file.supervision,
        calendar,
        log,
        reminders: file.reminders,
        board: file.board,
        groups: file.groups,
        minutes: file.minutes,
        projects: file.projects,
        requirements: file.requirements,
        mirror: file.mirror,
        backup: file.backup,
        audit: file.audit,
        units,
        admin,
        okr: file.okr,
        repeat: file.repeat,
        appraisal,
        store,
    })
}

fn ensure_writable(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("data dir {} cannot be created: {e}", dir.display()))?;
    let probe = dir.join(".duban-write-probe");
    std::fs::write(&probe, b"ok")
        .map_err(|e| anyhow::anyhow!("data dir {} is not writable: {e}", dir.display()))?;
    let _ = std::fs::remove_file(probe);
    Ok(())
}

/// The built-in calendar with the configured years over it (relative files are relative to
/// the configuration file's folder `base`).
fn calendar(years: &CalendarFile, base: &Path) -> anyhow::Result<Calendar> {
    let mut calendar = Calendar::builtin();
    for y in &years.years {
        let p = if y.file.is_absolute() {
            y.file.clone()
        } else {
            base.join(&y.file)
        };
        let text = std::fs::read_to_string(&p)
            .with_context(|| format!("cannot read calendar file {}", p.display()))?;
        calendar
            .load_year(y.year, &text)
            .map_err(|e| anyhow::anyhow!("calendar file {} for {}: {e}", p.display(), y.year))?;
    }
    Ok(calendar)
}

/// The admin endpoint: served only when `DUBAN_ADMIN_TOKEN` is set, on a loopback address.
fn admin(env: &dyn Env, server: &ServerFile) -> anyhow::Result<Option<AdminSettings>> {
    let admin = match env.var("DUBAN_ADMIN_TOKEN") {
        None => None,
        Some(token) => {
            let s = env
                .var("DUBAN_ADMIN_LISTEN")
                .unwrap_or(server.admin_listen.clone());
            let listen: SocketAddr = s.trim().parse().map_err(|_| {
                anyhow::anyhow!(
                    "DUBAN_ADMIN_LISTEN / server.admin_listen {s:?} is not an address like 127.0.0.1:8091"
                )
            })?;
            if !listen.ip().is_loopback() {
                bail!(
                    "DUBAN_ADMIN_LISTEN / server.admin_listen {s:?} must be a loopback address (127.0.0.1 or ::1): the admin endpoint hands out the whole database"
                );
            }
            if token.trim().len() < 16 {
                bail!("DUBAN_ADMIN_TOKEN is too short: use at least 16 random characters");
            }
            Some(AdminSettings {
                listen,
                token: SecretString::from(token.trim().to_owned()),
            })
        }
    };
    Ok(admin)
}
