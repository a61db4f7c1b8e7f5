//! Issue 15: the long connection (长连接). duban dials the fake Feishu's WebSocket, which pushes
//! events and card callbacks as Feishu does (pbbp2 frames encoded by the fake's own codec) and
//! checks what comes back: pings, acknowledgements, Close frames.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use duban::config::EventsMode;
use duban::fake_feishu::{AckRecord, FakeFeishu, SERVICE_ID};
use serde_json::{Value, json};

use crate::helpers::*;

const CREATE: &str = "@_user_1 /督办 完成三季度合规自查报告 @_user_2 @_user_3 下周五前 P1 #合规";

struct LcApp {
    app: TestApp,
    _dir: tempfile::TempDir,
}

/// duban in long-connection mode against a fake whose ClientConfig is (ping, reconnect
/// interval, nonce) seconds.
async fn spawn_lc(ping: u64, interval: u64, nonce: u64) -> LcApp {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap());
    fake.state().ws_set_config(ping, interval, nonce, -1);
    let app = start_on(dir.path(), fake, |s| s.feishu.events = EventsMode::LongConnection).await;
    assert!(
        until(20, || app.fake.state().ws_open() == 1).await,
        "duban connects"
    );
    LcApp { app, _dir: dir }
}

async fn until(secs: u64, mut f: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < deadline {
        if f() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    f()
}

/// Pushes a plaintext event over the long connection (its message registered in the fake).
fn push(fake: &FakeFeishu, ev: &Value) -> String {
    register_user_message(fake, ev);
    fake.state().ws_push(ev)
}

fn said(id: &str, from: &str, text: &str, mentions: &[(&str, &str)]) -> Value {
    message_event(
        &format!("ev_{id}"),
        &format!("om_{id}"),
        CHAT,
        "group",
        from,
        text,
        mentions,
        None,
    )
}

/// The acknowledgement of a pushed message (waits for it).
async fn ack_of(fake: &FakeFeishu, message_id: &str) -> AckRecord {
    let find = || {
        fake.state()
            .ws_acks()
            .into_iter()
            .find(|a| a.frame.header("message_id") == Some(message_id))
    };
    assert!(until(20, || find().is_some()).await, "no ACK for {message_id}");
    find().unwrap()
}

async fn readyz(app: &TestApp) -> (u16, Value) {
    let r = app.http.get(format!("{}/readyz", app.base)).send().await.unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn events_and_card_callbacks_travel_over_the_long_connection_and_the_answer_rides_the_ack() {
    let LcApp { app, _dir } = spawn_lc(120, 1, 1).await;
    let fake = app.fake.clone();
    // Connected: ready, and the webhook routes are not served in this mode.
    assert!(until(10, || !fake.state().ws_pings().is_empty()).await);
    let ping = &fake.state().ws_pings()[0];
    assert_eq!(ping.service, SERVICE_ID, "the ping carries the URL's service_id");
    let (status, body) = readyz(&app).await;
    assert_eq!(
        (status, body["long_connection"].as_str()),
        (200, Some("connected")),
        "{body}"
    );
    let r = app.post_raw("/feishu/events", "{}".into(), &[]).await;
    assert_eq!(r.status(), 404);

    // A command creates DB-1; its card is posted; the push is acknowledged with code 200.
    let mid = push(&fake, &said("create", BOSS.0, CREATE, &[BOT, ZHANG, LI]));
    let msgs = fake.wait_for_messages(1, Duration::from_secs(20)).await;
    assert_eq!(msgs.len(), 1, "the item card is posted");
    let card_mid = msgs[0].message_id.clone();
    let ack = ack_of(&fake, &mid).await;
    assert_eq!(ack.body, json!({"code": 200}));
    assert_eq!((ack.frame.service, ack.frame.method), (SERVICE_ID, 1));
    assert!(
        ack.frame
            .header("biz_rt")
            .and_then(|v| v.parse::<u64>().ok())
            .is_some()
    );
    assert_eq!(ack.frame.header("type"), Some("event"));
    assert!(
        ack.frame
            .log_id_new
            .as_deref()
            .is_some_and(|l| l.starts_with("log-"))
    );
    assert!(
        until(20, || app
            .store
            .item_card(duban::domain::ids::ItemId(1))
            .ok()
            .flatten()
            .is_some())
        .await
    );

    // The 主办 clicks 签收: the toast and the updated card travel back in the ACK frame.
    let click = card_action_event(
        "ev_click_1",
        ZHANG.0,
        &card_mid,
        app.drawn_now(json!({"op":"acknowledge","item":1})),
        None,
    );
    let cmid = push(&fake, &click);
    let ack = ack_of(&fake, &cmid).await;
    assert_eq!(ack.body["code"], 200);
    let answer = ack.data.clone().expect("a card callback's answer is in data");
    assert_eq!(answer["toast"]["type"], "success", "{answer}");
    assert!(answer["card"]["data"].to_string().contains("进行中"), "{answer}");
    assert!(until(20, || !fake.message(&card_mid).unwrap().patches.is_empty()).await);

    // Metrics show the connection and its frames.
    let m = app.metrics_page().await;
    assert!(m.contains("duban_longconn_connected"), "{m}");
    assert!(m.contains("duban_longconn_frames_total"), "{m}");

    // Shutdown closes the connection cleanly (a Close frame reaches Feishu).
    app.stop().await;
    assert!(until(10, || fake.state().ws_client_closes() == 1).await);
}

#[tokio::test]
async fn a_fragmented_payload_is_reassembled_out_of_order_and_acknowledged_once() {
    let LcApp { app, _dir } = spawn_lc(120, 1, 1).await;
    let fake = app.fake.clone();
    let ev = said("frag", BOSS.0, CREATE, &[BOT, ZHANG, LI]);
    register_user_message(&fake, &ev);
    let mid = fake.state().ws_push_fragmented(&ev, 3, &[2, 0, 1]);
    let msgs = fake.wait_for_messages(1, Duration::from_secs(20)).await;
    assert_eq!(msgs.len(), 1);
    let ack = ack_of(&fake, &mid).await;
    // The ACK echoes the fragment that completed the set (seq 1), and only that one.
    assert_eq!(ack.frame.header("seq"), Some("1"));
    assert_eq!(ack.frame.header("sum"), Some("3"));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let acks: Vec<_> = fake
        .state()
        .ws_acks()
        .into_iter()
        .filter(|a| a.frame.header("message_id") == Some(mid.as_str()))
        .collect();
    assert_eq!(acks.len(), 1);
    assert_eq!(fake.messages().len(), 1, "processed once");
    app.stop().await;
}

#[tokio::test]
async fn pings_follow_the_interval_a_pong_sets() {
    let LcApp { app, _dir } = spawn_lc(1, 1, 1).await;
    let fake = app.fake.clone();
    // One ping at once, then one a second.
    assert!(until(20, || fake.state().ws_pings().len() >= 3).await);
    // The next pong carries PingInterval 3: from then on pings are three seconds apart.
    fake.state().ws_set_config(3, 1, 1, -1);
    let changed_at = fake.state().ws_pings().len();
    assert!(until(30, || fake.state().ws_pings().len() >= changed_at + 3).await);
    let pings = fake.state().ws_pings();
    let fast = pings[1].at - pings[0].at;
    assert!(fast < Duration::from_millis(2500), "{fast:?}");
    let gaps: Vec<Duration> = pings[changed_at..]
        .windows(2)
        .map(|w| w[1].at - w[0].at)
        .collect();
    assert!(
        gaps.iter().all(|g| *g >= Duration::from_millis(2700)),
        "pings after the change: {gaps:?}"
    );
    assert!(pings.iter().all(|p| p.service == SERVICE_ID && p.conn == 1));
    app.stop().await;
}

#[tokio::test]
async fn a_server_close_is_followed_by_a_reconnect_with_a_fresh_url_and_readiness_follows() {
    let LcApp { app, _dir } = spawn_lc(120, 1, 1).await;
    let fake = app.fake.clone();
    assert_eq!(readyz(&app).await.0, 200);
    // Feishu is busy once and refuses two upgrades: duban keeps trying, not ready meanwhile.
    fake.state().ws_fail_endpoint(&[(1, "system busy")]);
    fake.state().ws_refuse_handshakes(&[(514, 1), (500, 0)]);
    let closed_at = Instant::now();
    fake.state().ws_close_all(1000, "server restarting");
    assert!(until(10, || fake.state().ws_open() == 0).await);
    let (status, body) = readyz(&app).await;
    assert_eq!(status, 503, "{body}");
    assert!(
        body["long_connection"]
            .as_str()
            .is_some_and(|s| s.starts_with("disconnected")),
        "{body}"
    );
    assert!(until(30, || fake.state().ws_open() == 1).await, "reconnected");
    // Jitter below ReconnectNonce (1 s) for the first attempt, then ReconnectInterval (1 s)
    // between the three that followed.
    let took = closed_at.elapsed();
    assert!(took >= Duration::from_millis(2900), "reconnected after {took:?}");
    // A fresh URL for each attempt: the first, the busy one, the two refused, the last.
    assert_eq!(fake.state().ws_endpoint_requests(), 5);
    assert_eq!(fake.state().ws_connections(), 2);
    assert!(until(10, || fake.state().ws_pings().iter().any(|p| p.conn == 2)).await);
    assert_eq!(readyz(&app).await.0, 200);
    let m = app.metrics_page().await;
    // (The metrics registry is shared by every app in this test process: at least one.)
    assert!(m.contains("duban_longconn_reconnects_total"), "{m}");
    // Events flow on the new connection.
    push(&fake, &said("after", ZHANG.0, "@_user_1 /督办 帮助", &[BOT]));
    assert_eq!(fake.wait_for_messages(1, Duration::from_secs(20)).await.len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn an_unacknowledged_push_is_redelivered_and_processed_once() {
    let LcApp { app, _dir } = spawn_lc(120, 1, 1).await;
    let fake = app.fake.clone();
    fake.state().ws_set_redeliver_after(Duration::from_millis(700));
    fake.state().ws_lose_next_acks(1);
    let mid = push(&fake, &said("lost", ZHANG.0, "@_user_1 /督办 帮助", &[BOT]));
    assert!(until(20, || fake.state().ws_delivery(&mid) == Some((2, true))).await);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let acks = fake.state().ws_acks();
    assert_eq!(
        acks.iter()
            .filter(|a| a.frame.header("message_id") == Some(mid.as_str()))
            .count(),
        2
    );
    assert_eq!(
        fake.messages().len(),
        1,
        "the re-push is recognised as a duplicate"
    );
    app.stop().await;
}

#[tokio::test]
async fn bad_frames_are_logged_and_skipped_without_dropping_the_connection() {
    let LcApp { app, _dir } = spawn_lc(120, 1, 1).await;
    let fake = app.fake.clone();
    let s = fake.state();
    s.ws_send_raw(&[0xff, 0xff, 0xff]); // undecodable
    s.ws_send_text("hello"); // text, not binary
    s.ws_send_frame(&[("type", "event")], b"{}"); // no message_id/sum/seq
    s.ws_send_frame(
        &[
            ("type", "mystery"),
            ("message_id", "m_x"),
            ("sum", "1"),
            ("seq", "0"),
        ],
        b"{}",
    );
    s.ws_send_frame(
        &[
            ("type", "event"),
            ("message_id", "m_junk"),
            ("sum", "1"),
            ("seq", "0"),
        ],
        b"not json",
    );
    s.ws_send_frame(
        &[
            ("type", "event"),
            ("message_id", "m_big"),
            ("sum", "2"),
            ("seq", "5"),
        ],
        b"{}",
    );
    // The connection survives and the next good event is handled.
    push(&fake, &said("good", ZHANG.0, "@_user_1 /督办 帮助", &[BOT]));
    assert_eq!(fake.wait_for_messages(1, Duration::from_secs(20)).await.len(), 1);
    assert_eq!(fake.state().ws_connections(), 1, "never reconnected");
    // An unknown type and an unreadable event are acknowledged (a re-push would not help). The
    // acknowledgements travel on their own: wait for them rather than race the good event's reply.
    let acked_ids = || -> Vec<String> {
        fake.state()
            .ws_acks()
            .iter()
            .filter_map(|a| a.frame.header("message_id").map(str::to_owned))
            .collect()
    };
    eventually(|| {
        let a = acked_ids();
        a.contains(&"m_x".to_owned()) && a.contains(&"m_junk".to_owned())
    })
    .await;
    let acked = acked_ids();
    assert!(
        acked.contains(&"m_x".to_owned()) && acked.contains(&"m_junk".to_owned()),
        "{acked:?}"
    );
    assert!(!acked.contains(&"m_big".to_owned()));
    let m = app.metrics_page().await;
    let bad = m
        .lines()
        .find(|l| l.starts_with("duban_longconn_bad_frames_total"))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(0.0);
    assert!(bad >= 6.0, "{m}");
    app.stop().await;
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_child(data_dir: &std::path::Path, base_url: &str, port: u16) -> Child {
    let mut env = env_for(data_dir, base_url);
    env.insert("DUBAN_LISTEN".into(), format!("127.0.0.1:{port}"));
    env.insert("DUBAN_LOG".into(), "error".into());
    env.insert("DUBAN_EVENTS".into(), "long-connection".into());
    env.remove("FEISHU_VERIFICATION_TOKEN");
    env.remove("FEISHU_ENCRYPT_KEY");
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .arg("serve")
        .envs(env)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

#[tokio::test]
async fn kill_9_between_receipt_and_acknowledgement_loses_nothing_and_processes_each_event_once() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap();
    fake.state().ws_set_config(120, 1, 1, -1);
    fake.state().ws_set_redeliver_after(Duration::from_secs(2));
    // The first acknowledgements "never arrive": those events are durable in duban but
    // unacknowledged at Feishu when duban dies, exactly the window between receipt and ACK.
    fake.state().ws_lose_next_acks(5);
    let port = free_port();
    let mut child = start_child(dir.path(), &fake.base_url, port);
    assert!(until(30, || fake.state().ws_open() == 1).await, "duban connects");

    const N: usize = 30;
    let mut mids = Vec::new();
    for i in 0..N {
        let ev = said(&format!("crash_{i}"), ZHANG.0, "@_user_1 /督办 帮助", &[BOT]);
        mids.push((push(&fake, &ev), format!("om_crash_{i}")));
    }
    // Kill as soon as some events were received and acknowledged, mid-stream.
    assert!(until(30, || fake.state().ws_acks().len() >= 8).await);
    child.kill().unwrap(); // SIGKILL: no destructors, no flush, no Close frame
    child.wait().unwrap();
    assert!(!fake.state().ws_all_acked(), "killed with pushes unacknowledged");

    let mut child = start_child(dir.path(), &fake.base_url, port);
    let all = until(60, || fake.state().ws_all_acked()).await;
    fake.wait_for_messages(N, Duration::from_secs(30)).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(all, "every push is acknowledged in the end");
    assert_eq!(fake.state().ws_client_closes(), 0, "the kill sent no Close frame");
    let mut per_parent: HashMap<String, usize> = HashMap::new();
    for m in fake.messages() {
        *per_parent
            .entry(m.parent_id.clone().unwrap_or_default())
            .or_default() += 1;
    }
    for (_, om) in &mids {
        assert_eq!(
            per_parent.get(om),
            Some(&1),
            "reply to {om} exactly once: {per_parent:?}"
        );
    }
    // The events whose ACK was lost were pushed again and recognised as duplicates.
    let acks = fake.state().ws_acks();
    let lost: Vec<&AckRecord> = acks.iter().filter(|a| a.lost).collect();
    assert_eq!(lost.len(), 5);
    for a in lost {
        let mid = a.frame.header("message_id").unwrap();
        let (deliveries, acked) = fake.state().ws_delivery(mid).unwrap();
        assert!(deliveries >= 2 && acked, "{mid}: {deliveries} deliveries");
    }
    assert_eq!(fake.messages().len(), N);
}

#[tokio::test]
async fn wrong_credentials_are_reported_as_refused_and_not_hammered() {
    init();
    let dir = tempfile::tempdir().unwrap();
    // The fake knows another secret: Feishu refuses the endpoint request (a client error).
    let fake = Arc::new(FakeFeishu::start(APP_ID, "another-secret").await.unwrap());
    fake.state().ws_set_config(120, 1, 0, -1);
    let app = start_on(dir.path(), fake.clone(), |s| {
        s.feishu.events = EventsMode::LongConnection
    })
    .await;
    assert!(until(10, || fake.state().ws_endpoint_requests() == 1).await);
    let (status, body) = readyz(&app).await;
    assert_eq!(status, 503);
    assert!(
        body["long_connection"]
            .as_str()
            .is_some_and(|s| s.starts_with("refused") && s.contains("FEISHU_APP_SECRET")),
        "{body}"
    );
    // Retrying cannot help without an operator: no new attempt within the reconnect interval.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(fake.state().ws_endpoint_requests(), 1);
    assert_eq!(fake.state().ws_connections(), 0);
    app.stop().await;
}

/// A minimal HTTP CONNECT proxy on loopback; returns its URL and the targets it tunnelled to.
async fn connect_proxy() -> (String, Arc<std::sync::Mutex<Vec<String>>>) {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let log = log.clone();
            tokio::spawn(async move {
                let mut head = Vec::new();
                while !head.ends_with(b"\r\n\r\n") {
                    head.push(client.read_u8().await.unwrap());
                }
                let head = String::from_utf8(head).unwrap();
                let target = head.split_whitespace().nth(1).unwrap().to_owned();
                assert!(head.starts_with("CONNECT "), "{head}");
                log.lock().unwrap().push(target.clone());
                let mut upstream = tokio::net::TcpStream::connect(&target).await.unwrap();
                client
                    .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    .await
                    .unwrap();
                let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
            });
        }
    });
    (url, seen)
}

#[tokio::test]
async fn the_websocket_goes_through_the_firms_http_proxy_when_one_is_set() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap());
    fake.state().ws_set_config(120, 1, 1, -1);
    let (proxy, tunnels) = connect_proxy().await;
    let app = start_on(dir.path(), fake.clone(), |s| {
        s.feishu.events = EventsMode::LongConnection;
        s.feishu.proxy = Some(proxy);
    })
    .await;
    assert!(
        until(20, || fake.state().ws_open() == 1).await,
        "connected through the proxy"
    );
    let host = fake.base_url.trim_start_matches("http://").to_owned();
    assert_eq!(tunnels.lock().unwrap().clone(), vec![host]);
    push(&fake, &said("proxied", ZHANG.0, "@_user_1 /督办 帮助", &[BOT]));
    assert_eq!(fake.wait_for_messages(1, Duration::from_secs(20)).await.len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_card_callback_pushed_again_after_a_lost_ack_is_answered_as_before_not_done_twice() {
    let LcApp { app, _dir } = spawn_lc(120, 1, 1).await;
    let fake = app.fake.clone();
    fake.state().ws_set_redeliver_after(Duration::from_millis(700));
    push(&fake, &said("create2", BOSS.0, CREATE, &[BOT, ZHANG, LI]));
    let card_mid = fake.wait_for_messages(1, Duration::from_secs(20)).await[0]
        .message_id
        .clone();
    assert!(
        until(20, || app
            .store
            .item_card(duban::domain::ids::ItemId(1))
            .ok()
            .flatten()
            .is_some())
        .await
    );
    fake.state().ws_lose_next_acks(1);
    let click = card_action_event(
        "ev_click_again",
        ZHANG.0,
        &card_mid,
        app.drawn_now(json!({"op":"acknowledge","item":1})),
        None,
    );
    let cmid = push(&fake, &click);
    assert!(until(20, || fake.state().ws_delivery(&cmid) == Some((2, true))).await);
    let acks: Vec<AckRecord> = fake
        .state()
        .ws_acks()
        .into_iter()
        .filter(|a| a.frame.header("message_id") == Some(cmid.as_str()))
        .collect();
    assert_eq!(acks.len(), 2);
    assert_eq!(acks[0].data, acks[1].data, "the same answer both times");
    assert_eq!(acks[1].data.as_ref().unwrap()["toast"]["type"], "success");
    let history = app.store.audit_of(duban::domain::ids::ItemId(1)).unwrap();
    assert_eq!(history.len(), 2, "created, acknowledged once: {history:?}");
    app.stop().await;
}
