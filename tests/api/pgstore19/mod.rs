//! PostgreSQL as the store: migrate-store, schema versions, the store switch (issue 19).
//!
//! These need a PostgreSQL cluster: they run when `DUBAN_TEST_DATABASE_URL` names its admin
//! URL (CI always sets it) and are skipped with a note otherwise. The behavioural suite runs on
//! PostgreSQL through the same variable (see `helpers::env_for`).

use std::process::Command;

use duban::domain::ids::ItemId;
use duban::store::inbox::{Admission, dedup_keys};
use duban::store::{Store, StoreError};

use crate::helpers::*;

mod migrate;

/// The admin URL, or `None` (and a note) when no cluster is configured.
pub(super) fn cluster() -> Option<String> {
    let url = duban::store::testing::admin_url();
    if url.is_none() {
        eprintln!("skipped: DUBAN_TEST_DATABASE_URL is unset (no PostgreSQL to test against)");
    }
    url
}

pub(super) fn ts(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

/// Runs the `duban` binary with `args` and only `env` (and PATH).
pub(super) fn duban(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(env.iter().copied())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A database migrated by a newer duban (a schema version this one does not know) is refused
/// with one line, by the store and by `duban serve`, and nothing is changed.
#[test]
fn a_newer_schema_is_refused_with_one_line() {
    let Some(admin) = cluster() else { return };
    let target = duban::store::testing::fresh_database(&admin).unwrap();
    drop(Store::open_postgres(&target, 1).unwrap());
    let url = target.clone();
    std::thread::spawn(move || {
        let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        c.execute(
            "INSERT INTO duban_schema (version, duban) VALUES (999, 'future')",
            &[],
        )
        .unwrap();
    })
    .join()
    .unwrap();
    let err = Store::open_postgres(&target, 1).unwrap_err();
    assert!(matches!(err, StoreError::Newer(_)), "{err}");
    assert!(err.to_string().contains("更新版本"), "{err}");
    assert!(!err.to_string().contains('\n'));
    let home = tempfile::tempdir().unwrap();
    let data = home.path().display().to_string();
    let (code, out, err) = duban(
        &["serve"],
        &[
            ("DUBAN_DATA_DIR", &data),
            ("DUBAN_DATABASE_URL", &target),
            ("DUBAN_LISTEN", "127.0.0.1:0"),
            ("FEISHU_BASE_URL", "http://127.0.0.1:9"),
            ("FEISHU_APP_ID", APP_ID),
            ("FEISHU_APP_SECRET", APP_SECRET),
            ("FEISHU_VERIFICATION_TOKEN", VERIFICATION_TOKEN),
            ("DUBAN_LOG", "off"),
        ],
    );
    assert_ne!(code, 0, "{out}{err}");
    assert!(err.contains("更新版本"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

/// Two instances on one database (two store handles) receive the same push at the same time:
/// exactly one stores it; a re-delivery under a new event id but the same message is a
/// duplicate too, whichever instance it reaches.
#[test]
fn the_same_event_accepted_by_two_instances_is_stored_once() {
    let Some(admin) = cluster() else { return };
    let target = duban::store::testing::fresh_database(&admin).unwrap();
    let (a, b) = (
        Store::open_postgres(&target, 2).unwrap(),
        Store::open_postgres(&target, 2).unwrap(),
    );
    for n in 0..20 {
        let ev = message_event(
            &format!("ev_twice_{n}"),
            &format!("om_twice_{n}"),
            CHAT,
            "group",
            BOSS.0,
            "@_user_1 /督办 同一事件 @_user_2",
            &[BOT, ZHANG],
            None,
        );
        let raw = serde_json::to_vec(&ev).unwrap();
        let keys = dedup_keys(&format!("ev_twice_{n}"), Some(("tk", &format!("om_twice_{n}"))));
        let (ra, rb) = std::thread::scope(|s| {
            let ja = s.spawn(|| a.admit(&raw, &keys, 1_000).unwrap());
            let jb = s.spawn(|| b.admit(&raw, &keys, 1_000).unwrap());
            (ja.join().unwrap(), jb.join().unwrap())
        });
        let new = [ra, rb].iter().filter(|r| matches!(r, Admission::New(_))).count();
        assert_eq!(new, 1, "event {n}: {ra:?} {rb:?}");
        // Feishu repeats the message under another event id, to either instance.
        let again = dedup_keys(&format!("ev_again_{n}"), Some(("tk", &format!("om_twice_{n}"))));
        let other = if matches!(ra, Admission::New(_)) { &b } else { &a };
        assert_eq!(other.admit(&raw, &again, 2_000).unwrap(), Admission::Duplicate);
    }
    assert_eq!(a.inbox_len(), 20);
    assert_eq!(b.inbox_pending(None, 100).unwrap().len(), 20);
}

/// A connection the server drops (a restart, a failover, an idle timeout) costs at most the
/// call that was on it, as an error, never a panic; the next call opens a new one.
#[test]
fn a_lost_connection_is_opened_again() {
    let Some(admin) = cluster() else { return };
    let target = duban::store::testing::fresh_database(&admin).unwrap();
    let store = Store::open_postgres(&target, 1).unwrap();
    assert!(store.is_healthy());
    let url = target;
    std::thread::spawn(move || {
        let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        let n = c
            .execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = current_database() AND pid <> pg_backend_pid()",
                &[],
            )
            .unwrap();
        assert_eq!(n, 1, "the store's one connection");
    })
    .join()
    .unwrap();
    let first = store.get_item(ItemId(1));
    let second = store.get_item(ItemId(1));
    assert!(second.is_ok(), "{first:?} then {second:?}");
    assert!(store.is_healthy());
}

/// `duban check-config` says whether the database answers, never showing its password.
#[test]
fn check_config_reports_the_database_without_its_password() {
    let Some(admin) = cluster() else { return };
    let target = duban::store::testing::fresh_database(&admin).unwrap();
    let with_password = |url: &str| url.replacen("://duban@", "://duban:hunter2@", 1);
    let home = tempfile::tempdir().unwrap();
    let data = home.path().display().to_string();
    let line = |url: &str| {
        let (_, out, err) = duban(
            &["check-config"],
            &[
                ("DUBAN_DATA_DIR", &data),
                ("DUBAN_DATABASE_URL", url),
                ("FEISHU_BASE_URL", "http://127.0.0.1:9"),
                ("FEISHU_APP_ID", APP_ID),
                ("FEISHU_APP_SECRET", APP_SECRET),
                ("FEISHU_VERIFICATION_TOKEN", VERIFICATION_TOKEN),
            ],
        );
        assert!(!out.contains("hunter2") && !err.contains("hunter2"), "{out}{err}");
        out.lines()
            .find(|l| l.contains("数据库："))
            .unwrap_or_default()
            .to_owned()
    };
    let ok = line(&with_password(&target));
    assert!(
        ok.starts_with("✔") && ok.contains("duban:***@") && ok.contains("可连接"),
        "{ok}"
    );
    let missing = duban::store::testing::with_database(&target, "pgstore19_no_such_db");
    let bad = line(&with_password(&missing));
    assert!(bad.starts_with("✘") && bad.contains("does not exist"), "{bad}");
}
