//! Operator tasks (an edge): `duban backup`, `duban restore`, `duban export`, the scheduled
//! daily backup and the pruning of old audit records.
//!
//! sled allows one process per data directory. When no duban runs on the directory these
//! commands open it themselves; when one does (the directory is locked) they ask it, through
//! its admin endpoint on a loopback address guarded by `DUBAN_ADMIN_TOKEN`, for a consistent
//! snapshot ([`crate::store::backup`]): `backup` saves it, `export` restores it into a
//! temporary directory and exports from there. The running duban writes the admin endpoint's
//! bound address to [`ADMIN_ADDR_FILE`] in its data directory.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use jiff::Timestamp;
use jiff::civil::Date;
use secrecy::ExposeSecret;

use crate::config::{AuditConfig, BackupConfig, Settings};
use crate::export::{Filter, Format, What};
use crate::store::backup::{Snapshot, read_snapshot, restore as restore_into};
use crate::store::{Store, StoreError};

/// The file in the data directory naming the running duban's admin endpoint (`127.0.0.1:8091`).
pub const ADMIN_ADDR_FILE: &str = "duban-admin.addr";

/// Whether `dir` holds a duban data directory.
pub fn has_data(dir: &Path) -> bool {
    dir.join("db").exists() || dir.join("conf").exists()
}

fn no_data(dir: &Path) -> anyhow::Error {
    anyhow::anyhow!(
        "数据目录 {} 里没有 duban 数据（请用与服务相同的配置和环境变量运行，DUBAN_DATA_DIR / server.data_dir）",
        dir.display()
    )
}

/// The PostgreSQL store of `settings`, if one is configured (several processes may share
/// it: operator commands open it directly, whether or not duban runs).
///
/// # Errors
/// The database cannot be opened (one line; the URL without its password).
pub async fn open_database(settings: &Settings) -> anyhow::Result<Option<Store>> {
    let Some(url) = &settings.store.database_url else {
        return Ok(None);
    };
    let (url, pool) = (url.expose_secret().to_owned(), settings.store.pool_size);
    let shown = crate::store::kv::pg::redact(&url);
    let store = tokio::task::spawn_blocking(move || Store::open_postgres(&url, pool))
        .await
        .context("the store's opening stopped")?
        .with_context(|| format!("cannot open the database {shown}"))?;
    Ok(Some(store))
}

/// Refuses `duban backup` / `restore` on a PostgreSQL store.
fn no_backups_on_postgres(settings: &Settings) -> anyhow::Result<()> {
    if settings.store.database_url.is_some() {
        bail!("{}", crate::store::backup::PG_BACKUP);
    }
    Ok(())
}

/// Asks the duban running on `settings.data_dir` for a snapshot through its admin endpoint.
async fn fetch_snapshot(settings: &Settings) -> anyhow::Result<Vec<u8>> {
    let dir = settings.data_dir.display();
    let Some(admin) = &settings.admin else {
        bail!(
            "数据目录 {dir} 正被运行中的 duban 使用；请用与服务相同的环境运行本命令（需要 DUBAN_ADMIN_TOKEN），它会通过本机管理接口取得一致的快照"
        );
    };
    let addr = std::fs::read_to_string(settings.data_dir.join(ADMIN_ADDR_FILE))
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| admin.listen.to_string());
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder()
        .no_proxy()
        .connect_timeout(std::time::Duration::from_secs(10))
        .timeout(std::time::Duration::from_secs(600))
        .build()
        .context("cannot build an HTTP client")?;
    let resp = http
        .get(format!("http://{addr}/admin/backup"))
        .bearer_auth(admin.token.expose_secret())
        .send()
        .await
        .map_err(|e| {
            anyhow::anyhow!(
                "无法连接运行中的 duban 的管理接口 {addr}：{e}（服务启动时是否设置了 DUBAN_ADMIN_TOKEN？）"
            )
        })?;
    match resp.status().as_u16() {
        200 => Ok(resp.bytes().await.context("读取快照失败")?.to_vec()),
        401 => bail!("管理接口 {addr} 拒绝了 DUBAN_ADMIN_TOKEN：请使用与服务相同的令牌"),
        s => bail!(
            "管理接口 {addr} 返回 {s}：{}",
            resp.text().await.unwrap_or_default().trim()
        ),
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = path.with_extension("partial");
    std::fs::write(&tmp, bytes).with_context(|| format!("无法写入 {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("无法写入 {}", path.display()))?;
    Ok(())
}

/// `duban backup --to FILE`: a consistent snapshot of everything, taken directly or through
/// the running duban. Returns the snapshot as written (read back and verified).
///
/// # Errors
/// One line in Chinese.
pub async fn backup(settings: &Settings, to: &Path, now: Timestamp) -> anyhow::Result<Snapshot> {
    no_backups_on_postgres(settings)?;
    let dir = &settings.data_dir;
    if !has_data(dir) {
        return Err(no_data(dir));
    }
    match Store::open(dir) {
        Ok(store) => {
            let to = to.to_path_buf();
            tokio::task::spawn_blocking(move || store.snapshot_file(&to, now))
                .await
                .context("backup task failed")??;
        }
        Err(StoreError::Locked(_)) => {
            let bytes = fetch_snapshot(settings).await?;
            read_snapshot(bytes.as_slice())?;
            write_atomically(to, &bytes)?;
        }
        Err(e) => return Err(e.into()),
    }
    let file = std::fs::File::open(to).with_context(|| format!("无法读取 {}", to.display()))?;
    Ok(read_snapshot(std::io::BufReader::new(file))?)
}

/// `duban restore --from FILE`: restores into `settings.data_dir`, which must be empty.
///
/// # Errors
/// One line in Chinese (not a backup, damaged, directory not empty, …).
pub fn restore(settings: &Settings, from: &Path) -> anyhow::Result<Snapshot> {
    no_backups_on_postgres(settings)?;
    let file = std::fs::File::open(from).with_context(|| format!("无法读取备份文件 {}", from.display()))?;
    let snap = read_snapshot(std::io::BufReader::new(file))?;
    restore_into(&snap, &settings.data_dir)?;
    Ok(snap)
}

/// What [`export`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// Data rows (the header aside).
    pub rows: usize,
    /// Whether it went through the running duban.
    pub through_server: bool,
}

/// `duban export`: the rows of `what` into `out`, whether or not duban runs on the data.
///
/// # Errors
/// One line in Chinese.
pub async fn export(
    settings: &Settings,
    what: What,
    format: Format,
    out: &Path,
    filter: &Filter,
    now: Timestamp,
) -> anyhow::Result<Exported> {
    if let Some(store) = open_database(settings).await? {
        let table = crate::export::rows(&store, what, filter, &settings.units, now, &settings.calendar)?;
        write_atomically(out, &table.encode(format)?)?;
        return Ok(Exported {
            rows: table.rows.len(),
            through_server: false,
        });
    }
    let dir = &settings.data_dir;
    if !has_data(dir) {
        return Err(no_data(dir));
    }
    let (table, through_server) = match Store::open(dir) {
        Ok(store) => (
            crate::export::rows(&store, what, filter, &settings.units, now, &settings.calendar)?,
            false,
        ),
        Err(StoreError::Locked(_)) => {
            let bytes = fetch_snapshot(settings).await?;
            let snap = read_snapshot(bytes.as_slice())?;
            let tmp = std::env::temp_dir().join(format!(
                "duban-export-{}-{}",
                std::process::id(),
                Timestamp::now().as_nanosecond()
            ));
            let result = (|| -> anyhow::Result<_> {
                restore_into(&snap, &tmp)?;
                let store = Store::open(&tmp)?;
                Ok(crate::export::rows(
                    &store,
                    what,
                    filter,
                    &settings.units,
                    now,
                    &settings.calendar,
                )?)
            })();
            let _ = std::fs::remove_dir_all(&tmp);
            (result?, true)
        }
        Err(e) => return Err(e.into()),
    };
    let bytes = table.encode(format)?;
    write_atomically(out, &bytes)?;
    Ok(Exported {
        rows: table.rows.len(),
        through_server,
    })
}

/// The name of a scheduled backup taken at `now`: `duban-20260311-0200.backup`.
pub fn backup_file_name(now: Timestamp) -> String {
    format!(
        "duban-{}.backup",
        crate::domain::time::local(now).strftime("%Y%m%d-%H%M")
    )
}

/// The local day of the newest scheduled backup in `dir`, if any.
pub fn last_backup_day(dir: &Path) -> Option<Date> {
    scheduled_backups(dir)
        .last()
        .and_then(|p| p.file_name()?.to_str()?.get(6..14).map(str::to_owned))
        .and_then(|d| Date::strptime("%Y%m%d", &d).ok())
}

/// Scheduled backups in `dir`, oldest first.
fn scheduled_backups(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("duban-") && n.ends_with(".backup"))
        })
        .collect();
    v.sort();
    v
}

/// Whether the daily job is due at `now`: past `at` (local time) on a day it has not run.
pub fn daily_due(at: &str, now: Timestamp, last: Option<Date>) -> bool {
    let local = crate::domain::time::local(now);
    let Some((h, m)) = at
        .split_once(':')
        .and_then(|(h, m)| Some((h.parse::<i8>().ok()?, m.parse::<i8>().ok()?)))
    else {
        return false;
    };
    (local.hour(), local.minute()) >= (h, m) && last != Some(local.date())
}

/// What a daily run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DailyReport {
    /// The backup written, if `[backup]` is set.
    pub backup: Option<PathBuf>,
    /// Old backups deleted (beyond `keep`).
    pub deleted: Vec<PathBuf>,
    /// Audit records pruned.
    pub pruned: usize,
    /// Where the pruned records were exported first.
    pub pruned_export: Option<PathBuf>,
}

/// Prunes audit records older than `audit.keep_days`, exporting them first to
/// `audit-pruned-<time>.csv` in the backup directory when `[backup]` is set.
///
/// # Errors
/// Store or file errors (nothing is pruned unless the export was written).
pub fn prune_audit(
    store: &Store,
    audit: &AuditConfig,
    backup: Option<&BackupConfig>,
    now: Timestamp,
) -> anyhow::Result<(usize, Option<PathBuf>)> {
    let cutoff = now
        .checked_sub(jiff::SignedDuration::from_hours(24 * i64::from(audit.keep_days)))
        .context("audit cutoff")?;
    let mut exported = None;
    let n = store.prune_audit(cutoff, |old| {
        if let Some(b) = backup {
            let path = b.dir.join(format!(
                "audit-pruned-{}.csv",
                crate::domain::time::local(now).strftime("%Y%m%d-%H%M")
            ));
            let bytes = crate::export::audit_table(old)
                .to_csv()
                .map_err(|e| e.to_string())?;
            write_atomically(&path, &bytes).map_err(|e| format!("{e:#}"))?;
            exported = Some(path);
        }
        Ok(())
    })?;
    if n > 0 {
        tracing::info!(
            pruned = n,
            keep_days = audit.keep_days,
            exported_to = exported.as_ref().map(|p| p.display().to_string()),
            "pruned audit records past the retention period"
        );
    }
    Ok((n, exported))
}

/// The daily job: prune old audit records (exported first), then take the scheduled backup
/// and delete the ones beyond `keep`. Blocking.
///
/// # Errors
/// Store or file errors.
pub fn daily(store: &Store, settings: &Settings, now: Timestamp) -> anyhow::Result<DailyReport> {
    let backup = settings.backup.as_ref();
    let (pruned, pruned_export) = prune_audit(store, &settings.audit, backup, now)?;
    let mut report = DailyReport {
        pruned,
        pruned_export,
        ..DailyReport::default()
    };
    if backup.is_some() && store.backend_name() != "sled" {
        tracing::info!("no scheduled backup: the PostgreSQL store is backed up by PostgreSQL's own tools");
    }
    if let Some(b) = backup.filter(|_| store.backend_name() == "sled") {
        let path = b.dir.join(backup_file_name(now));
        let n = store.snapshot_file(&path, now)?;
        tracing::info!(path = %path.display(), entries = n, "scheduled backup written");
        let all = scheduled_backups(&b.dir);
        let extra = all.len().saturating_sub(b.keep);
        for old in all.into_iter().take(extra) {
            match std::fs::remove_file(&old) {
                Ok(()) => report.deleted.push(old),
                Err(e) => {
                    tracing::warn!(path = %old.display(), error.message = %e, "could not delete an old backup")
                }
            }
        }
        report.backup = Some(path);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn the_daily_job_is_due_once_a_day_after_its_time() {
        let before = ts("2026-03-11T01:59:00+08:00");
        let after = ts("2026-03-11T02:00:00+08:00");
        assert!(!daily_due("02:00", before, None));
        assert!(daily_due("02:00", after, None));
        let today = crate::domain::time::local(after).date();
        assert!(!daily_due("02:00", after, Some(today)));
        assert!(daily_due("02:00", ts("2026-03-12T09:00:00+08:00"), Some(today)));
    }

    #[test]
    fn backup_names_sort_by_time_and_give_back_their_day() {
        let dir = tempfile::tempdir().unwrap();
        for t in ["2026-03-10T02:00:00+08:00", "2026-03-11T02:00:00+08:00"] {
            std::fs::write(dir.path().join(backup_file_name(ts(t))), b"x").unwrap();
        }
        std::fs::write(dir.path().join("notes.txt"), b"x").unwrap();
        assert_eq!(last_backup_day(dir.path()).unwrap().to_string(), "2026-03-11");
        assert_eq!(
            backup_file_name(ts("2026-03-11T02:00:00+08:00")),
            "duban-20260311-0200.backup"
        );
    }
}
