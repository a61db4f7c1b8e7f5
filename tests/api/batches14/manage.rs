//! 列表, 延期 and 取消 by command and by the roll-up's buttons and forms.

use std::time::Duration;

use duban::domain::ids::{BatchId, ItemId};
use duban::domain::status::Status;
use serde_json::json;

use super::*;
use crate::helpers::*;

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
