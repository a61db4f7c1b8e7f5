//! Tests of `store/nudges/mod.rs`.

use super::*;

use crate::store::testing::reopen_for_test as reopen;

fn sent(key: &str) -> NudgeState {
    let mut s = NudgeState::default();
    s.sent.insert(key.to_owned());
    s
}

#[test]
fn the_state_and_the_position_move_together() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::testing::open_for_test(dir.path()).unwrap();
    let a = ItemId(1);
    let mut ch = Changes::new();
    ch.schedule(&store, a, &sent("x"), Some(5_000), None).unwrap();
    store.commit(&ch).unwrap();
    assert_eq!(store.due_items(5_000, 10).unwrap(), vec![(5_000, a)]);
    assert!(store.due_items(4_999, 10).unwrap().is_empty());
    assert_eq!(store.nudge_record(a).unwrap().due_ms, Some(5_000));

    // A tick consumes the entry (the cursor moves past it) and schedules the next one.
    let mut ch = Changes::new();
    ch.known_position(a, None);
    ch.schedule(&store, a, &sent("y"), Some(9_000), None).unwrap();
    ch.consume_through(&store, 5_000, a);
    assert_eq!(ch.len(), 3, "the next entry, the record, the cursor");
    store.commit(&ch).unwrap();
    assert_eq!(store.due_items(u32::MAX.into(), 10).unwrap(), vec![(9_000, a)]);
    assert_eq!(store.next_due_ms().unwrap(), Some(9_000));
    assert_eq!(store.due_floor_ms().unwrap(), Some(5_001));
    assert_eq!(store.nudge_state(a).unwrap(), sent("y"));
    assert_eq!(store.due.len(), 2, "the consumed entry waits for collection");
    assert_eq!(store.collect_consumed(100).unwrap(), 1);
    assert_eq!(store.collect_consumed(100).unwrap(), 0);
    assert_eq!(store.due_items(u32::MAX.into(), 10).unwrap(), vec![(9_000, a)]);

    // Closed: no entry, the state stays.
    let mut ch = Changes::new();
    ch.schedule(&store, a, &sent("z"), None, None).unwrap();
    store.commit(&ch).unwrap();
    assert_eq!(store.due_len(), 0);
    assert_eq!(store.scheduled_for(a).unwrap(), None);
    assert_eq!(store.nudge_state(a).unwrap(), sent("z"));
}

#[test]
fn a_schema_1_store_is_upgraded_on_open() {
    let dir = tempfile::tempdir().unwrap();
    {
        // Schema 1 on disk: bare states, positions in `due_by_item`.
        let store = crate::store::testing::open_for_test(dir.path()).unwrap();
        let by_item = store.db.open_tree("due_by_item").unwrap();
        for (id, at) in [(1_u64, 7_000_u64), (2, 8_000)] {
            store.due.insert(due_key(at, ItemId(id)), Vec::new()).unwrap();
            by_item.insert(be(id), &be(at)).unwrap();
        }
        store.nudge_state.insert(be(1), encode(&sent("old"))).unwrap();
        store.meta.insert("schema_version", &1_u64.to_be_bytes()).unwrap();
        store.db.flush().unwrap();
    }
    let store = reopen(dir.path()).unwrap();
    assert_eq!(store.nudge_state(ItemId(1)).unwrap(), sent("old"));
    assert_eq!(store.scheduled_for(ItemId(1)).unwrap(), Some(7_000));
    assert_eq!(store.scheduled_for(ItemId(2)).unwrap(), Some(8_000));
    assert_eq!(store.nudge_state(ItemId(2)).unwrap(), NudgeState::default());
    assert!(!store.db.tree_names().unwrap().iter().any(|n| n == "due_by_item"));
    assert_eq!(
        store.meta.get("schema_version").unwrap().map(|v| from_be(&v)),
        Some(super::super::SCHEMA_VERSION)
    );
    // Moving an upgraded item removes its old entry.
    let mut ch = Changes::new();
    ch.schedule(&store, ItemId(1), &sent("old"), Some(9_000), None)
        .unwrap();
    store.commit(&ch).unwrap();
    assert_eq!(
        store.due_items(10_000, 10).unwrap(),
        vec![(8_000, ItemId(2)), (9_000, ItemId(1))]
    );
}

#[test]
fn records_are_binary_and_small_and_json_records_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::testing::open_for_test(dir.path()).unwrap();
    let mut item = crate::card::fixtures::overdue();
    item.description = Some("很长的说明".repeat(40));
    let mut state = sent("overdue:2026-03-05");
    state.snooze_count = 2;
    state.last_sent_at = Some(crate::card::fixtures::now());
    state.working_on = Some(jiff::civil::date(2026, 3, 5));
    let mut ch = Changes::new();
    ch.schedule(&store, item.id, &state, Some(7_000), Some(&item))
        .unwrap();
    store.commit(&ch).unwrap();

    let raw = store.nudge_state.get(be(item.id.0)).unwrap().unwrap();
    assert_eq!(raw.first(), Some(&RECORD_BIN));
    let rec = store.nudge_record(item.id).unwrap();
    assert_eq!(rec.state, state);
    assert_eq!(rec.due_ms, Some(7_000));
    assert_eq!(rec.item, Some(policy_view(&item)));
    let as_json = encode(&rec);
    assert!(
        raw.len() * 2 < as_json.len(),
        "binary {} B vs JSON {} B",
        raw.len(),
        as_json.len()
    );

    // Every item shape round-trips (an open extension request, assistants, times).
    for other in [
        crate::card::fixtures::extension_pending(),
        crate::card::fixtures::pending(),
        crate::card::fixtures::in_progress(),
        crate::card::fixtures::due_soon(),
    ] {
        let mut ch = Changes::new();
        ch.schedule(&store, ItemId(20), &state, None, Some(&other))
            .unwrap();
        store.commit(&ch).unwrap();
        let back = store.nudge_record(ItemId(20)).unwrap();
        assert_eq!(back.item, Some(policy_view(&other)));
        assert_eq!(back.due_ms, None);
    }

    // A format-2 (JSON) record reads as before.
    store.nudge_state.insert(be(9), as_json).unwrap();
    assert_eq!(store.nudge_record(ItemId(9)).unwrap(), rec);

    // An item copy that no longer decodes (written by a version with other item fields)
    // is dropped, not an error: the tick reads the item itself.
    let mut odd = raw.to_vec();
    odd.truncate(odd.len() - 3);
    store.nudge_state.insert(be(10), odd).unwrap();
    let rec = store.nudge_record(ItemId(10)).unwrap();
    assert_eq!((rec.state, rec.due_ms, rec.item), (state, Some(7_000), None));

    // A record whose state does not decode is an error, never a silent reset.
    store.nudge_state.insert(be(11), vec![RECORD_BIN, 0xff]).unwrap();
    assert!(store.nudge_record(ItemId(11)).is_err());
}

#[test]
fn format_3_records_read_and_progress_requests_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let item = crate::card::fixtures::overdue();
    let mut state = sent("overdue:2026-03-05");
    state.snooze_count = 1;
    state.working_on = Some(jiff::civil::date(2026, 3, 5));
    // A format-3 record: the state without its requests, the position, the item.
    let v3 = (
        (
            &state.sent,
            state.snoozed_until,
            state.snooze_count,
            state.working_on,
            state.auto_nudges,
            state.last_sent_at,
        ),
        Some(7_000_u64),
    );
    let mut raw = postcard::to_extend(&v3, vec![RECORD_BIN_3]).unwrap();
    raw.extend_from_slice(&postcard::to_allocvec(&policy_view(&item)).unwrap());
    store.nudge_state.insert(be(item.id.0), raw).unwrap();
    let rec = store.nudge_record(item.id).unwrap();
    assert_eq!(rec.state, state);
    assert_eq!(rec.due_ms, Some(7_000));
    assert_eq!(rec.item, Some(policy_view(&item)));

    // Written again, in format 4, with a request.
    state.asks.push(crate::domain::schedule::ProgressAsk {
        series: 1,
        occurrence: jiff::civil::date(2026, 10, 8),
        name: "财管委周例会".to_owned(),
        meeting_at: crate::card::fixtures::now(),
        at: crate::card::fixtures::now(),
        items: vec!["DB-1 反洗钱自查报告".to_owned()],
    });
    let mut ch = Changes::new();
    ch.schedule(&store, item.id, &state, Some(8_000), Some(&item))
        .unwrap();
    store.commit(&ch).unwrap();
    let raw = store.nudge_state.get(be(item.id.0)).unwrap().unwrap();
    assert_eq!(raw.first(), Some(&RECORD_BIN));
    let rec = store.nudge_record(item.id).unwrap();
    assert_eq!((rec.state, rec.due_ms), (state, Some(8_000)));
    assert_eq!(rec.item, Some(policy_view(&item)));
}

/// A store directory whose recorded data format is `version`.
fn store_of_format(version: u64) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::testing::open_for_test(dir.path()).unwrap();
    store
        .meta
        .insert("schema_version", &version.to_be_bytes())
        .unwrap();
    store.db.flush().unwrap();
    dir
}

#[test]
fn a_format_2_store_is_marked_with_the_current_format_on_open() {
    let dir = store_of_format(2);
    let store = reopen(dir.path()).unwrap();
    assert_eq!(
        store.meta.get("schema_version").unwrap().map(|v| from_be(&v)),
        Some(super::super::SCHEMA_VERSION)
    );
}

#[test]
fn a_store_from_a_newer_duban_is_refused() {
    let dir = store_of_format(9);
    let err = reopen(dir.path()).unwrap_err();
    assert!(err.to_string().contains("更新版本"), "{err}");
}
