//! The Bitable, document and member routes' contract, checked with raw HTTP requests (no
//! duban client in between).

use serde_json::{Value, json};

use super::super::*;
use crate::domain::ids::{OpenId, Person};

const APP_ID: &str = "cli_a1b2c3d4e5f60718";
const SECRET: &str = "secret";
const CREATE: &str = "/open-apis/bitable/v1/apps/bascnA/tables/tblA/records/batch_create";

async fn start() -> (FakeFeishu, reqwest::Client, String) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let fake = FakeFeishu::start(APP_ID, SECRET).await.unwrap();
    let http = reqwest::Client::new();
    let v: Value = http
        .post(format!(
            "{}/open-apis/auth/v3/tenant_access_token/internal",
            fake.base_url
        ))
        .json(&json!({"app_id": APP_ID, "app_secret": SECRET}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = v["tenant_access_token"].as_str().unwrap().to_owned();
    fake.add_bitable("bascnA", "tblA", &["编号"]);
    (fake, http, token)
}

async fn post(http: &reqwest::Client, url: String, token: Option<&str>, body: &Value) -> (u16, Value) {
    let mut rb = http.post(url).json(body);
    if let Some(t) = token {
        rb = rb.bearer_auth(t);
    }
    let r = rb.send().await.unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

#[tokio::test]
async fn bitable_writes_need_a_bearer_token() {
    let (fake, http, _) = start().await;
    let body = json!({"records": [{"fields": {"编号": "DB-1"}}]});
    let (s, v) = post(&http, format!("{}{CREATE}", fake.base_url), None, &body).await;
    assert_eq!((s, v["code"].as_i64()), (400, Some(99991661)));
    assert!(fake.bitable_records("bascnA", "tblA").is_empty());
}

#[tokio::test]
async fn more_than_five_hundred_records_answer_1254104() {
    let (fake, http, token) = start().await;
    let records: Vec<Value> = (0..501)
        .map(|i| json!({"fields": {"编号": format!("DB-{i}")}}))
        .collect();
    let (_, v) = post(
        &http,
        format!("{}{CREATE}", fake.base_url),
        Some(&token),
        &json!({"records": records}),
    )
    .await;
    assert_eq!(v["code"], 1254104);
    assert!(fake.bitable_records("bascnA", "tblA").is_empty());
}

#[tokio::test]
async fn a_client_token_that_is_not_a_uuid_is_refused() {
    let (fake, http, token) = start().await;
    let body = json!({"records": [{"fields": {"编号": "DB-1"}}]});
    let url = format!("{}{CREATE}?client_token=abc", fake.base_url);
    assert_eq!(post(&http, url, Some(&token), &body).await.1["code"], 1254001);
}

#[tokio::test]
async fn search_shows_text_cells_as_rich_text_and_pages() {
    let (fake, http, token) = start().await;
    let records: Vec<Value> = (0..3)
        .map(|i| json!({"fields": {"编号": format!("DB-{i}")}}))
        .collect();
    post(
        &http,
        format!("{}{CREATE}", fake.base_url),
        Some(&token),
        &json!({"records": records}),
    )
    .await;
    let url = format!(
        "{}/open-apis/bitable/v1/apps/bascnA/tables/tblA/records/search?page_size=2",
        fake.base_url
    );
    let (_, v) = post(&http, url, Some(&token), &json!({"field_names": ["编号"]})).await;
    assert_eq!(v["data"]["has_more"], true);
    assert_eq!(
        v["data"]["items"][0]["fields"]["编号"],
        json!([{"text": "DB-0", "type": "text"}])
    );
    let url = format!(
        "{}/open-apis/bitable/v1/apps/bascnA/tables/tblA/records/search?page_size=2&page_token={}",
        fake.base_url,
        v["data"]["page_token"].as_str().unwrap()
    );
    let (_, v) = post(&http, url, Some(&token), &json!({})).await;
    assert_eq!(
        (
            v["data"]["has_more"].as_bool(),
            v["data"]["items"].as_array().unwrap().len()
        ),
        (Some(false), 1)
    );
}

#[tokio::test]
async fn member_pages_carry_has_more_and_a_page_token() {
    let (fake, http, token) = start().await;
    let people: Vec<Person> = (0..3)
        .map(|i| Person {
            open_id: OpenId(format!("ou_{i}")),
            name: format!("员工{i}"),
        })
        .collect();
    fake.set_chat_members("oc_g", &people);
    let url = format!(
        "{}/open-apis/im/v1/chats/oc_g/members?member_id_type=open_id&page_size=2",
        fake.base_url
    );
    let v: Value = http
        .get(url)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["data"]["has_more"], true);
    assert_eq!(v["data"]["member_total"], 3);
    assert_eq!(v["data"]["items"][1]["member_id"], "ou_1");
    let url = format!(
        "{}/open-apis/im/v1/chats/oc_g/members?page_size=101",
        fake.base_url
    );
    let v: Value = http
        .get(url)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["code"], 99992402);
}

#[tokio::test]
async fn a_transcript_is_a_plain_text_file_and_a_denied_scope_is_json() {
    let (fake, http, token) = start().await;
    fake.add_minutes("obcnM", "张三：好的。");
    let url = format!(
        "{}/open-apis/minutes/v1/minutes/obcnM/transcript?file_format=txt",
        fake.base_url
    );
    let r = http.get(&url).bearer_auth(&token).send().await.unwrap();
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    assert_eq!(r.text().await.unwrap(), "张三：好的。");
    fake.deny_scope("minutes:minutes:readonly");
    let v: Value = http
        .get(&url)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["code"], 99991672);
    assert!(v["msg"].as_str().unwrap().contains("minutes:minutes:readonly"));
}
