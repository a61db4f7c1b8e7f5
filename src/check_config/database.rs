//! The PostgreSQL store, when one is configured: does the database answer, and which schema
//! does it hold. Nothing is created or migrated here (the server does that at start).

use secrecy::ExposeSecret as _;

use super::report::Check;
use crate::config::Settings;
use crate::store::kv::pg::{redact, schema};

/// The database check (`None` with sled).
pub(super) fn check(settings: &Settings) -> Option<Check> {
    let url = settings.store.database_url.as_ref()?.expose_secret().to_owned();
    let shown = redact(&url);
    Some(match schema::probe(&url) {
        Ok(None) => Check::pass(format!("数据库：{shown} 可连接（首次启动时创建表）")),
        Ok(Some(v)) if v > schema::latest() => Check::fail(
            format!("数据库：{shown} 由更新版本的 duban 写入（数据库结构 {v}）"),
            "升级 duban 后再启动",
        ),
        Ok(Some(v)) => Check::pass(format!("数据库：{shown} 可连接（数据库结构 {v}）")),
        Err(e) => Check::fail(
            format!("数据库：{e}"),
            "检查 DUBAN_DATABASE_URL（postgres://用户:密码@主机:端口/库名）、网络与数据库的访问权限（pg_hba.conf）",
        ),
    })
}
