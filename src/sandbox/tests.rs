//! The sandbox end to end inside the process: duban, the fake Feishu and the emulator on
//! port 0 with a temporary data dir.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{Value, json};

use super::event::Mention;
use super::seed::{BOSS, GROUPS, ZHANG};
use super::*;

fn settings(dir: &std::path::Path) -> Settings {
    let mut env = HashMap::new();
    env.insert("DUBAN_DATA_DIR".to_owned(), dir.display().to_string());
    env.insert("DUBAN_LISTEN".to_owned(), "127.0.0.1:0".to_owned());
    env.insert("FEISHU_APP_ID".to_owned(), "cli_0000000000000000".to_owned());
    crate::config::load(None, &SandboxEnv(env)).unwrap()
}

/// Settings whose app may read every group message (a bare `/督办 …` is delivered).
fn settings_all(dir: &std::path::Path) -> Settings {
    let mut s = settings(dir);
    s.feishu.group_messages = crate::config::GroupMessages::All;
    s
}

fn start_time() -> jiff::Timestamp {
    "2026-03-11T10:00:00+08:00".parse().unwrap()
}

async fn until(mut f: impl FnMut() -> bool) -> bool {
    for _ in 0..200 {
        if f() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    f()
}

#[test]
fn sandbox_mode_ignores_feishu_variables_and_has_its_own_defaults() {
    let env: HashMap<String, String> = [("FEISHU_APP_ID", "cli_x"), ("DUBAN_LOG", "debug")]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let e = SandboxEnv(env);
    assert_eq!(e.var("FEISHU_APP_ID"), None);
    assert_eq!(e.var("DUBAN_LOG").as_deref(), Some("debug"));
    assert_eq!(e.var("DUBAN_DATA_DIR").as_deref(), Some(DEFAULT_DATA_DIR));
    assert_eq!(e.var("DUBAN_LISTEN").as_deref(), Some(DEFAULT_LISTEN));
}

#[tokio::test]
async fn a_typed_command_reaches_duban_sealed_and_the_reply_and_card_click_come_back() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let dir = tempfile::tempdir().unwrap();
    let sandbox = Sandbox::build(settings_all(dir.path()), Some(start_time()))
        .await
        .unwrap();
    let em = Arc::clone(sandbox.emulator());
    let fake = sandbox.fake().state().clone();
    let stop = sandbox.shutdown_token();
    let running = tokio::spawn(sandbox.run_until_stopped());

    let group = GROUPS[0].chat_id;
    let zhang = Mention {
        open_id: ZHANG.open_id.to_owned(),
        name: ZHANG.name.to_owned(),
    };
    let (user_msg, pushed) = em
        .send(
            BOSS.open_id,
            group,
            "/督办 整理合规自查报告 @张三 明天18点前 P1",
            &[zhang],
        )
        .await
        .unwrap();
    let pushed = pushed.expect("delivered under the all-messages permission");
    assert_eq!(pushed.status, 200, "{}", pushed.answer);
    assert!(until(|| fake.messages().iter().any(|m| m.msg_type == "interactive")).await);
    em.sync();
    let card_id = {
        let j = em.journal();
        let card = j.messages.iter().find(|m| m.msg_type == "interactive").unwrap();
        assert_eq!(card.chat_id, group);
        let ev = &j.events_for(&user_msg)[0];
        assert_eq!(ev.plaintext["event"]["message"]["mentions"][0]["key"], "@_user_1");
        assert!(ev.sealed.body.contains("\"encrypt\""), "the push went out sealed");
        assert!(
            !j.requests_for(&card.message_id).is_empty(),
            "the raw request is kept"
        );
        let raw = j.requests_for(&card.message_id)[0];
        assert!(raw.body["content"].is_string(), "content left as a JSON string");
        card.message_id.clone()
    };
    let item = fake.message(&card_id).unwrap().content["header"]["title"]["content"]
        .as_str()
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .trim_start_matches("DB-")
        .parse::<u64>()
        .unwrap();

    // 张三 signs for it with the card's own button (carrying the version it was drawn for):
    // the callback answers with a toast and the card in place.
    let sign = fake.message(&card_id).unwrap().card().to_string();
    let value = json!({"op": "acknowledge", "item": item, "v": 1});
    assert!(
        sign.contains(r#""op":"acknowledge""#) && sign.contains(r#""v":1"#),
        "{sign}"
    );
    let click = em
        .click(ZHANG.open_id, &card_id, &json!({"tag": "button", "value": value}))
        .await
        .unwrap();
    assert_eq!(click.status, 200);
    assert!(click.answer["toast"]["content"].is_string(), "{}", click.answer);
    let latest = fake.message(&card_id).unwrap().card().to_string();
    assert!(latest.contains("进行中"), "{latest}");

    // A stranger to the group cannot click.
    let err = em
        .click(
            super::seed::LI.open_id,
            "om_nope",
            &json!({"value": {"op": "acknowledge", "item": item}}),
        )
        .await;
    assert!(err.is_err());

    // The clock jumps and is persisted.
    let to = em.move_clock(Some(clock::Jump::Day), None);
    assert!(to >= "2026-03-12T10:00:00+08:00".parse().unwrap());

    stop.cancel();
    running.await.unwrap().unwrap();

    // Restart on the same data dir: history, raw events and the clock come back.
    let again = Sandbox::build(settings(dir.path()), Some(start_time()))
        .await
        .unwrap();
    assert!(again.emulator().now() >= to, "a restart does not go back in time");
    let j = again.emulator().journal();
    assert!(j.message(&card_id).is_some());
    assert_eq!(j.events_for(&user_msg).len(), 1);
    let restored = again.fake().message(&card_id).unwrap();
    assert!(restored.card().to_string().contains("进行中"));
    let texts: Vec<Value> = j.messages.iter().map(|m| m.content.clone()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t["text"].as_str().is_some_and(|s| s.contains("@_user_1")))
    );
}

#[tokio::test]
async fn people_outside_a_chat_and_empty_messages_are_refused() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let dir = tempfile::tempdir().unwrap();
    let sandbox = Sandbox::build(settings(dir.path()), Some(start_time()))
        .await
        .unwrap();
    let em = sandbox.emulator();
    let branch = GROUPS[1].chat_id;
    assert!(em.send(super::seed::LI.open_id, branch, "hi", &[]).await.is_err());
    assert!(em.send(BOSS.open_id, branch, "   ", &[]).await.is_err());
    assert!(em.send("ou_nobody", branch, "hi", &[]).await.is_err());
}

/// Issue 12 point 3: under the default permission a group message that does not @ the bot is
/// shown in the chat but never pushed; one that @s the bot is; switching to all messages
/// delivers the bare command.
#[tokio::test]
async fn group_messages_are_delivered_as_the_apps_permission_would() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let dir = tempfile::tempdir().unwrap();
    let sandbox = Sandbox::build(settings(dir.path()), Some(start_time()))
        .await
        .unwrap();
    let em = Arc::clone(sandbox.emulator());
    let bot_open_id = sandbox.fake().bot_open_id();
    let stop = sandbox.shutdown_token();
    let running = tokio::spawn(sandbox.run_until_stopped());
    assert_eq!(em.group_messages(), crate::config::GroupMessages::AtBot);
    let group = GROUPS[0].chat_id;
    let (bare, pushed) = em.send(BOSS.open_id, group, "/督办 帮助", &[]).await.unwrap();
    assert!(pushed.is_none(), "not delivered without an @");
    {
        let j = em.journal();
        assert!(j.events_for(&bare).is_empty());
        let hint = j.message(&bare).unwrap().not_delivered.clone().unwrap();
        assert!(hint.contains("@督办"), "{hint}");
    }
    let bot = Mention {
        open_id: bot_open_id,
        name: super::seed::BOT_NAME.to_owned(),
    };
    let (_, pushed) = em
        .send(BOSS.open_id, group, "@督办 帮助", std::slice::from_ref(&bot))
        .await
        .unwrap();
    assert_eq!(pushed.unwrap().status, 200);
    em.set_group_messages(crate::config::GroupMessages::All);
    let (_, pushed) = em.send(BOSS.open_id, group, "/督办 帮助", &[]).await.unwrap();
    assert_eq!(pushed.unwrap().status, 200);
    let p2p = super::seed::p2p_chat_id(BOSS.open_id);
    em.set_group_messages(crate::config::GroupMessages::AtBot);
    let (_, pushed) = em.send(BOSS.open_id, &p2p, "帮助", &[]).await.unwrap();
    assert!(pushed.is_some(), "1:1 messages always arrive");
    stop.cancel();
    running.await.unwrap().unwrap();
}

#[test]
fn the_sandbox_seeds_its_units_issuer_and_leaders_group_unless_configured() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = settings(dir.path());
    seed_units(&mut s);
    assert_eq!(s.units.all().len(), 6);
    assert_eq!(s.units.in_region("华中片区").len(), 2);
    let hz = s.units.find("杭州").unwrap();
    assert_eq!(hz.heads[0].0, super::seed::QIAN.open_id);
    assert_eq!(s.supervision.issuers, [BOSS.open_id]);
    assert_eq!(s.board.leaders_chat.as_deref(), Some(super::seed::LEADERS_CHAT));
    // What the configuration says stays.
    let mut s = settings(dir.path());
    s.units = crate::domain::unit::UnitRegistry::from_decls(&[], &super::seed::unit_decls()[..1]).unwrap();
    s.supervision.issuers = vec![ZHANG.open_id.to_owned()];
    s.board.leaders_chat = Some("oc_mine".to_owned());
    seed_units(&mut s);
    assert_eq!(s.units.all().len(), 1);
    assert_eq!(s.supervision.issuers, [ZHANG.open_id]);
    assert_eq!(s.board.leaders_chat.as_deref(), Some("oc_mine"));
}
