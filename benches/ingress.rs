//! Ingress benchmark: signed and encrypted `im.message.receive_v1` events with distinct ids,
//! posted over 64 concurrent connections, acknowledged durably (sled group commit) — and, in
//! the same run, a bare axum handler that just answers 200, so the figure that matters is the
//! ratio between the two.
//!
//! Run: `cargo bench --bench ingress` (optional env: BENCH_EVENTS=40000 BENCH_CONNECTIONS=64).
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
    p50_ms: f64,
    p99_ms: f64,
    errors: usize,
}

fn sealed(n: usize) -> Vec<Sealed> {
    let cipher = EventCipher::new(KEY);
    (0..n)
        .map(|i| {
            let text = format!("大家好，今天的进度第{i}条");
            let ev = json!({"schema":"2.0","header":{"event_id":format!("bench_ev_{i}"),"event_type":"im.message.receive_v1",
                "create_time":"1773194400000","token":TOKEN,"app_id":APP_ID,"tenant_key":"tk"},
                "event":{"sender":{"sender_id":{"open_id":"ou_bench"},"sender_type":"user","tenant_key":"tk"},
                "message":{"message_id":format!("om_bench_{i}"),"chat_id":"oc_bench","chat_type":"group","message_type":"text",
                "create_time":"1773194400000","content":json!({"text":text}).to_string(),"mentions":[]}}});
            let body = json!({"encrypt": cipher.encrypt(ev.to_string().as_bytes())}).to_string();
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
        })
        .collect()
}

async fn load(url: String, events: Arc<Vec<Sealed>>, conns: usize) -> Figures {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(conns)
        .build()
        .unwrap();
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..conns {
        let (http, url, events, next) = (http.clone(), url.clone(), events.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut h = Histogram::<u64>::new(3).unwrap();
            let mut errors = 0;
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((body, headers)) = events.get(i) else {
                    break;
                };
                let mut req = http.post(&url).header("content-type", "application/json");
                for (k, v) in headers {
                    req = req.header(k, v);
                }
                let t = Instant::now();
                match req.body(body.clone()).send().await {
                    Ok(r) if r.status() == 200 => {
                        let _ = r.bytes().await;
                        h.record(u64::try_from(t.elapsed().as_micros()).unwrap()).unwrap();
                    }
                    _ => errors += 1,
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
    Figures {
        per_sec: all.len() as f64 / secs,
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
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let events = Arc::new(sealed(n));
        let warm = Arc::new(
            sealed(2_000)
                .into_iter()
                .map(|(b, h)| (b.replace("bench_ev_", "warm_ev_"), h))
                .collect::<Vec<_>>(),
        );

        // Baseline: a bare axum handler answering 200.
        let bare = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let bare_url = format!("http://{}/feishu/events", bare.local_addr().unwrap());
        tokio::spawn(async move {
            let app = axum::Router::new().route("/feishu/events", post(|| async { "{}" }));
            axum::serve(bare, app).await.unwrap();
        });

        // duban, with its real store in a temporary directory and the fake Feishu.
        let dir = tempfile::tempdir().unwrap();
        let fake = FakeFeishu::start(APP_ID, "bench-secret").await.unwrap();
        let env: std::collections::HashMap<String, String> = [
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
        let settings = config::load(None, &env).unwrap();
        let creds = settings.credentials.clone().unwrap();
        let app = duban::startup::Application::build(&settings, &creds, duban::startup::TimeSource::System)
            .await
            .unwrap();
        let duban_url = format!("http://127.0.0.1:{}/feishu/events", app.port());
        let store = app.store().clone();
        tokio::spawn(app.run_until_stopped());

        let _ = load(bare_url.clone(), warm.clone(), conns).await;
        let _ = load(duban_url.clone(), warm, conns).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let b = load(bare_url, events.clone(), conns).await;
        let d = load(duban_url, events, conns).await;
        println!(
            "ingress benchmark: {n} signed+encrypted events, {conns} concurrent connections, {} cores",
            std::thread::available_parallelism().map(|p| p.get()).unwrap_or(0)
        );
        println!("| handler | events/s | p50 ms | p99 ms | errors |");
        println!("|---|---|---|---|---|");
        println!(
            "| bare axum 200 | {:.0} | {:.2} | {:.2} | {} |",
            b.per_sec, b.p50_ms, b.p99_ms, b.errors
        );
        println!(
            "| duban (verify + decrypt + dedupe + durable inbox) | {:.0} | {:.2} | {:.2} | {} |",
            d.per_sec, d.p50_ms, d.p99_ms, d.errors
        );
        println!(
            "ratio duban / bare: throughput {:.2}, p99 latency {:.2}x",
            d.per_sec / b.per_sec,
            d.p99_ms / b.p99_ms.max(0.001)
        );
        println!("inbox after run (still being processed): {}", store.inbox_len());
    });
}
