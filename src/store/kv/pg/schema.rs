//! The database schema: versioned migrations (the SQL files in `migrations/postgres`), applied
//! once at start in one transaction under a transaction-scoped advisory lock, so instances
//! starting together apply each exactly once. A database migrated by a newer duban is refused.

use super::pool::{Conn, pg_err};
use crate::store::StoreError;

/// Every migration, in order: its version and its SQL.
pub(crate) const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("../../../../migrations/postgres/0001_init.sql")),
    (2, include_str!("../../../../migrations/postgres/0002_leases.sql")),
];

/// The advisory lock key of migrations ("duban" in ASCII).
const LOCK: i64 = 0x0064_7562_616e;

/// The schema version this duban knows.
pub(crate) fn latest() -> i32 {
    MIGRATIONS.last().map_or(0, |m| m.0)
}

/// Brings the database's schema to [`latest`]; returns the version it had.
///
/// # Errors
/// [`StoreError::Newer`] for a schema newer than this duban's; SQL errors.
pub(crate) fn migrate(conn: &mut Conn) -> Result<i32, StoreError> {
    let client = conn.client()?;
    let mut tx = client.transaction().map_err(pg_err)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK])
        .map_err(pg_err)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS duban_schema (
             version integer PRIMARY KEY,
             applied_at timestamptz NOT NULL DEFAULT now(),
             duban text NOT NULL
         )",
    )
    .map_err(pg_err)?;
    let row = tx
        .query_one("SELECT coalesce(max(version), 0) FROM duban_schema", &[])
        .map_err(pg_err)?;
    let from: i32 = row.get(0);
    if from > latest() {
        return Err(StoreError::Newer(format!(
            "数据库由更新版本的 duban 写入（数据库结构 {from}，本版本只认识到 {}），请升级 duban 后再启动",
            latest()
        )));
    }
    for (version, sql) in MIGRATIONS.iter().filter(|m| m.0 > from) {
        tx.batch_execute(sql).map_err(pg_err)?;
        tx.execute(
            "INSERT INTO duban_schema (version, duban) VALUES ($1, $2)",
            &[version, &env!("CARGO_PKG_VERSION")],
        )
        .map_err(pg_err)?;
    }
    tx.commit().map_err(pg_err)?;
    Ok(from)
}

/// Connects to `url` without changing anything and reads its schema version (`None`: duban
/// never ran there). For `duban check-config`. Runs on a thread of its own, so it may be
/// called from async code.
///
/// # Errors
/// The database cannot be reached (the message never holds the password).
pub fn probe(url: &str) -> Result<Option<i32>, StoreError> {
    let url = url.to_owned();
    std::thread::spawn(move || {
        let mut client = super::pool::connect(&url)?;
        let row = client
            .query_one("SELECT to_regclass('duban_schema') IS NOT NULL", &[])
            .map_err(pg_err)?;
        if !row.get::<_, bool>(0) {
            return Ok(None);
        }
        let row = client
            .query_one("SELECT coalesce(max(version), 0) FROM duban_schema", &[])
            .map_err(pg_err)?;
        Ok(Some(row.get(0)))
    })
    .join()
    .map_err(|_| StoreError::Pg("the database check stopped".to_owned()))?
}
