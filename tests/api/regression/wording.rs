//! Issue 12 regressions: reasons and history on live cards (point 8) and wording (point 10),
//! through the real webhook, store, scheduler and fake Feishu.

use std::time::Duration;

use duban::domain::ids::{ItemId, OpenId, Person, ProjectId, RequirementId};
use duban::minutes::MeetingId;
use duban::store::projects::Watched;
use serde_json::{Value, json};

use crate::helpers::*;

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

fn members() -> Vec<Person> {
    [ZHANG, LI, WANG, BOSS]
        .iter()
        .map(|(id, name)| Person {
            open_id: OpenId((*id).to_owned()),
            name: (*name).to_owned(),
        })
        .collect()
}

async fn click(app: &TestApp, who: &str, card_mid: &str, value: Value, form: Option<Value>) -> Value {
    let value = app.drawn_now(value);
    let ev = card_action_event(&app.next_id("ev_click_"), who, card_mid, value, form);
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

/// The live card of `mid` as it reads now (after its PATCHes).
fn card_now(app: &TestApp, mid: &str) -> String {
    app.fake.message(mid).unwrap().card().to_string()
}

async fn wait_card(app: &TestApp, mid: &str, needle: &str) -> String {
    let found = eventually(|| card_now(app, mid).contains(needle)).await;
    let text = card_now(app, mid);
    assert!(found, "the card never said {needle:?}: {text}");
    text
}

/// The bot's reply card to message `mid`, as text.
async fn reply_text(app: &TestApp, mid: &str) -> String {
    app.reply_to(mid).await.content.to_string()
}

/// DB-1 (主办 张三) by 赵督办, due next Friday; returns its live card's message id.
async fn create_item(app: &TestApp) -> String {
    app.say(
        BOSS,
        "@_user_1 /督办 完成三季度合规自查报告 @_user_2 3月20日 P1",
        &[BOT, ZHANG],
    )
    .await;
    assert!(eventually(|| app.store.item_card(ItemId(1)).ok().flatten().is_some()).await);
    app.store.item_card(ItemId(1)).unwrap().unwrap()
}

/// XM-1 (负责人 张三) created by 赵督办; returns its live card's message id.
async fn create_project(app: &TestApp) -> String {
    app.say(BOSS, "@_user_1 /项目 新建 开户流程优化 @_user_2", &[BOT, ZHANG])
        .await;
    let w = Watched::Project(ProjectId(1));
    assert!(eventually(|| app.store.watched_card(w).ok().flatten().is_some()).await);
    app.store.watched_card(w).unwrap().unwrap()
}

// Issue 12 point 8: after 退回 the card said 进行中 at 100% and nothing else; after an approved
// extension nothing said it had moved.
#[tokio::test]
async fn issue_12_a_returned_item_says_why_and_an_extended_one_since_when() {
    let app = spawn_app().await;
    app.fake.set_chat_members(CHAT, &members());
    let mid = create_item(&app).await;
    app.say(ZHANG, "@_user_1 /督办 完成 DB-1 已提交自查报告", &[BOT])
        .await;
    wait_card(&app, &mid, "待验收").await;
    app.say(BOSS, "@_user_1 /督办 退回 DB-1 缺少附件二的底稿", &[BOT])
        .await;
    let text = wait_card(&app, &mid, "已退回").await;
    assert!(text.contains("**已退回**：缺少附件二的底稿（赵督办 · "), "{text}");
    assert!(text.contains("100%（已退回，待重新提交）"), "{text}");

    // An extension, approved on the card, is told with the deadline it replaced.
    app.say(ZHANG, "@_user_1 /督办 延期 DB-1 3月27日 等待底稿", &[BOT])
        .await;
    wait_card(&app, &mid, "延期申请中").await;
    let r = click(
        &app,
        BOSS.0,
        &mid,
        json!({"op":"approve_extension","item":1}),
        None,
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    let text = r["card"]["data"].to_string();
    assert!(
        text.contains("**延期**：已延期1次，原截止3月20日（周五）"),
        "{text}"
    );
    wait_card(&app, &mid, "已延期1次，原截止3月20日").await;

    // Submitting again clears the 退回 note.
    app.say(ZHANG, "@_user_1 /督办 完成 DB-1 附件已补", &[BOT]).await;
    let text = wait_card(&app, &mid, "待验收").await;
    assert!(!text.contains("已退回"), "{text}");
    app.stop().await;
}

// Issue 12 point 8: a project's 退回 reason was on no card and `/项目 查看` had no history.
#[tokio::test]
async fn issue_12_a_project_card_shows_its_latest_return_and_show_gives_the_full_record() {
    let app = spawn_app().await;
    let mid = create_project(&app).await;
    app.say(ZHANG, "@_user_1 /项目 推进 XM-1 需求已确认", &[BOT])
        .await;
    wait_card(&app, &mid, "阶段 2/5").await;
    app.say(ZHANG, "@_user_1 /项目 退回 XM-1 需求口径有变化", &[BOT])
        .await;
    let text = wait_card(&app, &mid, "最近退回").await;
    assert!(
        text.contains("从「产品设计」退回，原因：需求口径有变化（张三 · "),
        "{text}"
    );

    let asked = app.say(WANG, "@_user_1 /项目 查看 XM-1", &[BOT]).await;
    let shown = reply_text(&app, &asked).await;
    assert!(shown.contains("处理记录**（共3条）"), "{shown}");
    assert!(shown.contains("新建项目") && shown.contains("推进"), "{shown}");
    assert!(shown.contains("说明：需求口径有变化"), "{shown}");
    assert!(shown.contains("阶段：产品设计 → 需求对接"), "{shown}");
    assert!(
        !shown.contains("p_rollback"),
        "a record, not a control panel: {shown}"
    );
    app.stop().await;
}

fn with_managers(s: &mut duban::config::Settings) {
    s.requirements.managers = vec![BOSS.0.to_owned()];
    s.requirements.manager_chat = Some(CHAT.to_owned());
}

// Issue 12 points 8 and 10: `/需求 查看` had no history; XM-2 made by the 受理 button showed
// "负责人： ·" with a blank name.
#[tokio::test]
async fn issue_12_accepting_into_a_new_project_names_its_owner_and_show_gives_the_record() {
    let app = spawn_app_with(with_managers).await;
    app.fake.set_chat_members(CHAT, &members());
    app.say(
        ZHANG,
        "@_user_1 /需求 两融开户线上化\n提出单位：杭州营业部\n优先级：P1",
        &[BOT],
    )
    .await;
    let w = Watched::Requirement(RequirementId(1));
    assert!(eventually(|| app.store.watched_card(w).ok().flatten().is_some()).await);
    let triage = app.store.watched_card(w).unwrap().unwrap();
    let r = click(
        &app,
        BOSS.0,
        &triage,
        json!({"op":"r_accept","req":1}),
        Some(json!({"project":"新建项目"})),
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    let p = app.store.get_project(ProjectId(1)).unwrap().unwrap();
    assert_eq!(p.owner.name, "赵督办", "the manager who accepted leads it");
    let creator = app
        .store
        .audit_of_watched(Watched::Project(ProjectId(1)))
        .unwrap();
    assert_eq!(
        creator[0].actor.name, "赵督办",
        "the creation is recorded as theirs"
    );
    let pw = Watched::Project(ProjectId(1));
    assert!(eventually(|| app.store.watched_card(pw).ok().flatten().is_some()).await);
    let pmid = app.store.watched_card(pw).unwrap().unwrap();
    let header = app.fake.message(&pmid).unwrap().card()["header"].to_string();
    assert!(header.contains("负责人：赵督办 · 阶段 1/5"), "{header}");

    let asked = app.say(ZHANG, "@_user_1 /需求 查看 XQ-1", &[BOT]).await;
    let shown = reply_text(&app, &asked).await;
    assert!(shown.contains("处理记录**（共2条）"), "{shown}");
    assert!(
        shown.contains("提交需求") && shown.contains("赵督办 受理"),
        "{shown}"
    );
    assert!(
        !shown.contains("r_accept_submit"),
        "no triage forms in the record: {shown}"
    );
    app.stop().await;
}

// Issue 12 point 10: the creator of a project could not plan or move it.
#[tokio::test]
async fn issue_12_the_creator_of_a_project_plans_and_moves_it_and_a_refusal_names_them() {
    let app = spawn_app().await;
    app.fake.set_chat_members(CHAT, &members());
    let mid = create_project(&app).await;
    app.say(
        BOSS,
        "@_user_1 /项目 计划 XM-1 产品设计 @_user_2 3月20日",
        &[BOT, LI],
    )
    .await;
    app.say(BOSS, "@_user_1 /项目 推进 XM-1", &[BOT]).await;
    wait_card(&app, &mid, "阶段 2/5").await;
    let p = app.store.get_project(ProjectId(1)).unwrap().unwrap();
    assert_eq!(p.current, 1);
    assert_eq!(p.stages[1].owner.as_ref().map(|o| o.name.as_str()), Some("李四"));
    let asked = app.say(WANG, "@_user_1 /项目 退回 XM-1 不同意", &[BOT]).await;
    let refused = reply_text(&app, &asked).await;
    assert!(
        refused.contains("只有项目负责人（张三）、发起人（赵督办）或管理员可以退回"),
        "{refused}"
    );
    app.stop().await;
}

// Issue 12 point 10: a refusal for one wrong field was titled "没能看懂这条指令" and printed
// its example twice.
#[tokio::test]
async fn issue_12_a_refusal_names_the_wrong_field_and_shows_its_example_once() {
    let app = spawn_app().await;
    let asked = app
        .say(BOSS, "@_user_1 /项目 计划 XM-1 产品设计 2月30日", &[BOT])
        .await;
    let reply = app.reply_to(&asked).await;
    let card = reply.card().clone();
    assert_eq!(card["header"]["title"]["content"], "计划完成时间没看懂", "{card}");
    let text = card.to_string();
    assert!(text.contains("2月30日"), "{text}");
    let example = "/项目 计划 XM-3 产品设计 @李四 12月10日";
    assert_eq!(text.matches(example).count(), 1, "{text}");
    assert!(!text.contains("没能看懂这条指令"), "{text}");
    app.stop().await;
}

// Issue 12 point 10: minutes items became titles like "负责牵头梳理…，本周五前提交初稿".
#[tokio::test]
async fn issue_12_minutes_titles_lose_the_owner_and_deadline_words() {
    let app = spawn_app().await;
    app.fake.set_chat_members(CHAT, &members());
    app.say(
        BOSS,
        "@_user_1 /纪要 两融业务周会\n会议时间：2026年3月11日\n二、待办事项\n1. 张三负责牵头梳理两融业务流程，本周五前提交初稿",
        &[BOT],
    )
    .await;
    assert!(eventually(|| app.store.get_meeting(MeetingId(1)).ok().flatten().is_some()).await);
    let m = app.store.get_meeting(MeetingId(1)).unwrap().unwrap();
    assert_eq!(m.items.len(), 1, "{:#?}", m.items);
    assert_eq!(m.items[0].text, "梳理两融业务流程，提交初稿");
    assert!(
        m.items[0].deadline.is_some(),
        "the deadline is kept in its own field"
    );
    app.stop().await;
}

// Issue 12 point 10: 统计 counted the automatic "明天截止" reminders as 被催办.
#[tokio::test]
async fn issue_12_statistics_count_manual_and_overdue_chasing_not_routine_reminders() {
    let app = spawn_app().await;
    app.clock.set(ts("2026-09-23T10:00:00+08:00"));
    app.say(
        BOSS,
        "@_user_1 /督办 整理国庆值班安排 @_user_2 9月30日",
        &[BOT, ZHANG],
    )
    .await;
    assert!(eventually(|| app.store.item_card(ItemId(1)).ok().flatten().is_some()).await);
    // 签收 (09-23 14:00) and 明天截止 (09-29 10:00) reminders only.
    let sent = app.run_clock_until(ts("2026-09-30T12:00:00+08:00")).await;
    assert!(sent.len() >= 2, "{sent:?}");
    let asked = app.say(BOSS, "@_user_1 /督办 统计 本月", &[BOT]).await;
    let stats = reply_text(&app, &asked).await;
    assert!(stats.contains("被催办 0 次"), "{stats}");
    assert!(stats.contains("被催办 = 手动催办 + 逾期后的催办提醒"), "{stats}");

    // One manual 催办, then the deadline passes (18:00) and the first overdue day (10-08).
    app.say(BOSS, "@_user_1 /督办 催办 DB-1", &[BOT]).await;
    assert!(eventually(|| app.store.get_item(ItemId(1)).unwrap().unwrap().nudge_count == 1).await);
    app.run_clock_until(ts("2026-10-08T10:30:00+08:00")).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let asked = app.say(BOSS, "@_user_1 /督办 统计 本月", &[BOT]).await;
    let stats = reply_text(&app, &asked).await;
    assert!(stats.contains("被催办 3 次"), "{stats}");
    app.stop().await;
}
