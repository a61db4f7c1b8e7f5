//! The webhook: verification, decryption, de-duplication, durable acknowledgement, and the
//! OpenAPI path back (outages, rate limits, token expiry).

use std::time::Duration;

use duban::feishu::crypto::EventCipher;
use duban::feishu::signature::{card_signature, event_signature};
use serde_json::{Value, json};

use crate::helpers::*;

fn help_text(card: &Value) -> String {
    card.to_string()
}

#[tokio::test]
async fn a_plain_url_verification_is_answered_with_the_challenge() {
    let app = spawn_app().await;
    let body =
        json!({"challenge": "ajls384kdjx98XX", "token": VERIFICATION_TOKEN, "type": "url_verification"});
    let r = app.post_raw("/feishu/events", body.to_string(), &[]).await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.json::<Value>().await.unwrap(),
        json!({"challenge": "ajls384kdjx98XX"})
    );
    app.stop().await;
}

#[tokio::test]
async fn an_encrypted_url_verification_is_answered_and_a_wrong_token_is_refused() {
    let app = spawn_app().await;
    let cipher = EventCipher::new(ENCRYPT_KEY);
    let ok = json!({"encrypt": cipher.encrypt(json!({"challenge":"c1","token":VERIFICATION_TOKEN,"type":"url_verification"}).to_string().as_bytes())});
    let r = app.post_raw("/feishu/events", ok.to_string(), &[]).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["challenge"], "c1");
    let bad = json!({"encrypt": cipher.encrypt(json!({"challenge":"c2","token":"wrong","type":"url_verification"}).to_string().as_bytes())});
    let r = app.post_raw("/feishu/events", bad.to_string(), &[]).await;
    assert_eq!(r.status(), 401);
    app.stop().await;
}

#[tokio::test]
async fn the_help_command_is_answered_in_the_chat_with_a_help_card() {
    let app = spawn_app().await;
    let mid = app.say(ZHANG, "@_user_1 /督办 帮助", &[BOT]).await;
    let msgs = app.fake.wait_for_messages(1, Duration::from_secs(10)).await;
    assert_eq!(msgs.len(), 1);
    assert_eq!(msgs[0].parent_id.as_deref(), Some(mid.as_str()));
    assert_eq!(msgs[0].msg_type, "interactive");
    let text = help_text(&msgs[0].content);
    assert!(text.contains("列表") && text.contains("延期"), "{text}");
    // `/help`, full-width slash and ideographic spaces, in a 1:1 chat without a mention.
    let ev = message_event(
        "ev_p2p",
        "om_p2p",
        "oc_p2p_chat",
        "p2p",
        LI.0,
        "／督办\u{3000}帮助",
        &[],
        None,
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    let ev = message_event(
        "ev_help",
        "om_help",
        CHAT,
        "group",
        LI.0,
        "@_user_1 /help",
        &[BOT],
        None,
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    // The 1:1 chat is new to the bot: its welcome card comes first, then the help card; the
    // group's `/help` makes four messages in all.
    let msgs = app.fake.wait_for_messages(4, Duration::from_secs(10)).await;
    assert_eq!(msgs.len(), 4);
    let p2p: Vec<String> = msgs
        .iter()
        .filter(|m| m.chat_id == "oc_p2p_chat")
        .map(|m| m.content.to_string())
        .collect();
    assert_eq!(p2p.len(), 2, "{p2p:?}");
    assert!(p2p[0].contains("你好，我是督办"), "{}", p2p[0]);
    assert!(
        help_text(
            &msgs
                .iter()
                .find(|m| m.chat_id == "oc_p2p_chat" && !m.content.to_string().contains("你好，我是督办"))
                .unwrap()
                .content
        )
        .contains("延期")
    );
    assert_eq!(msgs.iter().filter(|m| m.chat_id == CHAT).count(), 2);
    app.stop().await;
}

#[tokio::test]
async fn bad_signatures_missing_headers_tampering_and_bad_json_are_refused() {
    let app = spawn_app().await;
    let ev = help_event("ev_sig", "om_sig");
    let cipher = EventCipher::new(ENCRYPT_KEY);
    let (body, headers) = seal(&cipher, &ev);
    // wrong signature
    let mut wrong = headers.clone();
    wrong[2].1 = "0".repeat(64);
    assert_eq!(
        app.post_raw("/feishu/events", body.clone(), &wrong)
            .await
            .status(),
        401
    );
    // missing headers
    assert_eq!(
        app.post_raw("/feishu/events", body.clone(), &[]).await.status(),
        401
    );
    assert_eq!(
        app.post_raw("/feishu/events", body.clone(), &headers[..2])
            .await
            .status(),
        401
    );
    // a signed body whose ciphertext was altered: signature no longer matches
    let tampered = body.replacen('A', "B", 1);
    assert_eq!(
        app.post_raw("/feishu/events", tampered.clone(), &headers)
            .await
            .status(),
        401
    );
    // tampered ciphertext that is correctly signed (as by someone with the key but a broken payload)
    let garbage = json!({"encrypt": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}).to_string();
    let ts = "1700000000".to_owned();
    let sig = event_signature(&ts, "n", ENCRYPT_KEY, garbage.as_bytes());
    let h = vec![
        ("x-lark-request-timestamp", ts),
        ("x-lark-request-nonce", "n".to_owned()),
        ("x-lark-signature", sig),
    ];
    assert_eq!(app.post_raw("/feishu/events", garbage, &h).await.status(), 400);
    // malformed JSON
    let junk = "{not json".to_owned();
    let sig = event_signature("1", "n", ENCRYPT_KEY, junk.as_bytes());
    let h = vec![
        ("x-lark-request-timestamp", "1".to_owned()),
        ("x-lark-request-nonce", "n".to_owned()),
        ("x-lark-signature", sig),
    ];
    assert_eq!(app.post_raw("/feishu/events", junk, &h).await.status(), 400);
    // a correctly sealed event with a wrong Verification Token inside
    let mut bad_token = ev.clone();
    bad_token["header"]["token"] = json!("not-the-token");
    assert_eq!(app.post_event(&bad_token).await.status(), 401);
    // a body over 1 MiB
    let big = "x".repeat(1024 * 1024 + 10);
    assert_eq!(app.post_raw("/feishu/events", big, &headers).await.status(), 413);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(app.fake.messages().is_empty(), "nothing may be processed");
    assert_eq!(app.store.inbox_len(), 0);
    app.stop().await;
}

#[tokio::test]
async fn duplicates_by_event_id_and_by_message_id_are_acknowledged_but_not_processed_again() {
    let app = spawn_app().await;
    let ev = help_event("ev_dup", "om_dup");
    assert_eq!(app.post_event(&ev).await.status(), 200);
    assert_eq!(app.post_event(&ev).await.status(), 200);
    let same_message = help_event("ev_dup_other", "om_dup");
    assert_eq!(app.post_event(&same_message).await.status(), 200);
    app.fake.wait_for_messages(1, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.fake.messages().len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn unknown_event_types_are_acknowledged_and_ignored() {
    let app = spawn_app().await;
    let ev = json!({"schema":"2.0","header":{"event_id":"ev_unknown","event_type":"contact.user.created_v3","token":VERIFICATION_TOKEN,
        "create_time":"1","app_id":APP_ID,"tenant_key":"tk"},"event":{}});
    assert_eq!(app.post_event(&ev).await.status(), 200);
    assert_eq!(app.store.inbox_len(), 0);
    let v1 = json!({"ts":"1502199207.7171419","uuid":"u-1","token":VERIFICATION_TOKEN,"type":"event_callback","event":{"type":"p2p_chat_create"}});
    assert_eq!(app.post_event(&v1).await.status(), 200);
    app.stop().await;
}

#[tokio::test]
async fn an_outage_loses_nothing_and_recovery_sends_each_reply_once() {
    let app = spawn_app().await;
    app.fake.set_outage(true);
    for i in 0..3 {
        let ev = help_event(&format!("ev_out{i}"), &format!("om_out{i}"));
        assert_eq!(app.post_event(&ev).await.status(), 200);
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(app.fake.messages().is_empty());
    assert!(app.store.outbox_len() >= 1);
    app.fake.set_outage(false);
    let msgs = app.fake.wait_for_messages(3, Duration::from_secs(20)).await;
    assert_eq!(msgs.len(), 3);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.fake.messages().len(), 3);
    assert!(eventually(|| app.store.outbox_len() == 0).await);
    app.stop().await;
}

#[tokio::test]
async fn a_rate_limit_is_waited_out_and_token_expiry_is_recovered() {
    let app = spawn_app().await;
    app.fake.rate_limit_next(1, 1);
    app.say(ZHANG, "@_user_1 /督办 帮助", &[BOT]).await;
    let msgs = app.fake.wait_for_messages(1, Duration::from_secs(15)).await;
    assert_eq!(msgs.len(), 1);
    let limited = app.fake.request_log().iter().filter(|r| r.status == 429).count();
    assert_eq!(limited, 1);
    let tokens_before = app.fake.token_requests();
    app.fake.expire_tokens();
    app.say(LI, "@_user_1 /督办 帮助", &[BOT]).await;
    let msgs = app.fake.wait_for_messages(2, Duration::from_secs(15)).await;
    assert_eq!(msgs.len(), 2);
    assert!(app.fake.token_requests() > tokens_before);
    app.stop().await;
}

#[tokio::test]
async fn a_permanent_error_is_recorded_and_not_retried() {
    let app = spawn_app().await;
    app.fake.remove_bot_from_chat(CHAT);
    app.say(ZHANG, "@_user_1 /督办 帮助", &[BOT]).await;
    assert!(eventually(|| app.store.outbox_dead().map(|d| d.len()).unwrap_or(0) == 1).await);
    let dead = app.store.outbox_dead().unwrap();
    assert_eq!(dead[0].1.last_code, Some(230002));
    assert_eq!(app.store.outbox_len(), 0);
    let attempts = app
        .fake
        .request_log()
        .iter()
        .filter(|r| r.path.starts_with("/open-apis/im/v1/messages"))
        .count();
    tokio::time::sleep(Duration::from_millis(800)).await;
    let later = app
        .fake
        .request_log()
        .iter()
        .filter(|r| r.path.starts_with("/open-apis/im/v1/messages"))
        .count();
    assert_eq!(attempts, later, "a permanent error must not be retried");
    let metrics = app.metrics_page().await;
    assert!(metrics.contains("duban_outbox_failed_total"), "{metrics}");
    app.stop().await;
}

#[tokio::test]
async fn health_readiness_and_metrics_answer() {
    let app = spawn_app().await;
    let r = app
        .http
        .get(format!("{}/healthz", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = app.http.get(format!("{}/readyz", app.base)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    app.fake.set_outage(true);
    let r = app.http.get(format!("{}/readyz", app.base)).send().await.unwrap();
    // The token is cached, so readiness holds through a short outage once a token was obtained.
    assert!(r.status() == 200 || r.status() == 503);
    let r = app
        .http
        .get(format!("{}/metrics", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("duban_inbox_pending"));
    app.stop().await;
}

#[tokio::test]
async fn readiness_fails_when_no_token_can_be_had() {
    let app = spawn_app().await;
    app.fake.set_outage(true);
    let r = app.http.get(format!("{}/readyz", app.base)).send().await.unwrap();
    assert_eq!(r.status(), 503);
    let body = r.text().await.unwrap();
    assert!(!body.contains(APP_SECRET));
    app.stop().await;
}

#[tokio::test]
async fn the_legacy_card_url_checks_its_sha1_signature_and_answers_challenges() {
    let app = spawn_app().await;
    let ch = json!({"challenge":"lc","token":VERIFICATION_TOKEN,"type":"url_verification"}).to_string();
    let r = app.post_raw("/feishu/cards", ch, &[]).await;
    assert_eq!(r.json::<Value>().await.unwrap()["challenge"], "lc");
    let body = json!({"open_id":ZHANG.0,"open_message_id":"om_x","token":"c-x","action":{"tag":"button","value":{"k":"v"}}}).to_string();
    let sig = card_signature("1700000000", "abc", VERIFICATION_TOKEN, body.as_bytes());
    let good = vec![
        ("x-lark-request-timestamp", "1700000000".to_owned()),
        ("x-lark-request-nonce", "abc".to_owned()),
        ("x-lark-signature", sig),
    ];
    assert_eq!(
        app.post_raw("/feishu/cards", body.clone(), &good).await.status(),
        200
    );
    let mut bad = good.clone();
    bad[2].1 = "e3649a185373e24174a287fa103ed5d8cb88ce0b".to_owned();
    assert_eq!(
        app.post_raw("/feishu/cards", body.clone(), &bad).await.status(),
        401
    );
    assert_eq!(app.post_raw("/feishu/cards", body, &[]).await.status(), 401);
    app.stop().await;
}

/// The value of `metric` with `label` on the metrics page (0 when absent).
fn metric_value(page: &str, metric: &str, label: &str) -> f64 {
    page.lines()
        .find(|l| l.starts_with(metric) && l.contains(label))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

/// An acknowledged event is answered `{}` as JSON, and counted: accepted, then duplicate for
/// its repeat, with the acknowledgement's time (the handles are registered once per process).
#[tokio::test]
async fn an_acknowledgement_is_json_and_counted() {
    let app = spawn_app().await;
    let before = app.metrics_page().await;
    let ev = message_event(
        "ev_counted",
        "om_counted",
        CHAT,
        "group",
        "ou_a",
        "大家好",
        &[],
        None,
    );
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers().get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/json")
    );
    assert_eq!(r.json::<Value>().await.unwrap(), json!({}));
    assert_eq!(app.post_event(&ev).await.status(), 200);
    let after = app.metrics_page().await;
    for outcome in ["accepted", "duplicate"] {
        let label = format!("outcome=\"{outcome}\"");
        let (b, a) = (
            metric_value(&before, "duban_events_received_total", &label),
            metric_value(&after, "duban_events_received_total", &label),
        );
        assert!(a >= b + 1.0, "{outcome}: {b} → {a}\n{after}");
    }
    assert!(after.contains("duban_event_ack_seconds"), "{after}");
    app.stop().await;
}

#[tokio::test]
async fn without_an_encrypt_key_plaintext_pushes_are_checked_by_their_token() {
    let app = spawn_app_with(|s| {
        if let Some(c) = s.credentials.as_mut() {
            c.encrypt_key = None;
        }
    })
    .await;
    let post = |ev: &Value| {
        register_user_message(&app.fake, ev);
        app.post_raw("/feishu/events", ev.to_string(), &[])
    };
    let help = help_event("ev_plain", "om_plain");
    // A wrong or missing token is refused, and nothing is stored.
    let mut wrong = help.clone();
    wrong["header"]["token"] = json!("not-the-token");
    assert_eq!(post(&wrong).await.status(), 401);
    let mut missing = help.clone();
    missing["header"].as_object_mut().unwrap().remove("token");
    assert_eq!(post(&missing).await.status(), 401);
    assert_eq!(app.store.inbox_len(), 0);
    // An encrypted body cannot be opened without the key.
    let (sealed, _) = seal(&EventCipher::new(ENCRYPT_KEY), &help);
    assert_eq!(app.post_raw("/feishu/events", sealed, &[]).await.status(), 400);
    // The right token: acknowledged and answered once, its retry acknowledged and not again.
    let r = post(&help).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap(), json!({}));
    assert_eq!(post(&help).await.status(), 200);
    let msgs = app.fake.wait_for_messages(1, Duration::from_secs(10)).await;
    assert!(help_text(&msgs[0].content).contains("延期"));
    assert_eq!(msgs[0].parent_id.as_deref(), Some("om_plain"));
    // Another event type, also plaintext, is acknowledged by the general path.
    let mut other = help.clone();
    other["header"]["event_id"] = json!("ev_plain_other");
    other["header"]["event_type"] = json!("im.message.message_read_v1");
    assert_eq!(post(&other).await.status(), 200);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.fake.messages().len(), 1);
    app.stop().await;
}
