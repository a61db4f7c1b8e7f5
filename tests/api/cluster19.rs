//! Several instances on one PostgreSQL: leader lease, shared inbox, failover (issue 19).
//!
//! Two real `duban` processes (the binary, as `crash.rs` starts one) on one fresh database,
//! both talking to one fake Feishu. Skipped, with a note, when `DUBAN_TEST_DATABASE_URL` (an
//! admin URL; each test creates and drops its own database) is unset.
//!
//! "Exactly once" is checked on what Feishu shows and on the item numbers: every create
//! command is answered by a card naming its item `DB-n`; an event processed twice would take
//! a second number (its reply is hidden by Feishu's `uuid` de-duplication), so the numbers
//! answered must be exactly 1..=N and a last command, sent after everything, must get N + 1.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Child;
use std::time::{Duration, Instant};

use duban::fake_feishu::{FakeFeishu, FakeMessage};
use duban::feishu::crypto::EventCipher;
use duban::store::testing::with_database;
use serde_json::{Value, json};

use crate::crash::{free_port, start_with, wait_healthy};
use crate::helpers::*;

/// A fresh database; dropped (forcibly) at the end.
struct TestDb {
    admin: String,
    name: String,
    url: String,
}

impl TestDb {
    async fn create() -> Option<Self> {
        let Ok(admin) = std::env::var("DUBAN_TEST_DATABASE_URL") else {
            println!("skipped: DUBAN_TEST_DATABASE_URL is not set (an admin URL of a PostgreSQL to test on)");
            return None;
        };
        let name = format!("pgha_c19_{:08x}", rand::random::<u32>());
        admin_sql(&admin, &format!("CREATE DATABASE {name}")).await;
        let url = with_database(&admin, &name);
        Some(Self { admin, name, url })
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let (admin, sql) = (
            self.admin.clone(),
            format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(admin_sql(&admin, &sql));
        })
        .join();
    }
}

async fn admin_sql(admin: &str, sql: &str) {
    let (client, conn) = tokio_postgres::connect(admin, tokio_postgres::NoTls)
        .await
        .unwrap();
    let driver = tokio::spawn(conn);
    client.batch_execute(sql).await.unwrap();
    drop(client);
    let _ = driver.await;
}

/// One duban process of the cluster.
struct Node {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Node {
    fn start(db: &TestDb, fake: &FakeFeishu, now: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let child = start_with(
            dir.path(),
            &fake.base_url,
            port,
            &[
                ("DUBAN_DATABASE_URL", db.url.clone()),
                ("DUBAN_VIRTUAL_CLOCK", now.to_owned()),
            ],
        );
        Self {
            child,
            port,
            _dir: dir,
        }
    }

    fn kill(&mut self) {
        self.child.kill().unwrap(); // SIGKILL: no destructors, the socket just closes
        self.child.wait().unwrap();
    }

    async fn readyz(&self, http: &reqwest::Client) -> Value {
        match http
            .get(format!("http://127.0.0.1:{}/readyz", self.port))
            .send()
            .await
        {
            Ok(r) => r.json().await.unwrap_or(Value::Null),
            Err(_) => Value::Null,
        }
    }

    async fn is_leader(&self, http: &reqwest::Client) -> bool {
        self.readyz(http).await["role"] == "leader"
    }

    async fn set_clock(&self, http: &reqwest::Client, at: &str) {
        let r = http
            .post(format!("http://127.0.0.1:{}/debug/clock", self.port))
            .json(&json!({ "set": at }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Two nodes on `db`; waits until both serve and one of them leads. Returns them leader first.
async fn cluster(db: &TestDb, fake: &FakeFeishu, http: &reqwest::Client, now: &str) -> (Node, Node) {
    let a = Node::start(db, fake, now);
    let b = Node::start(db, fake, now);
    wait_healthy(http, a.port).await;
    wait_healthy(http, b.port).await;
    let t0 = Instant::now();
    loop {
        let (la, lb) = (a.is_leader(http).await, b.is_leader(http).await);
        assert!(!(la && lb), "two leaders at once");
        if la {
            return (a, b);
        }
        if lb {
            return (b, a);
        }
        assert!(t0.elapsed() < Duration::from_secs(15), "no leader after 15 s");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Posts one sealed push to `port`; its status (0 when the connection failed).
/// Two instances on a fresh database, the fake Feishu they talk to, and a client. `_db` must
/// outlive the instances: bind it (dropping it drops the database).
struct Rig {
    _db: TestDb,
    fake: FakeFeishu,
    http: reqwest::Client,
    cipher: EventCipher,
    leader: Node,
    follower: Node,
}

impl Rig {
    async fn start() -> Option<Self> {
        let db = TestDb::create().await?;
        let fake = FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap();
        let http = reqwest::Client::new();
        let (leader, follower) = cluster(&db, &fake, &http, START).await;
        Some(Self {
            _db: db,
            fake,
            http,
            cipher: EventCipher::new(ENCRYPT_KEY),
            leader,
            follower,
        })
    }
}

async fn post(http: &reqwest::Client, port: u16, cipher: &EventCipher, ev: &Value) -> u16 {
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

/// The `i`-th create command (message `om_c19_<i>`), under event id `ev_<tag>_<i>`, with its
/// own 主办 `ou_c19_<i>` (so each gets a reminder card of its own).
fn create_event(tag: &str, i: usize) -> Value {
    let owner = format!("ou_c19_{i}");
    message_event(
        &format!("ev_{tag}_{i}"),
        &format!("om_c19_{i}"),
        CHAT,
        "group",
        BOSS.0,
        &format!("@_user_1 /督办 集群事项{i} @_user_2 下周五前"),
        &[BOT, (owner.as_str(), "主办")],
        None,
    )
}

/// The `DB-n` a message names first.
fn item_number(m: &FakeMessage) -> Option<u64> {
    let text = m.content.to_string();
    let at = text.find("DB-")? + 3;
    let digits: String = text[at..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Replies per command message `om_c19_<i>`, for `0..n`.
fn replies(fake: &FakeFeishu, n: usize) -> BTreeMap<usize, Vec<FakeMessage>> {
    let mut out: BTreeMap<usize, Vec<FakeMessage>> = (0..n).map(|i| (i, Vec::new())).collect();
    for m in fake.messages() {
        if let Some(i) = m
            .parent_id
            .as_deref()
            .and_then(|p| p.strip_prefix("om_c19_"))
            .and_then(|i| i.parse::<usize>().ok())
            && i < n
        {
            out.entry(i).or_default().push(m);
        }
    }
    out
}

async fn wait_all_replied(fake: &FakeFeishu, n: usize, limit: Duration) {
    let t0 = Instant::now();
    while replies(fake, n).values().any(Vec::is_empty) {
        assert!(
            t0.elapsed() < limit,
            "not every command was answered: {:?}",
            replies(fake, n)
                .iter()
                .filter(|(_, v)| v.is_empty())
                .map(|(i, _)| *i)
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Every one of the `n` commands answered once, with the numbers 1..=n; then one more command
/// (to `port`) gets n + 1: no event was processed twice, not even where Feishu hid the reply.
async fn check_exactly_once(
    fake: &FakeFeishu,
    http: &reqwest::Client,
    port: u16,
    cipher: &EventCipher,
    n: usize,
) {
    let all = replies(fake, n);
    let mut numbers = BTreeSet::new();
    for (i, r) in &all {
        assert_eq!(r.len(), 1, "command {i} answered {} times: {r:#?}", r.len());
        numbers.insert(item_number(&r[0]).unwrap_or_else(|| panic!("no DB-n in {:?}", r[0].content)));
    }
    let expected: BTreeSet<u64> = (1..=u64::try_from(n).unwrap()).collect();
    assert_eq!(numbers, expected, "item numbers taken");
    let last = create_event("last", n);
    register_user_message(fake, &last);
    assert_eq!(post(http, port, cipher, &last).await, 200);
    wait_all_replied(fake, n + 1, Duration::from_secs(20)).await;
    let r = replies(fake, n + 1).remove(&n).unwrap();
    assert_eq!(
        item_number(&r[0]),
        Some(u64::try_from(n).unwrap() + 1),
        "a number was taken twice"
    );
}

const START: &str = "2026-03-11T10:00:00+08:00";

/// `name value` from a Prometheus text page.
fn gauge(page: &str, name: &str) -> Option<f64> {
    page.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.trim().parse().ok())
}

/// One process: on sled no role in `/readyz` (nothing to choose); on PostgreSQL (the suite
/// run with `DUBAN_TEST_DATABASE_URL`) a sole instance takes the lease at once. Either way it
/// leads, and the inbox lag is shown.
#[tokio::test]
async fn a_single_process_leads() {
    let app = spawn_app().await;
    let clustered = std::env::var("DUBAN_TEST_DATABASE_URL").is_ok();
    let t0 = Instant::now();
    loop {
        let ready: Value = app
            .http
            .get(format!("{}/readyz", app.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(ready["store"], "ok");
        if !clustered {
            assert!(ready.get("role").is_none(), "{ready}");
            break;
        }
        if ready["role"] == "leader" {
            assert!(ready["epoch"].as_i64().unwrap() >= 1, "{ready}");
            break;
        }
        assert!(t0.elapsed() < Duration::from_secs(5), "{ready}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let page = app.metrics_page().await;
    // (gauges of the process: other tests' apps in this binary may set them too)
    assert!(gauge(&page, "duban_cluster_leader").is_some(), "{page}");
    assert!(gauge(&page, "duban_inbox_lag_seconds").is_some());
    if !clustered {
        assert_eq!(gauge(&page, "duban_cluster_leader"), Some(1.0), "{page}");
        assert_eq!(gauge(&page, "duban_cluster_epoch"), Some(0.0));
    }
    app.stop().await;
}

#[tokio::test]
async fn readyz_and_metrics_show_each_instances_role_and_the_epoch() {
    init();
    let Some(db) = TestDb::create().await else { return };
    let fake = FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap();
    let http = reqwest::Client::new();
    let (leader, follower) = cluster(&db, &fake, &http, START).await;
    let (l, f) = (leader.readyz(&http).await, follower.readyz(&http).await);
    assert_eq!(
        (l["role"].as_str(), f["role"].as_str()),
        (Some("leader"), Some("follower"))
    );
    assert!(l["epoch"].as_i64().unwrap() >= 1);
    // The follower reads the epoch and holder at its next try (every 2 s).
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let f = follower.readyz(&http).await;
    assert_eq!(f["epoch"], l["epoch"], "{f}");
    assert_eq!(f["leader"], l["instance"]);
    assert_eq!(f["store"], "ok");
    for (node, lead) in [(&leader, 1.0), (&follower, 0.0)] {
        let page = metrics_page_at(&http, &format!("http://127.0.0.1:{}", node.port)).await;
        assert_eq!(gauge(&page, "duban_cluster_leader"), Some(lead), "{page}");
        assert_eq!(gauge(&page, "duban_cluster_epoch"), l["epoch"].as_f64());
        assert!(gauge(&page, "duban_cluster_lease_age_seconds").unwrap() < 5.0);
        assert!(gauge(&page, "duban_inbox_lag_seconds").is_some());
    }
}

#[tokio::test]
async fn the_same_event_delivered_to_both_instances_is_processed_once() {
    init();
    let Some(rig) = Rig::start().await else { return };
    let Rig {
        _db,
        fake,
        http,
        cipher,
        leader,
        follower,
    } = rig;
    const N: usize = 10;
    for i in 0..N {
        let ev = create_event("both", i);
        register_user_message(&fake, &ev);
        // At once to both, as two connections or a load balancer's retry would.
        let (a, b) = tokio::join!(
            post(&http, leader.port, &cipher, &ev),
            post(&http, follower.port, &cipher, &ev)
        );
        assert_eq!((a, b), (200, 200));
        // The same message again under a new event id, to the follower.
        assert_eq!(
            post(&http, follower.port, &cipher, &create_event("again", i)).await,
            200
        );
    }
    wait_all_replied(&fake, N, Duration::from_secs(20)).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    check_exactly_once(&fake, &http, follower.port, &cipher, N).await;
}

#[tokio::test]
async fn a_burst_spread_over_both_instances_is_answered_exactly_once() {
    init();
    let Some(rig) = Rig::start().await else { return };
    let Rig {
        _db,
        fake,
        http,
        cipher,
        leader,
        follower,
    } = rig;
    const N: usize = 40;
    let mut tasks = Vec::new();
    for i in 0..N {
        let ev = create_event("burst", i);
        register_user_message(&fake, &ev);
        let port = if i % 2 == 0 { leader.port } else { follower.port };
        let (http, cipher) = (http.clone(), cipher.clone());
        tasks.push(tokio::spawn(async move { post(&http, port, &cipher, &ev).await }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 200);
    }
    let t0 = Instant::now();
    wait_all_replied(&fake, N, Duration::from_secs(30)).await;
    println!("40 commands over two instances answered in {:?}", t0.elapsed());
    tokio::time::sleep(Duration::from_millis(1000)).await;
    check_exactly_once(&fake, &http, leader.port, &cipher, N).await;
}

/// Waits until `node` leads; how long that took from `since`.
async fn takeover(node: &Node, http: &reqwest::Client, since: Instant) -> Duration {
    while !node.is_leader(http).await {
        assert!(
            since.elapsed() < Duration::from_secs(15),
            "no takeover within 15 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    since.elapsed()
}

#[tokio::test]
async fn killing_the_leader_during_a_burst_loses_nothing_doubles_nothing_and_the_other_takes_over() {
    init();
    let Some(rig) = Rig::start().await else { return };
    let Rig {
        _db,
        fake,
        http,
        cipher,
        mut leader,
        follower,
    } = rig;
    let epoch = follower.readyz(&http).await["epoch"].as_i64().unwrap();
    const N: usize = 40;
    let mut tasks = Vec::new();
    for i in 0..N {
        let ev = create_event("first", i);
        register_user_message(&fake, &ev);
        let port = if i % 2 == 0 { leader.port } else { follower.port };
        let (http, cipher) = (http.clone(), cipher.clone());
        tasks.push(tokio::spawn(async move { post(&http, port, &cipher, &ev).await }));
    }
    // Kill the leader as soon as it is processing (the first reply reached Feishu).
    let t0 = Instant::now();
    while fake.messages().iter().all(|m| m.parent_id.is_none()) {
        assert!(t0.elapsed() < Duration::from_secs(30), "nothing was answered");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    leader.kill();
    let killed = Instant::now();
    let mut acked = 0;
    for t in tasks {
        acked += usize::from(t.await.unwrap() == 200);
    }
    let took = takeover(&follower, &http, killed).await;
    println!("takeover after kill -9 of the leader during a burst: {took:?} ({acked} of {N} acknowledged)");
    assert!(follower.readyz(&http).await["epoch"].as_i64().unwrap() > epoch);
    // Feishu re-pushes what was not acknowledged, and may repeat the rest: all to the survivor.
    for i in 0..N {
        assert_eq!(
            post(&http, follower.port, &cipher, &create_event("first", i)).await,
            200
        );
        assert_eq!(
            post(&http, follower.port, &cipher, &create_event("retry", i)).await,
            200
        );
    }
    wait_all_replied(&fake, N, Duration::from_secs(30)).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    check_exactly_once(&fake, &http, follower.port, &cipher, N).await;
}

/// Reminders (【督办提醒】, each mentioning its item's 主办) for `ou_c19_<i>` sent after message
/// index `from`: owner index → count.
fn reminders(fake: &FakeFeishu, from: usize, n: usize) -> BTreeMap<usize, usize> {
    let mut out: BTreeMap<usize, usize> = (0..n).map(|i| (i, 0)).collect();
    for m in fake.messages().iter().skip(from) {
        let text = m.content.to_string().replace("\\\"", "\"");
        if !text.contains("督办提醒") {
            continue;
        }
        for i in 0..n {
            if text.contains(&format!("\"ou_c19_{i}\"")) {
                *out.entry(i).or_default() += 1;
            }
        }
    }
    out
}

/// Creates `n` items (one per 主办) through the cluster at [`START`]; the message index after
/// their replies.
async fn items(
    fake: &FakeFeishu,
    http: &reqwest::Client,
    cipher: &EventCipher,
    port: u16,
    n: usize,
) -> usize {
    for i in 0..n {
        let ev = create_event("item", i);
        register_user_message(fake, &ev);
        assert_eq!(post(http, port, cipher, &ev).await, 200);
    }
    wait_all_replied(fake, n, Duration::from_secs(30)).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    fake.messages().len()
}

/// 14:00:30 the same day: four working hours without 签收, every item's first reminder.
const ROUND: &str = "2026-03-11T14:00:30+08:00";

#[tokio::test]
async fn a_clock_jump_on_both_instances_sends_one_round_of_reminders() {
    init();
    let Some(rig) = Rig::start().await else { return };
    let Rig {
        _db,
        fake,
        http,
        cipher,
        leader,
        follower,
    } = rig;
    const N: usize = 8;
    let from = items(&fake, &http, &cipher, follower.port, N).await;
    // The follower's clock first: it must send nothing; then the leader's.
    follower.set_clock(&http, ROUND).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(
        reminders(&fake, from, N).values().all(|&c| c == 0),
        "a follower sent reminders"
    );
    leader.set_clock(&http, ROUND).await;
    let t0 = Instant::now();
    while reminders(&fake, from, N).values().any(|&c| c == 0) {
        assert!(
            t0.elapsed() < Duration::from_secs(20),
            "{:?}: {:#?}",
            reminders(&fake, from, N),
            fake.messages()
                .iter()
                .skip(from.saturating_sub(1))
                .map(|m| (
                    m.parent_id.clone(),
                    m.content.to_string().chars().take(600).collect::<String>()
                ))
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(2000)).await;
    let seen = reminders(&fake, from, N);
    assert!(
        seen.values().all(|&c| c == 1),
        "each 主办 reminded once: {seen:?}"
    );
}

#[tokio::test]
async fn killing_the_leader_during_a_reminder_round_reminds_everyone_once() {
    init();
    let Some(rig) = Rig::start().await else { return };
    let Rig {
        _db,
        fake,
        http,
        cipher,
        mut leader,
        follower,
    } = rig;
    // More cards than the chat's 5 per second: the round takes seconds, room for the kill.
    const N: usize = 16;
    let from = items(&fake, &http, &cipher, leader.port, N).await;
    follower.set_clock(&http, ROUND).await;
    leader.set_clock(&http, ROUND).await;
    let t0 = Instant::now();
    while reminders(&fake, from, N).values().all(|&c| c == 0) {
        assert!(
            t0.elapsed() < Duration::from_secs(30),
            "no reminder was sent: {:#?}",
            &fake.messages()[from..]
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    leader.kill();
    let killed = Instant::now();
    let sent_before = reminders(&fake, from, N).values().filter(|&&c| c > 0).count();
    let took = takeover(&follower, &http, killed).await;
    println!(
        "takeover after kill -9 of the leader during a reminder round: {took:?} ({sent_before} of {N} reminders sent before)"
    );
    while reminders(&fake, from, N).values().any(|&c| c == 0) {
        assert!(
            killed.elapsed() < Duration::from_secs(40),
            "{:?}",
            reminders(&fake, from, N)
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(2000)).await;
    let seen = reminders(&fake, from, N);
    assert!(
        seen.values().all(|&c| c == 1),
        "each 主办 reminded once: {seen:?}"
    );
}
