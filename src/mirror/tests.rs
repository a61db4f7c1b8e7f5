//! The mirror engine against the fake Feishu, over real HTTP on 127.0.0.1.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;
use serde_json::{Map, Value, json};

use super::*;
use crate::fake_feishu::FakeFeishu;
use crate::feishu::{ClientConfig, FeishuClient};

const APP_ID: &str = "cli_a1b2c3d4e5f60718";
const SECRET: &str = "s3cr3t-app-secret";
pub(super) const APP: &str = "bascnMirror";
pub(super) const TABLE: &str = "tblItems";

type Map2 = HashMap<(MirrorTable, String), String>;

async fn setup() -> (FakeFeishu, Mirror) {
    let fake = FakeFeishu::start(APP_ID, SECRET).await.unwrap();
    fake.add_bitable(APP, TABLE, &["编号", "标题", "进度"]);
    let mirror = mirror_for(&fake);
    (fake, mirror)
}

pub(super) fn mirror_for(fake: &FakeFeishu) -> Mirror {
    let mut cfg = ClientConfig::new(&fake.base_url, APP_ID, SecretString::from(SECRET.to_owned()));
    cfg.timeout = Duration::from_secs(10);
    cfg.app_per_second = 10_000;
    cfg.app_per_minute = 100_000;
    let client = FeishuClient::new(cfg).unwrap();
    let config = MirrorConfig {
        app_token: APP.to_owned(),
        items_table: Some(TABLE.to_owned()),
        projects_table: None,
        requirements_table: None,
    };
    let retry = ConflictRetry {
        attempts: 10,
        base: Duration::from_millis(20),
    };
    Mirror::with_retry(client, config, retry)
}

fn rec(n: usize, title: &str) -> MirrorRecord {
    let mut fields = Map::new();
    fields.insert("标题".to_owned(), json!(title));
    fields.insert("进度".to_owned(), json!(0.1));
    MirrorRecord {
        table: MirrorTable::Items,
        key: format!("DB-{n}"),
        fields,
    }
}

fn keys(fake: &FakeFeishu) -> Vec<String> {
    let mut k: Vec<String> = fake
        .bitable_records(APP, TABLE)
        .iter()
        .map(|(_, f)| f["编号"].as_str().unwrap().to_owned())
        .collect();
    k.sort();
    k
}

fn calls(fake: &FakeFeishu, op: &str) -> usize {
    fake.request_log()
        .iter()
        .filter(|r| r.path.ends_with(&format!("/records/{op}")) && r.status == 200)
        .count()
}

#[tokio::test]
async fn new_rows_are_created_and_known_rows_updated() {
    let (fake, mirror) = setup().await;
    let mut map = Map2::new();
    let r = mirror
        .flush(vec![rec(1, "甲"), rec(2, "乙")], &mut map)
        .await
        .unwrap();
    assert_eq!((r.created, r.updated, r.batches), (2, 0, 1));
    assert_eq!(map.len(), 2);

    let mut changed = rec(2, "乙（改）");
    changed.fields.insert("进度".to_owned(), json!(0.8));
    let r = mirror.flush(vec![changed, rec(3, "丙")], &mut map).await.unwrap();
    assert_eq!((r.created, r.updated), (1, 1));
    let records = fake.bitable_records(APP, TABLE);
    assert_eq!(records.len(), 3);
    let id2 = &map[&(MirrorTable::Items, "DB-2".to_owned())];
    let (_, f) = records.iter().find(|(id, _)| id == id2).unwrap();
    assert_eq!(f["标题"], "乙（改）");
    assert_eq!(f["进度"], json!(0.8));
}

#[tokio::test]
async fn a_later_row_with_the_same_key_wins_within_one_flush() {
    let (fake, mirror) = setup().await;
    let mut map = Map2::new();
    mirror
        .flush(vec![rec(1, "旧"), rec(1, "新")], &mut map)
        .await
        .unwrap();
    let records = fake.bitable_records(APP, TABLE);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].1["标题"], "新");
}

#[tokio::test]
async fn more_than_five_hundred_rows_go_in_batches_of_five_hundred() {
    let (fake, mirror) = setup().await;
    let mut map = Map2::new();
    let rows: Vec<_> = (1..=1203).map(|n| rec(n, "批量")).collect();
    let r = mirror.flush(rows.clone(), &mut map).await.unwrap();
    assert_eq!((r.created, r.batches), (1203, 3));
    assert_eq!(calls(&fake, "batch_create"), 3);
    assert_eq!(fake.bitable_records(APP, TABLE).len(), 1203);

    let r = mirror.flush(rows, &mut map).await.unwrap();
    assert_eq!((r.created, r.updated, r.batches), (0, 1203, 3));
    assert_eq!(calls(&fake, "batch_update"), 3);
}

#[tokio::test]
async fn a_lost_mapping_is_recovered_by_search_and_nothing_is_duplicated() {
    let (fake, mirror) = setup().await;
    let mut first = Map2::new();
    mirror
        .flush(vec![rec(1, "甲"), rec(2, "乙")], &mut first)
        .await
        .unwrap();

    // The process died before the ids were saved: the same batch is flushed again.
    let mut lost = Map2::new();
    let r = mirror
        .flush(vec![rec(1, "甲"), rec(2, "乙")], &mut lost)
        .await
        .unwrap();
    assert_eq!((r.created, r.recovered, r.updated), (0, 2, 2));
    assert_eq!(lost, first);
    assert_eq!(keys(&fake), ["DB-1", "DB-2"]);
}

#[tokio::test]
async fn many_lost_ids_are_recovered_with_one_table_read() {
    let (fake, mirror) = setup().await;
    let rows: Vec<_> = (1..=40).map(|n| rec(n, "x")).collect();
    let mut first = Map2::new();
    mirror.flush(rows.clone(), &mut first).await.unwrap();
    let searches_before = calls(&fake, "search");
    let mut lost = Map2::new();
    let r = mirror.flush(rows, &mut lost).await.unwrap();
    assert_eq!((r.created, r.recovered), (0, 40));
    assert_eq!(calls(&fake, "search") - searches_before, 1);
    assert_eq!(lost, first);
}

#[tokio::test]
async fn a_retried_create_batch_returns_the_first_ids() {
    let (fake, mirror) = setup().await;
    // An earlier attempt of this exact batch reached Feishu but its answer was lost.
    let row = rec(1, "甲");
    let mut fields = row.fields.clone();
    fields.insert(KEY_FIELD.to_owned(), json!("DB-1"));
    let token = client_token("batch_create", APP, TABLE, [("DB-1", &fields)]);
    let mut cfg = ClientConfig::new(&fake.base_url, APP_ID, SecretString::from(SECRET.to_owned()));
    cfg.timeout = Duration::from_secs(5);
    let client = FeishuClient::new(cfg).unwrap();
    let first = client
        .bitable_batch_create(APP, TABLE, std::slice::from_ref(&fields), &token)
        .await
        .unwrap();
    let again = client
        .bitable_batch_create(APP, TABLE, std::slice::from_ref(&fields), &token)
        .await
        .unwrap();
    assert_eq!(first, again);
    // And the mirror, flushing the same row with no saved id, adopts that record.
    let mut map = Map2::new();
    mirror.flush(vec![row], &mut map).await.unwrap();
    assert_eq!(map[&(MirrorTable::Items, "DB-1".to_owned())], first[0]);
    assert_eq!(fake.bitable_records(APP, TABLE).len(), 1);
}

#[tokio::test]
async fn write_conflicts_are_retried_until_the_table_is_free() {
    let (fake, mirror) = setup().await;
    fake.bitable_conflict_next(3);
    let mut map = Map2::new();
    let r = mirror.flush(vec![rec(1, "甲")], &mut map).await.unwrap();
    assert_eq!((r.created, r.conflicts), (1, 3));
    assert_eq!(keys(&fake), ["DB-1"]);
}

#[tokio::test]
async fn two_writers_on_one_table_conflict_and_both_succeed() {
    let (fake, _) = setup().await;
    fake.set_bitable_write_latency(Duration::from_millis(100));
    // Two processes (two mirrors, so no shared lock) writing the same table at once.
    let (a, b) = (mirror_for(&fake), mirror_for(&fake));
    let (mut ma, mut mb) = (Map2::new(), Map2::new());
    let (ra, rb) = tokio::join!(
        a.flush(vec![rec(1, "甲")], &mut ma),
        b.flush(vec![rec(2, "乙")], &mut mb)
    );
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    assert!(ra.conflicts + rb.conflicts >= 1, "{ra:?} {rb:?}");
    assert_eq!(keys(&fake), ["DB-1", "DB-2"]);
}

#[tokio::test]
async fn one_mirror_serialises_its_own_writes_per_table() {
    let (fake, mirror) = setup().await;
    fake.set_bitable_write_latency(Duration::from_millis(50));
    let mirror = Arc::new(mirror);
    let mut tasks = Vec::new();
    for n in 1..=4 {
        let m = Arc::clone(&mirror);
        tasks.push(tokio::spawn(async move {
            let mut map = Map2::new();
            m.flush(vec![rec(n, "并发")], &mut map).await.unwrap()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap().conflicts, 0);
    }
    assert_eq!(keys(&fake), ["DB-1", "DB-2", "DB-3", "DB-4"]);
}

#[tokio::test]
async fn a_record_deleted_in_bitable_is_recreated() {
    let (fake, mirror) = setup().await;
    let mut map = Map2::new();
    mirror
        .flush(vec![rec(1, "甲"), rec(2, "乙")], &mut map)
        .await
        .unwrap();
    let id1 = map[&(MirrorTable::Items, "DB-1".to_owned())].clone();
    fake.delete_bitable_record(APP, TABLE, &id1);
    let r = mirror
        .flush(vec![rec(1, "甲2"), rec(2, "乙2")], &mut map)
        .await
        .unwrap();
    assert_eq!((r.recreated, r.updated), (1, 1));
    assert_ne!(map[&(MirrorTable::Items, "DB-1".to_owned())], id1);
    assert_eq!(keys(&fake), ["DB-1", "DB-2"]);
}

#[tokio::test]
async fn a_missing_scope_is_reported_clearly() {
    let (fake, mirror) = setup().await;
    fake.deny_scope("bitable:app");
    let mut map = Map2::new();
    let e = mirror.flush(vec![rec(1, "甲")], &mut map).await.unwrap_err();
    let text = e.missing_scope("bitable:app").unwrap().to_string();
    assert!(
        text.contains("bitable:app") && text.contains("多维表格"),
        "{text}"
    );
    assert!(map.is_empty());
}

#[tokio::test]
async fn rows_for_tables_not_configured_are_skipped() {
    let (fake, mirror) = setup().await;
    let mut map = Map2::new();
    let project = MirrorRecord {
        table: MirrorTable::Projects,
        key: "XM-1".to_owned(),
        fields: Map::new(),
    };
    let r = mirror.flush(vec![project, rec(1, "甲")], &mut map).await.unwrap();
    assert_eq!((r.created, r.unconfigured), (1, 1));
    assert_eq!(fake.bitable_records(APP, TABLE).len(), 1);
}

#[tokio::test]
async fn an_unknown_column_stops_the_flush_with_feishus_code() {
    let (_fake, mirror) = setup().await;
    let mut bad = rec(1, "甲");
    bad.fields.insert("不存在的列".to_owned(), Value::Null);
    bad.fields.insert("另一列".to_owned(), json!(1));
    let mut map = Map2::new();
    let e = mirror.flush(vec![bad], &mut map).await.unwrap_err();
    assert_eq!(e.code(), Some(1254045));
}

#[tokio::test]
async fn item_rows_fit_a_table_built_from_the_documented_columns() {
    use crate::calendar::Calendar;
    use crate::domain::ids::{ChatId, ItemId, OpenId, Person};
    use crate::domain::supervision::{Item, NewItem};

    let (fake, mirror) = setup().await;
    let names: Vec<&str> = ITEM_FIELDS.iter().map(|(n, _)| *n).collect();
    fake.add_bitable(APP, TABLE, &names);
    let p = |id: &str| Person {
        open_id: OpenId(id.to_owned()),
        name: id.to_owned(),
    };
    let now: jiff::Timestamp = "2026-12-01T02:00:00Z".parse().unwrap();
    let item = Item::create(
        ItemId(7),
        NewItem {
            deadline_has_time: true,
            ..NewItem::new(
                "自查报告".to_owned(),
                ChatId("oc_g".to_owned()),
                p("ou_c"),
                p("ou_o"),
                "2026-12-04T10:00:00Z".parse().unwrap(),
            )
        },
        now,
    );
    let mut map = Map2::new();
    mirror
        .flush(
            vec![item_record(&item, None, now, &Calendar::builtin())],
            &mut map,
        )
        .await
        .unwrap();
    let records = fake.bitable_records(APP, TABLE);
    assert_eq!(records[0].1["编号"], "DB-7");
    assert_eq!(records[0].1["主办"], json!([{"id": "ou_o"}]));
    assert!(
        !records[0].1.contains_key("协办"),
        "empty cells are not written on create"
    );
}
