//! The one way tests open a store, so the same suite runs on both stores: with
//! `DUBAN_TEST_DATABASE_URL` set (an admin URL such as
//! `postgres://duban@127.0.0.1:54329/postgres`), each data directory gets a fresh PostgreSQL
//! database (`t_<random>`, its name kept in the directory so a restart finds it again);
//! without it, sled in the directory as always.

use std::path::Path;

use super::kv::pg::pool::{connect, pg_err};
use super::{Store, StoreError};

/// The variable naming the admin URL of the test cluster.
pub const TEST_DATABASE_URL: &str = "DUBAN_TEST_DATABASE_URL";

/// Connection threads of a test store (many tests run at once).
pub const TEST_POOL: usize = 3;

/// The marker file holding a directory's test database name.
const MARKER: &str = ".test-database";

/// The admin URL, when tests run on PostgreSQL.
pub fn admin_url() -> Option<String> {
    std::env::var(TEST_DATABASE_URL)
        .ok()
        .filter(|u| !u.trim().is_empty())
}

/// `url` with its database replaced by `db`.
pub fn with_database(url: &str, db: &str) -> String {
    let host = url.find("://").map_or(0, |i| i + 3);
    let path = url[host..].find('/').map_or(url.len(), |i| host + i);
    let query = url[path..].find('?').map_or(url.len(), |i| path + i);
    format!("{}/{db}{}", &url[..path], &url[query..])
}

/// Creates a fresh, empty database next to `admin` and returns its URL.
///
/// # Errors
/// The cluster cannot be reached.
pub fn fresh_database(admin: &str) -> Result<String, StoreError> {
    let name = format!("t_{:016x}", rand::random::<u64>());
    let url = with_database(admin, &name);
    let admin = admin.to_owned();
    let create = name;
    // A thread of its own: `postgres::Client` must not run inside the caller's runtime.
    std::thread::spawn(move || -> Result<(), StoreError> {
        let mut client = connect(&admin)?;
        client
            .batch_execute(&format!("CREATE DATABASE \"{create}\""))
            .map_err(pg_err)
    })
    .join()
    .map_err(|_| StoreError::Pg("database creation panicked".to_owned()))??;
    Ok(url)
}

/// When tests run on PostgreSQL: the URL of `dir`'s test database (created on first use).
///
/// # Panics
/// If the test cluster cannot be reached (a test set-up failure).
#[allow(clippy::expect_used)]
pub fn database_for(dir: &Path) -> Option<String> {
    let admin = admin_url()?;
    let marker = dir.join(MARKER);
    if let Ok(name) = std::fs::read_to_string(&marker) {
        return Some(with_database(&admin, name.trim()));
    }
    let url = fresh_database(&admin).expect("the test PostgreSQL cluster answers");
    std::fs::create_dir_all(dir).expect("test directory");
    let name = url
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .split('?')
        .next()
        .unwrap_or_default();
    std::fs::write(&marker, name).expect("test directory");
    Some(url)
}

/// Opens the store of a test in `dir`: PostgreSQL when `DUBAN_TEST_DATABASE_URL` is set, sled
/// otherwise.
///
/// # Errors
/// As [`Store::open`] / [`Store::open_postgres`].
pub fn open_for_test(dir: &Path) -> Result<Store, StoreError> {
    match database_for(dir) {
        Some(url) => Store::open_postgres(&url, TEST_POOL),
        None => Store::open(dir),
    }
}

/// Opens the store in `dir` again once the previous handle's flusher thread has let go of the
/// directory.
///
/// # Errors
/// As [`open_for_test`].
#[cfg(test)]
pub(crate) fn reopen_for_test(dir: &Path) -> Result<Store, StoreError> {
    for _ in 0..100 {
        match open_for_test(dir) {
            Err(StoreError::Locked(_)) => std::thread::sleep(std::time::Duration::from_millis(20)),
            other => return other,
        }
    }
    open_for_test(dir)
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn the_database_of_a_url_is_replaced() {
        assert_eq!(
            with_database("postgres://u@h:1/postgres", "t_1"),
            "postgres://u@h:1/t_1"
        );
        assert_eq!(
            with_database("postgres://u@h/postgres?sslmode=disable", "t_1"),
            "postgres://u@h/t_1?sslmode=disable"
        );
        assert_eq!(with_database("postgres://u@h", "t_1"), "postgres://u@h/t_1");
    }
}
