//! Issue 12 regressions: stale_cards — point 1 (a click on a card whose state has moved on is
//! refused and the card refreshed) and point 9 (short cards, forms opened 1:1 on demand, a
//! bystander refused before any form).

use duban::domain::ids::{ItemId, OpenId, Person, ProjectId};
use duban::fake_feishu::FakeMessage;
use duban::minutes::{DraftStatus, MeetingId};
use duban::store::projects::Watched;
use serde_json::{Value, json};

use crate::helpers::*;

/// A click on card `card_mid`, from the chat that card is in (a 1:1 form card is in the
/// clicker's private chat with the bot).
async fn click(app: &TestApp, who: &str, card_mid: &str, value: Value, form: Option<Value>) -> Value {
    let mut ev = card_action_event(&app.next_id("ev_click_"), who, card_mid, value, form);
    if let Some(m) = app.fake.message(card_mid) {
        ev["event"]["context"]["open_chat_id"] = json!(m.chat_id);
    }
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

/// The callback value of the first component named `name` in `card`.
fn callback_named(card: &Value, name: &str) -> Option<Value> {
    match card {
        Value::Object(m) => {
            if m.get("name") == Some(&json!(name)) {
                return m.get("behaviors")?.get(0)?.get("value").cloned();
            }
            m.values().find_map(|x| callback_named(x, name))
        }
        Value::Array(a) => a.iter().find_map(|x| callback_named(x, name)),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => None,
    }
}

/// The first component named `name` in `card`.
fn component_named(card: &Value, name: &str) -> Option<Value> {
    match card {
        Value::Object(m) if m.get("name") == Some(&json!(name)) => Some(card.clone()),
        Value::Object(m) => m.values().find_map(|x| component_named(x, name)),
        Value::Array(a) => a.iter().find_map(|x| component_named(x, name)),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => None,
    }
}

/// The card messages of `chat` whose content contains `needle`, oldest first.
fn cards_in(app: &TestApp, chat: &str, needle: &str) -> Vec<FakeMessage> {
    app.fake
        .messages()
        .into_iter()
        .filter(|m| {
            m.chat_id == chat && m.msg_type == "interactive" && m.content.to_string().contains(needle)
        })
        .collect()
}

async fn project_with_a_look(app: &TestApp) -> (String, Value) {
    app.say(BOSS, "@_user_1 /项目 新建 开户流程优化 @_user_2", &[BOT, ZHANG])
        .await;
    assert!(
        eventually(|| app
            .store
            .watched_card(Watched::Project(ProjectId(1)))
            .ok()
            .flatten()
            .is_some())
        .await
    );
    let live = app
        .store
        .watched_card(Watched::Project(ProjectId(1)))
        .unwrap()
        .unwrap();
    // `/项目 查看 XM-1` while XM-1 is at 需求对接: a second card, drawn now.
    app.say(ZHANG, "@_user_1 /项目 查看 XM-1", &[BOT]).await;
    assert!(eventually(|| cards_in(app, CHAT, "XM-1").iter().any(|m| m.message_id != live)).await);
    let look = cards_in(app, CHAT, "XM-1")
        .into_iter()
        .find(|m| m.message_id != live)
        .unwrap();
    let advance = callback_named(look.card(), "btn_p_advance").expect("the 推进 button");
    (look.message_id, advance)
}

async fn advance_by_command(app: &TestApp, note: &str, stage: &str) {
    app.say(ZHANG, &format!("@_user_1 /项目 推进 XM-1 {note}"), &[BOT])
        .await;
    assert!(
        eventually(|| app
            .fake
            .messages()
            .iter()
            .any(|m| m.content.to_string().contains(&format!("已推进到「{stage}」"))))
        .await,
        "{stage}"
    );
}

/// Issue 12 point 1: the 查看 card drawn at 需求对接, clicked after two moves by command, moved
/// XM-2 开发评审 → 测试升级 behind a confirm text promising 需求对接 → 产品设计.
#[tokio::test]
async fn issue_12_a_stale_project_card_is_refused_and_refreshed() {
    let app = spawn_app().await;
    let (look, advance) = project_with_a_look(&app).await;
    advance_by_command(&app, "需求已对齐", "产品设计").await;
    advance_by_command(&app, "原型确认", "开发评审").await;
    let before = app.store.get_project(ProjectId(1)).unwrap().unwrap();
    assert_eq!(before.current, 2);

    let r = click(&app, ZHANG.0, &look, advance.clone(), None).await;
    assert_eq!(r["toast"]["type"], "warning", "{r}");
    let toast = r["toast"]["content"].as_str().unwrap();
    assert!(toast.contains("已过期") && toast.contains("开发评审"), "{toast}");
    // The clicked card comes back redrawn: at 开发评审, its button carrying the new version.
    let fresh = &r["card"]["data"];
    let again = callback_named(fresh, "btn_p_advance").unwrap();
    assert_eq!(again["v"], json!(before.version), "{fresh}");
    assert!(fresh.to_string().contains("确认“开发评审”已完成？"), "{fresh}");
    let after = app.store.get_project(ProjectId(1)).unwrap().unwrap();
    assert_eq!(
        (after.current, after.version),
        (2, before.version),
        "nothing moved"
    );

    // A card drawn before versions were carried (no "v") is refused the same way.
    let mut legacy = advance;
    legacy.as_object_mut().unwrap().remove("v");
    let r = click(&app, ZHANG.0, &look, legacy, None).await;
    assert_eq!(r["toast"]["type"], "warning", "{r}");
    assert_eq!(app.store.get_project(ProjectId(1)).unwrap().unwrap().current, 2);

    // The refreshed card works.
    let r = click(&app, ZHANG.0, &look, again, None).await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    assert_eq!(app.store.get_project(ProjectId(1)).unwrap().unwrap().current, 3);
    app.stop().await;
}

/// Issue 12 point 1: a double click on 推进 (two callbacks at once) moves the project once.
#[tokio::test]
async fn issue_12_a_double_click_advances_a_project_once() {
    let app = spawn_app().await;
    let (look, advance) = project_with_a_look(&app).await;
    let (a, b) = tokio::join!(
        click(&app, ZHANG.0, &look, advance.clone(), None),
        click(&app, ZHANG.0, &look, advance, None)
    );
    let kinds = [a["toast"]["type"].clone(), b["toast"]["type"].clone()];
    assert!(
        kinds.contains(&json!("success")) && kinds.contains(&json!("warning")),
        "{a} {b}"
    );
    assert_eq!(app.store.get_project(ProjectId(1)).unwrap().unwrap().current, 1);
    app.stop().await;
}

async fn item_card(app: &TestApp) -> String {
    app.say(
        BOSS,
        "@_user_1 /督办 报送三季度报告 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    assert!(
        eventually(|| app.store.item_card(ItemId(1)).ok().flatten().is_some()).await,
        "the item card is posted"
    );
    app.store.item_card(ItemId(1)).unwrap().unwrap()
}

/// Issue 12 point 9: the open item card carries no form; 更新进展 is refused to a bystander
/// before any form, and opens the form 1:1 for the 主办; a double submission of that form
/// counts once and the refused one gets a fresh form keeping what was typed.
#[tokio::test]
async fn issue_12_a_short_item_card_opens_its_form_on_demand() {
    let app = spawn_app().await;
    let mid = item_card(&app).await;
    let live = app.fake.message(&mid).unwrap().card().clone();
    let text = live.to_string();
    assert!(
        !text.contains(r#""tag":"form""#),
        "no form on the live card: {text}"
    );
    assert!(text.len() < 4_000, "a short card: {} bytes", text.len());
    let open = callback_named(&live, "open_progress").expect("更新进展 opens a form");

    // 王五 holds no role: told who may, and no form is sent.
    let r = click(&app, WANG.0, &mid, open.clone(), None).await;
    assert_eq!(r["toast"]["type"], "error", "{r}");
    assert!(r["toast"]["content"].as_str().unwrap().contains("只有"), "{r}");
    assert!(r.get("card").is_none());

    // 张三 (主办) gets the form in a 1:1 card.
    let r = click(&app, ZHANG.0, &mid, open, None).await;
    assert_eq!(r["toast"]["type"], "info", "{r}");
    let to_zhang = || {
        app.fake
            .messages()
            .into_iter()
            .find(|m| m.receive_id_type == "open_id" && m.receive_id == ZHANG.0)
    };
    assert!(
        eventually(|| to_zhang().is_some()).await,
        "the form card reaches 张三 1:1"
    );
    assert!(
        app.fake
            .messages()
            .iter()
            .all(|m| !(m.receive_id_type == "open_id" && m.receive_id == WANG.0)),
        "nothing was sent to 王五"
    );
    let form_msg = to_zhang().unwrap();
    let submit = callback_named(form_msg.card(), "progress_submit").expect("the form's submit button");
    let typed = json!({"percent": "60", "note": "已完成初稿"});
    let (a, b) = tokio::join!(
        click(
            &app,
            ZHANG.0,
            &form_msg.message_id,
            submit.clone(),
            Some(typed.clone())
        ),
        click(&app, ZHANG.0, &form_msg.message_id, submit, Some(typed))
    );
    let (ok, refused) = if a["toast"]["type"] == "success" {
        (a, b)
    } else {
        (b, a)
    };
    assert_eq!(ok["toast"]["type"], "success", "{ok}");
    assert_eq!(refused["toast"]["type"], "warning", "{refused}");
    assert!(
        refused["card"]["data"].to_string().contains("已完成初稿"),
        "the fresh form keeps what was typed: {refused}"
    );
    let item = app.store.get_item(ItemId(1)).unwrap().unwrap();
    assert_eq!(item.progress, 60);
    let progress_records = app
        .store
        .audit_of(ItemId(1))
        .unwrap()
        .iter()
        .filter(|r| r.action == "progress")
        .count();
    assert_eq!(progress_records, 1, "one progress update, not two");
    // The shared card follows.
    assert!(
        eventually(|| app
            .fake
            .message(&mid)
            .is_some_and(|m| m.patches.iter().any(|p| p.to_string().contains("60%"))))
        .await
    );
    app.stop().await;
}

/// Issue 12 point 1: a double click on the requirement submission form files one requirement;
/// the second click is told so and sees the status card.
#[tokio::test]
async fn issue_12_a_double_click_on_the_submission_form_files_once() {
    let app = spawn_app().await;
    app.say(ZHANG, "@_user_1 /需求 新建", &[BOT]).await;
    assert!(
        eventually(|| !cards_in(&app, CHAT, "r_submit").is_empty()).await,
        "the form card"
    );
    let form = cards_in(&app, CHAT, "r_submit").remove(0);
    let submit = callback_named(form.card(), "r_submit_submit").unwrap();
    let typed = json!({"title": "两融开户线上化", "unit": "杭州营业部"});
    let (a, b) = tokio::join!(
        click(
            &app,
            ZHANG.0,
            &form.message_id,
            submit.clone(),
            Some(typed.clone())
        ),
        click(&app, ZHANG.0, &form.message_id, submit, Some(typed))
    );
    let kinds = [a["toast"]["type"].clone(), b["toast"]["type"].clone()];
    assert!(
        kinds.contains(&json!("success")) && kinds.contains(&json!("warning")),
        "{a} {b}"
    );
    assert_eq!(app.store.all_requirements().unwrap().len(), 1);
    app.stop().await;
}

/// Issue 12 point 9: the triage card carries four buttons instead of four forms, 驳回 is red,
/// a non-manager is refused before any form, and the manager's form arrives 1:1.
#[tokio::test]
async fn issue_12_a_short_triage_card_gives_its_forms_to_managers_only() {
    let app = spawn_app_with(|s| {
        s.requirements.managers = vec![BOSS.0.to_owned()];
        s.requirements.manager_chat = Some(CHAT.to_owned());
    })
    .await;
    app.say(
        ZHANG,
        "@_user_1 /需求 两融开户线上化\n提出单位：杭州营业部",
        &[BOT],
    )
    .await;
    let triage_mid = || {
        app.store
            .watched_card(Watched::Requirement(duban::domain::ids::RequirementId(1)))
            .ok()
            .flatten()
    };
    assert!(eventually(|| triage_mid().is_some()).await, "the triage card");
    let mid = triage_mid().unwrap();
    let triage = app.fake.message(&mid).unwrap().card().clone();
    assert!(!triage.to_string().contains(r#""tag":"form""#), "{triage}");
    let button = component_named(&triage, "open_r_reject").expect("驳回");
    assert_eq!(button["type"], "danger", "{button}");
    let open = callback_named(&triage, "open_r_reject").unwrap();

    let r = click(&app, WANG.0, &mid, open.clone(), None).await;
    assert_eq!(r["toast"]["type"], "error", "{r}");
    assert!(
        r["toast"]["content"].as_str().unwrap().contains("需求管理员"),
        "{r}"
    );

    let r = click(&app, BOSS.0, &mid, open, None).await;
    assert_eq!(r["toast"]["type"], "info", "{r}");
    let to_boss = || {
        app.fake
            .messages()
            .into_iter()
            .find(|m| m.receive_id_type == "open_id" && m.receive_id == BOSS.0)
    };
    assert!(eventually(|| to_boss().is_some()).await);
    let form = to_boss().unwrap();
    let submit = callback_named(form.card(), "r_reject_submit").unwrap();
    let r = click(
        &app,
        BOSS.0,
        &form.message_id,
        submit,
        Some(json!({"reason": "已有同类功能"})),
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    assert!(r["card"]["data"].to_string().contains("XQ-1"), "a receipt: {r}");
    let req = app
        .store
        .get_requirement(duban::domain::ids::RequirementId(1))
        .unwrap()
        .unwrap();
    assert_eq!(req.status.label(), "已驳回");

    // 受理 新建项目 from the manager's 1:1 form: the project belongs to the triage group.
    app.say(ZHANG, "@_user_1 /需求 融券预约线上化", &[BOT]).await;
    let second = || {
        app.store
            .watched_card(Watched::Requirement(duban::domain::ids::RequirementId(2)))
            .ok()
            .flatten()
    };
    assert!(eventually(|| second().is_some()).await);
    let mid = second().unwrap();
    let open = callback_named(app.fake.message(&mid).unwrap().card(), "open_r_accept").unwrap();
    let r = click(&app, BOSS.0, &mid, open, None).await;
    assert_eq!(r["toast"]["type"], "info", "{r}");
    let accept_form = || {
        app.fake
            .messages()
            .into_iter()
            .find(|m| m.receive_id == BOSS.0 && m.content.to_string().contains("r_accept_form"))
    };
    assert!(eventually(|| accept_form().is_some()).await);
    let form = accept_form().unwrap();
    let submit = callback_named(form.card(), "r_accept_submit").unwrap();
    let r = click(
        &app,
        BOSS.0,
        &form.message_id,
        submit,
        Some(json!({"project": "新建项目"})),
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    let p = app.store.get_project(ProjectId(1)).unwrap().unwrap();
    assert_eq!(p.chat_id.0, CHAT);
    app.stop().await;
}

/// Issue 12 point 1 (batches): 全部转为督办 drawn before someone else changed the drafts — here
/// 忽略 on item 2, as when two people click at once — is refused and the card redrawn; nothing
/// is converted behind the other person's back.
#[tokio::test]
async fn issue_12_a_stale_convert_all_is_refused() {
    let app = spawn_app().await;
    let people: Vec<Person> = [ZHANG, LI, WANG, BOSS]
        .iter()
        .map(|(id, name)| Person {
            open_id: OpenId((*id).to_owned()),
            name: (*name).to_owned(),
        })
        .collect();
    app.fake.set_chat_members(CHAT, &people);
    let minutes = "@_user_1 /纪要 合规周例会\n会议时间：2026年3月11日\n二、待办事项\n\
                   1. 张三负责完成反洗钱自查报告，3月20日前\n\
                   2. @_user_2 跟进营业部整改清单，下周五前";
    app.say(BOSS, minutes, &[BOT, LI]).await;
    assert!(eventually(|| app.store.meeting_card(MeetingId(1)).ok().flatten().is_some()).await);
    let mid = app.store.meeting_card(MeetingId(1)).unwrap().unwrap();
    let card = app.fake.message(&mid).unwrap().card().clone();
    let ignore_2 = callback_named(&card, "m_ignore_1").expect("忽略 on item 2");
    let convert_all = callback_named(&card, "m_convert_all").expect("全部转为督办");

    let r = click(&app, LI.0, &mid, ignore_2, None).await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    let r = click(&app, BOSS.0, &mid, convert_all, None).await;
    assert_eq!(r["toast"]["type"], "warning", "{r}");
    assert!(r["toast"]["content"].as_str().unwrap().contains("已过期"), "{r}");
    assert!(
        r["card"]["data"].to_string().contains("已忽略"),
        "the card is redrawn: {r}"
    );
    let m = app.store.get_meeting(MeetingId(1)).unwrap().unwrap();
    assert_eq!(m.items[0].status, DraftStatus::Pending, "nothing converted");
    assert!(app.store.get_item(ItemId(1)).unwrap().is_none());
    app.stop().await;
}
