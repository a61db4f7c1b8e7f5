//! A late unit named, a batch settled once, the roll-up posted anew at day 13.

use std::time::Duration;

use duban::domain::ids::{BatchId, ItemId};
use duban::domain::status::Status;
use serde_json::json;

use super::*;
use crate::helpers::*;

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
    // The old card says where to look, and is left alone from then on.
    assert!(
        eventually(|| app
            .fake
            .message(&roll)
            .unwrap()
            .patches
            .last()
            .is_some_and(|p| p.to_string().contains("请查看新卡片")))
        .await,
        "the old card points to the new one"
    );
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
