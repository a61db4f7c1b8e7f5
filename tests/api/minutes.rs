//! Meeting follow-up end to end: `/纪要` through the real webhook → the follow-up card →
//! conversions from the card → ordinary 督办 items → the closure card on the virtual clock.

use std::time::Duration;

use duban::domain::ids::{ItemId, OpenId, Person};
use duban::fake_feishu::FakeMessage;
use duban::minutes::{DraftStatus, MeetingId};
use serde_json::{Value, json};

use crate::helpers::*;

const MINUTES: &str = "@_user_1 /纪要 合规周例会
会议时间：2026年3月11日
一、会议决议
1. 三季度自查按监管口径执行。
二、待办事项
1. 张三负责完成反洗钱自查报告，3月20日前
2. @_user_2 跟进营业部整改清单，下周五前
3. 王五整理监管问询回复材料
4. 李四牵头梳理客户回访流程，月底完成";

fn people() -> Vec<Person> {
    [ZHANG, LI, WANG, BOSS]
        .iter()
        .map(|(id, name)| Person {
            open_id: OpenId((*id).to_owned()),
            name: (*name).to_owned(),
        })
        .collect()
}

/// The bot's interactive messages whose card JSON contains `needle`.
fn cards_with(app: &TestApp, needle: &str) -> Vec<FakeMessage> {
    app.fake
        .messages()
        .into_iter()
        .filter(|m| m.msg_type == "interactive" && m.card().to_string().contains(needle))
        .collect()
}

async fn wait_card(app: &TestApp, needle: &str) -> FakeMessage {
    assert!(
        eventually(|| !cards_with(app, needle).is_empty()).await,
        "no card with {needle:?}: {:#?}",
        app.fake
            .messages()
            .iter()
            .map(|m| m.card().to_string())
            .collect::<Vec<_>>()
    );
    cards_with(app, needle).remove(0)
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

async fn set_clock(app: &TestApp, to: &str) {
    let r = app
        .http
        .post(format!("{}/debug/clock", app.base))
        .json(&json!({ "set": to }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

/// Pastes the minutes and returns the follow-up card's message id (once it is recorded).
async fn paste(app: &TestApp) -> String {
    app.fake.set_chat_members(CHAT, &people());
    app.say(BOSS, MINUTES, &[BOT, LI]).await;
    let card = wait_card(app, "HY-1").await;
    assert!(
        eventually(|| app.store.meeting_card(MeetingId(1)).ok().flatten().is_some()).await,
        "the card's message id is recorded"
    );
    card.message_id
}

#[tokio::test]
async fn minutes_become_tracked_items_through_one_card_and_a_closure_card_follows() {
    let app = spawn_app().await;
    let card_mid = paste(&app).await;
    let m = app.store.get_meeting(MeetingId(1)).unwrap().unwrap();
    assert_eq!(m.title, "合规周例会");
    assert_eq!(m.items.len(), 4, "{:#?}", m.items);
    let text = app.fake.message(&card_mid).unwrap().card().to_string();
    assert!(text.contains("全部转为督办"), "{text}");
    assert!(
        text.contains("ou_zhangsan"),
        "张三 is matched against the members: {text}"
    );

    // 1: through the form, with an edited owner (王五) and date.
    let r = click(
        &app,
        BOSS.0,
        &card_mid,
        json!({"op":"m_convert","meeting":1,"idx":0}),
        Some(json!({"owner_0": WANG.0, "date_0": "2026-03-25 +0800", "text_0": "完成反洗钱自查报告"})),
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    assert!(r["card"]["data"].to_string().contains("DB-1"), "{r}");
    // 2: the button alone.
    let r = click(
        &app,
        BOSS.0,
        &card_mid,
        json!({"op":"m_convert","meeting":1,"idx":1}),
        None,
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    // 4: ignored.
    let r = click(
        &app,
        BOSS.0,
        &card_mid,
        json!({"op":"m_ignore","meeting":1,"idx":3}),
        None,
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    // 全部转为督办: item 3 has no deadline, and the toast says so.
    let r = click(
        &app,
        BOSS.0,
        &card_mid,
        json!({"op":"m_convert_all","meeting":1}),
        None,
    )
    .await;
    assert_eq!(r["toast"]["type"], "warning", "{r}");
    assert!(r["toast"]["content"].to_string().contains("第3条"), "{r}");

    let db1 = app.store.get_item(ItemId(1)).unwrap().unwrap();
    assert_eq!(db1.owner.open_id.0, WANG.0);
    assert_eq!(
        db1.owner.name, "王五",
        "the picked person's name comes from the member list"
    );
    assert_eq!(db1.deadline.to_string(), "2026-03-25T10:00:00Z");
    assert_eq!(db1.creator.open_id.0, BOSS.0);
    let db2 = app.store.get_item(ItemId(2)).unwrap().unwrap();
    assert_eq!(db2.owner.open_id.0, LI.0);
    assert_eq!(db2.deadline.to_string(), "2026-03-20T10:00:00Z"); // 下周五 18:00
    assert!(app.store.get_item(ItemId(3)).unwrap().is_none());
    let history = app.store.audit_of(ItemId(1)).unwrap();
    assert!(history[0].note.as_deref().unwrap_or_default().contains("HY-1"));
    let m = app.store.get_meeting(MeetingId(1)).unwrap().unwrap();
    assert_eq!(m.items[0].status, DraftStatus::Converted(ItemId(1)));
    assert_eq!(m.items[1].status, DraftStatus::Converted(ItemId(2)));
    assert_eq!(m.items[2].status, DraftStatus::Pending);
    assert_eq!(m.items[3].status, DraftStatus::Ignored);

    // Live item cards were posted, and the shared follow-up card is PATCHed.
    wait_card(&app, "DB-2").await;
    assert!(
        eventually(|| app
            .fake
            .message(&card_mid)
            .is_some_and(|m| m.card().to_string().contains("已忽略")))
        .await
    );

    // They are ordinary items: listed with their owners, and 查看 shows the meeting.
    app.say(BOSS, "@_user_1 /督办 列表", &[BOT]).await;
    let list = wait_card(&app, "本群未完成的督办事项").await;
    let list = list.card().to_string();
    assert!(list.contains("DB-1") && list.contains("DB-2"), "{list}");
    assert!(list.contains(WANG.0) || list.contains("王五"), "{list}");
    app.say(BOSS, "@_user_1 /督办 查看 DB-1", &[BOT]).await;
    let detail = wait_card(&app, "DB-1 详情").await.card().to_string();
    assert!(
        detail.contains("来源") && detail.contains("会议纪要 HY-1「合规周例会」"),
        "{detail}"
    );

    // The closure card: 5 working days after 3月11日 is 3月18日, at 10:00 — not before.
    set_clock(&app, "2026-03-18T09:59:00+08:00").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(cards_with(&app, "会议事项回顾").is_empty());
    set_clock(&app, "2026-03-18T10:00:30+08:00").await;
    let closure = wait_card(&app, "会议事项回顾").await.card().to_string();
    assert!(closure.contains("DB-1") && closure.contains("DB-2"), "{closure}");
    assert!(closure.contains("未转为督办"), "{closure}");
    assert!(
        app.store
            .get_meeting(MeetingId(1))
            .unwrap()
            .unwrap()
            .closure_posted
    );

    // Exactly once, also after a restart and more time.
    // (`app` keeps the temporary directory alive; its store handle is released first.)
    app.shutdown.cancel();
    let _ = tokio::time::timeout(Duration::from_secs(10), app.handle).await;
    drop(app.store);
    drop(app.service);
    let again = start_on(&app.data_dir, app.fake, |_| {}).await;
    set_clock(&again, "2026-03-19T10:00:00+08:00").await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(cards_with(&again, "会议事项回顾").len(), 1);
    again.stop().await;
}

#[tokio::test]
async fn a_doc_link_without_the_permission_names_it_and_with_it_gives_the_card() {
    let app = spawn_app().await;
    app.fake.set_chat_members(CHAT, &people());
    app.fake.add_doc(
        "doxcnMinutes1",
        "产品评审会\n待办：\n- [ ] 张三负责更新需求文档，3月16日前\n",
    );
    app.fake.deny_scope("docx:document:readonly");
    let link = "https://example.feishu.cn/docx/doxcnMinutes1";
    app.say(BOSS, &format!("@_user_1 /纪要 {link}"), &[BOT]).await;
    let err = wait_card(&app, "没能读取会议纪要").await.card().to_string();
    assert!(
        err.contains("查看新版文档") && err.contains("docx:document:readonly"),
        "{err}"
    );
    assert!(err.contains("权限管理"), "{err}");

    app.fake.allow_scope("docx:document:readonly");
    app.say(BOSS, &format!("@_user_1 /纪要 {link}"), &[BOT]).await;
    let card = wait_card(&app, "HY-1").await.card().to_string();
    assert!(
        card.contains("更新需求文档") && card.contains("ou_zhangsan"),
        "{card}"
    );
    app.stop().await;
}

#[tokio::test]
async fn replying_to_the_minutes_with_a_bare_command_reads_the_quoted_message() {
    let app = spawn_app().await;
    app.fake.set_chat_members(CHAT, &people());
    let minutes_mid = app
        .say(
            ZHANG,
            "周例会纪要\n行动项：\n1. 李四负责联系托管行确认对账口径，明天下班前",
            &[],
        )
        .await;
    let ev = message_event(
        &app.next_id("ev_"),
        &app.next_id("om_user_"),
        CHAT,
        "group",
        BOSS.0,
        "@_user_1 /纪要",
        &[BOT],
        Some(&minutes_mid),
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    let card = wait_card(&app, "HY-1").await.card().to_string();
    assert!(card.contains("对账口径") && card.contains("ou_lisi"), "{card}");
    app.stop().await;
}

#[tokio::test]
async fn without_the_member_list_names_stay_unresolved_and_the_reply_says_why() {
    let app = spawn_app().await; // no members set: the fake answers 232011
    app.say(BOSS, MINUTES, &[BOT, LI]).await;
    let card = wait_card(&app, "HY-1").await.card().to_string();
    assert!(card.contains("未匹配:张三"), "{card}");
    assert!(
        eventually(|| app
            .fake
            .messages()
            .iter()
            .any(|m| m.msg_type == "text" && m.content.to_string().contains("没能获取本群成员名单")))
        .await
    );
    app.stop().await;
}

#[tokio::test]
async fn a_minutes_link_uses_the_recordings_todos_and_title() {
    let app = spawn_app().await;
    app.fake.set_chat_members(CHAT, &people());
    app.fake.add_minutes("obcnRec1", "张三：我们下周把清单过一遍。");
    app.fake.set_minutes_artifacts(
        "obcnRec1",
        "经纪业务周会",
        "讨论了营业部整改清单。",
        &[("更新营业部整改清单，3月16日前", &["张三"])],
    );
    app.say(
        BOSS,
        "@_user_1 /纪要 https://example.feishu.cn/minutes/obcnRec1",
        &[BOT],
    )
    .await;
    let card = wait_card(&app, "HY-1").await.card().to_string();
    assert!(card.contains("经纪业务周会"), "{card}");
    assert!(
        card.contains("整改清单") && card.contains("ou_zhangsan"),
        "{card}"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_optional_minutes_event_starts_the_same_flow_in_the_group() {
    let app = spawn_app_with(|s| s.minutes.events = true).await;
    app.fake.set_chat_members(CHAT, &people());
    app.fake.add_minutes("obcnRec2", "");
    app.fake.set_minutes_artifacts(
        "obcnRec2",
        "风控例会",
        "",
        &[("李四复核两融担保比例预警阈值，3月18日前", &["李四"])],
    );
    let ev = json!({
        "schema": "2.0",
        "header": {"event_id": "ev_minutes_1", "event_type": "minutes.minute.generated_v1",
                   "create_time": "1773194400000", "token": VERIFICATION_TOKEN, "app_id": APP_ID, "tenant_key": "tk"},
        "event": {"minute_token": "obcnRec2", "chat_id": CHAT}
    });
    assert_eq!(app.post_event(&ev).await.status(), 200);
    let card = wait_card(&app, "HY-1").await;
    assert!(card.parent_id.is_none(), "posted in the group, not as a reply");
    let text = card.card().to_string();
    assert!(text.contains("风控例会") && text.contains("ou_lisi"), "{text}");
    app.stop().await;
}

#[tokio::test]
async fn the_minutes_event_is_ignored_unless_enabled() {
    let app = spawn_app().await;
    app.fake.add_minutes("obcnRec3", "");
    let ev = json!({
        "schema": "2.0",
        "header": {"event_id": "ev_minutes_2", "event_type": "minutes.minute.generated_v1",
                   "create_time": "1773194400000", "token": VERIFICATION_TOKEN, "app_id": APP_ID, "tenant_key": "tk"},
        "event": {"minute_token": "obcnRec3", "chat_id": CHAT}
    });
    assert_eq!(app.post_event(&ev).await.status(), 200);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(app.fake.messages().is_empty());
    app.stop().await;
}

/// `duban minutes --explain FILE`: per line the score, the reasons and the decision, then what
/// each item became; status lines are shown as not items with the evidence against them.
#[test]
fn minutes_explain_prints_each_lines_score_reasons_and_decision() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("纪要.md");
    std::fs::write(
        &file,
        "风控周会\n会议时间：2026年3月10日\n## 经营情况\n- 本月新增有效户1.2万，同比上升12%\n## 下一步\n- 张三负责修订制度，3月20日前\n- 李四：五天内交三份报告\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(["minutes", "--explain"])
        .arg(&file)
        .args(["--members", "张三,李四", "--now", "2026-03-10T17:00:00+08:00"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("会议日期：2026-03-10"), "{text}");
    assert!(text.contains("不是待办"), "{text}");
    assert!(text.contains("数字与比较-2"), "{text}");
    assert!(text.contains("明确的负责人+3"), "{text}");
    // The second reading (the fitted model) shows its probability and heaviest features.
    assert!(text.contains("二读："), "{text}");
    assert!(
        text.contains("→ 修订制度 ｜ 张三 ｜ 2026-03-20T18:00:00+08:00"),
        "{text}"
    );
    assert!(
        text.contains("→ 交三份报告 ｜ 李四 ｜ 2026-03-15T18:00:00+08:00"),
        "{text}"
    );
    assert!(text.contains("共 2 条待办"), "{text}");
}
