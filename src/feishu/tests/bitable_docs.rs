//! The Bitable, document, minutes and chat-member calls against the fake Feishu, over real
//! HTTP on 127.0.0.1.

use std::time::Duration;

use secrecy::SecretString;
use serde_json::{Map, Value, json};

use super::super::*;
use crate::domain::ids::{OpenId, Person};
use crate::fake_feishu::FakeFeishu;

const APP_ID: &str = "cli_a1b2c3d4e5f60718";
const SECRET: &str = "s3cr3t-app-secret";
const TOKEN_A: &str = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
const TOKEN_B: &str = "1f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";

async fn setup() -> (FakeFeishu, FeishuClient) {
    let fake = FakeFeishu::start(APP_ID, SECRET).await.unwrap();
    let mut cfg = ClientConfig::new(&fake.base_url, APP_ID, SecretString::from(SECRET.to_owned()));
    cfg.timeout = Duration::from_secs(5);
    (fake, FeishuClient::new(cfg).unwrap())
}

fn row(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap()
}

fn person(id: &str, name: &str) -> Person {
    Person {
        open_id: OpenId(id.to_owned()),
        name: name.to_owned(),
    }
}

#[tokio::test]
async fn bitable_create_update_and_search_round_trip() {
    let (fake, client) = setup().await;
    fake.add_bitable("bascnApp", "tblItems", &["编号", "标题", "进度"]);
    let ids = client
        .bitable_batch_create(
            "bascnApp",
            "tblItems",
            &[
                row(json!({"编号": "DB-1", "标题": "甲"})),
                row(json!({"编号": "DB-2", "标题": "乙"})),
            ],
            TOKEN_A,
        )
        .await
        .unwrap();
    assert_eq!(ids.len(), 2);
    client
        .bitable_batch_update(
            "bascnApp",
            "tblItems",
            &[(ids[1].clone(), row(json!({"进度": 0.5})))],
            TOKEN_B,
        )
        .await
        .unwrap();
    let records = fake.bitable_records("bascnApp", "tblItems");
    assert_eq!(
        records[1].1,
        row(json!({"编号": "DB-2", "标题": "乙", "进度": 0.5}))
    );
    let found = client
        .bitable_search_by_field("bascnApp", "tblItems", "编号", "DB-2")
        .await
        .unwrap();
    assert_eq!(found.as_deref(), Some(ids[1].as_str()));
    let none = client
        .bitable_search_by_field("bascnApp", "tblItems", "编号", "DB-9")
        .await
        .unwrap();
    assert_eq!(none, None);
}

#[tokio::test]
async fn the_same_client_token_returns_the_same_ids_and_writes_once() {
    let (fake, client) = setup().await;
    fake.add_bitable("bascnApp", "tbl", &["编号"]);
    let rows = [row(json!({"编号": "DB-1"}))];
    let a = client
        .bitable_batch_create("bascnApp", "tbl", &rows, TOKEN_A)
        .await
        .unwrap();
    let b = client
        .bitable_batch_create("bascnApp", "tbl", &rows, TOKEN_A)
        .await
        .unwrap();
    assert_eq!(a, b);
    assert_eq!(fake.bitable_records("bascnApp", "tbl").len(), 1);
}

#[tokio::test]
async fn bitable_refusals_carry_feishus_codes() {
    let (fake, client) = setup().await;
    fake.add_bitable("bascnApp", "tbl", &["编号"]);
    let unknown_field = client
        .bitable_batch_create("bascnApp", "tbl", &[row(json!({"不存在": 1}))], TOKEN_A)
        .await
        .unwrap_err();
    assert_eq!(unknown_field.code(), Some(1254045));
    let unknown_record = client
        .bitable_batch_update(
            "bascnApp",
            "tbl",
            &[("recNope".to_owned(), row(json!({"编号": "x"})))],
            TOKEN_B,
        )
        .await
        .unwrap_err();
    assert_eq!(unknown_record.code(), Some(1254043));
    let unknown_table = client
        .bitable_batch_create("bascnApp", "tblNope", &[row(json!({"编号": "x"}))], TOKEN_A)
        .await
        .unwrap_err();
    assert_eq!(unknown_table.code(), Some(1254041));
    let too_many: Vec<_> = (0..501)
        .map(|i| row(json!({"编号": format!("DB-{i}")})))
        .collect();
    let e = client
        .bitable_batch_create("bascnApp", "tbl", &too_many, TOKEN_A)
        .await
        .unwrap_err();
    assert!(matches!(e, FeishuError::Config(_)), "{e:?}");
    assert!(fake.bitable_records("bascnApp", "tbl").is_empty());
}

#[tokio::test]
async fn a_denied_scope_is_reported_by_name() {
    let (fake, client) = setup().await;
    fake.add_bitable("bascnApp", "tbl", &["编号"]);
    fake.deny_scope("bitable:app");
    let e = client
        .bitable_batch_create("bascnApp", "tbl", &[row(json!({"编号": "x"}))], TOKEN_A)
        .await
        .unwrap_err();
    let m = e.missing_scope("bitable:app").unwrap();
    assert_eq!(m.scope, "bitable:app");
    assert_eq!(e.disposition(), Disposition::Permanent);
}

#[tokio::test]
async fn docs_wiki_pages_and_minutes_are_read_as_text() {
    let (fake, client) = setup().await;
    fake.add_doc("doxcnA1", "周例会纪要\n1. 张三负责……");
    fake.add_wiki_node("wikcnW1", "docx", "doxcnA1");
    fake.add_wiki_node("wikcnS1", "sheet", "shtcnX");
    fake.add_minutes("obcnM1", "张三：下周五前交报告。");
    fake.set_minutes_artifacts("obcnM1", "合规周会", "讨论了自查", &[("提交自查报告", &["张三"])]);

    assert_eq!(
        client.doc_raw_content("doxcnA1").await.unwrap(),
        "周例会纪要\n1. 张三负责……"
    );
    let wiki = parse_doc_link("https://x.feishu.cn/wiki/wikcnW1").unwrap();
    assert_eq!(client.doc_text(&wiki).await.unwrap(), "周例会纪要\n1. 张三负责……");
    let sheet = client
        .doc_text(&DocRef::Wiki("wikcnS1".to_owned()))
        .await
        .unwrap_err();
    assert_eq!(sheet, DocError::Unsupported("sheet".to_owned()));

    let m = client.minutes_text("obcnM1").await.unwrap();
    assert_eq!(
        (m.title.as_str(), m.text.as_str()),
        ("合规周会", "张三：下周五前交报告。")
    );
    assert!(m.created_ms.is_some());
    let a = client.minutes_artifacts("obcnM1").await.unwrap();
    assert_eq!(a.todos[0].assignees, ["张三"]);
    let text = client
        .doc_text(&DocRef::Minutes("obcnM1".to_owned()))
        .await
        .unwrap();
    assert_eq!(text, "合规周会\n张三：下周五前交报告。");
}

#[tokio::test]
async fn a_missing_document_permission_names_the_scope_in_chinese() {
    let (fake, client) = setup().await;
    fake.add_doc("doxcnA1", "x");
    fake.add_minutes("obcnM1", "x");
    fake.deny_scope("docx:document:readonly");
    fake.deny_scope("minutes:minutes:readonly");
    let e = client
        .doc_text(&DocRef::Docx("doxcnA1".to_owned()))
        .await
        .unwrap_err();
    let text = e.to_string();
    assert!(matches!(e, DocError::MissingScope(_)));
    assert!(
        text.contains("查看新版文档") && text.contains("docx:document:readonly"),
        "{text}"
    );
    let e = client
        .doc_text(&DocRef::Minutes("obcnM1".to_owned()))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("查看妙记文件"), "{e}");
}

#[tokio::test]
async fn a_missing_document_is_an_api_error_not_a_scope_error() {
    let (_fake, client) = setup().await;
    let e = client
        .doc_text(&DocRef::Docx("doxcnNope".to_owned()))
        .await
        .unwrap_err();
    assert!(
        matches!(e, DocError::Feishu(FeishuError::Api { code: 1770002, .. })),
        "{e:?}"
    );
}

#[tokio::test]
async fn chat_members_are_read_across_pages() {
    let (fake, client) = setup().await;
    let people: Vec<Person> = (0..230)
        .map(|i| person(&format!("ou_{i:03}"), &format!("员工{i}")))
        .collect();
    fake.set_chat_members("oc_g", &people);
    let got = client.chat_members("oc_g").await.unwrap();
    assert_eq!(got, people);
    let pages = fake
        .request_log()
        .iter()
        .filter(|r| r.path == "/open-apis/im/v1/chats/oc_g/members")
        .count();
    assert_eq!(pages, 3);
}

#[tokio::test]
async fn chat_members_of_a_chat_without_the_bot_fail_permanently() {
    let (fake, client) = setup().await;
    fake.set_chat_members("oc_g", &[person("ou_a", "张三")]);
    fake.remove_bot_from_chat("oc_g");
    let e = client.chat_members("oc_g").await.unwrap_err();
    assert_eq!(e.code(), Some(232011));
    fake.deny_scope("im:chat:readonly");
    let e = client.chat_members("oc_x").await.unwrap_err();
    assert_eq!(
        e.missing_scope("im:chat:readonly").unwrap().label(),
        "获取群组信息"
    );
}

#[tokio::test]
async fn an_expired_token_is_refreshed_for_transcripts_too() {
    let (fake, client) = setup().await;
    fake.add_minutes("obcnM1", "正文");
    client.tenant_token().await.unwrap();
    fake.expire_tokens();
    assert_eq!(client.minutes_text("obcnM1").await.unwrap().text, "正文");
}
