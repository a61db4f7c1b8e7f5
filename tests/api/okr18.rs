//! Issue 18, classes and alignment: the class on creation (`#突发`, `类别：挑战`) and on the
//! card, `/督办 类别` and who may, the P0 default, `/督办 对齐` (picker → stored → card, stale
//! pickers refused), `/项目 对齐` inherited by items created in the project, the OKR progress
//! record written once on 验收 (redelivery, restart; not when off), a tenant without the OKR
//! API told what is missing, and the 类别 / 对齐OKR columns of the mirror and the export.

use std::time::Duration;

use duban::domain::ids::ItemId;
use duban::domain::item::ItemClass;
use serde_json::{Value, json};

use crate::helpers::*;

/// Q1 2026 (Asia/Shanghai) as Feishu OKR periods carry it: Unix ms.
fn q1() -> (i64, i64) {
    let s: jiff::Timestamp = "2026-01-01T00:00:00+08:00".parse().unwrap();
    let e: jiff::Timestamp = "2026-03-31T23:59:59+08:00".parse().unwrap();
    (s.as_millisecond(), e.as_millisecond())
}

/// A Q1 period, a past one, and 张三's Q1 OKR (O1 with two KRs, O2 without).
fn seed_okrs(fake: &duban::fake_feishu::FakeFeishu) -> duban::fake_feishu::FakeOkr {
    let (s, e) = q1();
    fake.add_okr_period("7001", "2025 年 10 月 - 12 月", s - 92 * 86_400_000, s - 1);
    fake.add_okr_period("7002", "2026 年 1 月 - 3 月", s, e);
    fake.add_okr(ZHANG.0, "7001", &[("去年的目标", &["旧 KR"])]);
    fake.add_okr(
        ZHANG.0,
        "7002",
        &[
            (
                "客户服务数字化",
                &["线上开户占比达到 80%", "开户平均时长降到 10 分钟"],
            ),
            ("合规零重大违规", &[]),
        ],
    )
}

fn item(app: &TestApp, n: u64) -> duban::domain::supervision::Item {
    app.store.get_item(ItemId(n)).unwrap().unwrap()
}

async fn wait_item(app: &TestApp, n: u64) -> duban::domain::supervision::Item {
    assert!(
        eventually(|| app.store.get_item(ItemId(n)).ok().flatten().is_some()).await,
        "DB-{n} created"
    );
    item(app, n)
}

/// The latest content (patched or not) of the bot's message under/for item `n`'s card.
fn item_card_now(app: &TestApp, n: u64) -> String {
    let mid = app.store.item_card(ItemId(n)).unwrap().unwrap();
    app.fake.message(&mid).unwrap().card().to_string()
}

/// Every callback value on a card whose `op` is `op`.
fn buttons(card: &Value, op: &str) -> Vec<Value> {
    let mut out = Vec::new();
    walk(card, &mut |v| {
        if let Some(b) = v.get("behaviors").and_then(Value::as_array) {
            for beh in b {
                if beh["value"]["op"] == op {
                    out.push(beh["value"].clone());
                }
            }
        }
    });
    out
}

fn walk(v: &Value, f: &mut impl FnMut(&Value)) {
    f(v);
    match v {
        Value::Array(a) => a.iter().for_each(|x| walk(x, f)),
        Value::Object(o) => o.values().for_each(|x| walk(x, f)),
        _ => {}
    }
}

async fn click(app: &TestApp, who: &str, card_mid: &str, value: Value) -> Value {
    let ev = card_action_event(&app.next_id("ev_click_"), who, card_mid, value, None);
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

/// Creates DB-n for 张三 by the 督办人 with `extra` after the deadline.
async fn create(app: &TestApp, extra: &str) {
    let text = format!("@_user_1 /督办 更新开户指引 @_user_2 下周五前 {extra}");
    app.say(BOSS, &text, &[BOT, ZHANG]).await;
}

#[tokio::test]
async fn the_class_is_set_on_creation_either_way_shown_on_the_card_and_changed_by_the_supervisor() {
    let app = spawn_app().await;
    create(&app, "P1 #突发 #合规").await;
    let one = wait_item(&app, 1).await;
    assert_eq!(one.class, ItemClass::Urgent);
    assert_eq!(one.tags, ["合规"], "#突发 is the class, not a tag");
    app.say(
        BOSS,
        "@_user_1 /督办 搭建客户画像标签体系\n主办：@_user_2\n截止：下周五\n类别：挑战",
        &[BOT, ZHANG],
    )
    .await;
    assert_eq!(wait_item(&app, 2).await.class, ItemClass::Stretch);
    create(&app, "").await;
    assert_eq!(
        wait_item(&app, 3).await.class,
        ItemClass::Commit,
        "承诺 by default"
    );
    assert!(eventually(|| app.store.item_card(ItemId(1)).ok().flatten().is_some()).await);
    assert!(item_card_now(&app, 1).contains("**类别**：突发"));

    // The 主办 may not change it; the refusal names who may.
    let mid = app.say(ZHANG, "@_user_1 /督办 类别 DB-3 挑战", &[BOT]).await;
    let refusal = app.reply_to(&mid).await.content.to_string();
    assert!(
        refusal.contains("只有督办人或管理员可以修改 DB-3 的类别"),
        "{refusal}"
    );
    assert_eq!(item(&app, 3).class, ItemClass::Commit);

    // The 督办人 may: audited, and the card redrawn.
    let mid = app.say(BOSS, "@_user_1 /督办 类别 DB-3 突发", &[BOT]).await;
    let ok = app.reply_to(&mid).await.content.to_string();
    assert!(ok.contains("由“承诺”改为“突发”"), "{ok}");
    assert_eq!(item(&app, 3).class, ItemClass::Urgent);
    let history = app.store.audit_of(ItemId(3)).unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.action, "set_class");
    assert_eq!(last.changes[0].field_label(), "类别");
    assert_eq!(
        (last.changes[0].before.as_str(), last.changes[0].after.as_str()),
        ("承诺", "突发")
    );
    assert!(
        eventually(|| item_card_now(&app, 3).contains("**类别**：突发")).await,
        "card redrawn"
    );

    // A word that is no class gets an example.
    let mid = app.say(BOSS, "@_user_1 /督办 类别 DB-3 紧急", &[BOT]).await;
    let bad = app.reply_to(&mid).await.content.to_string();
    assert!(
        bad.contains("类别没看懂") && bad.contains("/督办 类别 DB-12 突发"),
        "{bad}"
    );
    app.stop().await;
}

#[tokio::test]
async fn p0_items_outside_a_project_default_to_urgent_when_configured() {
    let app = spawn_app_with(|s| s.okr.p0_is_urgent = true).await;
    create(&app, "P0").await;
    assert_eq!(wait_item(&app, 1).await.class, ItemClass::Urgent);
    app.say(BOSS, "@_user_1 /项目 新建 开户流程优化 @_user_2", &[BOT, ZHANG])
        .await;
    assert!(
        eventually(|| app
            .store
            .get_project(duban::domain::ids::ProjectId(1))
            .unwrap()
            .is_some())
        .await
    );
    create(&app, "P0 #XM-1").await;
    assert_eq!(
        wait_item(&app, 2).await.class,
        ItemClass::Commit,
        "inside a project: 承诺"
    );
    create(&app, "P0 #挑战").await;
    assert_eq!(
        wait_item(&app, 3).await.class,
        ItemClass::Stretch,
        "a typed class wins"
    );
    app.stop().await;

    let off = spawn_app().await;
    create(&off, "P0").await;
    assert_eq!(
        wait_item(&off, 1).await.class,
        ItemClass::Commit,
        "off by default"
    );
    off.stop().await;
}

#[tokio::test]
async fn aligning_shows_the_owners_okrs_stores_the_choice_and_refuses_a_stale_picker() {
    let app = spawn_app().await;
    let okr = seed_okrs(&app.fake);
    create(&app, "").await;
    wait_item(&app, 1).await;

    // An assistant-less bystander may not align.
    let mid = app.say(WANG, "@_user_1 /督办 对齐 DB-1", &[BOT]).await;
    let no = app.reply_to(&mid).await.content.to_string();
    assert!(no.contains("只有主办（张三）、督办人或管理员"), "{no}");

    let mid = app.say(ZHANG, "@_user_1 /督办 对齐 DB-1", &[BOT]).await;
    let picker = app.reply_to(&mid).await;
    let text = picker.content.to_string();
    assert!(
        text.contains("客户服务数字化") && text.contains("线上开户占比达到 80%"),
        "{text}"
    );
    assert!(!text.contains("去年的目标"), "only the current period");
    let picks = buttons(&picker.content, "o_align");
    assert_eq!(picks.len(), 4, "O1, its two KRs, O2: {picks:?}");
    let kr1 = picks.iter().find(|v| v["kno"] == 1).unwrap().clone();

    let answer = click(&app, ZHANG.0, &picker.message_id, kr1.clone()).await;
    assert_eq!(answer["toast"]["type"], "success", "{answer}");
    let a = item(&app, 1).alignment.unwrap();
    assert_eq!(a.label(), "O1 / KR1");
    assert_eq!(a.okr_id, okr.id);
    assert_eq!(a.kr.as_ref().unwrap().id, okr.objectives[0].krs[0].0);
    assert_eq!(a.text(), "线上开户占比达到 80%");
    assert!(
        eventually(|| item_card_now(&app, 1).contains("**对齐**：O1 / KR1 线上开户占比达到 80%")).await,
        "the card shows it"
    );
    let last = app.store.audit_of(ItemId(1)).unwrap().last().cloned().unwrap();
    assert_eq!(
        (last.action.as_str(), last.changes[0].field_label()),
        ("align", "对齐")
    );

    // The same picker again (drawn before the change): refused, nothing changes.
    let o2 = picks.iter().find(|v| v["ono"] == 2).unwrap().clone();
    let stale = click(&app, ZHANG.0, &picker.message_id, o2).await;
    assert_ne!(stale["toast"]["type"], "success", "{stale}");
    assert_eq!(item(&app, 1).alignment.unwrap().label(), "O1 / KR1");
    app.stop().await;
}

#[tokio::test]
async fn items_created_in_an_aligned_project_inherit_its_alignment() {
    let app = spawn_app().await;
    seed_okrs(&app.fake);
    app.say(BOSS, "@_user_1 /项目 新建 开户流程优化 @_user_2", &[BOT, ZHANG])
        .await;
    assert!(
        eventually(|| app
            .store
            .get_project(duban::domain::ids::ProjectId(1))
            .unwrap()
            .is_some())
        .await
    );
    let mid = app.say(ZHANG, "@_user_1 /项目 对齐 XM-1", &[BOT]).await;
    let picker = app.reply_to(&mid).await;
    let picks = buttons(&picker.content, "p_align");
    let o1 = picks
        .iter()
        .find(|v| v["ono"] == 1 && v.get("kno").is_none())
        .unwrap()
        .clone();
    let answer = click(&app, ZHANG.0, &picker.message_id, o1).await;
    assert_eq!(answer["toast"]["type"], "success", "{answer}");
    let p = app
        .store
        .get_project(duban::domain::ids::ProjectId(1))
        .unwrap()
        .unwrap();
    assert_eq!(p.alignment.as_ref().unwrap().label(), "O1");

    create(&app, "#XM-1").await;
    assert_eq!(
        wait_item(&app, 1).await.alignment.map(|a| a.label()),
        Some("O1".to_owned())
    );
    create(&app, "").await;
    assert_eq!(
        wait_item(&app, 2).await.alignment,
        None,
        "outside the project: none"
    );
    app.stop().await;
}

/// 张三's item DB-1 aligned with O1 / KR2 (through the picker), submitted with a note.
async fn aligned_and_submitted(app: &TestApp) {
    seed_okrs(&app.fake);
    create(app, "").await;
    wait_item(app, 1).await;
    let mid = app.say(ZHANG, "@_user_1 /督办 对齐 DB-1", &[BOT]).await;
    let picker = app.reply_to(&mid).await;
    let kr2 = buttons(&picker.content, "o_align")
        .into_iter()
        .find(|v| v["kno"] == 2)
        .unwrap();
    click(app, ZHANG.0, &picker.message_id, kr2).await;
    assert!(item(app, 1).alignment.is_some());
    app.say(ZHANG, "@_user_1 /督办 完成 DB-1 指引已发布到知识库", &[BOT])
        .await;
    assert!(eventually(|| item(app, 1).status == duban::domain::status::Status::Submitted).await);
}

#[tokio::test]
async fn acceptance_writes_one_progress_record_even_when_redelivered_or_restarted() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = std::sync::Arc::new(
        duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
            .await
            .unwrap(),
    );
    let app = start_on(dir.path(), fake.clone(), |s| s.okr.write_progress = true).await;
    aligned_and_submitted(&app).await;
    let okr = app.store.get_item(ItemId(1)).unwrap().unwrap().alignment.unwrap();

    let ev = message_event(
        &app.next_id("ev_"),
        "om_accept_1",
        CHAT,
        "group",
        BOSS.0,
        "@_user_1 /督办 验收 DB-1",
        &[BOT],
        None,
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    assert!(
        eventually(|| fake.okr_progress_records().len() == 1).await,
        "written"
    );
    let r = &fake.okr_progress_records()[0];
    assert_eq!(
        (r.target_id.as_str(), r.target_type),
        (okr.kr.as_ref().unwrap().id.as_str(), 3)
    );
    assert_eq!(r.source_title, "督办 DB-1");
    assert!(
        r.source_url.starts_with("https://applink.feishu.cn/"),
        "{}",
        r.source_url
    );
    assert!(
        r.text.contains("更新开户指引") && r.text.contains("已验收完成"),
        "{}",
        r.text
    );
    assert!(
        r.text.contains("截止") && r.text.contains("完成"),
        "dates: {}",
        r.text
    );
    assert!(r.text.contains("验收说明：指引已发布到知识库"), "{}", r.text);

    // The same event delivered again: answered, nothing written twice.
    assert_eq!(app.post_event(&ev).await.status(), 200);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(eventually(|| app.store.outbox_len() == 0).await);
    assert_eq!(fake.okr_progress_records().len(), 1);
    app.stop().await;

    // A restart does not write it again either.
    let again = start_on(dir.path(), fake.clone(), |s| s.okr.write_progress = true).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(eventually(|| again.store.outbox_len() == 0).await);
    assert_eq!(fake.okr_progress_records().len(), 1);
    again.stop().await;
}

#[tokio::test]
async fn no_progress_record_is_written_when_the_flag_is_off() {
    let app = spawn_app().await;
    aligned_and_submitted(&app).await;
    app.say(BOSS, "@_user_1 /督办 验收 DB-1", &[BOT]).await;
    assert!(eventually(|| item(&app, 1).status == duban::domain::status::Status::Done).await);
    assert!(eventually(|| app.store.outbox_len() == 0).await);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(app.fake.okr_progress_records().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_tenant_without_the_okr_api_is_told_what_is_missing_once_and_nothing_else_breaks() {
    let app = spawn_app_with(|s| s.okr.write_progress = true).await;
    aligned_and_submitted(&app).await;
    app.fake.deny_scope("okr:okr");
    app.fake.deny_scope("okr:okr.progress:writeonly");
    app.say(BOSS, "@_user_1 /督办 验收 DB-1", &[BOT]).await;
    assert!(
        eventually(|| item(&app, 1).status == duban::domain::status::Status::Done).await,
        "accepted anyway"
    );
    let told = |app: &TestApp| {
        app.fake
            .messages()
            .into_iter()
            .filter(|m| m.content.to_string().contains("没能写入飞书 OKR 进展"))
            .collect::<Vec<_>>()
    };
    assert!(eventually(|| told(&app).len() == 1).await, "told once");
    let text = told(&app)[0].content.to_string();
    assert!(
        text.contains("更新 OKR 信息") && text.contains("okr:okr"),
        "{text}"
    );
    assert!(app.fake.okr_progress_records().is_empty());

    // The standard edition: 对齐 says so plainly; the bot keeps working.
    app.fake.set_okr_standard_edition(true);
    create(&app, "").await;
    wait_item(&app, 2).await;
    let mid = app.say(ZHANG, "@_user_1 /督办 对齐 DB-2", &[BOT]).await;
    let card = app.reply_to(&mid).await.content.to_string();
    assert!(card.contains("企业版") && card.contains("1000403"), "{card}");
    let mid = app
        .say(ZHANG, "@_user_1 /督办 进展 DB-2 30% 起草中", &[BOT])
        .await;
    assert!(app.reply_to(&mid).await.content.to_string().contains("DB-2"));
    assert_eq!(told(&app).len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn the_mirror_and_the_export_carry_the_class_and_the_alignment() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
        .await
        .unwrap();
    let names: Vec<&str> = duban::mirror::ITEM_FIELDS.iter().map(|(n, _)| *n).collect();
    fake.add_bitable("bascnOkr", "tblItems", &names);
    let app = start_on(dir.path(), std::sync::Arc::new(fake), |s| {
        s.mirror = Some(duban::mirror::MirrorConfig {
            app_token: "bascnOkr".to_owned(),
            items_table: Some("tblItems".to_owned()),
            projects_table: None,
            requirements_table: None,
        });
    })
    .await;
    seed_okrs(&app.fake);
    create(&app, "#突发").await;
    wait_item(&app, 1).await;
    let mid = app.say(ZHANG, "@_user_1 /督办 对齐 DB-1", &[BOT]).await;
    let picker = app.reply_to(&mid).await;
    let o2 = buttons(&picker.content, "o_align")
        .into_iter()
        .find(|v| v["ono"] == 2)
        .unwrap();
    click(&app, ZHANG.0, &picker.message_id, o2).await;
    let row = || {
        app.fake
            .bitable_records("bascnOkr", "tblItems")
            .into_iter()
            .map(|(_, f)| f)
            .find(|f| f.get("编号") == Some(&json!("DB-1")))
    };
    assert!(
        eventually(|| row().is_some_and(|r| {
            r.get("类别") == Some(&json!("突发"))
                && r.get("对齐OKR") == Some(&json!("O2 合规零重大违规（2026 年 1 月 - 3 月）"))
        }))
        .await,
        "{:?}",
        row()
    );
    let items: Vec<_> = app
        .store
        .all_items()
        .unwrap()
        .into_iter()
        .map(|item| (item, None))
        .collect();
    let t = duban::export::items_table(
        &items,
        duban::clock::Clock::now(app.clock.as_ref()),
        &duban::calendar::Calendar::builtin(),
    );
    let col = |name: &str| t.headers.iter().position(|h| h == name).unwrap();
    let cells = &t.rows[0];
    assert_eq!(cells[col("类别")].text(), "突发");
    assert_eq!(
        cells[col("对齐OKR")].text(),
        "O2 合规零重大违规（2026 年 1 月 - 3 月）"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_fake_okr_api_holds_to_the_contract() {
    init();
    let fake = duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
        .await
        .unwrap();
    let okr = seed_okrs(&fake);
    let http = reqwest::Client::new();
    let url = |p: &str| format!("{}{p}", fake.base_url);
    let token: Value = http
        .post(url("/open-apis/auth/v3/tenant_access_token/internal"))
        .json(&json!({"app_id": APP_ID, "app_secret": APP_SECRET}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = token["tenant_access_token"].as_str().unwrap().to_owned();
    let code = |v: &Value| v["code"].as_i64().unwrap();
    let get = |p: String, auth: bool| {
        let mut rb = http.get(url(&p));
        if auth {
            rb = rb.bearer_auth(&token);
        }
        async move { rb.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    assert_eq!(
        code(&get("/open-apis/okr/v1/periods".to_owned(), false).await),
        99991661,
        "no token"
    );
    let periods = get("/open-apis/okr/v1/periods".to_owned(), true).await;
    assert_eq!(periods["data"]["items"].as_array().unwrap().len(), 2);
    let path = format!("/open-apis/okr/v1/users/{}/okrs", ZHANG.0);
    assert_eq!(
        code(&get(path.clone(), true).await),
        1001001,
        "offset and limit are required"
    );
    let list = get(
        format!("{path}?user_id_type=open_id&offset=0&limit=10&period_ids=7002"),
        true,
    )
    .await;
    assert_eq!(
        list["data"]["okr_list"][0]["objective_list"][0]["content"],
        "客户服务数字化"
    );
    let nobody = "/open-apis/okr/v1/users/ou_nobody/okrs?offset=0&limit=10".to_owned();
    assert_eq!(code(&get(nobody, true).await), 1001003);

    let post = |body: Value| {
        let rb = http
            .post(url("/open-apis/okr/v1/progress_records?user_id_type=open_id"))
            .bearer_auth(&token)
            .json(&body);
        async move { rb.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let kr = okr.objectives[0].krs[0].0.clone();
    let blocks = json!({"blocks": [{"type": "paragraph", "paragraph": {"elements": [{"type": "textRun", "textRun": {"text": "done"}}]}}]});
    let good = json!({"source_title": "督办 DB-1", "source_url": "https://example.com", "target_id": kr, "target_type": 3, "content": blocks});
    let mut as_text = good.clone();
    as_text["content"] = json!(blocks.to_string());
    assert_eq!(
        code(&post(as_text).await),
        1001001,
        "content is an object, not JSON text"
    );
    let mut no_url = good.clone();
    no_url.as_object_mut().unwrap().remove("source_url");
    assert_eq!(code(&post(no_url).await), 1001001);
    let mut wrong_kind = good.clone();
    wrong_kind["target_type"] = json!(2);
    assert_eq!(code(&post(wrong_kind).await), 1001004, "a KR id is no objective");
    let ok = post(good.clone()).await;
    assert_eq!(code(&ok), 0, "{ok}");
    assert_eq!(fake.okr_progress_records().len(), 1);
    assert_eq!(fake.okr_progress_records()[0].text, "done");

    fake.deny_scope("okr:okr");
    assert_eq!(
        code(&post(good.clone()).await),
        0,
        "okr:okr.progress:writeonly still grants writing"
    );
    fake.deny_scope("okr:okr.progress:writeonly");
    assert_eq!(code(&post(good.clone()).await), 99991672);
    fake.set_okr_standard_edition(true);
    assert_eq!(
        code(&get("/open-apis/okr/v1/periods".to_owned(), true).await),
        1000403
    );
}
