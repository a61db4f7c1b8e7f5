//! `[store]`: which store duban keeps its data in. Without a database URL, sled in
//! `server.data_dir`, as always; with one (`DUBAN_DATABASE_URL` or `store.database_url`),
//! PostgreSQL, which several instances may share.

use secrecy::SecretString;
use serde::Deserialize;

use super::env::Env;

/// `[store]`
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoreFile {
    /// `postgres://user@host:port/database` (give a URL with a password in
    /// `DUBAN_DATABASE_URL` instead: secrets stay out of the file).
    pub database_url: Option<String>,
    /// Connections to PostgreSQL per instance (default 8).
    pub pool_size: Option<usize>,
}

/// The store, validated.
#[derive(Debug, Clone, Default)]
pub struct StoreSettings {
    /// The PostgreSQL URL (`None`: sled). Secret: it may hold a password.
    pub database_url: Option<SecretString>,
    /// Connections to PostgreSQL per instance.
    pub pool_size: usize,
}

/// `DUBAN_DATABASE_URL` over `store.database_url`.
pub(super) fn settings(file: &StoreFile, env: &dyn Env) -> anyhow::Result<StoreSettings> {
    let url = env
        .var("DUBAN_DATABASE_URL")
        .or_else(|| file.database_url.clone().filter(|u| !u.trim().is_empty()));
    if let Some(u) = &url
        && !(u.starts_with("postgres://") || u.starts_with("postgresql://"))
    {
        anyhow::bail!(
            "DUBAN_DATABASE_URL / store.database_url must be a PostgreSQL URL like postgres://duban@db.example:5432/duban"
        );
    }
    let pool_size = file.pool_size.unwrap_or(crate::store::PG_POOL);
    if !(1..=64).contains(&pool_size) {
        anyhow::bail!("store.pool_size must be between 1 and 64, not {pool_size}");
    }
    Ok(StoreSettings {
        database_url: url.map(SecretString::from),
        pool_size,
    })
}
