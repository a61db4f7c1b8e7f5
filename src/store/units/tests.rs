//! Tests of bound units and the per-unit item index, on real sled.

use jiff::Timestamp;
use jiff::civil::date;

use super::*;
use crate::domain::ids::{ChatId, OpenId, Person};
use crate::domain::supervision::NewItem;
use crate::domain::time::SHANGHAI;
use crate::domain::unit::{Origin, UnitKind, UnitRegistry};

fn at(m: i8, d: i8, h: i8) -> Timestamp {
    SHANGHAI.to_timestamp(date(2026, m, d).at(h, 0, 0, 0)).unwrap()
}

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::testing::open_for_test(dir.path()).unwrap();
    (dir, store)
}

fn person(id: &str) -> Person {
    Person {
        open_id: OpenId(format!("ou_{id}")),
        name: id.to_owned(),
    }
}

fn unit(name: &str, chat: &str) -> Unit {
    Unit {
        name: name.to_owned(),
        kind: UnitKind::Branch,
        region: None,
        chat_id: ChatId(chat.to_owned()),
        heads: vec![OpenId("ou_head".to_owned())],
        origin: Origin::Chat {
            by: person("admin"),
            at: at(11, 2, 9),
        },
    }
}

fn item(id: u64, chat: &str) -> Item {
    Item::create(
        ItemId(id),
        NewItem::new(
            format!("事项{id}"),
            ChatId(chat.to_owned()),
            person("boss"),
            person("head"),
            at(11, 27, 18),
        ),
        at(11, 2, 9),
    )
}

/// Creates `it` as the service would: the item and its unit entry in one change.
fn create(store: &Store, unit: &str, it: &Item) {
    let mut ch = Changes::new();
    ch.put_new_item(store, it).unwrap();
    ch.put_unit_item(store, unit, it).unwrap();
    store.commit(&ch).unwrap();
}

fn update(store: &Store, it: &Item) -> Option<String> {
    let mut ch = Changes::new();
    ch.put_item(store, it);
    let unit = ch.reindex_unit_item(store, it).unwrap();
    store.commit(&ch).unwrap();
    unit
}

#[test]
fn bound_units_are_kept_replaced_and_removed() {
    let (_d, store) = open();
    let mut ch = Changes::new();
    ch.put_bound_unit(&store, &unit("上海营业部", "oc_sh")).unwrap();
    ch.put_bound_unit(&store, &unit("南京营业部", "oc_nj")).unwrap();
    store.commit(&ch).unwrap();
    let mut again = unit("上海营业部", "oc_sh");
    again.heads.push(OpenId("ou_two".to_owned()));
    let mut ch = Changes::new();
    ch.put_bound_unit(&store, &again).unwrap();
    store.commit(&ch).unwrap();
    let all = store.bound_units().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[0], again,
        "by name (UTF-8 order: 上 before 南), the replacement kept"
    );

    // They feed the registry beside the configured units.
    let (reg, skipped) = UnitRegistry::default().with_bindings(all);
    assert!(skipped.is_empty());
    assert_eq!(
        reg.by_chat(&ChatId("oc_nj".to_owned())).unwrap().name,
        "南京营业部"
    );

    let mut ch = Changes::new();
    ch.remove_bound_unit(&store, "南京营业部").unwrap();
    store.commit(&ch).unwrap();
    let names: Vec<String> = store.bound_units().unwrap().into_iter().map(|u| u.name).collect();
    assert_eq!(names, ["上海营业部"]);
}

#[test]
fn a_units_items_are_indexed_apart_from_a_unit_whose_name_extends_it() {
    let (_d, store) = open();
    create(&store, "杭州", &item(1, "oc_a"));
    create(&store, "杭州营业部", &item(2, "oc_b"));
    create(&store, "杭州", &item(3, "oc_a"));
    // An item of no unit (a group that is not bound) is in no index.
    let mut ch = Changes::new();
    ch.put_new_item(&store, &item(4, "oc_c")).unwrap();
    store.commit(&ch).unwrap();
    assert_eq!(store.unit_item_ids("杭州").unwrap(), [ItemId(1), ItemId(3)]);
    assert_eq!(store.unit_item_ids("杭州营业部").unwrap(), [ItemId(2)]);
    assert_eq!(
        store.unit_of_item(ItemId(2)).unwrap().as_deref(),
        Some("杭州营业部")
    );
    assert_eq!(store.unit_of_item(ItemId(4)).unwrap(), None);
    assert_eq!(update(&store, &item(4, "oc_c")), None);
}

#[test]
fn a_period_reads_open_items_and_those_closed_since_its_start() {
    let (_d, store) = open();
    for id in 1..=5 {
        create(&store, "长沙营业部", &item(id, "oc_cs"));
    }
    // 1 stays open; 2 done last month; 3 done this month; 4 cancelled this month; 5 submitted.
    let mut done_early = item(2, "oc_cs");
    done_early.status = Status::Done;
    done_early.completed_at = Some(at(10, 30, 15));
    let mut done = item(3, "oc_cs");
    done.status = Status::Done;
    done.completed_at = Some(at(11, 20, 15));
    let mut cancelled = item(4, "oc_cs");
    cancelled.status = Status::Cancelled;
    cancelled.updated_at = at(11, 21, 9);
    let mut submitted = item(5, "oc_cs");
    submitted.status = Status::Submitted;
    for it in [&done_early, &done, &cancelled, &submitted] {
        assert_eq!(update(&store, it).as_deref(), Some("长沙营业部"));
    }
    let month = at(11, 1, 0);
    assert_eq!(
        store.unit_item_ids_since("长沙营业部", month).unwrap(),
        [ItemId(1), ItemId(3), ItemId(4), ItemId(5)]
    );
    assert_eq!(
        store
            .unit_item_ids_since("长沙营业部", at(10, 1, 0))
            .unwrap()
            .len(),
        5
    );
    // Writing a closed item again does not list it twice.
    update(&store, &done);
    let items = store.unit_items_since("长沙营业部", month).unwrap();
    let ids: Vec<u64> = items.iter().map(|i| i.id.0).collect();
    assert_eq!(ids, [1, 3, 4, 5]);
    assert_eq!(items[1].status, Status::Done);
    // Every item stays in the unit's full list.
    assert_eq!(store.unit_item_ids("长沙营业部").unwrap().len(), 5);
}

#[test]
fn indexing_is_staged_in_the_change_not_written_directly() {
    let (_d, store) = open();
    let it = item(1, "oc_a");
    let mut ch = Changes::new();
    ch.put_new_item(&store, &it).unwrap();
    ch.put_unit_item(&store, "甲", &it).unwrap();
    // Dropped instead of committed: nothing of it is visible.
    drop(ch);
    assert!(store.unit_item_ids("甲").unwrap().is_empty());
    assert_eq!(store.unit_of_item(ItemId(1)).unwrap(), None);
    assert!(store.get_item(ItemId(1)).unwrap().is_none());
}

/// sled only: snapshots are sled's (PostgreSQL is backed up by its own tools).
#[test]
fn units_and_their_indexes_are_in_every_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut ch = Changes::new();
    ch.put_bound_unit(&store, &unit("上海营业部", "oc_sh")).unwrap();
    store.commit(&ch).unwrap();
    create(&store, "上海营业部", &item(1, "oc_sh"));
    let mut buf = Vec::new();
    store.snapshot_to(&mut buf, at(11, 25, 9)).unwrap();
    let snap = crate::store::backup::read_snapshot(buf.as_slice()).unwrap();
    assert_eq!(snap.count("units"), 1);
    assert_eq!(snap.count("unit_items"), 1);
    assert_eq!(snap.count("unit_open"), 1);
    assert_eq!(snap.count("item_unit"), 1);
    let back = dir.path().join("restored");
    crate::store::backup::restore(&snap, &back).unwrap();
    let restored = Store::open(&back).unwrap();
    assert_eq!(restored.bound_units().unwrap()[0].name, "上海营业部");
    assert_eq!(restored.unit_item_ids("上海营业部").unwrap(), [ItemId(1)]);
}

#[test]
fn a_board_reads_only_open_items_due_before_the_end_of_the_week_and_recent_closures() {
    let (_dir, store) = open();
    let mut soon = item(1, "oc_hz");
    soon.deadline = at(11, 20, 18);
    let mut later = item(2, "oc_hz");
    later.deadline = at(12, 20, 18);
    let mut closed = item(3, "oc_hz");
    closed.status = Status::Cancelled;
    closed.updated_at = at(11, 10, 9);
    let mut ch = Changes::new();
    for it in [&soon, &later, &closed] {
        ch.put_unit_item(&store, "杭州营业部", it).unwrap();
    }
    store.commit(&ch).unwrap();
    let ids = |due_before, since| -> Vec<u64> {
        store
            .unit_board_items("杭州营业部", due_before, since)
            .unwrap()
            .iter()
            .map(|i| i.id.0)
            .collect()
    };
    // Items are read from `items`: none stored there yet.
    assert!(ids(at(11, 30, 0), at(11, 1, 0)).is_empty());
    let mut ch = Changes::new();
    for it in [&soon, &later, &closed] {
        ch.put_new_item(&store, it).unwrap();
    }
    store.commit(&ch).unwrap();
    assert_eq!(ids(at(11, 30, 0), at(11, 1, 0)), [1, 3]);
    assert_eq!(ids(at(11, 30, 0), at(11, 15, 0)), [1]);
    assert_eq!(ids(at(12, 31, 0), at(11, 15, 0)), [1, 2]);
    // Extended past the week: no longer read.
    soon.deadline = at(12, 25, 18);
    let mut ch = Changes::new();
    ch.put_item(&store, &soon);
    ch.reindex_unit_item(&store, &soon).unwrap();
    store.commit(&ch).unwrap();
    assert!(ids(at(11, 30, 0), at(11, 15, 0)).is_empty());
}
