use super::records::RAW;
use super::*;
use crate::feishu::event::{Envelope, Head, Schema};
use crate::service::InboxEvent;
use crate::store::{encode, from_be};
use crate::worker::{classify, dedup_keys};
use serde_json::json;

fn env(event_id: &str, message_id: &str) -> Envelope {
    Envelope {
        schema: Schema::V2,
        event_id: event_id.into(),
        event_type: "im.message.receive_v1".into(),
        token: None,
        tenant_key: Some("t".into()),
        event: json!({"message":{"message_id": message_id}}),
    }
}

fn raw(e: &Envelope) -> Vec<u8> {
    json!({"schema": "2.0",
        "header": {"event_id": e.event_id, "event_type": e.event_type, "tenant_key": e.tenant_key},
        "event": e.event})
    .to_string()
    .into_bytes()
}

fn admit(s: &Store, e: &Envelope, now_ms: i64) -> Admission {
    s.admit(&raw(e), &dedup_keys(&Head::of(e)), now_ms).unwrap()
}

fn done(s: &Store, e: &InboxEvent, now_ms: i64) {
    let mut ch = Changes::new();
    ch.inbox_done(s, e.seq, &e.keys, now_ms);
    s.commit(&ch).unwrap();
}

/// The pending entries, read as the worker reads them.
fn pending(s: &Store) -> Vec<InboxEvent> {
    s.inbox_pending(None, 10)
        .unwrap()
        .into_iter()
        .map(|e| classify(e).unwrap())
        .collect()
}

/// When `key` was recorded processed: in its own compact record (PostgreSQL) or in a batch
/// record (sled).
fn processed_at(s: &Store, key: &str) -> Option<i64> {
    let mut found = None;
    for kv in &s.seen {
        let (k, v) = kv.unwrap();
        match read_record(&k, &v) {
            Ok(Seen::Batch { keys, at_ms }) if keys.iter().any(|x| x == key) => found = Some(at_ms),
            Ok(Seen::Processed { at_ms }) if k.as_ref() == key.as_bytes() && v.first() == Some(&2) => {
                found = Some(at_ms);
            }
            _ => {}
        }
    }
    found
}

/// Opens `dir` again once the previous handle's flusher let go of it.
fn reopen(dir: &std::path::Path) -> Store {
    crate::store::testing::reopen_for_test(dir).unwrap()
}

#[test]
fn repeats_by_event_id_or_message_id_are_duplicates_and_pruning_forgets_them() {
    let dir = tempfile::tempdir().unwrap();
    let s = crate::store::testing::open_for_test(dir.path()).unwrap();
    let a = env("e1", "om_1");
    assert!(matches!(admit(&s, &a, 1_000), Admission::New(_)));
    assert_eq!(admit(&s, &a, 2_000), Admission::Duplicate, "pending");
    assert_eq!(
        admit(&s, &env("e2", "om_1"), 3_000),
        Admission::Duplicate,
        "the same message under a new event id"
    );
    assert_eq!(s.inbox_len(), 1);
    // A pending event is never pruned; once processed, its keys age out.
    assert_eq!(s.prune_seen(9_000).unwrap(), 0);
    assert_eq!(admit(&s, &a, 4_000), Admission::Duplicate);
    done(&s, &pending(&s)[0], 5_000);
    assert_eq!(s.inbox_len(), 0);
    assert_eq!(admit(&s, &a, 6_000), Admission::Duplicate, "processed");
    assert_eq!(
        admit(&s, &env("e3", "om_1"), 6_000),
        Admission::Duplicate,
        "processed message"
    );
    assert_eq!(s.prune_seen(5_000).unwrap(), 0, "processed at 5 000");
    assert_eq!(s.prune_seen(5_001).unwrap(), 2, "both keys age out");
    assert_eq!(s.dedup_len(), 0);
    assert!(matches!(admit(&s, &a, 10_000), Admission::New(_)));
    assert_eq!(s.inbox_len(), 1);
}

/// The acknowledgement path writes the inbox entry and nothing else; the worker's commit
/// writes the compact `seen` records with the removal.
#[test]
fn admitting_an_event_is_one_write() {
    let dir = tempfile::tempdir().unwrap();
    let s = crate::store::testing::open_for_test(dir.path()).unwrap();
    let before: usize =
        s.db.tree_names()
            .unwrap()
            .iter()
            .map(|n| s.db.open_tree(n).unwrap().len())
            .sum();
    let a = env("e5", "om_5");
    let Admission::New(seq) = admit(&s, &a, 1_000) else {
        panic!("new")
    };
    let after: usize =
        s.db.tree_names()
            .unwrap()
            .iter()
            .map(|n| s.db.open_tree(n).unwrap().len())
            .sum();
    // On PostgreSQL, where instances share the inbox, the keys are claimed in the same
    // transaction (the primary key is the de-duplication): one transaction, three rows.
    let claims = if s.backend_name() == "postgres" { 2 } else { 0 };
    assert_eq!(after, before + 1 + claims, "one record: the inbox entry");
    let entry = s.inbox_pending(None, 1).unwrap().remove(0);
    assert_eq!(entry.seq, seq);
    assert_eq!(entry.keys, vec!["e:e5".to_owned(), "m:t:om_5".to_owned()]);
    assert_eq!(entry.body, InboxBody::Push(raw(&a)));
    assert_eq!(s.seen.len(), claims);
    done(&s, &pending(&s)[0], 2_000);
    if claims > 0 {
        assert_eq!(
            s.seen.get("m:t:om_5").unwrap().unwrap().as_ref(),
            [&[2_u8][..], &2_000_i64.to_be_bytes()].concat()
        );
        assert_eq!(s.seen.len(), 2);
    } else {
        // sled: one batch record for the commit, under the first event's sequence.
        let record = s.seen.get(records::batch_key(seq)).unwrap().unwrap();
        assert_eq!(
            read_record(&records::batch_key(seq), &record).unwrap(),
            Seen::Batch {
                keys: vec!["e:e5".to_owned(), "m:t:om_5".to_owned()],
                at_ms: 2_000
            }
        );
        assert_eq!(s.seen.len(), 1);
    }
    assert_eq!(processed_at(&s, "m:t:om_5"), Some(2_000));
    assert!(s.inbox.is_empty());
}

/// Inbox entries written by earlier versions (format byte + the entry re-encoded as JSON; the
/// push as received without its keys) and by the current one (with its keys) are all read.
#[test]
fn stored_inbox_entries_of_every_format_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let s = crate::store::testing::open_for_test(dir.path()).unwrap();
    let a = env("e3", "om_3");
    let mut legacy = vec![super::super::codec::FORMAT];
    legacy.extend_from_slice(
        br#"{"envelope":{"schema":"V2","event_id":"e3","event_type":"im.message.receive_v1","token":null,"tenant_key":"t","event":{"message":{"message_id":"om_3"}}},"received_ms":1234}"#,
    );
    s.inbox.insert(be(5), legacy).unwrap();
    let mut raw_bytes = vec![RAW];
    raw_bytes.extend_from_slice(&5678_i64.to_be_bytes());
    raw_bytes.extend_from_slice(&raw(&env("e4", "om_4")));
    s.inbox.insert(be(6), raw_bytes).unwrap();
    s.inbox
        .insert(
            be(7),
            keyed_entry(
                Payload::Push(&raw(&env("e6", "om_6"))),
                &["e:e6".to_owned()],
                9_999,
            ),
        )
        .unwrap();
    assert_eq!(
        s.inbox_pending(Some(5), 10).unwrap()[0].body,
        InboxBody::Push(raw(&env("e4", "om_4"))),
        "the store keeps the push as received"
    );
    let pending = pending(&s);
    assert_eq!(pending.len(), 3);
    assert_eq!(
        (pending[0].seq, &pending[0].envelope, pending[0].received_ms),
        (5, &a, 1234)
    );
    // A stored push of a received message is read with the typed parse: the head in the
    // envelope, the message beside it.
    let read = |e: Envelope| Envelope {
        event: serde_json::Value::Null,
        ..e
    };
    let message_id = |i: usize| pending[i].message.as_ref().map(|m| m.message_id.clone());
    assert_eq!(
        (pending[1].seq, &pending[1].envelope, pending[1].received_ms),
        (6, &read(env("e4", "om_4")), 5678)
    );
    assert_eq!(message_id(1).as_deref(), Some("om_4"));
    assert_eq!(pending[1].keys, ["e:e4", "m:t:om_4"], "keys from the event");
    assert_eq!(
        (pending[2].seq, &pending[2].envelope, pending[2].received_ms),
        (7, &read(env("e6", "om_6")), 9_999)
    );
    assert_eq!(message_id(2).as_deref(), Some("om_6"));
    assert_eq!(pending[2].keys, ["e:e6"], "the keys as admitted");
    assert_eq!(message_id(0), None, "a legacy entry keeps its envelope");
}

/// A received message stored as the acknowledgement path read it (the compact record, not the
/// JSON) reads back as the same event as its push stored as received, and keeps its keys.
#[test]
fn a_message_stored_as_read_is_the_same_event_as_its_push() {
    use crate::feishu::message_push::{StoredMessage, read_message_push};
    let dir = tempfile::tempdir().unwrap();
    let s = crate::store::testing::open_for_test(dir.path()).unwrap();
    let e = env("e8", "om_8");
    let json = json!({"schema": "2.0",
        "header": {"event_id": "e8", "event_type": "im.message.receive_v1", "tenant_key": "t", "token": "tok"},
        "event": {"sender": {"sender_id": {"open_id": "ou_a"}},
            "message": {"message_id": "om_8", "chat_id": "oc_1", "chat_type": "group", "message_type": "text",
                "content": json!({"text": "/督办 五天内交三份报告"}).to_string()}}})
    .to_string()
    .into_bytes();
    let (head, message) = read_message_push(&json).unwrap();
    let stored = StoredMessage::new(&head, message).encode().unwrap();
    let keys = dedup_keys(&head);
    assert_eq!(keys, dedup_keys(&Head::of(&e)));
    let Admission::New(seq) = s.admit(Payload::Message(&stored), &keys, 4_321).unwrap() else {
        panic!("new")
    };
    assert_eq!(s.admit(&json, &keys, 4_322).unwrap(), Admission::Duplicate);
    let entry = s.inbox_pending(None, 1).unwrap().remove(0);
    assert_eq!(entry.body, InboxBody::Message(stored));
    let as_read = classify(entry).unwrap();
    s.inbox
        .insert(be(seq + 1), keyed_entry(Payload::Push(&json), &keys, 4_321))
        .unwrap();
    let as_received = classify(s.inbox_pending(Some(seq), 1).unwrap().remove(0)).unwrap();
    assert_eq!(as_read.envelope, as_received.envelope);
    assert_eq!(as_read.message, as_received.message);
    assert_eq!(as_read.message.as_ref().unwrap().text, "/督办 五天内交三份报告");
    assert_eq!((as_read.keys, as_read.received_ms), (keys, 4_321));
    // A damaged record is an error the worker reports, not an event misread.
    s.inbox
        .insert(be(seq + 2), keyed_entry(Payload::Message(b"\xff\xff"), &[], 1))
        .unwrap();
    assert!(classify(s.inbox_pending(Some(seq + 1), 1).unwrap().remove(0)).is_err());
}

/// After a restart, an event still pending and one processed within the window are both
/// recognised (the index is rebuilt from the inbox and the `seen` log); a new one is not.
#[test]
fn after_a_restart_pending_and_processed_events_are_still_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (env("e7", "om_7"), env("e8", "om_8"));
    {
        let s = crate::store::testing::open_for_test(dir.path()).unwrap();
        assert!(matches!(admit(&s, &a, 1_000), Admission::New(_)));
        done(&s, &pending(&s)[0], 2_000);
        assert!(matches!(admit(&s, &b, 3_000), Admission::New(_)));
    }
    let s = reopen(dir.path());
    assert_eq!(s.dedup_len(), 4);
    assert_eq!(admit(&s, &a, 4_000), Admission::Duplicate, "processed before");
    assert_eq!(admit(&s, &env("e9", "om_7"), 4_000), Admission::Duplicate);
    assert_eq!(admit(&s, &b, 4_000), Admission::Duplicate, "pending");
    assert_eq!(admit(&s, &env("e10", "om_8"), 4_000), Admission::Duplicate);
    assert_eq!(s.inbox_len(), 1);
    assert!(matches!(
        admit(&s, &env("e11", "om_11"), 4_000),
        Admission::New(_)
    ));
    // Pruning survives the restart: the processed keys go, the pending ones stay.
    assert_eq!(s.prune_seen(9_000).unwrap(), 2);
    assert!(matches!(admit(&s, &a, 9_500), Admission::New(_)));
    assert_eq!(admit(&s, &b, 9_500), Admission::Duplicate);
}

/// A bookkeeping commit (not a transaction) interrupted after the `seen` records but before
/// the removal: after a restart the entry is still in the inbox, known as processed (the
/// worker skips it and removes it), and its keys are not forgotten while it is there.
#[test]
fn an_interrupted_bookkeeping_commit_leaves_the_event_known_as_processed() {
    let dir = tempfile::tempdir().unwrap();
    let a = env("e12", "om_12");
    {
        let s = crate::store::testing::open_for_test(dir.path()).unwrap();
        let Admission::New(seq) = admit(&s, &a, 1_000) else {
            panic!("new")
        };
        s.seen.insert("e:e12", processed_record(2_000)).unwrap();
        s.seen.insert("m:t:om_12", processed_record(2_000)).unwrap();
        assert!(s.inbox.contains_key(be(seq)).unwrap());
    }
    let s = reopen(dir.path());
    assert_eq!(admit(&s, &a, 3_000), Admission::Duplicate);
    assert_eq!(s.prune_seen(9_000).unwrap(), 0, "still waiting: never forgotten");
    let waiting = pending(&s);
    assert_eq!(waiting.len(), 1);
    let keys = [waiting[0].keys.as_slice()];
    assert_eq!(
        s.already_processed(keys.iter().map(|k| (*k, waiting[0].received_ms))),
        [true]
    );
    // Removed, its keys age out.
    done(&s, &waiting[0], 4_000);
    assert!(s.prune_seen(9_000).unwrap() >= 2);
    assert!(matches!(admit(&s, &a, 10_000), Admission::New(_)));
}

/// A schema-3 store (keys marked `Pending`/`Alias`/`Processed` as JSON in `seen` by the
/// acknowledgement path, inbox entries without keys) is upgraded on open: its pending and
/// processed events stay duplicates, and an event marked but never stored (a crash between
/// the two writes of the old path, so never acknowledged) is admitted on Feishu's retry.
#[test]
fn a_schema_3_store_is_upgraded_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let (p, d, orphan) = (env("e20", "om_20"), env("e21", "om_21"), env("e22", "om_22"));
    {
        let s = crate::store::testing::open_for_test(dir.path()).unwrap();
        let alias = |k: &str, at_ms| {
            encode(&Seen::Alias {
                event_key: k.into(),
                at_ms,
            })
        };
        // Pending: entry 40 in the inbox, as received.
        let mut raw_bytes = vec![RAW];
        raw_bytes.extend_from_slice(&1_000_i64.to_be_bytes());
        raw_bytes.extend_from_slice(&raw(&p));
        s.inbox.insert(be(40), raw_bytes).unwrap();
        s.seen
            .insert(
                "e:e20",
                encode(&Seen::Pending {
                    seq: 40,
                    at_ms: 1_000,
                }),
            )
            .unwrap();
        s.seen.insert("m:t:om_20", alias("e:e20", 1_000)).unwrap();
        // Processed.
        s.seen
            .insert("e:e21", encode(&Seen::Processed { at_ms: 2_000 }))
            .unwrap();
        s.seen.insert("m:t:om_21", alias("e:e21", 1_500)).unwrap();
        // Marked, never stored.
        s.seen
            .insert(
                "e:e22",
                encode(&Seen::Pending {
                    seq: 41,
                    at_ms: 1_000,
                }),
            )
            .unwrap();
        s.seen.insert("m:t:om_22", alias("e:e22", 1_000)).unwrap();
        s.meta.insert("schema_version", &3_u64.to_be_bytes()).unwrap();
        s.db.flush().unwrap();
    }
    let s = reopen(dir.path());
    assert_eq!(
        s.meta.get("schema_version").unwrap().map(|v| from_be(&v)),
        Some(super::super::SCHEMA_VERSION)
    );
    assert_eq!(s.seen.len(), 4, "the never-stored event's records went");
    for e in [&p, &env("e30", "om_20"), &d, &env("e31", "om_21")] {
        assert_eq!(admit(&s, e, 3_000), Admission::Duplicate, "{}", e.event_id);
    }
    assert!(matches!(admit(&s, &orphan, 3_000), Admission::New(_)));
    // The pending entry is processed with its keys from the event; the records become compact.
    // (Found by its position: the test wrote it at 40 without taking an id, and a PostgreSQL
    // sequence may hand out ids below it.)
    let waiting: Vec<_> = pending(&s).into_iter().filter(|e| e.seq == 40).collect();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].keys, ["e:e20", "m:t:om_20"]);
    done(&s, &waiting[0], 4_000);
    assert_eq!(processed_at(&s, "m:t:om_20"), Some(4_000));
    assert_eq!(admit(&s, &p, 5_000), Admission::Duplicate);
    // Old records age out like new ones.
    assert_eq!(s.prune_seen(2_001).unwrap(), 2, "e21 and its alias");
    assert!(matches!(admit(&s, &d, 6_000), Admission::New(_)));
}

/// On sled the worker's commit records the keys of all its events in one batch record; after
/// a restart they are all still duplicates, and pruning forgets them together (counting keys).
/// The same key in two records (bookkeeping replayed after a crash) counts from the later one.
#[test]
fn a_commit_of_several_events_records_their_keys_together() {
    let dir = tempfile::tempdir().unwrap();
    let events: Vec<Envelope> = (0..3)
        .map(|i| env(&format!("e4{i}"), &format!("om_4{i}")))
        .collect();
    {
        let s = crate::store::testing::open_for_test(dir.path()).unwrap();
        for e in &events {
            assert!(matches!(admit(&s, e, 1_000), Admission::New(_)));
        }
        let mut ch = Changes::new();
        for e in pending(&s) {
            ch.inbox_done(&s, e.seq, &e.keys, 2_000);
        }
        s.commit(&ch).unwrap();
        assert!(s.inbox.is_empty());
        let per_key = if s.backend_name() == "postgres" { 6 } else { 1 };
        assert_eq!(s.seen.len(), per_key, "one record for the commit on sled");
        // A replay of the last event's bookkeeping, later: a second record holding its keys.
        if per_key == 1 {
            let mut ch = Changes::new();
            ch.inbox_done(&s, 99, &dedup_keys(&Head::of(&events[2])), 3_000);
            s.commit(&ch).unwrap();
        }
        s.durable_blocking().unwrap();
    }
    let s = reopen(dir.path());
    for (i, e) in events.iter().enumerate() {
        assert_eq!(
            admit(&s, e, 4_000),
            Admission::Duplicate,
            "event {i} after a restart"
        );
        let again = env(&format!("e5{i}"), &format!("om_4{i}"));
        assert_eq!(
            admit(&s, &again, 4_000),
            Admission::Duplicate,
            "message {i} after a restart"
        );
    }
    assert_eq!(s.prune_seen(2_000).unwrap(), 0, "processed at 2 000");
    if s.backend_name() == "postgres" {
        assert_eq!(s.prune_seen(2_001).unwrap(), 6);
        assert_eq!(s.dedup_len(), 0);
        return;
    }
    // The first record goes: four keys forgotten; the replayed event's stay until 3 000.
    assert_eq!(s.prune_seen(2_001).unwrap(), 4);
    assert_eq!(s.dedup_len(), 2, "the replayed event's keys, processed later");
    assert_eq!(admit(&s, &events[2], 4_000), Admission::Duplicate);
    assert!(matches!(admit(&s, &events[0], 4_000), Admission::New(_)));
    assert_eq!(s.prune_seen(3_001).unwrap(), 2);
}

/// The index opens with room for a burst (65,536 keys: growing rehashes every key under the
/// index's lock, stalling acknowledgements), and with twice its keys when it holds more.
#[test]
fn the_index_opens_with_room_for_a_burst() {
    let dir = tempfile::tempdir().unwrap();
    let s = crate::store::testing::open_for_test(dir.path()).unwrap();
    assert!(
        s.dedup_index().capacity() >= 65_536,
        "{}",
        s.dedup_index().capacity()
    );
    assert!(matches!(admit(&s, &env("e1", "om_1"), 1_000), Admission::New(_)));
    let mut big = super::index::Dedup::default();
    for i in 0..40_000u128 {
        big.insert(
            i,
            super::index::Mark {
                at_ms: 0,
                pending: None,
            },
        );
    }
    big.make_room();
    assert!(big.capacity() >= 80_000, "{}", big.capacity());
}
