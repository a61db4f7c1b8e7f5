//! Tests of 下达 batches in sled: numbering, indexes, the resumable fan-out and the coalesced
//! roll-up refresh.

use jiff::Timestamp;

use super::*;
use crate::domain::batch::NewBatch;
use crate::domain::ids::{OpenId, Person};
use crate::domain::priority::Priority;
use crate::domain::supervision::{Item, NewItem};

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::testing::open_for_test(dir.path()).unwrap();
    (dir, store)
}

fn boss() -> Person {
    Person {
        open_id: OpenId("ou_boss".to_owned()),
        name: "王总".to_owned(),
    }
}

fn new_batch(chat: &str, units: &[&str]) -> NewBatch {
    NewBatch {
        title: "反洗钱自查".to_owned(),
        chat_id: ChatId(chat.to_owned()),
        issuer: boss(),
        selector: "全部营业部".to_owned(),
        units: units.iter().map(|u| (*u).to_owned()).collect(),
        deadline: ts("2026-11-27T10:00:00Z"),
        deadline_has_time: false,
        target: None,
        priority: Priority::P2,
        tags: vec![],
        resources: None,
        scenario: None,
        description: None,
        owners: None,
    }
}

/// Issues a batch as the service would: number, record, indexes in one change.
fn issue(store: &Store, chat: &str, units: &[&str]) -> Batch {
    let mut ch = Changes::new();
    let id = ch.next_batch_id(store).unwrap();
    let b = Batch::create(id, new_batch(chat, units), ts("2026-11-20T01:00:00Z")).unwrap();
    ch.put_new_batch(store, &b).unwrap();
    store.commit(&ch).unwrap();
    b
}

/// One unit's step of the fan-out: its item, the child record and the unit index, together.
fn fan_out_one(store: &Store, b: &Batch, unit: &str) -> ItemId {
    let mut ch = Changes::new();
    let id = ch.next_item_id(store).unwrap();
    let it = Item::create(
        id,
        NewItem {
            priority: b.priority,
            ..NewItem::new(
                b.title.clone(),
                ChatId(format!("oc_{unit}")),
                b.issuer.clone(),
                boss(),
                b.deadline,
            )
        },
        ts("2026-11-20T01:00:00Z"),
    );
    ch.put_new_item(store, &it).unwrap();
    ch.put_unit_item(store, unit, &it).unwrap();
    ch.put_batch_child(store, b.id, unit, id).unwrap();
    store.commit(&ch).unwrap();
    id
}

#[test]
fn batches_are_numbered_and_listed_per_chat_and_while_open() {
    let (_d, store) = open();
    let b1 = issue(&store, "oc_hq", &["甲", "乙"]);
    let b2 = issue(&store, "oc_other", &["甲"]);
    let b3 = issue(&store, "oc_hq", &["乙"]);
    assert_eq!([b1.id, b2.id, b3.id], [BatchId(1), BatchId(2), BatchId(3)]);
    assert_eq!(store.get_batch(BatchId(2)).unwrap(), Some(b2));
    let in_hq: Vec<BatchId> = store
        .batches_in_chat(&ChatId("oc_hq".to_owned()))
        .unwrap()
        .iter()
        .map(|b| b.id)
        .collect();
    assert_eq!(in_hq, [BatchId(1), BatchId(3)]);
    assert_eq!(store.open_batches().unwrap().len(), 3);

    let cancelled = b1
        .cancel(&boss().open_id, "口径调整", &[], ts("2026-11-21T01:00:00Z"))
        .unwrap();
    let mut ch = Changes::new();
    ch.put_batch(&store, &cancelled).unwrap();
    ch.settle_batch(&store, b3.id).unwrap();
    store.commit(&ch).unwrap();
    let open: Vec<BatchId> = store.open_batches().unwrap().iter().map(|b| b.id).collect();
    assert_eq!(open, [BatchId(2)]);
    assert_eq!(
        store.get_batch(BatchId(1)).unwrap().unwrap().status,
        BatchStatus::Cancelled
    );
    // The chat still lists it.
    assert_eq!(
        store.batches_in_chat(&ChatId("oc_hq".to_owned())).unwrap().len(),
        2
    );
}

#[test]
fn a_fan_out_cut_short_resumes_with_exactly_the_missing_units() {
    let (_d, store) = open();
    let units = [
        "杭州营业部",
        "宁波营业部",
        "长沙营业部",
        "武汉营业部",
        "合规管理部",
    ];
    let b = issue(&store, "oc_hq", &units);
    assert_eq!(store.unfinished_fanouts().unwrap()[0].1, units);
    fan_out_one(&store, &b, units[0]);
    fan_out_one(&store, &b, units[1]);
    let kids = store.batch_child_items(&b).unwrap();
    let seen: Vec<(&str, Option<u64>)> = kids
        .iter()
        .map(|(u, it)| (u.as_str(), it.as_ref().map(|i| i.id.0)))
        .collect();
    assert_eq!(
        seen,
        [
            ("杭州营业部", Some(1)),
            ("宁波营业部", Some(2)),
            ("长沙营业部", None),
            ("武汉营业部", None),
            ("合规管理部", None)
        ]
    );
    // "Restart": everything is read back from sled.
    let pending = store.unfinished_fanouts().unwrap();
    assert_eq!(pending.len(), 1);
    let (again, rest) = &pending[0];
    assert_eq!(again.id, b.id);
    assert_eq!(rest, &["长沙营业部", "武汉营业部", "合规管理部"]);
    for u in rest {
        fan_out_one(&store, again, u);
    }
    assert!(store.unfinished_fanouts().unwrap().is_empty());
    let children = store.batch_children(b.id).unwrap();
    assert_eq!(children.len(), 5);
    let mut items: Vec<u64> = children.iter().map(|(_, i)| i.0).collect();
    items.sort_unstable();
    assert_eq!(items, [1, 2, 3, 4, 5], "one item per unit");
    for (unit, item) in &children {
        assert_eq!(store.batch_of_item(*item).unwrap(), Some(b.id));
        assert_eq!(store.unit_of_item(*item).unwrap().as_deref(), Some(unit.as_str()));
    }
    assert_eq!(store.batch_of_item(ItemId(99)).unwrap(), None);
}

#[test]
fn roll_up_refreshes_coalesce_and_a_new_mark_survives_a_refresh_in_flight() {
    let (_d, store) = open();
    let mark = |id: u64, at: i64| {
        let mut ch = Changes::new();
        ch.mark_rollup(&store, BatchId(id), at).unwrap();
        store.commit(&ch).unwrap();
    };
    mark(1, 10_000);
    mark(1, 12_000); // a second click: the earlier time stays
    mark(2, 11_000);
    assert_eq!(store.next_rollup_ms().unwrap(), Some(10_000));
    assert!(store.rollups_due(9_999, 10).unwrap().is_empty());
    let due = store.rollups_due(10_000, 10).unwrap();
    assert_eq!(due.len(), 1);
    let (id, stamp) = due[0].clone();
    assert_eq!(id, BatchId(1));
    // A unit acts while the card is being patched: the mark is renewed, so it stays due.
    mark(1, 15_000);
    store.rollup_refreshed(id, &stamp).unwrap();
    let due = store.rollups_due(20_000, 10).unwrap();
    assert_eq!(due.iter().map(|(b, _)| b.0).collect::<Vec<_>>(), [1, 2]);
    for (b, s) in &due {
        store.rollup_refreshed(*b, s).unwrap();
    }
    assert!(store.rollups_due(i64::MAX, 10).unwrap().is_empty());
    assert_eq!(store.next_rollup_ms().unwrap(), None);
}

#[test]
fn the_roll_up_card_is_reposted_before_its_update_window_closes() {
    let (_d, store) = open();
    assert_eq!(store.rollup_card(BatchId(1)).unwrap(), None);
    let card = RollupCard {
        message_id: "om_1".to_owned(),
        posted_ms: 1_000,
        reposted: false,
        repost_queued: false,
    };
    store.set_rollup_card(BatchId(1), &card).unwrap();
    assert_eq!(store.rollup_card(BatchId(1)).unwrap(), Some(card.clone()));
    let day = 24 * 3_600_000;
    assert!(!card.needs_repost(1_000 + 12 * day, day));
    assert!(card.needs_repost(1_000 + 13 * day, day));
    assert!(card.needs_repost(1_000 + 14 * day, 0));
}

#[test]
fn every_batch_is_listed_and_a_settled_one_is_no_longer_open() {
    let (_d, store) = open();
    let b1 = issue(&store, "oc_hq", &["甲"]);
    let b2 = issue(&store, "oc_other", &["乙"]);
    let mut ch = Changes::new();
    ch.settle_batch(&store, b1.id).unwrap();
    store.commit(&ch).unwrap();
    let all: Vec<BatchId> = store.all_batches().unwrap().iter().map(|b| b.id).collect();
    assert_eq!(all, [b1.id, b2.id]);
    assert!(!store.is_open_batch(b1.id).unwrap());
    assert!(store.is_open_batch(b2.id).unwrap());
    // A re-post queued with the card record, in one change.
    let card = RollupCard {
        message_id: "om_1".to_owned(),
        posted_ms: 1,
        reposted: false,
        repost_queued: true,
    };
    let mut ch = Changes::new();
    ch.put_rollup_card(&store, b2.id, &card).unwrap();
    store.commit(&ch).unwrap();
    assert_eq!(store.rollup_card(b2.id).unwrap(), Some(card));
}
