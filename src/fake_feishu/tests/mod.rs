//! The fake's contract, checked with raw HTTP requests (no duban client in between), so a
//! client bug cannot hide a lenient fake.

use std::time::Duration;

use serde_json::{Value, json};

use super::*;

const APP_ID: &str = "cli_a1b2c3d4e5f60718";
const SECRET: &str = "secret";

struct Raw {
    fake: FakeFeishu,
    http: reqwest::Client,
}

impl Raw {
    async fn start() -> Self {
        let _ = rustls::crypto::ring::default_provider().install_default();
        Self {
            fake: FakeFeishu::start(APP_ID, SECRET).await.unwrap(),
            http: reqwest::Client::new(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.fake.base_url)
    }

    async fn token(&self, secret: &str) -> (u16, Value) {
        let r = self
            .http
            .post(self.url("/open-apis/auth/v3/tenant_access_token/internal"))
            .json(&json!({"app_id": APP_ID, "app_secret": secret}))
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json().await.unwrap())
    }

    async fn bearer(&self) -> String {
        let (_, v) = self.token(SECRET).await;
        v["tenant_access_token"].as_str().unwrap().to_owned()
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: &Value,
    ) -> (u16, Value) {
        let mut rb = self.http.request(method, self.url(path)).json(body);
        if let Some(t) = token {
            rb = rb.bearer_auth(t);
        }
        let r = rb.send().await.unwrap();
        (r.status().as_u16(), r.json().await.unwrap())
    }

    async fn send(&self, token: &str, body: &Value) -> (u16, Value) {
        let path = "/open-apis/im/v1/messages?receive_id_type=chat_id";
        self.call(reqwest::Method::POST, path, Some(token), body).await
    }
}

fn text_body(chat: &str, text: &str) -> Value {
    json!({"receive_id": chat, "msg_type": "text", "content": json!({"text": text}).to_string()})
}

#[tokio::test]
async fn the_token_endpoint_refuses_a_wrong_secret_with_http_200() {
    let raw = Raw::start().await;
    let (status, v) = raw.token("nope").await;
    assert_eq!((status, v["code"].as_i64()), (200, Some(10014)));
    assert!(v.get("tenant_access_token").is_none());
}

#[tokio::test]
async fn the_same_token_is_returned_while_plenty_of_time_remains() {
    let raw = Raw::start().await;
    let (status, a) = raw.token(SECRET).await;
    assert_eq!(
        (status, a["code"].as_i64(), a["expire"].as_u64()),
        (200, Some(0), Some(7200))
    );
    assert!(a["tenant_access_token"].as_str().unwrap().starts_with("t-"));
    let (_, b) = raw.token(SECRET).await;
    assert_eq!(a["tenant_access_token"], b["tenant_access_token"]);
    raw.fake.expire_tokens();
    let (_, c) = raw.token(SECRET).await;
    assert_ne!(a["tenant_access_token"], c["tenant_access_token"]);
    assert_eq!(raw.fake.token_requests(), 3);
}

#[tokio::test]
async fn calls_without_or_with_a_bad_token_are_refused() {
    let raw = Raw::start().await;
    let body = text_body("oc_a", "x");
    let (s, v) = raw
        .call(
            reqwest::Method::POST,
            "/open-apis/im/v1/messages?receive_id_type=chat_id",
            None,
            &body,
        )
        .await;
    assert_eq!((s, v["code"].as_i64()), (400, Some(99991661)));
    assert_eq!(raw.send("t-unknown", &body).await.1["code"], 99991663);
    assert_eq!(raw.send("bogus", &body).await.1["code"], 99991671);
    let token = raw.bearer().await;
    raw.fake.expire_tokens();
    assert_eq!(raw.send(&token, &body).await.1["code"], 99991663);
    assert!(raw.fake.messages().is_empty());
}

#[tokio::test]
async fn content_must_be_a_json_string() {
    let raw = Raw::start().await;
    let token = raw.bearer().await;
    let object = json!({"receive_id": "oc_a", "msg_type": "text", "content": {"text": "x"}});
    let (s, v) = raw.send(&token, &object).await;
    assert_eq!((s, v["code"].as_i64()), (400, Some(230001)));
    let (s, v) = raw.send(&token, &text_body("oc_a", "x")).await;
    assert_eq!((s, v["code"].as_i64()), (200, Some(0)));
    let data = &v["data"];
    assert!(data["message_id"].as_str().unwrap().starts_with("om_"));
    assert_eq!(data["chat_id"], "oc_a");
    assert_eq!(data["sender"]["sender_type"], "app");
    assert_eq!(raw.fake.messages().len(), 1);
}

#[tokio::test]
async fn receive_id_type_is_required_and_checked() {
    let raw = Raw::start().await;
    let token = raw.bearer().await;
    let body = text_body("oc_a", "x");
    for path in [
        "/open-apis/im/v1/messages",
        "/open-apis/im/v1/messages?receive_id_type=phone",
    ] {
        let (s, v) = raw.call(reqwest::Method::POST, path, Some(&token), &body).await;
        assert_eq!((s, v["code"].as_i64()), (400, Some(230001)), "{path}");
    }
    let path = "/open-apis/im/v1/messages?receive_id_type=open_id";
    let (s, v) = raw
        .call(
            reqwest::Method::POST,
            path,
            Some(&token),
            &text_body("ou_alice", "x"),
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(v["data"]["chat_id"], "oc_p2p_ou_alice");
}

#[tokio::test]
async fn a_sixth_write_to_one_chat_within_a_second_gets_429() {
    let raw = Raw::start().await;
    let token = raw.bearer().await;
    let mut last = None;
    let mut statuses = Vec::new();
    for i in 0..6 {
        let r = raw
            .http
            .post(raw.url("/open-apis/im/v1/messages?receive_id_type=chat_id"))
            .bearer_auth(&token)
            .json(&text_body("oc_a", &i.to_string()))
            .send()
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
        last = Some(r);
    }
    // Six quick loopback requests fit well inside one second.
    assert_eq!(statuses, vec![200, 200, 200, 200, 200, 429]);
    let last = last.unwrap();
    assert_eq!(last.headers()["x-ogw-ratelimit-limit"], "5");
    assert_eq!(last.headers()["x-ogw-ratelimit-reset"], "1");
    assert_eq!(last.json::<Value>().await.unwrap()["code"], 99991400);
    assert_eq!(
        raw.send(&token, &text_body("oc_b", "x")).await.0,
        200,
        "another chat is unaffected"
    );
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(raw.send(&token, &text_body("oc_a", "later")).await.0, 200);
    assert_eq!(raw.fake.messages().len(), 7);
}

#[tokio::test]
async fn the_51st_send_of_the_app_within_a_second_gets_429_whatever_the_chat() {
    let raw = Raw::start().await;
    let token = raw.bearer().await;
    let mut statuses = Vec::new();
    let mut last = None;
    // 51 sends to 51 chats (no chat's own limit in play), fast enough to share one second.
    for i in 0..51 {
        let r = raw
            .http
            .post(raw.url("/open-apis/im/v1/messages?receive_id_type=chat_id"))
            .bearer_auth(&token)
            .json(&text_body(&format!("oc_app_{i}"), "x"))
            .send()
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
        last = Some(r);
    }
    assert!(statuses[..50].iter().all(|s| *s == 200), "{statuses:?}");
    assert_eq!(statuses[50], 429);
    let last = last.unwrap();
    assert_eq!(last.headers()["x-ogw-ratelimit-limit"], "50");
    assert_eq!(last.json::<Value>().await.unwrap()["code"], 99991400);
    assert_eq!(raw.fake.messages().len(), 50, "the refused send left nothing");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(raw.send(&token, &text_body("oc_app_late", "x")).await.0, 200);
}

#[tokio::test]
async fn replying_to_an_unknown_message_is_refused() {
    let raw = Raw::start().await;
    let token = raw.bearer().await;
    let body = json!({"msg_type": "text", "content": json!({"text": "x"}).to_string()});
    let (s, v) = raw
        .call(
            reqwest::Method::POST,
            "/open-apis/im/v1/messages/om_nope/reply",
            Some(&token),
            &body,
        )
        .await;
    assert_eq!((s, v["code"].as_i64()), (400, Some(230011)));
}

#[tokio::test]
async fn only_the_bots_own_interactive_messages_can_be_patched() {
    let raw = Raw::start().await;
    let token = raw.bearer().await;
    let user_msg = raw
        .fake
        .add_message("oc_a", "ou_alice", "text", r#"{"text":"hi"}"#);
    let card = json!({"content": json!({"schema": "2.0", "body": {"elements": []}}).to_string()});
    let path = format!("/open-apis/im/v1/messages/{user_msg}");
    let (s, v) = raw.call(reqwest::Method::PATCH, &path, Some(&token), &card).await;
    assert_eq!((s, v["code"].as_i64()), (400, Some(230001)));
    let text = raw.send(&token, &text_body("oc_a", "x")).await.1;
    let path = format!(
        "/open-apis/im/v1/messages/{}",
        text["data"]["message_id"].as_str().unwrap()
    );
    assert_eq!(
        raw.call(reqwest::Method::PATCH, &path, Some(&token), &card)
            .await
            .1["code"],
        230001
    );
}

#[tokio::test]
async fn urgent_needs_a_non_empty_user_list_and_a_user_id_type() {
    let raw = Raw::start().await;
    let token = raw.bearer().await;
    let sent = raw.send(&token, &text_body("oc_a", "x")).await.1;
    let id = sent["data"]["message_id"].as_str().unwrap().to_owned();
    let with_type = format!("/open-apis/im/v1/messages/{id}/urgent_app?user_id_type=open_id");
    let without = format!("/open-apis/im/v1/messages/{id}/urgent_app");
    let users = json!({"user_id_list": ["ou_a", "bad"]});
    let patch = reqwest::Method::PATCH;
    assert_eq!(
        raw.call(patch.clone(), &without, Some(&token), &users).await.1["code"],
        230001
    );
    let empty = json!({"user_id_list": []});
    assert_eq!(
        raw.call(patch.clone(), &with_type, Some(&token), &empty).await.1["code"],
        230001
    );
    let (s, v) = raw.call(patch, &with_type, Some(&token), &users).await;
    assert_eq!(
        (s, v["data"]["invalid_user_id_list"].clone()),
        (200, json!(["bad"]))
    );
    assert_eq!(
        raw.fake.message(&id).unwrap().urgent,
        vec![vec!["ou_a".to_owned()]]
    );
    // urgent_sms / urgent_phone: the same contract, recorded apart (they cost paid quota).
    for op in ["urgent_sms", "urgent_phone"] {
        let without = format!("/open-apis/im/v1/messages/{id}/{op}");
        let with_type = format!("{without}?user_id_type=open_id");
        assert_eq!(
            raw.call(reqwest::Method::PATCH, &without, Some(&token), &users)
                .await
                .1["code"],
            230001
        );
        assert_eq!(
            raw.call(reqwest::Method::PATCH, &with_type, Some(&token), &users)
                .await
                .0,
            200
        );
    }
    let m = raw.fake.message(&id).unwrap();
    assert_eq!(m.urgent.len(), 1);
    assert_eq!(
        m.paid_urgent,
        vec![
            ("urgent_sms".to_owned(), vec!["ou_a".to_owned()]),
            ("urgent_phone".to_owned(), vec!["ou_a".to_owned()])
        ]
    );
}

#[tokio::test]
async fn an_outage_answers_503_everywhere_and_unknown_routes_404_json() {
    let raw = Raw::start().await;
    let (s, v) = raw
        .call(reqwest::Method::GET, "/open-apis/nothing/here", None, &json!({}))
        .await;
    assert_eq!((s, v["code"].as_i64()), (404, Some(404)));
    raw.fake.set_outage(true);
    let r = raw
        .http
        .post(raw.url("/open-apis/auth/v3/tenant_access_token/internal"))
        .json(&json!({"app_id": APP_ID, "app_secret": SECRET}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 503);
    let last = raw.fake.request_log().pop().unwrap();
    assert_eq!((last.status, last.code), (503, None));
    assert_eq!(
        raw.fake.token_requests(),
        0,
        "the gateway answered, not the token service"
    );
}

#[tokio::test]
async fn injected_failures_count_down() {
    let raw = Raw::start().await;
    let token = raw.bearer().await;
    raw.fake.fail_next(2, 230099, 400);
    let codes: Vec<_> = send_codes(&raw, &token, 3).await;
    assert_eq!(codes, vec![230099, 230099, 0]);
}

async fn send_codes(raw: &Raw, token: &str, n: usize) -> Vec<i64> {
    let mut out = Vec::new();
    for i in 0..n {
        let (_, v) = raw.send(token, &text_body(&format!("oc_{i}"), "x")).await;
        out.push(v["code"].as_i64().unwrap());
    }
    out
}

#[tokio::test]
async fn wait_for_messages_returns_what_it_has_at_the_timeout() {
    let raw = Raw::start().await;
    let token = raw.bearer().await;
    raw.fake.add_message("oc_a", "ou_a", "text", r#"{"text":"1"}"#);
    let (_, v) = raw.send(&token, &text_body("oc_a", "x")).await;
    assert_eq!(v["code"], 0);
    let got = raw.fake.wait_for_messages(2, Duration::from_millis(50)).await;
    assert_eq!(got.len(), 1, "only the bot's message counts");
    assert_eq!(raw.fake.all_messages().len(), 2);
}

#[tokio::test]
async fn the_router_serves_in_process_without_a_socket() {
    use tower::ServiceExt;
    let state = FakeState::new(APP_ID, SECRET);
    let req = axum::http::Request::post("/open-apis/auth/v3/tenant_access_token/internal")
        .header("content-type", "application/json")
        .body(axum::body::Body::from(
            json!({"app_id": APP_ID, "app_secret": SECRET}).to_string(),
        ))
        .unwrap();
    let resp = FakeFeishu::router(state.clone()).oneshot(req).await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(state.token_requests(), 1);
}

#[tokio::test]
async fn message_writes_are_recorded_raw_with_their_answers() {
    let raw = Raw::start().await;
    let token = raw.bearer().await;
    let (_, sent) = raw.send(&token, &text_body("oc_a", "你好")).await;
    let id = sent["data"]["message_id"].as_str().unwrap().to_owned();
    let reply = json!({"msg_type": "text", "content": json!({"text": "收到"}).to_string()});
    let path = format!("/open-apis/im/v1/messages/{id}/reply");
    raw.call(reqwest::Method::POST, &path, Some(&token), &reply).await;
    let (s, _) = raw
        .send(
            &token,
            &json!({"receive_id": "oc_a", "msg_type": "text", "content": {"text": "x"}}),
        )
        .await;
    assert_eq!(s, 400);

    let log = raw.fake.state().raw_requests();
    assert_eq!(log.len(), 3, "token and reads are not message writes");
    assert_eq!(log[0].path, "/open-apis/im/v1/messages?receive_id_type=chat_id");
    assert_eq!(log[0].message_id.as_deref(), Some(id.as_str()));
    assert!(log[0].body["content"].is_string(), "the body is kept as sent");
    assert_eq!(log[1].parent_id.as_deref(), Some(id.as_str()));
    assert_ne!(log[1].message_id.as_deref(), Some(id.as_str()));
    assert_eq!(
        (log[2].status, log[2].response["code"].as_i64()),
        (400, Some(230001))
    );
    assert_eq!(log.iter().map(|r| r.seq).collect::<Vec<_>>(), vec![1, 2, 3]);
}

#[tokio::test]
async fn a_restored_fake_keeps_counting_ids_and_deduplicating_uuids() {
    let raw = Raw::start().await;
    let token = raw.bearer().await;
    let mut body = text_body("oc_a", "一次");
    body["uuid"] = json!("u-1");
    let first = raw.send(&token, &body).await.1["data"]["message_id"].clone();
    let (messages, log) = (raw.fake.all_messages(), raw.fake.state().raw_requests());

    let again = Raw::start().await;
    again.fake.state().restore(messages, log);
    let token = again.bearer().await;
    assert_eq!(
        again.send(&token, &body).await.1["data"]["message_id"],
        first,
        "same uuid, same message"
    );
    let other = again.send(&token, &text_body("oc_a", "二")).await.1["data"]["message_id"].clone();
    assert_ne!(other, first);
    assert_eq!(again.fake.state().raw_requests().len(), 3);
}

mod bitable_docs;
mod performance;
