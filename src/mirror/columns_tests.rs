//! A table made for an older duban (no 单位 column) gets the column before the first write.

use std::collections::HashMap;

use serde_json::json;

use super::tests::{APP, TABLE, mirror_for};
use super::*;
use crate::fake_feishu::FakeFeishu;

fn row(unit: Option<&str>) -> MirrorRecord {
    let mut fields = serde_json::Map::new();
    fields.insert("标题".to_owned(), json!("自查报告"));
    fields.insert(
        "单位".to_owned(),
        unit.map_or(serde_json::Value::Null, |u| json!(u)),
    );
    MirrorRecord {
        table: MirrorTable::Items,
        key: "DB-1".to_owned(),
        fields,
    }
}

#[tokio::test]
async fn a_table_without_the_unit_column_gets_it_once_and_the_row_is_written() {
    let fake = FakeFeishu::start("cli_a1b2c3d4e5f60718", "s3cr3t-app-secret")
        .await
        .unwrap();
    fake.add_bitable(APP, TABLE, &["编号", "标题"]);
    let mirror = mirror_for(&fake);
    let mut map: HashMap<(MirrorTable, String), String> = HashMap::new();
    mirror
        .flush(vec![row(Some("杭州营业部"))], &mut map)
        .await
        .unwrap();
    assert_eq!(fake.bitable_fields(APP, TABLE), ["编号", "标题", "单位"]);
    let records = fake.bitable_records(APP, TABLE);
    assert_eq!(records[0].1["单位"], "杭州营业部");

    // Checked once per run: the next flush neither lists nor adds fields again.
    let fields_calls = |f: &FakeFeishu| {
        f.request_log()
            .iter()
            .filter(|r| r.path.ends_with("/fields"))
            .count()
    };
    let before = fields_calls(&fake);
    mirror
        .flush(vec![row(Some("宁波营业部"))], &mut map)
        .await
        .unwrap();
    assert_eq!(fields_calls(&fake), before);
    assert_eq!(fake.bitable_records(APP, TABLE)[0].1["单位"], "宁波营业部");

    // A new run (a restarted duban) finds the column there and adds nothing.
    let again = mirror_for(&fake);
    again.flush(vec![row(None)], &mut map).await.unwrap();
    assert_eq!(fake.bitable_fields(APP, TABLE), ["编号", "标题", "单位"]);
}

#[tokio::test]
async fn rows_without_added_columns_do_not_touch_the_fields() {
    let fake = FakeFeishu::start("cli_a1b2c3d4e5f60718", "s3cr3t-app-secret")
        .await
        .unwrap();
    fake.add_bitable(APP, TABLE, &["编号", "标题"]);
    let mirror = mirror_for(&fake);
    let mut r = row(None);
    r.fields.remove("单位");
    let mut map: HashMap<(MirrorTable, String), String> = HashMap::new();
    mirror.flush(vec![r], &mut map).await.unwrap();
    assert!(fake.request_log().iter().all(|r| !r.path.ends_with("/fields")));
    assert_eq!(fake.bitable_fields(APP, TABLE), ["编号", "标题"]);
}
