//! 下达's lifecycle end to end (issue 14), through the real webhook, sled and the fake Feishu on
//! the virtual clock: 列表, 取消 and 延期 by command and by the roll-up's buttons (with the
//! stale-card check), settling, the roll-up posted anew before Feishu's 14-day update window
//! closes, and a fan-out to 67 units within the rate limits.

use std::time::Duration;

use duban::clock::Clock;
use duban::config::Settings;
use duban::domain::ids::{BatchId, ItemId, OpenId, Person};
use duban::domain::status::Status;
use duban::domain::unit::{UnitDecl, UnitRegistry};
use serde_json::{Value, json};

use crate::helpers::*;

/// Message and event numbers unique across the tests' apps.
static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn decl(name: &str, region: &str, chat: &str, head: &str) -> UnitDecl {
    UnitDecl {
        name: name.to_owned(),
        kind: None,
        region: Some(region.to_owned()),
        chat_id: Some(chat.to_owned()),
        heads: vec![head.to_owned()],
    }
}

/// Three 营业部 (oc_u1..3, heads 张三, 王五, 张三); 李四 admin; 赵督办 issuer.
fn three_units(s: &mut Settings) {
    let regions = vec!["华东片区".to_owned()];
    let decls = [
        decl("杭州营业部", "华东片区", "oc_u1", ZHANG.0),
        decl("宁波营业部", "华东片区", "oc_u2", WANG.0),
        decl("温州营业部", "华东片区", "oc_u3", ZHANG.0),
    ];
    s.units = UnitRegistry::from_decls(&regions, &decls).unwrap();
    s.supervision.admins = vec![LI.0.to_owned()];
    s.supervision.issuers = vec![BOSS.0.to_owned()];
}

const ISSUE: &str = "@_user_1 /督办 下达 完成反洗钱自查 对象：全部营业部 截止：下周五";

/// `from` sends `text` in `chat` (`p2p`: a 1:1 chat); returns the message id.
async fn say(app: &TestApp, chat: &str, p2p: bool, from: (&str, &str), text: &str) -> String {
    let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let mid = format!("om_xd_{n}");
    let kind = if p2p { "p2p" } else { "group" };
    let mentions: &[(&str, &str)] = if p2p { &[] } else { &[BOT] };
    let ev = message_event(
        &format!("ev_xd_{n}"),
        &mid,
        chat,
        kind,
        from.0,
        text,
        mentions,
        None,
    );
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
    mid
}

/// The bot's replies to `mid`, all of them (cards as JSON), once the first has come.
async fn answer(app: &TestApp, mid: &str) -> String {
    app.reply_to(mid).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    app.fake
        .messages()
        .into_iter()
        .filter(|m| m.parent_id.as_deref() == Some(mid))
        .map(|m| {
            if m.msg_type == "interactive" {
                m.card().to_string()
            } else {
                m.content.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

async fn click(app: &TestApp, who: &str, card_mid: &str, value: Value, form: Option<Value>) -> Value {
    let ev = card_action_event(&app.next_id("ev_xdclick_"), who, card_mid, value, form);
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

/// Issues [`ISSUE`] and waits for the roll-up and `n` unit cards; returns the roll-up's message.
async fn issue(app: &TestApp, n: u64) -> String {
    let people: Vec<Person> = [BOSS, ZHANG, WANG, LI]
        .iter()
        .map(|(id, name)| Person {
            open_id: OpenId((*id).to_owned()),
            name: (*name).to_owned(),
        })
        .collect();
    app.fake.set_chat_members(CHAT, &people);
    say(app, CHAT, false, BOSS, ISSUE).await;
    let id = BatchId(1);
    assert!(
        eventually(|| app.store.rollup_card(id).ok().flatten().is_some()).await,
        "the roll-up is posted"
    );
    for i in 1..=n {
        assert!(
            eventually(|| app.store.item_card(ItemId(i)).ok().flatten().is_some()).await,
            "DB-{i}'s card is posted"
        );
    }
    app.store.rollup_card(id).unwrap().unwrap().message_id
}

fn later(app: &TestApp, secs: i64) {
    let t = app
        .clock
        .now()
        .checked_add(jiff::SignedDuration::from_secs(secs))
        .unwrap();
    app.clock.set(t);
}

/// Moves the clock past the coalescing interval, runs the batches tick and waits until the
/// roll-up `roll` was PATCHed with something containing `needle`.
async fn rollup_shows(app: &TestApp, roll: &str, needle: &str) -> bool {
    later(app, 5);
    app.service.batches_tick().await.unwrap();
    eventually(|| {
        app.fake
            .message(roll)
            .is_some_and(|m| m.patches.iter().any(|p| p.to_string().contains(needle)))
    })
    .await
}

fn at(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

#[tokio::test]
async fn the_issuer_lists_extends_and_cancels_a_batch_and_others_are_refused_with_nothing_changed() {
    let app = spawn_app_with(three_units).await;
    let roll = issue(&app, 3).await;

    // 列表: in the issuing chat, its batches; an admin 1:1: all; a chat with none says so.
    let list = answer(
        &app,
        &say(&app, CHAT, false, BOSS, "@_user_1 /督办 下达 列表").await,
    )
    .await;
    assert!(
        list.contains("XD-1") && list.contains("完成反洗钱自查") && list.contains("签收 0/3"),
        "{list}"
    );
    let mid = say(&app, "oc_p2p_ou_lisi", true, LI, "/督办 下达 列表").await;
    let all = || {
        app.fake
            .messages()
            .into_iter()
            .filter(|m| m.parent_id.as_deref() == Some(mid.as_str()))
            .map(|m| m.card().to_string())
            .collect::<String>()
    };
    assert!(
        eventually(|| all().contains("全部下达") && all().contains("XD-1")).await,
        "{}",
        all()
    );
    let none = answer(
        &app,
        &say(&app, "oc_u1", false, ZHANG, "@_user_1 /督办 下达 列表").await,
    )
    .await;
    assert!(none.contains("这里还没有下达"), "{none}");

    // 杭州 acknowledges; its reminder is then the deadline ladder's.
    let m1 = app.store.item_card(ItemId(1)).unwrap().unwrap();
    let ack = json!({"op": "acknowledge", "item": 1});
    let r = click(&app, ZHANG.0, &m1, app.drawn_now(ack), None).await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    let due_before = app.store.nudge_record(ItemId(1)).unwrap().due_ms.unwrap();

    // Refusals change nothing: someone else, a past or missing deadline.
    let before = app.store.get_batch(BatchId(1)).unwrap().unwrap();
    let t = answer(
        &app,
        &say(&app, CHAT, false, ZHANG, "@_user_1 /督办 下达 延期 XD-1 3月27日").await,
    )
    .await;
    assert!(t.contains("只有下达人（赵督办）或管理员可以延期下达"), "{t}");
    let t = answer(
        &app,
        &say(&app, CHAT, false, BOSS, "@_user_1 /督办 下达 延期 XD-1 3月2日").await,
    )
    .await;
    assert!(
        t.contains("截止时间已经过去") && t.contains("/督办 下达 延期 XD-3 下周五"),
        "{t}"
    );
    let t = answer(
        &app,
        &say(&app, CHAT, false, BOSS, "@_user_1 /督办 下达 延期 XD-1").await,
    )
    .await;
    assert!(
        t.contains("缺少新的截止时间") && t.contains("/督办 下达 延期 XD-3"),
        "{t}"
    );
    let t = answer(
        &app,
        &say(&app, CHAT, false, BOSS, "@_user_1 /督办 下达 取消 XD-1").await,
    )
    .await;
    assert!(
        t.contains("缺少取消原因") && t.contains("/督办 下达 取消 XD-3 口径调整"),
        "{t}"
    );
    let t = answer(
        &app,
        &say(&app, CHAT, false, WANG, "@_user_1 /督办 下达 取消 XD-1 不做了").await,
    )
    .await;
    assert!(t.contains("只有下达人（赵督办）或管理员可以取消下达"), "{t}");
    assert_eq!(app.store.get_batch(BatchId(1)).unwrap().unwrap(), before);
    for i in 1..=3 {
        let it = app.store.get_item(ItemId(i)).unwrap().unwrap();
        assert!(it.is_open() && it.deadline == before.deadline);
    }

    // 延期: the batch and every open item move; the audit says 截止时间; reminders follow.
    let new = at("2026-03-27T18:00:00+08:00");
    let t = answer(
        &app,
        &say(
            &app,
            CHAT,
            false,
            BOSS,
            "@_user_1 /督办 下达 延期 XD-1 3月27日 等待总部口径",
        )
        .await,
    )
    .await;
    assert!(t.contains("已将下达 XD-1") && t.contains("3个单位"), "{t}");
    let b = app.store.get_batch(BatchId(1)).unwrap().unwrap();
    assert_eq!((b.deadline, b.original_deadline), (new, Some(before.deadline)));
    for i in 1..=3 {
        let it = app.store.get_item(ItemId(i)).unwrap().unwrap();
        assert_eq!(it.deadline, new, "DB-{i}");
        let last = app.store.audit_of(ItemId(i)).unwrap().pop().unwrap();
        assert_eq!(last.action, "set_deadline");
        assert_eq!(last.actor.open_id.0, BOSS.0);
        assert!(last.changes.iter().any(|c| c.field == "deadline"), "{last:?}");
        assert!(last.note.unwrap().contains("等待总部口径"));
    }
    let due_after = app.store.nudge_record(ItemId(1)).unwrap().due_ms.unwrap();
    assert!(
        due_after > due_before,
        "the reminder moved with the deadline: {due_before} → {due_after}"
    );
    assert!(
        eventually(|| app.fake.message(&m1).is_some_and(|m| m
            .patches
            .last()
            .is_some_and(|p| p.to_string().contains("3月27日"))))
        .await,
        "the unit's card is redrawn"
    );
    assert!(
        rollup_shows(&app, &roll, "已统一延期").await,
        "the roll-up shows the new deadline"
    );

    // 取消 by an admin: every open item cancelled with the reason; redelivery does nothing more.
    let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let ev = message_event(
        &format!("ev_xd_cancel_{n}"),
        &format!("om_xd_cancel_{n}"),
        CHAT,
        "group",
        LI.0,
        "@_user_1 /督办 下达 取消 XD-1 口径调整，重新下达",
        &[BOT],
        None,
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    let t = answer(&app, &format!("om_xd_cancel_{n}")).await;
    assert!(t.contains("已取消下达 XD-1") && t.contains("3个单位"), "{t}");
    assert_eq!(app.post_event(&ev).await.status(), 200, "redelivered");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let replies = app
        .fake
        .messages()
        .into_iter()
        .filter(|m| m.parent_id.as_deref() == Some(format!("om_xd_cancel_{n}").as_str()))
        .count();
    assert_eq!(replies, 1, "a redelivered 取消 is not answered twice");
    for i in 1..=3 {
        let it = app.store.get_item(ItemId(i)).unwrap().unwrap();
        assert_eq!(it.status, Status::Cancelled, "DB-{i}");
        let last = app.store.audit_of(ItemId(i)).unwrap().pop().unwrap();
        assert_eq!(last.action, "cancel");
        assert!(last.note.unwrap().contains("口径调整"));
        assert_eq!(
            app.store.nudge_record(ItemId(i)).unwrap().due_ms,
            None,
            "no more reminders"
        );
    }
    assert!(app.store.open_batches().unwrap().is_empty());
    assert!(
        rollup_shows(&app, &roll, "原因：口径调整").await,
        "the roll-up shows 已取消 with the reason"
    );
    let t = answer(
        &app,
        &say(&app, CHAT, false, BOSS, "@_user_1 /督办 下达 取消 XD-1 再取消").await,
    )
    .await;
    assert!(t.contains("XD-1 已经取消了"), "{t}");
    let list = answer(
        &app,
        &say(&app, CHAT, false, BOSS, "@_user_1 /督办 下达 列表").await,
    )
    .await;
    assert!(list.contains("已取消"), "{list}");
    app.stop().await;
}

#[tokio::test]
async fn the_rollup_buttons_open_forms_that_do_what_the_commands_do_and_a_stale_card_changes_nothing() {
    let app = spawn_app_with(three_units).await;
    let roll = issue(&app, 3).await;
    let card = app.fake.message(&roll).unwrap().card().to_string();
    assert!(card.contains("取消下达") && card.contains("全部延期"), "{card}");
    let v1 = json!({"op": "b_open", "form": "b_extend", "batch": 1, "v": 1});

    // Someone else is told who may; the issuer gets the form 1:1.
    let r = click(&app, WANG.0, &roll, v1.clone(), None).await;
    assert_eq!(r["toast"]["type"], "error");
    assert!(r["toast"]["content"].as_str().unwrap().contains("赵督办"), "{r}");
    let r = click(&app, BOSS.0, &roll, v1.clone(), None).await;
    assert_eq!(r["toast"]["type"], "info", "{r}");
    assert!(
        eventually(|| app
            .fake
            .messages()
            .iter()
            .any(|m| m.chat_id == "oc_p2p_ou_boss" && m.card().to_string().contains("batch_extend_form")))
        .await,
        "the form is sent 1:1"
    );

    // Submitting the form extends, as the command does.
    let submit = json!({"op": "b_extend", "batch": 1, "v": 1, "card": "form"});
    let r = click(
        &app,
        BOSS.0,
        "om_form",
        submit.clone(),
        Some(json!({"date": "2026-03-27 +0800"})),
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    let b = app.store.get_batch(BatchId(1)).unwrap().unwrap();
    assert_eq!(b.deadline, at("2026-03-27T18:00:00+08:00"));
    assert_eq!(b.version, 2);
    for i in 1..=3 {
        let it = app.store.get_item(ItemId(i)).unwrap().unwrap();
        assert_eq!(it.deadline, b.deadline);
    }

    // The old card (version 1) is out of date: nothing changes, the toast says so.
    let cancel_v1 = json!({"op": "b_cancel", "batch": 1, "v": 1, "card": "form"});
    let r = click(
        &app,
        BOSS.0,
        "om_form",
        cancel_v1,
        Some(json!({"reason": "不做了"})),
    )
    .await;
    assert_eq!(r["toast"]["type"], "warning", "{r}");
    assert!(
        r["toast"]["content"].as_str().unwrap().contains("卡片已更新"),
        "{r}"
    );
    assert!(app.store.get_item(ItemId(1)).unwrap().unwrap().is_open());
    let r = click(&app, BOSS.0, &roll, v1, None).await;
    assert_eq!(r["toast"]["type"], "warning", "{r}");
    assert!(
        r["card"]["data"].to_string().contains("已统一延期"),
        "redrawn: {r}"
    );

    // A cancel form without a reason is refused; with one, the batch is cancelled.
    let cancel = json!({"op": "b_cancel", "batch": 1, "v": 2, "card": "form"});
    let r = click(
        &app,
        BOSS.0,
        "om_form",
        cancel.clone(),
        Some(json!({"reason": " "})),
    )
    .await;
    assert_eq!(r["toast"]["type"], "warning", "{r}");
    assert!(app.store.get_item(ItemId(1)).unwrap().unwrap().is_open());
    let r = click(
        &app,
        BOSS.0,
        "om_form",
        cancel,
        Some(json!({"reason": "口径调整"})),
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    for i in 1..=3 {
        assert_eq!(
            app.store.get_item(ItemId(i)).unwrap().unwrap().status,
            Status::Cancelled
        );
    }
    assert!(rollup_shows(&app, &roll, "原因：口径调整").await);
    app.stop().await;
}

#[tokio::test]
async fn a_late_unit_is_named_and_a_batch_whose_units_are_all_closed_is_settled_once() {
    let app = spawn_app_with(three_units).await;
    let roll = issue(&app, 3).await;
    // 杭州 finishes and is accepted, 宁波 submits; 温州 does nothing.
    say(&app, "oc_u1", false, ZHANG, "@_user_1 /督办 完成 DB-1 已完成").await;
    say(&app, "oc_u2", false, WANG, "@_user_1 /督办 完成 DB-2 已完成").await;
    say(&app, "oc_u1", false, BOSS, "@_user_1 /督办 验收 DB-1").await;
    assert!(eventually(|| app.store.get_item(ItemId(1)).unwrap().unwrap().status == Status::Done).await);
    assert!(eventually(|| app.store.get_item(ItemId(2)).unwrap().unwrap().status == Status::Submitted).await);
    // Past the deadline: 温州 is named late, the others are not.
    app.clock.set(at("2026-03-23T10:00:00+08:00"));
    assert!(rollup_shows(&app, &roll, "逾期单位").await);
    let last = app
        .fake
        .message(&roll)
        .unwrap()
        .patches
        .last()
        .unwrap()
        .to_string();
    let late = &last[last.find("逾期单位").unwrap()..];
    assert!(late.contains("温州营业部") && late.contains("DB-3"), "{late}");
    assert!(
        !late.contains("杭州营业部 ·") && !late.contains("宁波营业部 ·"),
        "{late}"
    );
    assert!(app.store.is_open_batch(BatchId(1)).unwrap());

    // 宁波 accepted, 温州 cancelled: every unit closed → settled, shown once.
    say(&app, "oc_u2", false, BOSS, "@_user_1 /督办 验收 DB-2").await;
    say(
        &app,
        "oc_u3",
        false,
        BOSS,
        "@_user_1 /督办 取消 DB-3 本营业部不适用",
    )
    .await;
    assert!(eventually(|| app.store.get_item(ItemId(3)).unwrap().unwrap().status == Status::Cancelled).await);
    assert!(rollup_shows(&app, &roll, "已全部完成").await);
    let last = app
        .fake
        .message(&roll)
        .unwrap()
        .patches
        .last()
        .unwrap()
        .to_string();
    assert!(
        last.contains("已取消1") && !last.contains("open_b_cancel"),
        "{last}"
    );
    assert!(!app.store.is_open_batch(BatchId(1)).unwrap(), "settled");
    assert!(app.store.open_batches().unwrap().is_empty());
    let patches = app.fake.message(&roll).unwrap().patches.len();
    later(&app, 60);
    app.service.batches_tick().await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        app.fake.message(&roll).unwrap().patches.len(),
        patches,
        "the final state once"
    );
    app.stop().await;
}

#[tokio::test]
async fn before_the_14_day_window_closes_the_rollup_is_posted_anew_once_and_later_updates_go_there() {
    let app = spawn_app_with(three_units).await;
    let roll = issue(&app, 3).await;
    let posted = app.store.rollup_card(BatchId(1)).unwrap().unwrap();
    assert!(!posted.reposted);
    let top_level = |app: &TestApp| {
        app.fake
            .messages()
            .into_iter()
            .filter(|m| m.chat_id == CHAT && m.parent_id.is_none() && m.card().to_string().contains("XD-1"))
            .collect::<Vec<_>>()
    };
    // Day 12: nothing yet.
    later(&app, 12 * 86_400);
    app.service.batches_tick().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(top_level(&app).is_empty());
    // Day 13 (and a second tick before the outbox has even run): exactly one new card.
    later(&app, 86_400 + 60);
    app.service.batches_tick().await.unwrap();
    app.service.batches_tick().await.unwrap();
    assert!(
        eventually(|| app
            .store
            .rollup_card(BatchId(1))
            .unwrap()
            .is_some_and(|c| c.message_id != roll))
        .await,
        "the new card is recorded"
    );
    let now = app.store.rollup_card(BatchId(1)).unwrap().unwrap();
    assert!(now.reposted && !now.repost_queued);
    app.service.batches_tick().await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let fresh = top_level(&app);
    assert_eq!(fresh.len(), 1, "one re-post");
    assert_eq!(fresh[0].message_id, now.message_id);
    assert!(fresh[0].card().to_string().contains("原卡片已超过可更新期限"));
    // A unit acts: the update goes to the new card, not the old one.
    let old_patches = app.fake.message(&roll).unwrap().patches.len();
    let m2 = app.store.item_card(ItemId(2)).unwrap().unwrap();
    let ack = json!({"op": "acknowledge", "item": 2});
    let r = click(&app, WANG.0, &m2, app.drawn_now(ack), None).await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    assert!(rollup_shows(&app, &now.message_id, "签收 **1**/3").await);
    let kept = app
        .fake
        .message(&now.message_id)
        .unwrap()
        .patches
        .last()
        .unwrap()
        .to_string();
    assert!(
        kept.contains("原卡片已超过可更新期限"),
        "the note stays on the new card"
    );
    assert_eq!(app.fake.message(&roll).unwrap().patches.len(), old_patches);
    app.stop().await;
}

/// 67 营业部, each with its own group and head.
fn sixty_seven(s: &mut Settings) {
    let regions = vec!["华东片区".to_owned()];
    let decls: Vec<UnitDecl> = (1..=67)
        .map(|i| {
            decl(
                &format!("第{i}营业部"),
                "华东片区",
                &format!("oc_unit{i}"),
                &format!("ou_head{i}"),
            )
        })
        .collect();
    s.units = UnitRegistry::from_decls(&regions, &decls).unwrap();
    s.supervision.issuers = vec![BOSS.0.to_owned()];
}

#[tokio::test]
async fn issuing_to_67_units_posts_67_cards_and_one_rollup_within_the_rate_limits_none_twice() {
    let app = spawn_app_with(sixty_seven).await;
    let start = std::time::Instant::now();
    let roll = issue(&app, 67).await;
    let took = start.elapsed();
    tokio::time::sleep(Duration::from_millis(800)).await;
    let msgs = app.fake.messages();
    let cards: Vec<_> = msgs.iter().filter(|m| m.chat_id.starts_with("oc_unit")).collect();
    assert_eq!(cards.len(), 67, "one card per unit");
    let mut chats: Vec<&str> = cards.iter().map(|m| m.chat_id.as_str()).collect();
    chats.sort_unstable();
    chats.dedup();
    assert_eq!(chats.len(), 67, "each in its own group, none twice");
    let rollups = msgs
        .iter()
        .filter(|m| m.chat_id == CHAT && m.card().to_string().contains("XD-1"))
        .count();
    assert_eq!(rollups, 1);
    assert!(app.store.get_item(ItemId(68)).unwrap().is_none());
    // The client kept within 50/s for the app: Feishu (the fake) never had to refuse.
    let refused = app.fake.request_log().iter().filter(|r| r.status == 429).count();
    assert_eq!(refused, 0, "no write was refused for its rate");
    assert!(
        took >= Duration::from_millis(1_000),
        "68 writes at 50/s take over a second: {took:?}"
    );
    // A unit head may act only on their unit's item.
    let m1 = app.store.item_card(ItemId(1)).unwrap().unwrap();
    let r = click(
        &app,
        "ou_head2",
        &m1,
        app.drawn_now(json!({"op": "acknowledge", "item": 1})),
        None,
    )
    .await;
    assert_eq!(r["toast"]["type"], "error", "{r}");
    assert!(
        r["toast"]["content"].as_str().unwrap().contains("只有主办"),
        "{r}"
    );
    assert_eq!(
        app.store.get_item(ItemId(1)).unwrap().unwrap().status,
        Status::Pending
    );
    let t = answer(
        &app,
        &say(
            &app,
            "oc_unit2",
            false,
            ("ou_head2", "某人"),
            "@_user_1 /督办 完成 DB-1",
        )
        .await,
    )
    .await;
    assert!(t.contains("本群没有 DB-1"), "{t}");
    assert_eq!(
        app.store.get_item(ItemId(1)).unwrap().unwrap().status,
        Status::Pending
    );
    let r = click(
        &app,
        "ou_head1",
        &m1,
        app.drawn_now(json!({"op": "acknowledge", "item": 1})),
        None,
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    assert!(rollup_shows(&app, &roll, "签收 **1**/67").await);
    app.stop().await;
}
