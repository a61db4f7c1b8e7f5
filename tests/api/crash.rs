//! Crash safety: SIGKILL the real binary right after it acknowledged events, restart it on the
//! same data directory, and check every acknowledged event is answered exactly once.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use duban::fake_feishu::FakeFeishu;
use duban::feishu::crypto::EventCipher;

use crate::helpers::*;

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(data_dir: &std::path::Path, base_url: &str, port: u16) -> Child {
    start_with(data_dir, base_url, port, &[])
}

/// The real binary on `port`, with `extra` environment variables.
pub(crate) fn start_with(
    data_dir: &std::path::Path,
    base_url: &str,
    port: u16,
    extra: &[(&str, String)],
) -> Child {
    let mut env = env_for(data_dir, base_url);
    for (k, v) in extra {
        env.insert((*k).to_owned(), v.clone());
    }
    env.insert("DUBAN_LISTEN".into(), format!("127.0.0.1:{port}"));
    env.insert("DUBAN_LOG".into(), "warn".into());
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .arg("serve")
        .envs(env)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

pub(crate) async fn wait_healthy(http: &reqwest::Client, port: u16) {
    for _ in 0..200 {
        if let Ok(r) = http.get(format!("http://127.0.0.1:{port}/healthz")).send().await
            && r.status() == 200
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("duban did not come up");
}

#[tokio::test]
async fn after_sigkill_every_acknowledged_event_is_answered_exactly_once() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap();
    let http = reqwest::Client::new();
    let cipher = EventCipher::new(ENCRYPT_KEY);
    let port = free_port();
    let mut child = start(dir.path(), &fake.base_url, port);
    wait_healthy(&http, port).await;

    const N: usize = 40;
    let mut acked = Vec::new();
    let mut tasks = Vec::new();
    for i in 0..N {
        let ev = help_event(&format!("ev_crash_{i}"), &format!("om_crash_{i}"));
        register_user_message(&fake, &ev);
        let (body, headers) = seal(&cipher, &ev);
        let http = http.clone();
        tasks.push(tokio::spawn(async move {
            let mut req = http
                .post(format!("http://127.0.0.1:{port}/feishu/events"))
                .header("content-type", "application/json");
            for (k, v) in headers {
                req = req.header(k, v);
            }
            (
                i,
                req.body(body)
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
                    .unwrap_or(0),
            )
        }));
    }
    for t in tasks {
        let (i, status) = t.await.unwrap();
        if status == 200 {
            acked.push(format!("om_crash_{i}"));
        }
    }
    child.kill().unwrap(); // SIGKILL: no destructors, no flush
    child.wait().unwrap();
    assert_eq!(acked.len(), N, "all events must be acknowledged before the kill");

    let mut child = start(dir.path(), &fake.base_url, port);
    wait_healthy(&http, port).await;
    fake.wait_for_messages(N, Duration::from_secs(30)).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let mut per_parent: HashMap<String, usize> = HashMap::new();
    for m in fake.messages() {
        *per_parent
            .entry(m.parent_id.clone().unwrap_or_default())
            .or_default() += 1;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    for mid in &acked {
        assert_eq!(
            per_parent.get(mid),
            Some(&1),
            "reply to {mid} must arrive exactly once: {per_parent:?}"
        );
    }
    assert_eq!(fake.messages().len(), N);
}

/// Posts one sealed push; its status (0 when the connection failed, e.g. the server died).
async fn post(http: &reqwest::Client, port: u16, cipher: &EventCipher, ev: &serde_json::Value) -> u16 {
    let (body, headers) = seal(cipher, ev);
    let mut req = http
        .post(format!("http://127.0.0.1:{port}/feishu/events"))
        .header("content-type", "application/json");
    for (k, v) in headers {
        req = req.header(k, v);
    }
    req.body(body)
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

/// The `i`-th item-creating message, under event id `ev_<tag>_<i>`: a command with a durable
/// effect that is not idempotent (each processing would number a new item), unlike a help reply
/// whose repeat Feishu's `uuid` de-duplication would hide.
fn create_event(tag: &str, i: usize) -> serde_json::Value {
    message_event(
        &format!("ev_{tag}_{i}"),
        &format!("om_create_{i}"),
        CHAT,
        "group",
        BOSS.0,
        &format!("@_user_1 /督办 崩溃测试事项{i} @_user_2 下周五前"),
        &[BOT, ZHANG],
        None,
    )
}

/// Item titles in the store of `dir` (the server stopped), with how often each occurs.
fn titles(dir: &std::path::Path) -> HashMap<String, usize> {
    let mut store = None;
    for _ in 0..100 {
        match duban::store::testing::open_for_test(dir) {
            Ok(s) => {
                store = Some(s);
                break;
            }
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    let mut out = HashMap::new();
    for item in store.expect("store opens").all_items().unwrap() {
        *out.entry(item.title).or_default() += 1;
    }
    out
}

/// Waits until every one of the `n` create messages has its reply (processing done).
async fn wait_all_replied(fake: &FakeFeishu, n: usize) {
    for _ in 0..600 {
        let replied = fake
            .messages()
            .iter()
            .filter_map(|m| m.parent_id.clone())
            .collect::<std::collections::HashSet<_>>();
        if (0..n).all(|i| replied.contains(&format!("om_create_{i}"))) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("not every message was answered");
}

/// When to SIGKILL the server during the first delivery.
#[derive(Clone, Copy)]
enum KillWhen {
    /// As soon as the first push was acknowledged: the others are between the inbox write and
    /// their 200 (or not yet written).
    FirstAcknowledged,
    /// As soon as the first reply reached Feishu: the worker is processing, its commits
    /// (effects + `seen` records + removal of the inbox entry) in flight.
    FirstReplied,
}

/// Delivers `n` item-creating messages, SIGKILLs the server at `when`, restarts it and delivers
/// everything again as Feishu would (the unacknowledged ones are retried; acknowledged ones
/// may be repeated under the same event id, or the same message under a new event id): every
/// message creates exactly one item.
async fn kill_and_redeliver(when: KillWhen) {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap();
    let http = reqwest::Client::new();
    let cipher = EventCipher::new(ENCRYPT_KEY);
    let port = free_port();
    let mut child = start(dir.path(), &fake.base_url, port);
    wait_healthy(&http, port).await;

    const N: usize = 40;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    for i in 0..N {
        let ev = create_event("first", i);
        register_user_message(&fake, &ev);
        let (http, cipher, tx) = (http.clone(), cipher.clone(), tx.clone());
        tokio::spawn(async move {
            let _ = tx.send(post(&http, port, &cipher, &ev).await);
        });
    }
    drop(tx);
    match when {
        KillWhen::FirstAcknowledged => while rx.recv().await.is_some_and(|s| s != 200) {},
        KillWhen::FirstReplied => {
            while fake.messages().is_empty() {
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
        }
    }
    child.kill().unwrap(); // SIGKILL: no destructors, no flush
    child.wait().unwrap();
    let mut acked = 0;
    while let Some(s) = rx.recv().await {
        acked += usize::from(s == 200);
    }

    let mut child = start(dir.path(), &fake.base_url, port);
    wait_healthy(&http, port).await;
    for i in 0..N {
        assert_eq!(post(&http, port, &cipher, &create_event("first", i)).await, 200);
        assert_eq!(post(&http, port, &cipher, &create_event("again", i)).await, 200);
    }
    wait_all_replied(&fake, N).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    child.kill().unwrap();
    child.wait().unwrap();
    let titles = titles(dir.path());
    for i in 0..N {
        assert_eq!(
            titles.get(&format!("崩溃测试事项{i}")),
            Some(&1),
            "message {i} must create exactly one item ({acked} of {N} acknowledged before the kill): {titles:?}"
        );
    }
    assert_eq!(titles.len(), N);
}

#[tokio::test]
async fn a_kill_between_inbox_writes_and_their_200_loses_nothing_and_doubles_nothing() {
    kill_and_redeliver(KillWhen::FirstAcknowledged).await;
}

#[tokio::test]
async fn a_kill_while_events_are_processed_loses_nothing_and_doubles_nothing() {
    kill_and_redeliver(KillWhen::FirstReplied).await;
}

/// De-duplication across a restart: every message processed, the server killed and started
/// again; Feishu's repeats (same event id, or the same message under a new event id) are
/// recognised without creating anything.
#[tokio::test]
async fn repeats_after_a_restart_are_recognised() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap();
    let http = reqwest::Client::new();
    let cipher = EventCipher::new(ENCRYPT_KEY);
    let port = free_port();
    const N: usize = 10;
    let mut child = start(dir.path(), &fake.base_url, port);
    wait_healthy(&http, port).await;
    for i in 0..N {
        let ev = create_event("first", i);
        register_user_message(&fake, &ev);
        assert_eq!(post(&http, port, &cipher, &ev).await, 200);
    }
    wait_all_replied(&fake, N).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    child.kill().unwrap();
    child.wait().unwrap();
    let replies = |fake: &FakeFeishu| {
        fake.messages()
            .into_iter()
            .filter(|m| m.parent_id.is_some())
            .count()
    };
    let sent = replies(&fake);

    let mut child = start(dir.path(), &fake.base_url, port);
    wait_healthy(&http, port).await;
    for i in 0..N {
        assert_eq!(post(&http, port, &cipher, &create_event("first", i)).await, 200);
        assert_eq!(post(&http, port, &cipher, &create_event("retry", i)).await, 200);
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(replies(&fake), sent, "no message was answered again");
    let titles = titles(dir.path());
    assert_eq!(titles.len(), N);
    assert!(titles.values().all(|&n| n == 1), "{titles:?}");
}

/// The events one flush covers are one inbox record, which leaves the inbox with its last
/// event; each earlier event's keys are committed with its effects. Stopped part-way through a
/// record — here its first event recorded processed, as a commit just before a crash leaves it —
/// duban skips that event after the restart and processes the others once.
#[tokio::test]
async fn an_event_processed_before_a_restart_is_skipped_in_its_record() {
    init();
    let dir = tempfile::tempdir().unwrap();
    if duban::store::testing::database_for(dir.path()).is_some() {
        return; // PostgreSQL stores each event on its own
    }
    let fake = std::sync::Arc::new(FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap());
    let now = reference_now().as_millisecond();
    {
        let store = duban::store::testing::open_for_test(dir.path()).unwrap();
        for i in 0..3 {
            let ev = create_event("rec", i);
            register_user_message(&fake, &ev);
            let raw = ev.to_string();
            let head = duban::feishu::event::peek_v2(raw.as_bytes()).unwrap();
            let keys = duban::worker::dedup_keys(&head);
            let admitted = store
                .admit_async(duban::store::inbox::Payload::Push(raw.as_bytes()), &keys, now)
                .await
                .unwrap();
            assert!(matches!(admitted, duban::store::inbox::Admission::New(_)));
        }
        store.durable().await.unwrap();
        let waiting = store.inbox_pending(None, 10).unwrap();
        assert_eq!(
            (waiting.len(), waiting[2].seq - waiting[0].seq),
            (3, 2),
            "three events, in order"
        );
        let mut ch = duban::store::outbox::Changes::new();
        ch.inbox_done(&store, waiting[0].seq, &waiting[0].keys, now);
        store.commit(&ch).unwrap();
        store.durable().await.unwrap();
    }
    duban::store::backup::wait_unlocked(dir.path());
    let app = start_on(dir.path(), fake.clone(), |_| {}).await;
    assert!(eventually(|| app.store.inbox_len() == 0).await);
    let (data_dir, fake) = (app.data_dir.clone(), app.fake.clone());
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.stop().await;
    let titles = titles(&data_dir);
    assert_eq!(
        titles,
        HashMap::from([("崩溃测试事项1".to_owned(), 1), ("崩溃测试事项2".to_owned(), 1)]),
        "the first event was processed before the restart (here: with no effect)"
    );
    assert_eq!(
        fake.messages()
            .iter()
            .filter(|m| m.parent_id.as_deref() == Some("om_create_0"))
            .count(),
        0
    );
}
