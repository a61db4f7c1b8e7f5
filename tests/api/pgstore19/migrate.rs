//! `duban migrate-store`: a sled store with everything in it copied into PostgreSQL and served
//! from there; a non-empty target refused.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use duban::clock::Clock as _;
use duban::domain::ids::{ItemId, OpenId, Person, ProjectId, RequirementId};
use duban::feishu::{Outgoing, OutgoingKind, ReceiveIdType};
use duban::minutes::MeetingId;
use duban::outbox_record::{Intent, OutboxRecord};
use duban::store::inbox::{Admission, dedup_keys};
use duban::store::outbox::Changes;
use duban::store::{Store, StoreError};
use secrecy::SecretString;
use serde_json::Value;

use super::{cluster, duban, ts};
use crate::helpers::*;

/// `duban migrate-store`, waiting for a just-stopped sled to let go of the directory.
async fn migrate(from: &Path, to: &str) -> (i32, String, String) {
    let (from, to) = (from.display().to_string(), to.to_owned());
    tokio::task::spawn_blocking(move || {
        for _ in 0..50 {
            let out = duban(&["migrate-store", "--from", &from, "--to", &to], &[]);
            if !out.2.contains("占用") {
                return out;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        duban(&["migrate-store", "--from", &from, "--to", &to], &[])
    })
    .await
    .unwrap()
}

fn open_sled(dir: &Path) -> Store {
    for _ in 0..100 {
        match Store::open(dir) {
            Err(StoreError::Locked(_)) => std::thread::sleep(Duration::from_millis(50)),
            other => return other.unwrap(),
        }
    }
    Store::open(dir).unwrap()
}

fn with_managers(s: &mut duban::config::Settings) {
    s.requirements.managers = vec![BOSS.0.to_owned()];
    s.requirements.manager_chat = Some(CHAT.to_owned());
}

const MINUTES: &str = "@_user_1 /纪要 合规周例会
会议时间：2026年9月23日
二、待办事项
1. 张三负责完成反洗钱自查报告，9月30日前";

/// A sled store holding an item with reminders, a project, a requirement, meeting minutes, a
/// message still queued and an event acknowledged but not yet processed is copied into
/// PostgreSQL; duban started on the copy has everything, sends the queued message and
/// processes the event once each, and the item's first reminder fires exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrate_store_round_trip_keeps_everything_and_a_due_reminder_fires_once() {
    let Some(admin) = cluster() else { return };
    init();
    let home = tempfile::tempdir().unwrap();
    let (sled_dir, pg_dir) = (home.path().join("sled"), home.path().join("pg"));
    let fake = Arc::new(
        duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
            .await
            .unwrap(),
    );
    let app = start_on(&sled_dir, fake.clone(), |s| {
        with_managers(s);
        s.store.database_url = None;
    })
    .await;
    assert_eq!(app.store.backend_name(), "sled");
    app.clock.set(ts("2026-09-23T10:00:00+08:00"));
    app.say(
        BOSS,
        "@_user_1 /督办 整理国庆值班安排 @_user_2 9月30日",
        &[BOT, ZHANG],
    )
    .await;
    app.say(BOSS, "@_user_1 /项目 新建 开户流程优化 @_user_2", &[BOT, ZHANG])
        .await;
    let ev = message_event(
        &app.next_id("ev_"),
        &app.next_id("om_user_"),
        "oc_branch_hangzhou",
        "group",
        "ou_branch_hz",
        "@_user_1 /需求 柜台打印机更换",
        &[BOT],
        None,
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    let people: Vec<Person> = [ZHANG, LI, WANG, BOSS]
        .iter()
        .map(|(id, name)| Person {
            open_id: OpenId((*id).to_owned()),
            name: (*name).to_owned(),
        })
        .collect();
    app.fake.set_chat_members(CHAT, &people);
    app.say(BOSS, MINUTES, &[BOT]).await;
    assert!(
        eventually(|| {
            app.store.get_project(ProjectId(1)).unwrap().is_some()
                && app.store.get_requirement(RequirementId(1)).unwrap().is_some()
                && app.store.get_meeting(MeetingId(1)).unwrap().is_some()
                && app.store.item_card(ItemId(1)).unwrap().is_some()
                && app.store.outbox_len() == 0
                && app.store.inbox_len() == 0
        })
        .await,
        "everything stored and sent on sled"
    );
    let now = app.clock.now();
    app.stop().await;

    // What a stop leaves behind mid-flight: a message queued, an event acknowledged.
    let queued = "迁移前排队的消息";
    let pending = message_event(
        "ev_pending_migration",
        "om_pending_migration",
        CHAT,
        "group",
        BOSS.0,
        "@_user_1 /督办 迁移时待处理的事项 @_user_2 下周五前",
        &[BOT, ZHANG],
        None,
    );
    register_user_message(&fake, &pending);
    {
        let store = open_sled(&sled_dir);
        let mut ch = Changes::new();
        let send = Outgoing {
            kind: OutgoingKind::Send {
                receive_id_type: ReceiveIdType::ChatId,
                receive_id: CHAT.to_owned(),
                msg_type: "text".to_owned(),
                content: serde_json::json!({ "text": queued }).to_string(),
                uuid: "pgstore19-queued".to_owned(),
            },
            chat_hint: Some(CHAT.to_owned()),
        };
        ch.outbox_push(
            &store,
            &OutboxRecord::new(Intent::Message(send), Some(CHAT.to_owned())),
        )
        .unwrap();
        store.commit(&ch).unwrap();
        let keys = dedup_keys("ev_pending_migration", Some(("tk", "om_pending_migration")));
        let raw = serde_json::to_vec(&pending).unwrap();
        assert!(matches!(
            store.admit(&raw, &keys, now.as_millisecond()).unwrap(),
            Admission::New(_)
        ));
        store.durable().await.unwrap();
    }

    let target = duban::store::testing::fresh_database(&admin).unwrap();
    let (code, out, err) = migrate(&sled_dir, &target).await;
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("各表条数一致"), "{out}");
    for tree in [
        "items",
        "projects",
        "requirements",
        "meetings",
        "outbox",
        "inbox",
        "due",
        "nudge_state",
        "meta",
    ] {
        assert!(
            out.lines()
                .any(|l| l.starts_with("✔") && l.split_whitespace().nth(1) == Some(tree)),
            "{tree} copied: {out}"
        );
    }
    assert!(!out.contains('✘'), "{out}");

    let before = fake.messages().len();
    let app = start_on(&pg_dir, fake.clone(), |s| {
        with_managers(s);
        s.store.database_url = Some(SecretString::from(target.clone()));
    })
    .await;
    assert_eq!(app.store.backend_name(), "postgres");
    app.clock.set(now);
    assert_eq!(
        app.store.get_item(ItemId(1)).unwrap().unwrap().title,
        "整理国庆值班安排"
    );
    assert!(app.store.get_project(ProjectId(1)).unwrap().is_some());
    assert!(app.store.get_requirement(RequirementId(1)).unwrap().is_some());
    assert!(app.store.get_meeting(MeetingId(1)).unwrap().is_some());
    // The acknowledged event is processed once, numbered after what sled had numbered.
    assert!(
        eventually(|| app.store.inbox_len() == 0).await,
        "the pending event is processed"
    );
    assert!(eventually(|| app.store.outbox_len() == 0).await);
    let titles: Vec<String> = app
        .store
        .all_items()
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect();
    assert_eq!(
        titles.iter().filter(|t| t.contains("迁移时待处理")).count(),
        1,
        "{titles:?}"
    );
    assert!(
        app.store
            .get_item(ItemId(2))
            .unwrap()
            .unwrap()
            .title
            .contains("迁移时待处理"),
        "{titles:?}"
    );
    let text = |m: &duban::fake_feishu::FakeMessage| m.content.to_string();
    let sent_queued = || {
        fake.messages()
            .iter()
            .filter(|m| text(m).contains(queued))
            .count()
    };
    assert_eq!(sent_queued(), 1, "the queued message is sent once");

    // DB-1's first reminder (签收, 09-23 14:00) fires once on the copy.
    let ticks = app.run_clock_until(ts("2026-09-23T15:00:00+08:00")).await;
    let reminders: Vec<&Value> = ticks
        .iter()
        .flat_map(|(_, ms)| ms.iter().map(|m| &m.content))
        .filter(|c| c.to_string().contains("整理国庆值班安排") && !c.to_string().contains("晾晒"))
        .collect();
    assert_eq!(reminders.len(), 1, "{reminders:#?}");
    assert!(fake.messages().len() > before);
    app.service.tick().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(sent_queued(), 1);
    app.stop().await;
}

/// A database that already holds duban data is refused, in one line, and left as it was.
#[test]
fn migrate_store_refuses_a_non_empty_target() {
    let Some(admin) = cluster() else { return };
    let home = tempfile::tempdir().unwrap();
    drop(Store::open(home.path()).unwrap());
    let target = duban::store::testing::fresh_database(&admin).unwrap();
    let store = Store::open_postgres(&target, 1).unwrap();
    let mut ch = Changes::new();
    ch.outbox_push(
        &store,
        &OutboxRecord::new(Intent::RefreshItemCard { item: 7 }, None),
    )
    .unwrap();
    store.commit(&ch).unwrap();
    let before = store.outbox_len();
    let dir = home.path().display().to_string();
    let mut out = duban(&["migrate-store", "--from", &dir, "--to", &target], &[]);
    for _ in 0..50 {
        if !out.2.contains("占用") {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
        out = duban(&["migrate-store", "--from", &dir, "--to", &target], &[]);
    }
    let (code, stdout, stderr) = out;
    assert_ne!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains("已有 duban 数据"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert_eq!(store.outbox_len(), before, "nothing written");
}
