//! The client against the fake Feishu, over real HTTP on 127.0.0.1.

use std::time::Duration;

use secrecy::SecretString;
use serde_json::{Value, json};

use super::*;
use crate::fake_feishu::{FakeFeishu, LoggedRequest};

const APP_ID: &str = "cli_a1b2c3d4e5f60718";
const SECRET: &str = "s3cr3t-app-secret";

async fn setup() -> (FakeFeishu, FeishuClient) {
    let fake = FakeFeishu::start(APP_ID, SECRET).await.unwrap();
    let client = client_for(&fake, SECRET);
    (fake, client)
}

fn client_for(fake: &FakeFeishu, secret: &str) -> FeishuClient {
    let mut cfg = ClientConfig::new(&fake.base_url, APP_ID, SecretString::from(secret.to_owned()));
    cfg.timeout = Duration::from_secs(5);
    FeishuClient::new(cfg).unwrap()
}

fn shared_card(title: &str) -> Value {
    json!({
        "config": {"update_multi": true},
        "header": {"title": {"tag": "plain_text", "content": title}, "template": "blue"},
        "elements": [{"tag": "markdown", "content": "**督办** 事项"}],
    })
}

fn sends(log: &[LoggedRequest]) -> Vec<&LoggedRequest> {
    log.iter()
        .filter(|r| r.method == "POST" && r.path == "/open-apis/im/v1/messages")
        .collect()
}

#[tokio::test]
async fn the_token_is_fetched_once_for_many_sends() {
    let (fake, client) = setup().await;
    for i in 0..5 {
        let op = Outgoing::send_text_to_chat(&format!("oc_chat{i}"), "你好", &format!("u-{i}"));
        client.execute(&op).await.unwrap();
    }
    assert_eq!(fake.messages().len(), 5);
    assert_eq!(fake.token_requests(), 1);
}

#[tokio::test]
async fn concurrent_callers_share_one_token_fetch() {
    let (fake, client) = setup().await;
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let c = client.clone();
            tokio::spawn(async move { c.tenant_token().await.unwrap() })
        })
        .collect();
    let mut tokens = Vec::new();
    for t in tasks {
        tokens.push(t.await.unwrap());
    }
    assert!(tokens.iter().all(|t| t == &tokens[0] && t.starts_with("t-")));
    assert_eq!(fake.token_requests(), 1);
}

#[tokio::test]
async fn an_expired_token_is_dropped_refreshed_and_the_call_retried_once() {
    let (fake, client) = setup().await;
    let first = client.tenant_token().await.unwrap();
    fake.expire_tokens();
    let delivered = client
        .execute(&Outgoing::send_text_to_chat("oc_a", "hi", "u-exp"))
        .await
        .unwrap();
    assert!(delivered.message_id.is_some());
    assert_eq!(fake.token_requests(), 2);
    assert_ne!(client.tenant_token().await.unwrap(), first);
    let codes: Vec<_> = sends(&fake.request_log())
        .iter()
        .map(|r| (r.status, r.code))
        .collect();
    assert_eq!(codes, vec![(400, Some(99991663)), (200, Some(0))]);
}

#[tokio::test]
async fn concurrent_writes_after_expiry_share_one_refresh() {
    let (fake, client) = setup().await;
    client.tenant_token().await.unwrap();
    fake.expire_tokens();
    let tasks: Vec<_> = (0..5)
        .map(|i| {
            let c = client.clone();
            tokio::spawn(async move {
                c.execute(&Outgoing::send_text_to_chat(
                    &format!("oc_{i}"),
                    "x",
                    &format!("k{i}"),
                ))
                .await
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    assert_eq!(fake.token_requests(), 2);
    assert_eq!(fake.messages().len(), 5);
}

#[tokio::test]
async fn a_wrong_secret_is_a_permanent_10014() {
    let fake = FakeFeishu::start(APP_ID, SECRET).await.unwrap();
    let client = client_for(&fake, "wrong");
    let e = client.tenant_token().await.unwrap_err();
    assert_eq!(e.code(), Some(10014));
    assert_eq!(e.disposition(), Disposition::Permanent);
    assert!(!e.to_string().contains("wrong"), "the secret must not leak: {e}");
    let e = client
        .execute(&Outgoing::send_text_to_chat("oc_a", "x", "u"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some(10014));
    assert!(fake.messages().is_empty());
}

#[tokio::test]
async fn an_outage_is_a_retryable_transport_error_and_recovery_works() {
    let (fake, client) = setup().await;
    fake.set_outage(true);
    let op = Outgoing::send_text_to_chat("oc_a", "x", "u-out");
    let e = client.execute(&op).await.unwrap_err();
    assert_eq!(e, FeishuError::Transport("HTTP 503".to_owned()));
    assert_eq!(e.disposition(), Disposition::Retry { after: None });
    fake.set_outage(false);
    client.execute(&op).await.unwrap();
    assert_eq!(fake.messages().len(), 1);
}

#[tokio::test]
async fn a_server_error_with_a_code_is_retryable() {
    let (fake, client) = setup().await;
    fake.fail_next(1, 1_000_500, 500);
    let e = client
        .execute(&Outgoing::send_text_to_chat("oc_a", "x", "u"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some(1_000_500));
    assert!(matches!(e.disposition(), Disposition::Retry { .. }));
}

#[tokio::test]
async fn a_rate_limit_reports_the_reset_from_the_header() {
    let (fake, client) = setup().await;
    fake.rate_limit_next(1, 7);
    let op = Outgoing::send_text_to_chat("oc_a", "x", "u-rl");
    let e = client.execute(&op).await.unwrap_err();
    assert_eq!(
        e,
        FeishuError::RateLimited {
            code: 99991400,
            reset: Some(Duration::from_secs(7))
        }
    );
    assert_eq!(
        e.disposition(),
        Disposition::Retry {
            after: Some(Duration::from_secs(7))
        }
    );
    client.execute(&op).await.unwrap();
}

#[tokio::test]
async fn the_same_uuid_never_creates_a_second_message() {
    let (fake, client) = setup().await;
    let op = Outgoing::send_card_to_chat("oc_a", &shared_card("提醒"), "remind:DB-7:1");
    let a = client.execute(&op).await.unwrap();
    let b = client.execute(&op).await.unwrap();
    assert_eq!(a.message_id, b.message_id);
    assert_eq!(fake.messages().len(), 1);
}

#[tokio::test]
async fn a_chat_without_the_bot_is_a_permanent_230002() {
    let (fake, client) = setup().await;
    fake.remove_bot_from_chat("oc_gone");
    let e = client
        .execute(&Outgoing::send_card_to_chat("oc_gone", &shared_card("x"), "u"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some(230002));
    assert_eq!(e.disposition(), Disposition::Permanent);
    client
        .execute(&Outgoing::send_card_to_chat("oc_other", &shared_card("x"), "u2"))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_card_arrives_as_the_card_object_sent_as_a_string() {
    let (fake, client) = setup().await;
    let card = shared_card("新督办");
    let d = client
        .execute(&Outgoing::send_card_to_chat("oc_a", &card, "u"))
        .await
        .unwrap();
    let m = fake.message(d.message_id.as_deref().unwrap()).unwrap();
    assert_eq!(m.msg_type, "interactive");
    assert_eq!(m.receive_id_type, "chat_id");
    assert_eq!(m.chat_id, "oc_a");
    assert_eq!(m.content, card);
    assert_eq!(m.uuid.as_deref(), Some("u"));
}

#[tokio::test]
async fn patching_a_shared_card_replaces_it() {
    let (fake, client) = setup().await;
    let d = client
        .execute(&Outgoing::send_card_to_chat("oc_a", &shared_card("待办"), "u"))
        .await
        .unwrap();
    let id = d.message_id.unwrap();
    let patched = client
        .execute(&Outgoing::patch_card(&id, Some("oc_a"), &shared_card("已完成")))
        .await
        .unwrap();
    assert_eq!(patched.message_id, None);
    let m = fake.message(&id).unwrap();
    assert_eq!(m.patches.len(), 1);
    assert_eq!(m.card(), &shared_card("已完成"));
    assert_eq!(m.content, shared_card("待办"));
}

#[tokio::test]
async fn patching_a_card_that_is_not_shared_is_refused() {
    let (fake, client) = setup().await;
    let card = json!({"elements": [{"tag": "markdown", "content": "x"}]});
    let d = client
        .execute(&Outgoing::send_card_to_chat("oc_a", &card, "u"))
        .await
        .unwrap();
    let id = d.message_id.unwrap();
    let e = client
        .execute(&Outgoing::patch_card(&id, Some("oc_a"), &shared_card("x")))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some(230001));
    assert!(fake.message(&id).unwrap().patches.is_empty());
}

#[tokio::test]
async fn an_urgent_is_recorded_on_the_message() {
    let (fake, client) = setup().await;
    let d = client
        .execute(&Outgoing::send_card_to_chat("oc_a", &shared_card("x"), "u"))
        .await
        .unwrap();
    let id = d.message_id.unwrap();
    let users = vec!["ou_alice".to_owned(), "ou_bob".to_owned()];
    client
        .execute(&Outgoing::urgent_app(&id, Some("oc_a"), &users))
        .await
        .unwrap();
    assert_eq!(fake.message(&id).unwrap().urgent, vec![users.clone()]);
    // SMS and phone urgents: the same request on their own paths.
    for channel in [
        crate::feishu::UrgentChannel::Sms,
        crate::feishu::UrgentChannel::Phone,
    ] {
        client
            .execute(&Outgoing::urgent(channel, &id, Some("oc_a"), &users[..1]))
            .await
            .unwrap();
    }
    assert_eq!(
        fake.message(&id).unwrap().paid_urgent,
        vec![
            ("urgent_sms".to_owned(), users[..1].to_vec()),
            ("urgent_phone".to_owned(), users[..1].to_vec())
        ]
    );
}

#[tokio::test]
async fn a_reply_to_a_user_message_lands_in_its_chat() {
    let (fake, client) = setup().await;
    let parent = fake.add_message("oc_team", "ou_alice", "text", r#"{"text":"@_user_1 /督办 列表"}"#);
    let d = client
        .execute(&Outgoing::reply_card(
            &parent,
            Some("oc_team"),
            &shared_card("列表"),
            "reply:1",
        ))
        .await
        .unwrap();
    let m = fake.message(d.message_id.as_deref().unwrap()).unwrap();
    assert_eq!(m.parent_id.as_deref(), Some(parent.as_str()));
    assert_eq!(m.chat_id, "oc_team");
    assert!(m.sent_by_bot());
}

#[tokio::test]
async fn get_message_reads_back_a_seeded_message() {
    let (fake, client) = setup().await;
    let id = fake.add_message("oc_team", "ou_alice", "text", r#"{"text":"你好"}"#);
    let m = client.get_message(&id).await.unwrap();
    assert_eq!(m.message_id, id);
    assert_eq!(m.msg_type, "text");
    assert_eq!(
        serde_json::from_str::<Value>(&m.content).unwrap(),
        json!({"text": "你好"})
    );
    assert_eq!(m.sender_id, "ou_alice");
    assert_eq!(m.sender_type, "user");
    assert_eq!(m.chat_id, "oc_team");
    let e = client.get_message("om_missing").await.unwrap_err();
    assert_eq!(e.code(), Some(230011));
}

#[tokio::test]
async fn bot_info_reads_the_top_level_bot() {
    let (fake, client) = setup().await;
    let info = client.bot_info().await.unwrap();
    assert_eq!(info.open_id, fake.bot_open_id());
    assert_eq!(info.activate_status, 2);
}

#[tokio::test]
async fn a_message_id_with_a_slash_is_refused_before_any_request() {
    let (fake, client) = setup().await;
    let e = client
        .execute(&Outgoing::patch_card("om_1/../x", None, &shared_card("x")))
        .await
        .unwrap_err();
    assert!(matches!(e, FeishuError::Config(_)));
    assert!(fake.request_log().iter().all(|r| !r.path.contains("om_1")));
}

#[tokio::test]
async fn the_chat_limiter_spaces_writes_to_one_chat() {
    let (fake, client) = setup().await;
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let c = client.clone();
            tokio::spawn(async move {
                c.execute(&Outgoing::send_text_to_chat("oc_busy", "x", &format!("k{i}")))
                    .await
            })
        })
        .collect();
    for t in tasks {
        // A 429 could only come from extreme scheduling jitter; it is tolerated here because
        // what is asserted is the spacing the fake observed, below.
        match t.await.unwrap() {
            Ok(_) | Err(FeishuError::RateLimited { .. }) => {}
            Err(e) => panic!("unexpected error: {e:?}"),
        }
    }
    let log = fake.request_log();
    let times: Vec<_> = sends(&log).iter().map(|r| r.at).collect();
    assert_eq!(times.len(), 8, "one attempt per write");
    // Unlimited, all eight land within a few milliseconds; at 5/s a one-second window holds 5.
    // One extra is allowed for network jitter.
    let busiest = times
        .iter()
        .map(|start| {
            times
                .iter()
                .filter(|t| **t >= *start && t.duration_since(*start) < Duration::from_secs(1))
                .count()
        })
        .max()
        .unwrap();
    assert!(busiest <= 6, "{busiest} writes within one second");
}

#[tokio::test]
async fn neither_the_secret_nor_the_token_shows_in_debug_output() {
    let (_fake, client) = setup().await;
    let token = client.tenant_token().await.unwrap();
    let shown = format!("{client:?}");
    assert!(!shown.contains(SECRET) && !shown.contains(&token), "{shown}");
    let cfg = ClientConfig::new("http://x", APP_ID, SecretString::from(SECRET.to_owned()));
    assert!(!format!("{cfg:?}").contains(SECRET));
}

#[test]
fn a_base_url_without_a_scheme_is_a_config_error() {
    let cfg = ClientConfig::new("open.feishu.cn", APP_ID, SecretString::from(SECRET.to_owned()));
    assert!(matches!(FeishuClient::new(cfg), Err(FeishuError::Config(_))));
}

mod bitable_docs;
