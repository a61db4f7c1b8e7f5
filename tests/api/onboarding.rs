//! Issue 15: onboarding — the welcome card when the bot joins a group (once, durably) and on a
//! person's first 1:1 message, its 帮助 button, the bot's removal from a group — and
//! `duban check-config` against the fake Feishu.

use std::time::Duration;

use duban::fake_feishu::FakeMessage;
use serde_json::json;

use crate::helpers::*;

const GROUP: &str = "oc_new_group";

fn is_welcome(m: &FakeMessage) -> bool {
    m.msg_type == "interactive" && m.content.to_string().contains("你好，我是督办")
}

fn welcomes_in(app: &TestApp, chat: &str) -> Vec<FakeMessage> {
    app.fake
        .messages()
        .into_iter()
        .filter(|m| m.chat_id == chat && is_welcome(m))
        .collect()
}

/// Waits until the inbox and the outbox are both empty.
async fn settled(app: &TestApp) {
    assert!(
        eventually(|| app.store.outbox_len() == 0 && app.store.inbox_pending(None, 1).unwrap().is_empty())
            .await,
        "inbox and outbox drained"
    );
}

#[tokio::test]
async fn the_bot_welcomes_a_group_it_joins_once_across_redelivery_rejoining_and_restarts() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = std::sync::Arc::new(
        duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
            .await
            .unwrap(),
    );
    let app = start_on(dir.path(), fake.clone(), |_| {}).await;

    let event_id = app.bot_membership(true, GROUP, BOSS.0).await;
    assert!(eventually(|| welcomes_in(&app, GROUP).len() == 1).await);
    let welcome = &welcomes_in(&app, GROUP)[0];
    let text = welcome.content.to_string();
    // Addressing the bot is said plainly: with the default scope only @-messages arrive.
    assert!(text.contains("在群里 @督办 后输入指令"), "{text}");
    assert!(text.contains("@督办 /督办 列表 逾期"), "{text}");
    assert!(text.contains("帮助"), "{text}");
    // Posted at top level, not as a reply.
    assert_eq!(welcome.parent_id, None);

    // Feishu redelivers the same event: de-duplicated.
    let again = bot_membership_event(&event_id, true, GROUP, BOSS.0);
    assert_eq!(app.post_event(&again).await.status(), 200);
    // Removed and added back (a new event): still no second welcome.
    app.bot_membership(false, GROUP, BOSS.0).await;
    app.bot_membership(true, GROUP, BOSS.0).await;
    settled(&app).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(welcomes_in(&app, GROUP).len(), 1);

    // After a restart on the same data directory: still remembered.
    app.stop().await;
    let app = start_on(dir.path(), fake.clone(), |_| {}).await;
    // (A new process numbers its test events from 1 again: use fresh ids.)
    let rejoin = bot_membership_event("ev_after_restart_1", true, GROUP, LI.0);
    assert_eq!(app.post_event(&rejoin).await.status(), 200);
    settled(&app).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(welcomes_in(&app, GROUP).len(), 1);

    // Another group gets its own welcome.
    let other = bot_membership_event("ev_after_restart_2", true, "oc_other_group", LI.0);
    assert_eq!(app.post_event(&other).await.status(), 200);
    assert!(eventually(|| welcomes_in(&app, "oc_other_group").len() == 1).await);
    app.stop().await;
}

#[tokio::test]
async fn a_first_one_to_one_message_gets_the_welcome_then_its_answer_and_only_once() {
    let app = spawn_app().await;
    let p2p = "oc_p2p_zhang";
    let first = app.next_id("om_user_");
    let ev = message_event(
        &app.next_id("ev_"),
        &first,
        p2p,
        "p2p",
        ZHANG.0,
        "/督办 列表",
        &[],
        None,
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    assert!(
        eventually(|| app
            .fake
            .messages()
            .iter()
            .filter(|m| m.parent_id.as_deref() == Some(first.as_str()))
            .count()
            == 2)
        .await
    );
    let replies: Vec<FakeMessage> = app
        .fake
        .messages()
        .into_iter()
        .filter(|m| m.parent_id.as_deref() == Some(first.as_str()))
        .collect();
    assert!(is_welcome(&replies[0]), "welcome first: {:?}", replies[0].content);
    let welcome = replies[0].content.to_string();
    assert!(welcome.contains("直接输入指令"), "{welcome}");
    assert!(!is_welcome(&replies[1]), "then the answer to the command");

    // The second message: just its answer.
    let second = app.next_id("om_user_");
    let ev = message_event(
        &app.next_id("ev_"),
        &second,
        p2p,
        "p2p",
        ZHANG.0,
        "你好",
        &[],
        None,
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    let answer = app.reply_to(&second).await;
    assert!(!is_welcome(&answer));
    assert!(answer.content.to_string().contains("督办使用说明"));
    settled(&app).await;
    assert_eq!(app.fake.messages().iter().filter(|m| is_welcome(m)).count(), 1);

    // Someone else's first message is plain chatter: the welcome alone (it explains the commands).
    let hello = app.next_id("om_user_");
    let ev = message_event(
        &app.next_id("ev_"),
        &hello,
        "oc_p2p_li",
        "p2p",
        LI.0,
        "你好",
        &[],
        None,
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    assert!(is_welcome(&app.reply_to(&hello).await));
    settled(&app).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let to_hello = app
        .fake
        .messages()
        .iter()
        .filter(|m| m.parent_id.as_deref() == Some(hello.as_str()))
        .count();
    assert_eq!(to_hello, 1);
    app.stop().await;
}

#[tokio::test]
async fn the_welcome_cards_help_button_answers_with_the_help_card() {
    let app = spawn_app().await;
    app.bot_membership(true, GROUP, BOSS.0).await;
    assert!(eventually(|| welcomes_in(&app, GROUP).len() == 1).await);
    let welcome = welcomes_in(&app, GROUP)[0].message_id.clone();
    let mut click = card_action_event(&app.next_id("ev_"), LI.0, &welcome, json!({"op": "help"}), None);
    click["event"]["context"]["open_chat_id"] = json!(GROUP);
    let r = app.post_event(&click).await;
    assert_eq!(r.status(), 200);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["toast"]["type"], "success", "{body}");
    let help = app.reply_to(&welcome).await;
    assert_eq!(help.chat_id, GROUP);
    assert!(help.content.to_string().contains("督办使用说明"));
    app.stop().await;
}

#[tokio::test]
async fn removing_the_bot_drops_the_groups_pending_messages_and_its_items_stay_queryable() {
    let app = spawn_app().await;
    let mid = app
        .say(
            BOSS,
            "@_user_1 /督办 完成三季度合规自查报告 @_user_2 下周五前",
            &[BOT, ZHANG],
        )
        .await;
    let card = app.reply_to(&mid).await;
    assert!(card.content.to_string().contains("DB-1"));
    settled(&app).await;

    // Feishu is unreachable for a while: the group's answers wait in the outbox.
    app.fake.set_outage(true);
    app.say(BOSS, "@_user_1 /督办 列表", &[BOT]).await;
    app.say(BOSS, "@_user_1 /督办 晾晒", &[BOT]).await;
    assert!(eventually(|| app.store.outbox_len() >= 2).await);
    let sent_before = app.fake.messages().len();

    // Meanwhile the bot is removed from the group.
    app.bot_membership(false, CHAT, BOSS.0).await;
    assert!(
        eventually(|| app.store.outbox_len() == 0).await,
        "pending messages dropped"
    );
    app.fake.set_outage(false);
    // Nothing was sent there, and nothing was retried into the dead letters.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.fake.messages().len(), sent_before);
    assert!(
        app.store.outbox_dead().unwrap().is_empty(),
        "{:?}",
        app.store.outbox_dead().unwrap()
    );

    // Later sends to that group (the reminders due over the next day) are dropped, not tried.
    let rounds = app
        .run_clock_until(reference_now() + jiff::SignedDuration::from_hours(24))
        .await;
    assert!(rounds.is_empty(), "{rounds:?}");
    assert_eq!(app.fake.messages().len(), sent_before);
    assert!(app.store.outbox_dead().unwrap().is_empty());

    // The item is still there: 查看 from a 1:1 chat works.
    let q = app.next_id("om_user_");
    let ev = message_event(
        &app.next_id("ev_"),
        &q,
        "oc_p2p_boss",
        "p2p",
        BOSS.0,
        "/督办 查看 DB-1",
        &[],
        None,
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    assert!(
        eventually(|| app
            .fake
            .messages()
            .iter()
            .any(|m| m.parent_id.as_deref() == Some(q.as_str())
                && m.content.to_string().contains("完成三季度合规自查报告")))
        .await,
        "DB-1 shown in the 1:1 chat"
    );
    app.stop().await;
}

/// Runs `duban check-config` against the fake with the test app's environment (off the async
/// runtime's thread, so the in-process fake keeps answering).
async fn check_config(base_url: &str, data_dir: &std::path::Path, extra: &[(&str, &str)]) -> (i32, String) {
    let mut env = env_for(data_dir, base_url);
    for (k, v) in extra {
        env.insert((*k).to_owned(), (*v).to_owned());
    }
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_duban"))
            .arg("check-config")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .envs(env)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code().unwrap_or(-1), text)
}

#[tokio::test]
async fn check_config_passes_against_a_fully_granted_app() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
        .await
        .unwrap();
    let (code, out) = check_config(&fake.base_url, dir.path(), &[]).await;
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains('✘'), "{out}");
    assert!(out.contains("✔ 飞书令牌"), "{out}");
    assert!(out.contains("✔ 机器人"), "{out}");
    assert!(
        out.contains("✔ 权限「获取与发送单聊、群组消息」（im:message，用于"),
        "{out}"
    );
    assert!(out.contains("✔ 数据目录"), "{out}");
    // The store is not opened (no lock taken, no format upgraded).
    assert!(!dir.path().join("db").exists());
    assert!(out.contains("结果：全部通过"), "{out}");
    for secret in [APP_SECRET, VERIFICATION_TOKEN, ENCRYPT_KEY] {
        assert!(!out.contains(secret), "a secret was printed: {out}");
    }
    assert!(fake.token_requests() >= 1);
}

#[tokio::test]
async fn check_config_names_a_missing_scope_with_its_fix_and_fails() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
        .await
        .unwrap();
    fake.deny_scope("im:chat:readonly");
    let (code, out) = check_config(&fake.base_url, dir.path(), &[]).await;
    assert_eq!(code, 1, "{out}");
    let line = out
        .lines()
        .position(|l| l.starts_with("✘ 权限「获取群组信息」（im:chat:readonly，用于读取群成员"))
        .unwrap_or_else(|| panic!("{out}"));
    let fix = out.lines().nth(line + 1).unwrap();
    assert!(
        fix.starts_with("    修复：") && fix.contains("权限管理") && fix.contains("发布"),
        "{out}"
    );
    assert!(out.contains("结果：1 项未通过"), "{out}");
    // An optional feature's missing scope is shown but does not fail the check.
    fake.allow_scope("im:chat:readonly");
    fake.deny_scope("docx:document:readonly");
    let (code, out) = check_config(&fake.base_url, dir.path(), &[]).await;
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("– 权限「查看新版文档」（docx:document:readonly，用于/纪要 <文档链接>）：未开通"),
        "{out}"
    );
}

#[tokio::test]
async fn check_config_reports_a_wrong_secret_and_a_bad_configuration() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
        .await
        .unwrap();
    let (code, out) = check_config(
        &fake.base_url,
        dir.path(),
        &[("FEISHU_APP_SECRET", "wrong-secret")],
    )
    .await;
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("✘ 飞书令牌"), "{out}");
    assert!(out.contains("FEISHU_APP_SECRET"), "{out}");
    assert!(!out.contains("wrong-secret"), "{out}");
    let (code, out) = check_config(&fake.base_url, dir.path(), &[("FEISHU_APP_ID", "not-an-app-id")]).await;
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("duban check-config\n✘ 配置"), "{out}");
}

/// The units: counted per kind and region; the bot and the heads looked for in each unit's
/// group and in the leaders' group; a bad `[[units]]` listed problem by problem.
#[tokio::test]
async fn check_config_reports_the_units_and_whether_the_bot_is_in_their_groups() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
        .await
        .unwrap();
    let person = |id: &str| duban::domain::ids::Person {
        open_id: duban::domain::ids::OpenId(id.to_owned()),
        name: "负责人".to_owned(),
    };
    fake.set_chat_members("oc_leaders", &[person("ou_boss")]);
    fake.set_chat_members("oc_hz", &[person("ou_hz")]);
    fake.set_chat_members("oc_cs", &[person("ou_other")]);
    let cfg = dir.path().join("duban.toml");
    let units = "[[units]]\nname = \"杭州营业部\"\nregion = \"华东片区\"\nchat_id = \"oc_hz\"\nheads = [\"ou_hz\"]\n\
        [[units]]\nname = \"长沙营业部\"\nregion = \"华中片区\"\nchat_id = \"oc_cs\"\nheads = [\"ou_cs\"]\n\
        [[units]]\nname = \"运营管理部\"\nchat_id = \"oc_yy\"\n";
    std::fs::write(
        &cfg,
        format!("[supervision]\nissuers = [\"ou_boss\"]\n[board]\nleaders_chat = \"oc_leaders\"\n{units}"),
    )
    .unwrap();
    let config = cfg.to_str().unwrap().to_owned();
    let data = dir.path().join("data");
    let (code, out) = check_config(&fake.base_url, &data, &[("DUBAN_CONFIG", config.as_str())]).await;
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("✔ 单位：配置登记 3 个 —— 营业部 2、总部部门 1；华东片区 1、华中片区 1、未分片区 1\n"),
        "{out}"
    );
    assert!(
        out.contains("✔ 下达：管理员 0 人、下达人（supervision.issuers）1 人"),
        "{out}"
    );
    assert!(out.contains("✔ 领导群：机器人已在群 oc_leaders 中"), "{out}");
    assert!(
        out.contains("✘ 单位群「长沙营业部」：负责人 ou_cs 不在群 oc_cs 中"),
        "{out}"
    );
    assert!(
        out.contains("✘ 单位群「运营管理部」：机器人不在群 oc_yy 中"),
        "{out}"
    );
    assert!(
        out.contains("✔ 单位群：其余 1 个单位的群里都有机器人和单位负责人"),
        "{out}"
    );
    assert!(out.contains("结果：2 项未通过"), "{out}");

    // Once fixed, it passes; without a leaders' chat that is only a note.
    fake.set_chat_members("oc_cs", &[person("ou_cs")]);
    fake.set_chat_members("oc_yy", &[]);
    std::fs::write(&cfg, units).unwrap();
    let (code, out) = check_config(&fake.base_url, &data, &[("DUBAN_CONFIG", config.as_str())]).await;
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("– 领导群：未设置 [board] leaders_chat"), "{out}");
    assert!(
        out.contains("✔ 单位群：3 个单位的群里都有机器人和单位负责人"),
        "{out}"
    );

    // A bad [[units]]: every problem on its own line.
    let bad = format!(
        "{units}[[units]]\nname = \"宁波营业部\"\nchat_id = \"oc_hz\"\n[[units]]\nname = \"武汉营业部\"\n"
    );
    std::fs::write(&cfg, bad).unwrap();
    let (code, out) = check_config(&fake.base_url, &data, &[("DUBAN_CONFIG", config.as_str())]).await;
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("✘ 单位：单位“宁波营业部”的 chat_id 与“杭州营业部”相同"),
        "{out}"
    );
    assert!(out.contains("✘ 单位：单位“武汉营业部”没有对应的群"), "{out}");
    assert!(out.contains("结果：2 项未通过"), "{out}");
}

/// The gauges the example alerts (deploy/prometheus/duban-alerts.yml) rely on.
#[tokio::test]
async fn metrics_export_what_the_example_alerts_use() {
    let app = spawn_app().await;
    app.fake.fail_next(1, 230001, 400);
    let mid = app.say(BOSS, "@_user_1 /督办 列表", &[BOT]).await;
    assert!(
        eventually(|| app.store.outbox_dead_len() == 1).await,
        "{mid} refused for good"
    );
    let text = app.metrics_page().await;
    let value = |name: &str| -> f64 {
        text.lines()
            .find_map(|l| l.strip_prefix(name).and_then(|v| v.trim().parse().ok()))
            .unwrap_or_else(|| panic!("{name} missing:\n{text}"))
    };
    assert_eq!(value("duban_outbox_dead "), 1.0);
    assert_eq!(value("duban_outbox_oldest_seconds "), 0.0);
    assert_eq!(value("duban_reminders_late_seconds "), 0.0);
    assert!(
        text.contains("duban_outbox_failed_total{code=\"230001\"}"),
        "{text}"
    );
    app.stop().await;
}

/// Feishu answers 230002 when the bot left without the removal event reaching duban: that
/// message is a dead letter, later ones for the chat are dropped instead of each being refused,
/// and a message from the chat (the bot is back) lifts it.
#[tokio::test]
async fn after_a_bot_not_in_chat_refusal_later_messages_to_the_chat_are_dropped_until_it_is_back() {
    let app = spawn_app().await;
    let mid = app
        .say(
            BOSS,
            "@_user_1 /督办 完成三季度合规自查报告 @_user_2 下周五前",
            &[BOT, ZHANG],
        )
        .await;
    app.reply_to(&mid).await;
    settled(&app).await;
    let sent = app.fake.messages().len();

    app.fake.remove_bot_from_chat(CHAT);
    app.say(BOSS, "@_user_1 /督办 列表", &[BOT]).await;
    assert!(eventually(|| app.store.outbox_dead_len() == 1).await);
    assert_eq!(app.store.outbox_dead().unwrap()[0].1.last_code, Some(230002));

    // The reminders due over the next day (签收 within 4 working hours) are not sent and not
    // buried one by one.
    let rounds = app
        .run_clock_until(reference_now() + jiff::SignedDuration::from_hours(24))
        .await;
    assert!(rounds.is_empty(), "{rounds:?}");
    assert!(
        app.store.next_due_ms().unwrap().is_some(),
        "the item is still scheduled"
    );
    assert_eq!(app.store.outbox_dead_len(), 1);
    assert_eq!(app.fake.messages().len(), sent);

    // Added back (its event lost too): the next message from the group is answered.
    app.fake.add_bot_to_chat(CHAT);
    let back = app.say(BOSS, "@_user_1 /督办 列表", &[BOT]).await;
    assert!(app.reply_to(&back).await.content.to_string().contains("DB-1"));
    app.stop().await;
}
