//! Ingress benchmark: signed and encrypted `im.message.receive_v1` events with distinct ids,
//! posted over 64 concurrent connections, acknowledged durably (sled group commit) — and, in
//! the same run, a bare axum handler that just answers 200, so the figure that matters is the
//! ratio between the two. The load generator writes pre-serialised keep-alive HTTP/1.1
//! requests straight to the sockets (as wrk does), so the two cores go to the server under test.
//!
//! Run: `cargo bench --bench ingress` (optional env: BENCH_EVENTS=40000 BENCH_CONNECTIONS=64,
//! BENCH_MODE=plain for plaintext events to a duban without an Encrypt Key, checked by their
//! Verification Token, as with the long connection or an app that does not encrypt;
//! DUBAN_BENCH_DATABASE_URL=<admin URL> for the PostgreSQL store, in a fresh database).
//!
//! End to end, after the ratio: BENCH_HELP=200 `@督办 /督办 帮助` commands (each in a chat of its
//! own) posted at once; reported are how fast the worker processes them (inbox empty) and how
//! fast their answers reach the fake Feishu (whose limit of 50 messages a second for the app,
//! as Feishu's, bounds that figure). BENCH_BURST_SECS=30 then posts for that long (events made
//! as they are sent: chatter, one `帮助` in BENCH_BURST_HELP_EVERY=2000) and reports the rate,
//! the largest inbox backlog seen, the backlog when the burst ends and how long it takes to drain.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::routing::post;
use duban::config;
use duban::fake_feishu::FakeFeishu;
use duban::feishu::crypto::EventCipher;
use duban::feishu::signature::event_signature;
use hdrhistogram::Histogram;
use serde_json::json;

mod wrk;

/// The same allocator as the `duban` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const APP_ID: &str = "cli_a1b2c3d4e5f60718";
const KEY: &str = "bench-encrypt-key";
const TOKEN: &str = "bench-verification-token";

/// A sealed request: body and the three signature headers.
type Sealed = (String, [(String, String); 3]);

struct Figures {
    per_sec: f64,
    /// CPU time of the whole process (server and load generator) per request, µs.
    cpu_us: f64,
    secs: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: usize,
}

/// Event `i` of `tag` (`<tag>_ev_<i>`, message `om_<tag>_<i>`): group chatter, or (`help`:
/// the bot's open_id) `@督办 /督办 帮助` in a chat of its own.
fn event(tag: &str, i: usize, help: Option<&str>) -> String {
    let (chat, text, mentions) = match help {
        Some(bot) => (
            format!("oc_{tag}_{i}"),
            "@_user_1 /督办 帮助".to_owned(),
            json!([{"key":"@_user_1","id":{"open_id":bot},"name":"督办","tenant_key":"tk"}]),
        ),
        None => (
            "oc_bench".to_owned(),
            format!("大家好，今天的进度第{i}条"),
            json!([]),
        ),
    };
    json!({"schema":"2.0","header":{"event_id":format!("{tag}_ev_{i}"),"event_type":"im.message.receive_v1",
        "create_time":"1773194400000","token":TOKEN,"app_id":APP_ID,"tenant_key":"tk"},
        "event":{"sender":{"sender_id":{"open_id":"ou_bench"},"sender_type":"user","tenant_key":"tk"},
        "message":{"message_id":format!("om_{tag}_{i}"),"chat_id":chat,"chat_type":"group","message_type":"text",
        "create_time":"1773194400000","content":json!({"text":text}).to_string(),"mentions":mentions}}})
    .to_string()
}

/// Feishu holds the user's message a help command is: the answer is a reply to it.
fn seed_help(fake: &duban::fake_feishu::FakeState, tag: &str, i: usize) {
    let content = json!({"text": "@_user_1 /督办 帮助"}).to_string();
    fake.add_user_message(
        &format!("om_{tag}_{i}"),
        &format!("oc_{tag}_{i}"),
        "ou_bench",
        "text",
        &content,
    );
}

/// An event as posted: plaintext, or encrypted and signed.
fn seal(cipher: &EventCipher, ev: String, plain: bool, i: usize) -> Sealed {
    if plain {
        let none = || (String::new(), String::new());
        return (ev, [none(), none(), none()]);
    }
    let body = json!({"encrypt": cipher.encrypt(ev.as_bytes())}).to_string();
    let ts = "1773194400".to_owned();
    let nonce = format!("n{i}");
    let sig = event_signature(&ts, &nonce, KEY, body.as_bytes());
    (
        body,
        [
            ("x-lark-request-timestamp".to_owned(), ts),
            ("x-lark-request-nonce".to_owned(), nonce),
            ("x-lark-signature".to_owned(), sig),
        ],
    )
}

/// `n` distinct events of `tag` ([`event`]).
fn sealed(n: usize, plain: bool, tag: &str, help: Option<&str>) -> Vec<Sealed> {
    let cipher = EventCipher::new(KEY);
    (0..n)
        .map(|i| seal(&cipher, event(tag, i, help), plain, i))
        .collect()
}

/// One pre-serialised HTTP/1.1 request per event: the load generator does no per-request
/// work beyond a socket write and a minimal response parse, so the cores go to the server
/// under test (like wrk; the in-process reqwest client used to take about a third of them).
fn requests(host: &str, events: &[Sealed]) -> Vec<Vec<u8>> {
    events.iter().map(|e| request(host, e)).collect()
}

/// One event as an HTTP/1.1 request.
fn request(host: &str, (body, headers): &Sealed) -> Vec<u8> {
    let mut r = format!(
        "POST /feishu/events HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
        body.len()
    );
    for (k, v) in headers.iter().filter(|(k, _)| !k.is_empty()) {
        r.push_str(&format!("{k}: {v}\r\n"));
    }
    r.push_str("\r\n");
    r.push_str(body);
    r.into_bytes()
}

/// Reads one response from a keep-alive connection; returns its status.
async fn read_response(stream: &mut tokio::net::TcpStream, buf: &mut Vec<u8>) -> std::io::Result<u16> {
    use tokio::io::AsyncReadExt;
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = std::str::from_utf8(&buf[..end])
                .unwrap_or_default()
                .to_ascii_lowercase();
            let status: u16 = head.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + len {
                buf.drain(..end + 4 + len);
                return Ok(status);
            }
        }
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Where the load generator takes its requests from: a prepared list, or made as they are
/// sent until a deadline (the burst).
#[derive(Clone)]
enum Source {
    List(Arc<Vec<Vec<u8>>>),
    Until(Instant, Arc<dyn Fn(usize) -> Vec<u8> + Send + Sync>),
}

impl Source {
    fn get(&self, i: usize) -> Option<std::borrow::Cow<'_, [u8]>> {
        match self {
            Self::List(l) => l.get(i).map(|r| std::borrow::Cow::Borrowed(r.as_slice())),
            Self::Until(end, make) => (Instant::now() < *end).then(|| std::borrow::Cow::Owned(make(i))),
        }
    }
}

async fn load(addr: std::net::SocketAddr, reqs: Arc<Vec<Vec<u8>>>, conns: usize) -> Figures {
    load_from(addr, Source::List(reqs), conns).await
}

async fn load_from(addr: std::net::SocketAddr, reqs: Source, conns: usize) -> Figures {
    use tokio::io::AsyncWriteExt;
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let cpu = cpu_ns();
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..conns {
        let (reqs, next) = (reqs.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut h = Histogram::<u64>::new(3).unwrap();
            let mut errors = 0;
            let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
            stream.set_nodelay(true).unwrap();
            let mut buf = Vec::with_capacity(4096);
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(req) = reqs.get(i) else {
                    break;
                };
                let t = Instant::now();
                stream.write_all(&req).await.unwrap();
                match read_response(&mut stream, &mut buf).await {
                    Ok(200) => h.record(u64::try_from(t.elapsed().as_micros()).unwrap()).unwrap(),
                    Ok(_) => errors += 1,
                    Err(e) => panic!("connection failed: {e}"),
                }
            }
            (h, errors)
        }));
    }
    let mut all = Histogram::<u64>::new(3).unwrap();
    let mut errors = 0;
    for t in tasks {
        let (h, e) = t.await.unwrap();
        all.add(h).unwrap();
        errors += e;
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu_us = cpu_ns().saturating_sub(cpu) as f64 / 1000.0 / all.len().max(1) as f64;
    Figures {
        per_sec: all.len() as f64 / secs,
        cpu_us,
        secs,
        p50_ms: all.value_at_quantile(0.50) as f64 / 1000.0,
        p99_ms: all.value_at_quantile(0.99) as f64 / 1000.0,
        errors,
    }
}

fn main() {
    let n: usize = std::env::var("BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40_000);
    let conns: usize = std::env::var("BENCH_CONNECTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let plain = std::env::var("BENCH_MODE").is_ok_and(|m| m == "plain");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        // Distinct from the measured events (the warm-up once reused their ids inside the
        // ciphertext, so 2,000 measured events were duplicates).
        let events = Arc::new(sealed(n, plain, "bench", None));
        let warm = Arc::new(sealed(2_000, plain, "warm", None));

        // Baseline: a bare axum handler answering 200.
        let bare = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let bare_addr = bare.local_addr().unwrap();
        tokio::spawn(async move {
            let app = axum::Router::new().route("/feishu/events", post(|| async { "{}" }));
            axum::serve(bare, app).await.unwrap();
        });

        // duban, with its real store in a temporary directory and the fake Feishu.
        let dir = tempfile::tempdir().unwrap();
        let fake = FakeFeishu::start(APP_ID, "bench-secret").await.unwrap();
        let mut env: std::collections::HashMap<String, String> = [
            ("DUBAN_LISTEN", "127.0.0.1:0".to_owned()),
            ("DUBAN_DATA_DIR", dir.path().display().to_string()),
            ("FEISHU_BASE_URL", fake.base_url.clone()),
            ("FEISHU_APP_ID", APP_ID.to_owned()),
            ("FEISHU_APP_SECRET", "bench-secret".to_owned()),
            ("FEISHU_VERIFICATION_TOKEN", TOKEN.to_owned()),
            ("FEISHU_ENCRYPT_KEY", KEY.to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        if plain {
            env.remove("FEISHU_ENCRYPT_KEY");
        }
        // On PostgreSQL (`DUBAN_BENCH_DATABASE_URL`: an admin URL): a fresh database.
        if let Ok(admin) = std::env::var("DUBAN_BENCH_DATABASE_URL") {
            let url = duban::store::testing::fresh_database(&admin).unwrap();
            env.insert("DUBAN_DATABASE_URL".to_owned(), url);
        }
        let settings = config::load(None, &env).unwrap();
        let creds = settings.credentials.clone().unwrap();
        let app = duban::startup::Application::build(&settings, &creds, duban::startup::TimeSource::System)
            .await
            .unwrap();
        let duban_addr: std::net::SocketAddr = format!("127.0.0.1:{}", app.port()).parse().unwrap();
        let store = app.store().clone();
        tokio::spawn(app.run_until_stopped());

        let warm = Arc::new(requests("127.0.0.1", &warm));
        let events = Arc::new(requests("127.0.0.1", &events));
        let _ = load(bare_addr, warm.clone(), conns).await;
        let _ = load(duban_addr, warm, conns).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let b = load(bare_addr, events.clone(), conns).await;
        let d = load(duban_addr, events, conns).await;
        println!(
            "ingress benchmark: {n} {} events, {conns} concurrent connections, {} cores",
            if plain { "plaintext" } else { "signed+encrypted" },
            std::thread::available_parallelism().map(|p| p.get()).unwrap_or(0)
        );
        println!("| handler | events/s | p50 ms | p99 ms | errors | CPU µs a request |");
        println!("|---|---|---|---|---|---|");
        println!(
            "| bare axum 200 | {:.0} | {:.2} | {:.2} | {} | {:.1} |",
            b.per_sec, b.p50_ms, b.p99_ms, b.errors, b.cpu_us
        );
        println!(
            "| duban ({}dedupe + durable inbox) | {:.0} | {:.2} | {:.2} | {} | {:.1} |",
            if plain { "token + " } else { "verify + decrypt + " },
            d.per_sec, d.p50_ms, d.p99_ms, d.errors, d.cpu_us
        );
        println!(
            "ratio duban / bare: throughput {:.2}, p99 latency {:.2}x; CPU a request (process, load generator included) bare / duban {:.2}",
            d.per_sec / b.per_sec,
            d.p99_ms / b.p99_ms.max(0.001),
            b.cpu_us / d.cpu_us.max(0.001)
        );
        let backlog = store.inbox_len();
        let drain = Instant::now();
        while store.inbox_len() > 0 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let processing = d.secs + drain.elapsed().as_secs_f64();
        println!(
            "inbox after the run: {backlog} waiting, drained {:.1} s later; processed end to end {:.0} events/s",
            drain.elapsed().as_secs_f64(),
            n as f64 / processing
        );
        wrk_phase(bare_addr, duban_addr, &store, plain, conns).await;
        let bot = fake.bot_open_id();
        let target = Target {
            addr: duban_addr,
            store: &store,
            fake: &fake,
            bot: &bot,
            plain,
            conns,
        };
        help_commands(&target).await;
        burst(&target).await;
    });
}

/// CPU time used so far by every thread of this process, in ns (`/proc/self/task/*/schedstat`):
/// the cost of a request, which a busy machine disturbs far less than the rate.
fn cpu_ns() -> u64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next().and_then(|v| v.parse::<u64>().ok()))
        .sum()
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Waits until the inbox (and, with `answers`, the fake's count of bot messages) is done.
async fn settle(store: &duban::store::Store, fake: &FakeFeishu, answers: Option<usize>) -> (f64, f64) {
    let start = Instant::now();
    let mut processed = None;
    loop {
        if processed.is_none() && store.inbox_len() == 0 {
            processed = Some(start.elapsed().as_secs_f64());
        }
        let answered = answers.is_none_or(|n| fake.messages().len() >= n);
        if let (Some(p), true) = (processed, answered) {
            return (p, start.elapsed().as_secs_f64());
        }
        if start.elapsed() > Duration::from_secs(120) {
            println!(
                "NOT SETTLED after 120 s: inbox {}, outbox {} (dead letters {}), bot messages {} of {answers:?}",
                store.inbox_len(),
                store.outbox_len(),
                store.outbox_dead_len(),
                fake.messages().len()
            );
            let secs = start.elapsed().as_secs_f64();
            return (processed.unwrap_or(secs), secs);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// BENCH_WRK_SECS of wrk (the load generator) against the bare handler, then duban.
async fn wrk_phase(
    bare: std::net::SocketAddr,
    duban: std::net::SocketAddr,
    store: &duban::store::Store,
    plain: bool,
    conns: usize,
) {
    let secs = env_usize("BENCH_WRK_SECS", 0);
    if secs == 0 {
        return;
    }
    if !wrk::available() {
        println!("wrk phase skipped: wrk is not installed (apt install wrk)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let cipher = EventCipher::new(KEY);
    let make = |i: usize| seal(&cipher, event("wrk", i, None), plain, i);
    // Enough distinct events for 40,000/s per wrk thread.
    let prefix = tokio::task::block_in_place(|| wrk::write_requests(dir.path(), "wrk", secs * 40_000, &make));
    let b = tokio::task::block_in_place(|| wrk::run(bare, &prefix, secs, conns, dir.path()));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let d = tokio::task::block_in_place(|| wrk::run(duban, &prefix, secs, conns, dir.path()));
    println!(
        "wrk ({secs} s, 2 threads, {conns} connections, a distinct {} event per request; wrk in its own process, as the issue measured):",
        if plain { "plaintext" } else { "signed+encrypted" }
    );
    println!("| handler (wrk) | requests/s | p50 ms | p99 ms | non-2xx |");
    println!("|---|---|---|---|---|");
    println!("{}", wrk::row("bare axum 200", &b));
    println!("{}", wrk::row("duban (durable inbox)", &d));
    println!(
        "ratio duban / bare (wrk): throughput {:.2}; duban requests {} ({} duplicates from wrk starting a file again)",
        d.per_sec / b.per_sec,
        d.requests,
        if d.wrapped > 0 { "SOME" } else { "no" }
    );
    let drain = Instant::now();
    while store.inbox_len() > 0 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    println!(
        "inbox drained {:.2} s after wrk stopped",
        drain.elapsed().as_secs_f64()
    );
}

/// The duban under test, for the end-to-end phases.
struct Target<'a> {
    addr: std::net::SocketAddr,
    store: &'a duban::store::Store,
    fake: &'a FakeFeishu,
    bot: &'a str,
    plain: bool,
    conns: usize,
}

/// BENCH_HELP help commands posted at once: the worker's rate and the answers' rate.
async fn help_commands(t: &Target<'_>) {
    let n = env_usize("BENCH_HELP", 200);
    if n == 0 {
        return;
    }
    for i in 0..n {
        seed_help(t.fake.state(), "help", i);
    }
    let reqs = Arc::new(requests("127.0.0.1", &sealed(n, t.plain, "help", Some(t.bot))));
    let before = t.fake.messages().len();
    let post = load(t.addr, reqs, t.conns).await;
    let (processed, answered) = settle(t.store, t.fake, Some(before + n)).await;
    println!(
        "{n} help commands (posted in {:.2} s, {} errors): worker processed them {:.0}/s (inbox empty after {:.2} s); \
         answered through the fake OpenAPI {:.0}/s ({:.2} s; Feishu's limit: 50 messages/s for the app)",
        post.secs,
        post.errors,
        n as f64 / (post.secs + processed),
        post.secs + processed,
        n as f64 / (post.secs + answered),
        post.secs + answered
    );
}

/// BENCH_BURST_SECS of sustained posting: the rate, the inbox backlog during and after, the drain.
async fn burst(t: &Target<'_>) {
    let secs = env_usize("BENCH_BURST_SECS", 0);
    if secs == 0 {
        return;
    }
    let every = env_usize("BENCH_BURST_HELP_EVERY", 2000).max(1);
    let cipher = EventCipher::new(KEY);
    let (bot, plain) = (t.bot.to_owned(), t.plain);
    let helps = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = helps.clone();
    let state = t.fake.state().clone();
    let make = Arc::new(move |i: usize| {
        let help = (i % every == every - 1).then_some(bot.as_str());
        if help.is_some() {
            seed_help(&state, "burst", i);
            counted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        request("127.0.0.1", &seal(&cipher, event("burst", i, help), plain, i))
    });
    let before = t.fake.messages().len();
    let end = Instant::now() + Duration::from_secs(secs as u64);
    let watch = {
        let store = t.store.clone();
        tokio::spawn(async move {
            let mut max = 0;
            while Instant::now() < end {
                max = max.max(store.inbox_len());
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            max
        })
    };
    let f = load_from(t.addr, Source::Until(end, make), t.conns).await;
    let max = watch.await.unwrap();
    let backlog = t.store.inbox_len();
    let total = f.per_sec * f.secs;
    let helps = helps.load(std::sync::atomic::Ordering::Relaxed);
    let (drained, answered) = settle(t.store, t.fake, Some(before + helps)).await;
    println!(
        "burst of {secs} s ({} {} events, 1 in {every} a help command): {:.0} events/s, p50 {:.2} ms, p99 {:.2} ms, \
         {} errors; inbox backlog at most {max} (sampled every 50 ms), {backlog} when it ended, empty {:.2} s later; \
         processed end to end {:.0} events/s; the {helps} answers all sent {:.1} s after the end",
        total as usize,
        if plain { "plaintext" } else { "signed+encrypted" },
        f.per_sec,
        f.p50_ms,
        f.p99_ms,
        f.errors,
        drained,
        total / (f.secs + drained),
        answered
    );
}
