//! 督办 items as Bitable rows (pure). [`ITEM_FIELDS`] is the table an admin creates: each
//! column's name and Bitable type. Values follow the Bitable formats (protocol notes §12):
//! dates as ms timestamps, people as `[{"id":"ou_…"}]`, multi-select as a list of option
//! names; an empty cell is `null` (which clears it on update).
//!
//! 是否逾期 and 逾期工作日 are computed at `now`: they stay as written until the item is
//! mirrored again, so the integrator re-mirrors open items when they become overdue (e.g. on
//! the overdue nudge) and once a working day.

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use super::record::{KEY_FIELD, MirrorRecord, MirrorTable};
use crate::calendar::Calendar;
use crate::domain::ids::Person;
use crate::domain::supervision::Item;

/// The items table's columns: (name, Bitable field type to create). 编号 must be the
/// primary (first) column. Select options are created by Bitable on first write.
pub const ITEM_FIELDS: &[(&str, &str)] = &[
    (KEY_FIELD, "文本（主字段），如 DB-12"),
    ("标题", "文本"),
    ("主办", "人员"),
    ("协办", "人员（允许多个）"),
    ("督办人", "人员"),
    ("状态", "单选：待签收 / 进行中 / 待验收 / 已完成 / 已取消"),
    ("延期申请中", "复选框"),
    ("截止时间", "日期（含时间）"),
    ("优先级", "单选：P0 紧急 / P1 高 / P2 中 / P3 低"),
    ("进度", "进度（或数字，百分比格式；0.6 表示 60%）"),
    ("最新进展", "文本"),
    ("是否逾期", "复选框"),
    ("逾期工作日", "数字"),
    ("群", "文本（群 ID）"),
    ("单位", "文本（所属单位，如 杭州营业部）"),
    ("资源投入", "文本"),
    ("场景", "文本"),
    ("标签", "多选"),
    ("催办次数", "数字"),
    ("延期次数", "数字"),
    ("创建时间", "日期（含时间）"),
    ("更新时间", "日期（含时间）"),
    ("完成时间", "日期（含时间）"),
    ("类别", "单选：承诺 / 挑战 / 突发"),
    ("对齐OKR", "文本"),
];

/// An item's row. Every column of [`ITEM_FIELDS`] is present (empty ones as `null`);
/// `unit` is the unit the item belongs to (kept beside the item, see `store::units`).
pub fn item_fields(item: &Item, unit: Option<&str>, now: Timestamp, cal: &Calendar) -> Map<String, Value> {
    let opt_text = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map_or(Value::Null, |t| json!(t))
    };
    let people = |ps: &[Person]| {
        if ps.is_empty() {
            Value::Null
        } else {
            Value::Array(ps.iter().map(|p| json!({ "id": p.open_id.0 })).collect())
        }
    };
    let overdue = item.is_overdue(now);
    let overdue_days = item.overdue_workdays(now, cal).ok();
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        m.insert(k.to_owned(), v);
    };
    put(KEY_FIELD, json!(item.id.to_string()));
    put("标题", json!(item.title));
    put("主办", people(std::slice::from_ref(&item.owner)));
    put("协办", people(&item.assistants));
    put("督办人", people(std::slice::from_ref(&item.creator)));
    put("状态", json!(item.status.label()));
    put("延期申请中", json!(item.extension.is_some()));
    put("截止时间", json!(item.deadline.as_millisecond()));
    put(
        "优先级",
        json!(format!("{} {}", item.priority, item.priority.label())),
    );
    put("进度", json!(f64::from(item.progress.min(100)) / 100.0));
    put("最新进展", opt_text(&item.latest_note));
    put("是否逾期", json!(overdue));
    put("逾期工作日", overdue_days.map_or(Value::Null, |d| json!(d)));
    put("群", json!(item.chat_id.0));
    put("单位", unit.map_or(Value::Null, |u| json!(u)));
    put("资源投入", opt_text(&item.resources));
    put("场景", opt_text(&item.scenario));
    put(
        "标签",
        if item.tags.is_empty() {
            Value::Null
        } else {
            json!(item.tags)
        },
    );
    put("催办次数", json!(item.nudge_count));
    put("延期次数", json!(item.extension_count));
    put("创建时间", json!(item.created_at.as_millisecond()));
    put("更新时间", json!(item.updated_at.as_millisecond()));
    put(
        "完成时间",
        item.completed_at
            .map_or(Value::Null, |t| json!(t.as_millisecond())),
    );
    put("类别", json!(item.class.label()));
    put(
        "对齐OKR",
        item.alignment
            .as_ref()
            .map_or(Value::Null, |a| json!(format!("{}（{}）", a.summary(), a.period))),
    );
    m
}

/// The item's [`MirrorRecord`] for the items table.
pub fn item_record(item: &Item, unit: Option<&str>, now: Timestamp, cal: &Calendar) -> MirrorRecord {
    MirrorRecord {
        table: MirrorTable::Items,
        key: item.id.to_string(),
        fields: item_fields(item, unit, now, cal),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{ChatId, ItemId, OpenId};
    use crate::domain::priority::Priority;
    use crate::domain::status::Status;
    use crate::domain::supervision::NewItem;

    fn person(id: &str, name: &str) -> Person {
        Person {
            open_id: OpenId(id.to_owned()),
            name: name.to_owned(),
        }
    }

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn item() -> Item {
        Item::create(
            ItemId(12),
            NewItem {
                title: "完成三季度合规自查报告".to_owned(),
                chat_id: ChatId("oc_g".to_owned()),
                creator: person("ou_boss", "赵督办"),
                owner: person("ou_zs", "张三"),
                assistants: vec![person("ou_ls", "李四")],
                deadline: ts("2026-12-04T10:00:00Z"),
                deadline_has_time: true,
                priority: Priority::P1,
                tags: vec!["合规".to_owned()],
                resources: Some("2人×3天".to_owned()),
                scenario: None,
                description: None,
                source_message: None,
            },
            ts("2026-12-01T02:00:00Z"),
        )
    }

    #[test]
    fn every_documented_column_is_written_and_nothing_else() {
        let m = item_fields(&item(), None, ts("2026-12-01T03:00:00Z"), &Calendar::builtin());
        let mut written: Vec<&str> = m.keys().map(String::as_str).collect();
        let mut documented: Vec<&str> = ITEM_FIELDS.iter().map(|(n, _)| *n).collect();
        written.sort_unstable();
        documented.sort_unstable();
        assert_eq!(written, documented);
    }

    #[test]
    fn values_use_bitable_formats() {
        let mut it = item();
        it.progress = 60;
        let m = item_fields(&it, None, ts("2026-12-01T03:00:00Z"), &Calendar::builtin());
        assert_eq!(m["编号"], "DB-12");
        assert_eq!(m["主办"], json!([{"id": "ou_zs"}]));
        assert_eq!(m["协办"], json!([{"id": "ou_ls"}]));
        assert_eq!(m["督办人"], json!([{"id": "ou_boss"}]));
        assert_eq!(m["状态"], Status::Pending.label());
        assert_eq!(m["截止时间"], json!(ts("2026-12-04T10:00:00Z").as_millisecond()));
        assert_eq!(m["优先级"], "P1 高");
        assert_eq!(m["进度"], json!(0.6));
        assert_eq!(m["标签"], json!(["合规"]));
        assert_eq!(m["场景"], Value::Null);
        assert_eq!(m["完成时间"], Value::Null);
        assert_eq!(m["是否逾期"], json!(false));
        assert_eq!(m["逾期工作日"], json!(0));
    }

    #[test]
    fn the_unit_column_holds_the_items_unit_or_stays_empty() {
        let now = ts("2026-12-01T03:00:00Z");
        let cal = Calendar::builtin();
        assert_eq!(
            item_fields(&item(), Some("杭州营业部"), now, &cal)["单位"],
            "杭州营业部"
        );
        assert_eq!(item_fields(&item(), None, now, &cal)["单位"], Value::Null);
    }

    #[test]
    fn overdue_is_computed_at_now_in_working_days() {
        // Deadline Fri 2026-12-04 18:00 Shanghai; now Tue 2026-12-08 → Mon and Tue count.
        let m = item_fields(&item(), None, ts("2026-12-08T03:00:00Z"), &Calendar::builtin());
        assert_eq!(m["是否逾期"], json!(true));
        assert_eq!(m["逾期工作日"], json!(2));
    }

    #[test]
    fn the_record_is_keyed_by_the_item_id() {
        let r = item_record(&item(), None, ts("2026-12-01T03:00:00Z"), &Calendar::builtin());
        assert_eq!((r.table, r.key.as_str()), (MirrorTable::Items, "DB-12"));
    }
}
