//! `[server]` and `[log]`: where duban listens and keeps its data, the local admin endpoint,
//! and how it logs.

use std::net::SocketAddr;
use std::path::PathBuf;

use secrecy::SecretString;
use serde::Deserialize;

/// `[server]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerFile {
    /// Listen address.
    pub listen: String,
    /// sled directory.
    pub data_dir: PathBuf,
    /// The admin endpoint's address (loopback only; served when `DUBAN_ADMIN_TOKEN` is set).
    pub admin_listen: String,
}

impl Default for ServerFile {
    fn default() -> Self {
        Self {
            listen: "0.0.0.0:8080".to_owned(),
            data_dir: PathBuf::from("./data"),
            admin_listen: "127.0.0.1:8091".to_owned(),
        }
    }
}
/// The local admin endpoint (`DUBAN_ADMIN_TOKEN` set): backups and exports while serving.
#[derive(Debug, Clone)]
pub struct AdminSettings {
    /// A loopback address (`DUBAN_ADMIN_LISTEN` / `server.admin_listen`).
    pub listen: SocketAddr,
    /// The bearer token.
    pub token: SecretString,
}
/// `[log]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogFile {
    /// `text` or `json`.
    pub format: String,
    /// Filter, e.g. `info,duban=debug`.
    pub level: String,
}

impl Default for LogFile {
    fn default() -> Self {
        Self {
            format: "text".to_owned(),
            level: "info".to_owned(),
        }
    }
}
