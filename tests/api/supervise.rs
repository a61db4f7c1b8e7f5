//! 督办 items end to end through the real webhook and the fake Feishu.

use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::*;

const CREATE: &str = "@_user_1 /督办 完成三季度合规自查报告 @_user_2 @_user_3 下周五前 P1 #合规";

fn card_text(v: &Value) -> String {
    v.to_string()
}

/// Creates DB-1 (主办 张三, 协办 李四, by the 督办人) and returns its card message id.
async fn create_item(app: &TestApp) -> String {
    app.say(BOSS, CREATE, &[BOT, ZHANG, LI]).await;
    let msgs = app.fake.wait_for_messages(1, Duration::from_secs(10)).await;
    assert_eq!(msgs.len(), 1, "the item card is posted");
    assert!(
        eventually(|| app
            .store
            .item_card(duban::domain::ids::ItemId(1))
            .ok()
            .flatten()
            .is_some())
        .await
    );
    msgs[0].message_id.clone()
}

async fn click(app: &TestApp, who: &str, card_mid: &str, value: Value, form: Option<Value>) -> Value {
    let ev = card_action_event(
        &app.next_id("ev_click_"),
        who,
        card_mid,
        app.drawn_now(value),
        form,
    );
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

#[tokio::test]
async fn creating_an_item_posts_its_live_card() {
    let app = spawn_app().await;
    let mid = create_item(&app).await;
    let m = app.fake.message(&mid).unwrap();
    assert_eq!(m.msg_type, "interactive");
    let text = card_text(m.card());
    assert!(text.contains("DB-1"), "{text}");
    assert!(text.contains("完成三季度合规自查报告"));
    assert!(
        text.contains("ou_zhangsan") && text.contains("ou_lisi"),
        "主办 and 协办 are mentioned"
    );
    assert_eq!(m.card()["config"]["update_multi"], json!(true));
    let item = app
        .store
        .get_item(duban::domain::ids::ItemId(1))
        .unwrap()
        .unwrap();
    assert_eq!(item.owner.open_id.0, "ou_zhangsan");
    assert_eq!(item.deadline.to_string(), "2026-03-20T10:00:00Z"); // 下周五 18:00 +08:00
    assert_eq!(app.store.audit_of(item.id).unwrap().len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn the_owner_acknowledges_and_the_card_is_patched_but_a_stranger_is_refused() {
    let app = spawn_app().await;
    let mid = create_item(&app).await;
    // A stranger clicks 签收: refused with a toast, nothing changes.
    let r = click(&app, WANG.0, &mid, json!({"op":"acknowledge","item":1}), None).await;
    assert_eq!(r["toast"]["type"], "error", "{r}");
    assert!(r.get("card").is_none());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(app.fake.message(&mid).unwrap().patches.is_empty());
    // The 主办 clicks 签收: toast + updated card in the answer, and the shared card is PATCHed.
    let r = click(&app, ZHANG.0, &mid, json!({"op":"acknowledge","item":1}), None).await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    assert!(card_text(&r["card"]["data"]).contains("进行中"));
    assert!(eventually(|| !app.fake.message(&mid).unwrap().patches.is_empty()).await);
    assert!(card_text(app.fake.message(&mid).unwrap().card()).contains("进行中"));
    let history = app.store.audit_of(duban::domain::ids::ItemId(1)).unwrap();
    assert_eq!(history.len(), 2);
    app.stop().await;
}

#[tokio::test]
async fn progress_through_the_form_then_extension_requested_and_approved() {
    let app = spawn_app().await;
    let mid = create_item(&app).await;
    let r = click(
        &app,
        ZHANG.0,
        &mid,
        json!({"op":"progress","item":1}),
        Some(json!({"note":"已完成初稿","percent":"60"})),
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    let r = click(
        &app,
        ZHANG.0,
        &mid,
        json!({"op":"request_extension","item":1}),
        Some(json!({"date":"2026-03-25 +0800","reason":"等待监管口径"})),
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    // Only the 督办人 may approve.
    let r = click(
        &app,
        ZHANG.0,
        &mid,
        json!({"op":"approve_extension","item":1}),
        None,
    )
    .await;
    assert_eq!(r["toast"]["type"], "error");
    let r = click(
        &app,
        BOSS.0,
        &mid,
        json!({"op":"approve_extension","item":1}),
        None,
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    let item = app
        .store
        .get_item(duban::domain::ids::ItemId(1))
        .unwrap()
        .unwrap();
    assert_eq!(item.deadline.to_string(), "2026-03-25T10:00:00Z");
    assert_eq!(item.progress, 60);
    assert!(eventually(|| card_text(app.fake.message(&mid).unwrap().card()).contains("3月25日")).await);
    app.stop().await;
}

#[tokio::test]
async fn text_commands_update_the_item_and_list_and_show_answer() {
    let app = spawn_app().await;
    let mid = create_item(&app).await;
    app.say(ZHANG, "@_user_1 /督办 进展 DB-1 60% 已完成初稿", &[BOT])
        .await;
    app.say(ZHANG, "@_user_1 /督办 完成 DB-1 报告已上传", &[BOT])
        .await;
    app.say(BOSS, "@_user_1 /督办 验收 DB-1", &[BOT]).await;
    assert!(
        eventually(|| app
            .store
            .get_item(duban::domain::ids::ItemId(1))
            .unwrap()
            .unwrap()
            .status
            == duban::domain::status::Status::Done)
        .await
    );
    assert!(eventually(|| card_text(app.fake.message(&mid).unwrap().card()).contains("已完成")).await);
    app.say(BOSS, "@_user_1 /督办 列表 全部", &[BOT]).await;
    app.say(BOSS, "@_user_1 /督办 查看 DB-1", &[BOT]).await;
    let msgs = app.fake.wait_for_messages(7, Duration::from_secs(10)).await;
    let list = msgs
        .iter()
        .rev()
        .find(|m| card_text(&m.content).contains("全部事项"))
        .expect("list card");
    assert!(card_text(&list.content).contains("DB-1"));
    let detail = msgs.last().unwrap();
    let t = card_text(&detail.content);
    assert!(
        t.contains("验收") && t.contains("报告已上传"),
        "the history is shown: {t}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_reply_to_a_message_makes_it_the_description() {
    let app = spawn_app().await;
    let quoted = app.fake.add_message(
        CHAT,
        LI.0,
        "text",
        &json!({"text":"请在月底前整理营业部反洗钱培训材料，并汇总签到表"}).to_string(),
    );
    let ev = message_event(
        "ev_reply",
        "om_reply_cmd",
        CHAT,
        "group",
        BOSS.0,
        "@_user_1 /督办 @_user_2 周五前",
        &[BOT, ZHANG],
        Some(&quoted),
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    app.fake.wait_for_messages(2, Duration::from_secs(10)).await;
    assert!(
        eventually(|| app
            .store
            .get_item(duban::domain::ids::ItemId(1))
            .ok()
            .flatten()
            .is_some())
        .await
    );
    let item = app
        .store
        .get_item(duban::domain::ids::ItemId(1))
        .unwrap()
        .unwrap();
    assert!(item.title.contains("反洗钱培训材料"), "{}", item.title);
    assert!(item.description.unwrap_or_default().contains("签到表"));
    assert_eq!(item.source_message.map(|m| m.0), Some(quoted));
    app.stop().await;
}

#[tokio::test]
async fn bad_input_gets_a_helpful_card_and_other_groups_items_are_not_found() {
    let app = spawn_app().await;
    create_item(&app).await;
    app.say(BOSS, "@_user_1 /督办 写周报 @_user_2", &[BOT, ZHANG])
        .await; // no deadline
    app.say(BOSS, "@_user_1 /督办 删除 DB-1", &[BOT]).await; // unknown subcommand → help
    let ev = message_event(
        "ev_other",
        "om_other",
        "oc_other_group",
        "group",
        BOSS.0,
        "@_user_1 /督办 查看 DB-1",
        &[BOT],
        None,
    );
    app.post_event(&ev).await;
    // The four replies (item card and three answers), counted as replies: a group is owed the
    // weekly board only from the week after its first item, so none comes here, and a board is
    // not a reply anyway.
    let replies = || -> Vec<_> {
        app.fake
            .messages()
            .into_iter()
            .filter(|m| m.parent_id.is_some())
            .collect()
    };
    assert!(eventually(|| replies().len() >= 4).await);
    let msgs = replies();
    assert_eq!(msgs.len(), 4);
    // Replies keep order within a chat, not across chats: find each by what it answers.
    let answer_to = |needle: &str| {
        let parent = app
            .fake
            .all_messages()
            .into_iter()
            .find(|m| m.content.to_string().contains(needle))
            .unwrap()
            .message_id;
        card_text(
            &msgs
                .iter()
                .find(|m| m.parent_id.as_deref() == Some(parent.as_str()))
                .unwrap()
                .content,
        )
    };
    let t1 = answer_to("写周报");
    assert!(
        t1.contains("截止") && t1.contains("/督办"),
        "missing deadline explained with an example: {t1}"
    );
    let t2 = answer_to("删除 DB-1");
    assert!(
        t2.contains("列表") && t2.contains("延期"),
        "unknown subcommand shows help: {t2}"
    );
    let t3 = card_text(
        &msgs
            .iter()
            .find(|m| m.chat_id == "oc_other_group")
            .unwrap()
            .content,
    );
    assert!(t3.contains("本群没有 DB-1"), "{t3}");
    app.stop().await;
}

/// A card callback Feishu delivers again under the same event id (its acknowledgement was
/// lost) gets the answer already given; the click is not carried out twice (the same answer
/// the long connection gives, from the one card path both channels share).
#[tokio::test]
async fn a_card_callback_delivered_twice_over_the_webhook_is_answered_as_before() {
    let app = spawn_app().await;
    let mid = create_item(&app).await;
    let ev = card_action_event(
        "ev_click_twice",
        ZHANG.0,
        &mid,
        app.drawn_now(json!({"op":"acknowledge","item":1})),
        None,
    );
    let first: Value = app.post_event(&ev).await.json().await.unwrap();
    let again: Value = app.post_event(&ev).await.json().await.unwrap();
    assert_eq!(first["toast"]["type"], "success", "{first}");
    assert_eq!(first, again, "the same answer both times");
    let history = app.store.audit_of(duban::domain::ids::ItemId(1)).unwrap();
    assert_eq!(history.len(), 2, "created, acknowledged once: {history:?}");
    app.stop().await;
}
