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
        let ev = message_event(
            &format!("ev_crash_{i}"),
            &format!("om_crash_{i}"),
            CHAT,
            "group",
            ZHANG.0,
            "@_user_1 /督办 帮助",
            &[BOT],
            None,
        );
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
