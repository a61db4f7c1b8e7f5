//! Projects, requirements and the Bitable mirror end to end through the real webhook, the
//! real store and the fake Feishu.

use std::time::Duration;

use duban::domain::ids::{ItemId, ProjectId, RequirementId};
use duban::domain::project::ProjectStatus;
use duban::domain::requirement::ReqStatus;
use duban::fake_feishu::FakeMessage;
use duban::store::projects::Watched;
use serde_json::{Value, json};

use crate::helpers::*;

const BRANCH: &str = "oc_branch_hangzhou";
const BRANCH_USER: (&str, &str) = ("ou_branch_hz", "杭州营业部小陈");

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

/// A user in `chat` sends `text`.
async fn say_in(app: &TestApp, chat: &str, from: (&str, &str), text: &str, mentions: &[(&str, &str)]) {
    let ev = message_event(
        &app.next_id("ev_"),
        &app.next_id("om_user_"),
        chat,
        "group",
        from.0,
        text,
        mentions,
        None,
    );
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200);
}

async fn set_clock(app: &TestApp, to: &str) {
    let r = app
        .http
        .post(format!("{}/debug/clock", app.base))
        .json(&json!({ "set": to }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
}

fn texts(app: &TestApp, chat: &str) -> Vec<String> {
    app.fake
        .messages()
        .into_iter()
        .filter(|m| m.chat_id == chat)
        .map(|m| m.content.to_string())
        .collect()
}

async fn wait_text(app: &TestApp, chat: &str, needle: &str) -> bool {
    eventually(|| texts(app, chat).iter().any(|t| t.contains(needle))).await
}

/// Creates XM-1 (负责人 张三) in `CHAT` and returns its live card's message id.
async fn create_project(app: &TestApp) -> String {
    app.say(BOSS, "@_user_1 /项目 新建 开户流程优化 @_user_2", &[BOT, ZHANG])
        .await;
    assert!(
        eventually(|| app
            .store
            .watched_card(Watched::Project(ProjectId(1)))
            .ok()
            .flatten()
            .is_some())
        .await,
        "the project card is posted"
    );
    app.store
        .watched_card(Watched::Project(ProjectId(1)))
        .unwrap()
        .unwrap()
}

fn patches(app: &TestApp, mid: &str) -> usize {
    app.fake.message(mid).map_or(0, |m: FakeMessage| m.patches.len())
}

#[tokio::test]
async fn a_project_runs_through_all_five_stages_with_a_rollback_and_its_card_follows() {
    let app = spawn_app().await;
    let mid = create_project(&app).await;
    let card = app.fake.message(&mid).unwrap().card().to_string();
    assert!(card.contains("XM-1") && card.contains("需求对接"), "{card}");

    // Two stages by text.
    for (n, stage) in [(1, "产品设计"), (2, "开发评审")] {
        app.say(ZHANG, &format!("@_user_1 /项目 推进 XM-1 第{n}阶段完成"), &[BOT])
            .await;
        assert!(
            wait_text(&app, CHAT, &format!("已推进到「{stage}」")).await,
            "{stage}"
        );
        assert!(eventually(|| patches(&app, &mid) >= n).await);
    }
    // A stranger may not roll back; the owner does, by the card form (reason required).
    let r = click(
        &app,
        WANG.0,
        &mid,
        json!({"op":"p_rollback","project":1}),
        Some(json!({"reason":"评审意见未闭环"})),
    )
    .await;
    assert_eq!(r["toast"]["type"], "error", "{r}");
    let r = click(
        &app,
        ZHANG.0,
        &mid,
        json!({"op":"p_rollback","project":1}),
        Some(json!({})),
    )
    .await;
    assert_ne!(
        r["toast"]["type"], "success",
        "a rollback without a reason is refused: {r}"
    );
    let r = click(
        &app,
        ZHANG.0,
        &mid,
        json!({"op":"p_rollback","project":1}),
        Some(json!({"reason":"评审意见未闭环"})),
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    assert!(r["card"]["data"].to_string().contains("产品设计"));
    let p = app.store.get_project(ProjectId(1)).unwrap().unwrap();
    assert_eq!(p.current, 1);
    // The rest by the card's 推进 button, to completion.
    for _ in 0..4 {
        let r = click(&app, ZHANG.0, &mid, json!({"op":"p_advance","project":1}), None).await;
        assert_eq!(r["toast"]["type"], "success", "{r}");
    }
    let p = app.store.get_project(ProjectId(1)).unwrap().unwrap();
    assert_eq!(p.status, ProjectStatus::Done);
    assert!(wait_text(&app, CHAT, "全部阶段已完成").await);
    // Every change PATCHed the card: 2 text advances, 1 rollback, 4 clicks.
    assert!(
        eventually(|| patches(&app, &mid) >= 7).await,
        "{}",
        patches(&app, &mid)
    );
    let history = app
        .store
        .audit_of_watched(Watched::Project(ProjectId(1)))
        .unwrap();
    let actions: Vec<&str> = history.iter().map(|h| h.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "p_create",
            "p_advance",
            "p_advance",
            "p_rollback",
            "p_advance",
            "p_advance",
            "p_advance",
            "p_advance"
        ]
    );
    assert_eq!(history[3].note.as_deref(), Some("评审意见未闭环"));
    app.stop().await;
}

#[tokio::test]
async fn a_tag_on_a_supervise_line_links_the_item_and_the_project_card_lists_open_items() {
    let app = spawn_app().await;
    let mid = create_project(&app).await;
    app.say(
        BOSS,
        "@_user_1 /督办 梳理开户材料清单 @_user_2 下周五前 #XM-1",
        &[BOT, LI],
    )
    .await;
    assert!(eventually(|| app.store.get_project(ProjectId(1)).unwrap().unwrap().items == [ItemId(1)]).await);
    app.say(
        BOSS,
        "@_user_1 /督办 对接柜台系统接口 @_user_2 下周五前",
        &[BOT, WANG],
    )
    .await;
    assert!(eventually(|| app.store.get_item(ItemId(2)).unwrap().is_some()).await);
    app.say(ZHANG, "@_user_1 /项目 关联 XM-1 DB-2", &[BOT]).await;
    assert!(eventually(|| app.store.get_project(ProjectId(1)).unwrap().unwrap().items.len() == 2).await);
    assert!(
        eventually(|| {
            let c = app.fake.message(&mid).unwrap().card().to_string();
            c.contains("DB-1") && c.contains("DB-2") && c.contains("对接柜台系统接口")
        })
        .await,
        "the live card lists both open items"
    );
    let history = app
        .store
        .audit_of_watched(Watched::Project(ProjectId(1)))
        .unwrap();
    assert_eq!(history.iter().filter(|h| h.action == "p_link").count(), 2);
    app.stop().await;
}

#[tokio::test]
async fn a_stage_past_its_planned_date_nudges_its_owner_on_the_next_working_morning() {
    let app = spawn_app().await;
    create_project(&app).await;
    // Wed 11th: 需求对接 planned for Thu 12th, owned by 李四.
    app.say(
        ZHANG,
        "@_user_1 /项目 计划 XM-1 需求对接 @_user_2 3月12日",
        &[BOT, LI],
    )
    .await;
    assert!(
        eventually(|| app.store.get_project(ProjectId(1)).unwrap().unwrap().stages[0]
            .owner
            .is_some())
        .await
    );
    // Thursday evening: not late yet (a date-only plan lasts the whole day).
    set_clock(&app, "2026-03-12T20:00:00+08:00").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!texts(&app, CHAT).iter().any(|t| t.contains("已超期")));
    // Friday morning: 李四 is nudged, once.
    set_clock(&app, "2026-03-13T09:30:00+08:00").await;
    assert!(wait_text(&app, CHAT, "已超期").await);
    let nudges: Vec<String> = texts(&app, CHAT)
        .into_iter()
        .filter(|t| t.contains("已超期"))
        .collect();
    assert_eq!(nudges.len(), 1);
    assert!(nudges[0].contains(LI.0), "{}", nudges[0]);
    set_clock(&app, "2026-03-13T15:00:00+08:00").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        texts(&app, CHAT).iter().filter(|t| t.contains("已超期")).count(),
        1,
        "once per working day"
    );
    // The next check is Monday's morning.
    let next = app
        .store
        .watched_scheduled(Watched::Project(ProjectId(1)))
        .unwrap()
        .unwrap();
    let next = jiff::Timestamp::from_millisecond(i64::try_from(next).unwrap()).unwrap();
    assert_eq!(duban::domain::time::local(next).date().to_string(), "2026-03-16");
    app.stop().await;
}

fn with_managers(s: &mut duban::config::Settings) {
    s.requirements.managers = vec![BOSS.0.to_owned()];
    s.requirements.manager_chat = Some(CHAT.to_owned());
}

#[tokio::test]
async fn a_branch_requirement_is_triaged_followed_through_the_project_and_rated() {
    let app = spawn_app_with(with_managers).await;
    say_in(
        &app,
        BRANCH,
        BRANCH_USER,
        "@_user_1 /需求 两融开户线上化\n提出单位：杭州营业部\n场景：客户临柜办理两融开户耗时长\n优先级：P1",
        &[BOT],
    )
    .await;
    // The managers get the triage card; the branch gets its status card.
    assert!(
        eventually(|| app
            .store
            .watched_card(Watched::Requirement(RequirementId(1)))
            .ok()
            .flatten()
            .is_some())
        .await
    );
    let triage = app
        .store
        .watched_card(Watched::Requirement(RequirementId(1)))
        .unwrap()
        .unwrap();
    assert_eq!(app.fake.message(&triage).unwrap().chat_id, CHAT);
    assert!(wait_text(&app, BRANCH, "两融开户线上化").await);
    let r = app.store.get_requirement(RequirementId(1)).unwrap().unwrap();
    assert_eq!(r.unit.as_deref(), Some("杭州营业部"));

    // A non-manager may not accept.
    let resp = click(
        &app,
        WANG.0,
        &triage,
        json!({"op":"r_accept","req":1}),
        Some(json!({"project":"新建项目"})),
    )
    .await;
    assert_eq!(resp["toast"]["type"], "error", "{resp}");
    // The manager accepts into a new project.
    let resp = click(
        &app,
        BOSS.0,
        &triage,
        json!({"op":"r_accept","req":1}),
        Some(json!({"project":"新建项目"})),
    )
    .await;
    assert_eq!(resp["toast"]["type"], "success", "{resp}");
    let r = app.store.get_requirement(RequirementId(1)).unwrap().unwrap();
    assert_eq!(r.status, ReqStatus::Accepted);
    assert_eq!(r.project, Some(ProjectId(1)));
    let p = app.store.get_project(ProjectId(1)).unwrap().unwrap();
    assert_eq!(p.requirements, [RequirementId(1)]);
    assert!(wait_text(&app, BRANCH, "需求已受理").await);

    // The project moves: 产品设计 (still 已受理), 开发评审 (进入开发), 测试升级 (测试), 效果反馈 (上线).
    for _ in 0..4 {
        app.say(BOSS, "@_user_1 /项目 推进 XM-1", &[BOT]).await;
    }
    assert!(wait_text(&app, BRANCH, "需求进入开发").await);
    assert!(wait_text(&app, BRANCH, "需求测试").await);
    assert!(wait_text(&app, BRANCH, "需求上线").await);
    assert!(wait_text(&app, BRANCH, "效果反馈").await);
    let find = || {
        app.fake
            .messages()
            .into_iter()
            .find(|m| m.chat_id == BRANCH && m.content.to_string().contains("r_feedback"))
    };
    assert!(eventually(|| find().is_some()).await, "the feedback request card");
    let feedback = find().unwrap();
    // Only the submitter rates.
    let resp = click(
        &app,
        WANG.0,
        &feedback.message_id,
        json!({"op":"r_feedback","req":1}),
        Some(json!({"rating":"4"})),
    )
    .await;
    assert_eq!(resp["toast"]["type"], "error", "{resp}");
    let resp = click(
        &app,
        BRANCH_USER.0,
        &feedback.message_id,
        json!({"op":"r_feedback","req":1}),
        Some(json!({"rating":"4","comment":"办理时间从半小时缩短到五分钟"})),
    )
    .await;
    assert_eq!(resp["toast"]["type"], "success", "{resp}");
    let r = app.store.get_requirement(RequirementId(1)).unwrap().unwrap();
    assert_eq!(r.feedback.as_ref().map(|f| f.rating), Some(4));
    let trail: Vec<String> = app
        .store
        .audit_of_watched(Watched::Requirement(RequirementId(1)))
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert_eq!(trail, ["r_create", "r_accept", "r_feedback"]);
    app.stop().await;
}

#[tokio::test]
async fn an_untriaged_requirement_nudges_the_managers_after_the_sla() {
    let app = spawn_app_with(with_managers).await;
    say_in(&app, BRANCH, BRANCH_USER, "@_user_1 /需求 柜台打印机更换", &[BOT]).await;
    assert!(eventually(|| app.store.get_requirement(RequirementId(1)).unwrap().is_some()).await);
    // Submitted Wed; two working days (Thu, Fri) pass → Monday morning the managers are nudged.
    set_clock(&app, "2026-03-13T16:00:00+08:00").await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(!texts(&app, CHAT).iter().any(|t| t.contains("仍未受理")));
    set_clock(&app, "2026-03-16T09:40:00+08:00").await;
    assert!(wait_text(&app, CHAT, "仍未受理").await);
    assert!(
        texts(&app, CHAT)
            .iter()
            .any(|t| t.contains("仍未受理") && t.contains(BOSS.0))
    );
    app.stop().await;
}

const BASE: &str = "bascnMirror";

fn with_mirror(s: &mut duban::config::Settings) {
    with_managers(s);
    s.mirror = Some(duban::mirror::MirrorConfig {
        app_token: BASE.to_owned(),
        items_table: Some("tblItems".to_owned()),
        projects_table: Some("tblProjects".to_owned()),
        requirements_table: Some("tblReqs".to_owned()),
    });
}

fn names(fields: &'static [(&'static str, &'static str)]) -> Vec<&'static str> {
    fields.iter().map(|(n, _)| *n).collect()
}

fn row<'a>(
    rows: &'a [(String, serde_json::Map<String, Value>)],
    key: &str,
) -> Option<&'a serde_json::Map<String, Value>> {
    rows.iter()
        .map(|(_, f)| f)
        .find(|f| f.get("编号") == Some(&json!(key)))
}

#[tokio::test]
async fn the_bitable_mirror_follows_items_projects_and_requirements_through_an_outage() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
        .await
        .unwrap();
    fake.add_bitable(BASE, "tblItems", &names(duban::mirror::ITEM_FIELDS));
    fake.add_bitable(BASE, "tblProjects", &names(duban::mirror::PROJECT_FIELDS));
    fake.add_bitable(BASE, "tblReqs", &names(duban::mirror::REQUIREMENT_FIELDS));
    let app = start_on(dir.path(), std::sync::Arc::new(fake), with_mirror).await;

    create_project(&app).await;
    app.say(
        BOSS,
        "@_user_1 /督办 梳理开户材料清单 @_user_2 下周五前 #XM-1",
        &[BOT, LI],
    )
    .await;
    say_in(&app, BRANCH, BRANCH_USER, "@_user_1 /需求 两融开户线上化", &[BOT]).await;
    let rows = |t: &str| app.fake.bitable_records(BASE, t);
    assert!(
        eventually(|| row(&rows("tblItems"), "DB-1").is_some()).await,
        "item mirrored"
    );
    assert!(
        eventually(
            || row(&rows("tblProjects"), "XM-1").is_some_and(|r| r.get("关联事项") == Some(&json!("DB-1")))
        )
        .await
    );
    assert!(
        eventually(|| row(&rows("tblReqs"), "XQ-1").is_some_and(|r| r.get("状态") == Some(&json!("待受理"))))
            .await
    );

    // Feishu goes down; changes keep coming and wait in the queue.
    app.fake.set_outage(true);
    app.say(ZHANG, "@_user_1 /项目 推进 XM-1", &[BOT]).await;
    app.say(BOSS, "@_user_1 /需求 受理 XQ-1 XM-1", &[BOT]).await;
    app.say(LI, "@_user_1 /督办 进展 DB-1 50% 已整理一半", &[BOT])
        .await;
    assert!(
        eventually(|| app
            .store
            .get_requirement(RequirementId(1))
            .unwrap()
            .unwrap()
            .status
            == ReqStatus::Accepted)
        .await
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        app.store.mirror_queue_len() > 0,
        "nothing is lost while Feishu is down"
    );
    let before = row(&rows("tblProjects"), "XM-1").cloned().unwrap();
    assert_eq!(before.get("当前阶段"), Some(&json!("需求对接")), "{before:?}");
    // Back up: the rows catch up, each table keeps one row per key.
    app.fake.set_outage(false);
    assert!(
        eventually(|| row(&rows("tblProjects"), "XM-1")
            .is_some_and(|r| r.get("当前阶段") == Some(&json!("产品设计"))))
        .await,
        "{:?}",
        rows("tblProjects")
    );
    assert!(
        eventually(
            || row(&rows("tblReqs"), "XQ-1").is_some_and(|r| r.get("关联项目") == Some(&json!("XM-1")))
        )
        .await
    );
    assert!(
        eventually(|| row(&rows("tblItems"), "DB-1").is_some_and(|r| r.get("进度") == Some(&json!(0.5))))
            .await
    );
    assert!(eventually(|| app.store.mirror_queue_len() == 0).await);
    assert_eq!(rows("tblItems").len(), 1);
    assert_eq!(rows("tblProjects").len(), 1);
    assert_eq!(rows("tblReqs").len(), 1);
    app.stop().await;
}
