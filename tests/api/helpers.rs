//! Test harness: the real application on port 0 with its own sled directory, pointed at the
//! fake Feishu over real HTTP, and pushes sealed exactly as Feishu seals them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use duban::clock::{Clock, VirtualClock};
use duban::config::{self, Settings};
use duban::fake_feishu::FakeFeishu;
use duban::feishu::crypto::EventCipher;
use duban::feishu::signature::event_signature;
use serde_json::{Value, json};

pub const APP_ID: &str = "cli_a1b2c3d4e5f60718";
pub const APP_SECRET: &str = "test-app-secret";
pub const VERIFICATION_TOKEN: &str = "test-verification-token";
pub const ENCRYPT_KEY: &str = "test-encrypt-key";
pub const CHAT: &str = "oc_group_alpha";
pub const ZHANG: (&str, &str) = ("ou_zhangsan", "张三");
pub const LI: (&str, &str) = ("ou_lisi", "李四");
pub const WANG: (&str, &str) = ("ou_wangwu", "王五");
pub const BOSS: (&str, &str) = ("ou_boss", "赵督办");
pub const BOT: (&str, &str) = ("ou_bot", "督办");

/// Wednesday 2026-03-11 10:00 Asia/Shanghai, the reference `now` of the conventions.
pub fn reference_now() -> jiff::Timestamp {
    "2026-03-11T10:00:00+08:00".parse().unwrap()
}

pub struct TestApp {
    pub base: String,
    pub http: reqwest::Client,
    pub fake: Arc<FakeFeishu>,
    pub clock: Arc<VirtualClock>,
    pub data_dir: PathBuf,
    pub store: duban::store::Store,
    pub service: Arc<duban::service::Service>,
    _dir: Option<tempfile::TempDir>,
    pub shutdown: tokio_util::sync::CancellationToken,
    pub handle: tokio::task::JoinHandle<anyhow::Result<()>>,
    cipher: EventCipher,
    seq: std::sync::atomic::AtomicU64,
}

/// The server's environment. With `DUBAN_TEST_DATABASE_URL` set, the store is a PostgreSQL
/// database of the data directory's own (the same one again after a restart), so the whole
/// suite runs on PostgreSQL; otherwise sled in the directory.
pub fn env_for(data_dir: &Path, base_url: &str) -> HashMap<String, String> {
    let mut env: HashMap<String, String> = [
        ("DUBAN_LISTEN", "127.0.0.1:0"),
        ("DUBAN_DATA_DIR", data_dir.to_str().unwrap()),
        ("FEISHU_BASE_URL", base_url),
        ("FEISHU_APP_ID", APP_ID),
        ("FEISHU_APP_SECRET", APP_SECRET),
        ("FEISHU_VERIFICATION_TOKEN", VERIFICATION_TOKEN),
        ("FEISHU_ENCRYPT_KEY", ENCRYPT_KEY),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    if let Some(url) = duban::store::testing::database_for(data_dir) {
        env.insert("DUBAN_DATABASE_URL".to_owned(), url);
    }
    env
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Process-wide test set-up: the TLS provider for reqwest, and logs when `TEST_LOG` is set.
pub fn init() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    if let Ok(level) = std::env::var("TEST_LOG") {
        duban::telemetry::init_tracing(&level, "text");
    }
}

pub async fn spawn_app_with(tweak: impl FnOnce(&mut Settings)) -> TestApp {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap());
    let mut app = start_on(dir.path(), fake, tweak).await;
    app._dir = Some(dir);
    app
}

pub async fn start_on(data_dir: &Path, fake: Arc<FakeFeishu>, tweak: impl FnOnce(&mut Settings)) -> TestApp {
    let env = env_for(data_dir, &fake.base_url);
    let mut settings = config::load(None, &env).unwrap();
    settings.store.pool_size = duban::store::testing::TEST_POOL;
    tweak(&mut settings);
    let creds = settings.credentials.clone().unwrap();
    let clock = Arc::new(VirtualClock::new(reference_now()));
    let app = duban::startup::Application::build(
        &settings,
        &creds,
        duban::startup::TimeSource::Virtual(clock.clone()),
    )
    .await
    .unwrap();
    let port = app.port();
    let store = app.store().clone();
    let service = app.state().service.clone();
    let shutdown = app.shutdown_token();
    let handle = tokio::spawn(app.run_until_stopped());
    TestApp {
        base: format!("http://127.0.0.1:{port}"),
        http: reqwest::Client::new(),
        fake,
        clock,
        data_dir: data_dir.to_path_buf(),
        store,
        service,
        _dir: None,
        shutdown,
        handle,
        cipher: EventCipher::new(ENCRYPT_KEY),
        seq: std::sync::atomic::AtomicU64::new(1),
    }
}

impl TestApp {
    /// `value` as the card currently in the chat would carry it: with the `"v"` of its record's
    /// current version when it has none (a click on an up-to-date card). Stale-card tests
    /// pass explicit versions instead.
    pub fn drawn_now(&self, mut value: Value) -> Value {
        use duban::card::drawn::{Target, drawn_for};
        let Some(d) = drawn_for(&value) else {
            return value;
        };
        if d.version.is_some() {
            return value;
        }
        let version = match d.target {
            Target::Item(id) => self.store.get_item(id).unwrap().map(|x| x.version),
            Target::Project(id) => self.store.get_project(id).unwrap().map(|x| x.version),
            Target::Requirement(id) => self.store.get_requirement(id).unwrap().map(|x| x.version),
            Target::Meeting(id) => self.store.get_meeting(id).unwrap().map(|x| x.version),
            Target::SubmissionForm => None,
        };
        if let (Some(v), Some(obj)) = (version, value.as_object_mut()) {
            obj.insert("v".to_owned(), json!(v));
        }
        value
    }

    /// Seals `plaintext` (encrypt + sign) and posts it to `/feishu/events`.
    pub async fn post_event(&self, plaintext: &Value) -> reqwest::Response {
        register_user_message(&self.fake, plaintext);
        let (body, headers) = seal(&self.cipher, plaintext);
        self.post_raw("/feishu/events", body, &headers).await
    }

    /// The `/metrics` page's text.
    pub async fn metrics_page(&self) -> String {
        metrics_page_at(&self.http, &self.base).await
    }

    pub async fn post_raw(&self, path: &str, body: String, headers: &[(&str, String)]) -> reqwest::Response {
        let mut req = self
            .http
            .post(format!("{}{}", self.base, path))
            .header("content-type", "application/json");
        for (k, v) in headers {
            req = req.header(*k, v);
        }
        req.body(body).send().await.unwrap()
    }

    pub fn next_id(&self, prefix: &str) -> String {
        format!(
            "{prefix}{}",
            self.seq.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        )
    }

    /// A user in `CHAT` sends `text` (mentions as `(open_id, name)` in order of their placeholders).
    pub async fn say(&self, from: (&str, &str), text: &str, mentions: &[(&str, &str)]) -> String {
        let mid = self.next_id("om_user_");
        let ev = message_event(
            &self.next_id("ev_"),
            &mid,
            CHAT,
            "group",
            from.0,
            text,
            mentions,
            None,
        );
        let r = self.post_event(&ev).await;
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
        mid
    }

    /// Moves the virtual clock to each reminder due up to `until` in turn and runs the
    /// scheduler at that instant (as the scheduler task would), waiting for the sends.
    /// Returns (virtual time, bot messages sent in that tick).
    pub async fn run_clock_until(
        &self,
        until: jiff::Timestamp,
    ) -> Vec<(jiff::Timestamp, Vec<duban::fake_feishu::FakeMessage>)> {
        let mut out = Vec::new();
        while let Some(next) = self.store.next_due_ms().unwrap() {
            let at = jiff::Timestamp::from_millisecond(next).unwrap();
            if at > until {
                break;
            }
            if at > self.clock.now() {
                self.clock.set(at);
            }
            let before = self.fake.messages().len();
            self.service.tick().await.unwrap();
            assert!(
                eventually(|| self.store.outbox_len() == 0).await,
                "outbox drained"
            );
            let msgs = self.fake.messages();
            if msgs.len() > before {
                out.push((at, msgs[before..].to_vec()));
            }
        }
        if until > self.clock.now() {
            self.clock.set(until);
        }
        out
    }

    /// The bot's reply to message `mid` (waits up to 10 s).
    pub async fn reply_to(&self, mid: &str) -> duban::fake_feishu::FakeMessage {
        for _ in 0..200 {
            if let Some(m) = self
                .fake
                .messages()
                .into_iter()
                .find(|m| m.parent_id.as_deref() == Some(mid))
            {
                return m;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no reply to {mid}");
    }

    /// Someone adds the bot to `chat` (or removes it): Feishu's membership changes, then the
    /// event is pushed, as Feishu does. Returns the event id.
    pub async fn bot_membership(&self, added: bool, chat: &str, operator: &str) -> String {
        if added {
            self.fake.add_bot_to_chat(chat);
        } else {
            self.fake.remove_bot_from_chat(chat);
        }
        let id = self.next_id("ev_member_");
        let r = self
            .post_event(&bot_membership_event(&id, added, chat, operator))
            .await;
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
        id
    }

    /// Stops the app, lets go of its handles, and waits (up to 5 s) until its sled directory is
    /// free for another process.
    pub async fn stop(self) {
        let Self {
            shutdown,
            handle,
            store,
            service,
            data_dir,
            _dir,
            ..
        } = self;
        shutdown.cancel();
        let _ = tokio::time::timeout(Duration::from_secs(10), handle).await;
        drop(service);
        drop(store);
        // sled lets go of its lock from its last thread, shortly after.
        let _ = tokio::task::spawn_blocking(move || duban::store::backup::wait_unlocked(&data_dir)).await;
        drop(_dir);
    }
}

/// A message event's message exists in Feishu before the event is pushed: record it in the
/// fake so replies to it work as they do in Feishu.
pub fn register_user_message(fake: &FakeFeishu, plaintext: &Value) {
    let m = &plaintext["event"]["message"];
    if let (Some(id), Some(chat)) = (m["message_id"].as_str(), m["chat_id"].as_str()) {
        let sender = plaintext["event"]["sender"]["sender_id"]["open_id"]
            .as_str()
            .unwrap_or_default();
        let kind = m["message_type"].as_str().unwrap_or("text");
        fake.add_user_message(id, chat, sender, kind, m["content"].as_str().unwrap_or("{}"));
    }
}

/// `{"encrypt": …}` plus the three signature headers, as Feishu sends them.
pub fn seal(cipher: &EventCipher, plaintext: &Value) -> (String, Vec<(&'static str, String)>) {
    let body = json!({ "encrypt": cipher.encrypt(plaintext.to_string().as_bytes()) }).to_string();
    let ts = jiff::Timestamp::now().as_second().to_string();
    let nonce = format!("n{}", rand_u32());
    let sig = event_signature(&ts, &nonce, ENCRYPT_KEY, body.as_bytes());
    (
        body,
        vec![
            ("x-lark-request-timestamp", ts),
            ("x-lark-request-nonce", nonce),
            ("x-lark-signature", sig),
        ],
    )
}

fn rand_u32() -> u32 {
    use std::hash::{BuildHasher, RandomState};
    u32::try_from(RandomState::new().hash_one(std::time::SystemTime::now()) & 0xffff_ffff).unwrap()
}

/// `@督办 /督办 帮助` from 张三 in the group, as event `event_id` (message `message_id`).
pub fn help_event(event_id: &str, message_id: &str) -> Value {
    message_event(
        event_id,
        message_id,
        CHAT,
        "group",
        ZHANG.0,
        "@_user_1 /督办 帮助",
        &[BOT],
        None,
    )
}

/// An `im.message.receive_v1` plaintext.
#[allow(clippy::too_many_arguments)]
pub fn message_event(
    event_id: &str,
    message_id: &str,
    chat_id: &str,
    chat_type: &str,
    sender: &str,
    text: &str,
    mentions: &[(&str, &str)],
    parent_id: Option<&str>,
) -> Value {
    let mentions: Vec<Value> = mentions
        .iter()
        .enumerate()
        .map(|(i, (open_id, name))| {
            json!({"key": format!("@_user_{}", i + 1), "id": {"open_id": open_id, "union_id": "on_x", "user_id": "u"}, "name": name, "tenant_key": "tk"})
        })
        .collect();
    let mut message = json!({
        "message_id": message_id, "chat_id": chat_id, "chat_type": chat_type, "message_type": "text",
        "create_time": "1773194400000", "content": json!({"text": text}).to_string(), "mentions": mentions,
    });
    if let Some(p) = parent_id {
        message["parent_id"] = json!(p);
        message["root_id"] = json!(p);
    }
    json!({
        "schema": "2.0",
        "header": {"event_id": event_id, "event_type": "im.message.receive_v1", "create_time": "1773194400000",
                   "token": VERIFICATION_TOKEN, "app_id": APP_ID, "tenant_key": "tk"},
        "event": {"sender": {"sender_id": {"open_id": sender, "union_id": "on_s", "user_id": "us"}, "sender_type": "user", "tenant_key": "tk"},
                  "message": message}
    })
}

/// An `im.chat.member.bot.added_v1` / `deleted_v1` plaintext (`added`: joined, else removed)
/// for `chat`, with `operator` (open_id) as whoever added or removed the bot.
pub fn bot_membership_event(event_id: &str, added: bool, chat: &str, operator: &str) -> Value {
    let event_type = if added {
        duban::feishu::event::BOT_ADDED
    } else {
        duban::feishu::event::BOT_REMOVED
    };
    json!({
        "schema": "2.0",
        "header": {"event_id": event_id, "event_type": event_type, "create_time": "1773194400000",
                   "token": VERIFICATION_TOKEN, "app_id": APP_ID, "tenant_key": "tk"},
        "event": {"chat_id": chat, "external": false, "name": "合规部督办群",
                  "i18n_names": {"zh_cn": "合规部督办群", "en_us": "", "ja_jp": ""},
                  "operator_id": {"open_id": operator, "union_id": "on_op", "user_id": "u_op"},
                  "operator_tenant_key": "tk"}
    })
}

/// A `card.action.trigger` plaintext.
pub fn card_action_event(
    event_id: &str,
    operator: &str,
    message_id: &str,
    value: Value,
    form_value: Option<Value>,
) -> Value {
    let mut action = json!({"value": value, "tag": "button"});
    if let Some(f) = form_value {
        action["form_value"] = f;
    }
    json!({
        "schema": "2.0",
        "header": {"event_id": event_id, "event_type": "card.action.trigger", "create_time": "1773194400000000",
                   "token": VERIFICATION_TOKEN, "app_id": APP_ID, "tenant_key": "tk"},
        "event": {"operator": {"tenant_key": "tk", "open_id": operator, "union_id": "on_o"}, "token": "c-token",
                  "action": action, "host": "im_message",
                  "context": {"open_message_id": message_id, "open_chat_id": CHAT}}
    })
}

/// Polls until `f` holds or 10 s pass.
pub async fn eventually<F: FnMut() -> bool>(mut f: F) -> bool {
    for _ in 0..200 {
        if f() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    f()
}

/// Tests about sled itself (its files, snapshots, backup and restore) run on sled only: with
/// `DUBAN_TEST_DATABASE_URL` set this prints why the test is skipped and returns true.
pub fn sled_only(why: &str) -> bool {
    let pg = duban::store::testing::admin_url().is_some();
    if pg {
        eprintln!("skipped on PostgreSQL (sled only: {why})");
    }
    pg
}

/// The `/metrics` page's text of the duban at `base` (any instance, e.g. one of a cluster).
pub async fn metrics_page_at(http: &reqwest::Client, base: &str) -> String {
    http.get(format!("{base}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}
