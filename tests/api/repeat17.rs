//! Recurring items (`重复：每周`) end to end on the virtual clock: deadlines across the 2026
//! National Day holiday (off 10-01..10-07), exactly one next occurrence per close (also when the
//! close is delivered again), the next occurrence at its period's start across a restart,
//! `/督办 重复 停止`, refusals that create nothing, and statistics counting each occurrence.

use std::sync::Arc;
use std::time::Duration;

use duban::domain::ids::ItemId;
use duban::domain::repeat::NextWhen;
use duban::domain::status::Status;
use duban::fake_feishu::FakeFeishu;
use jiff::Timestamp;

use crate::helpers::*;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn items(app: &TestApp) -> usize {
    app.store.all_items().unwrap().len()
}

fn status(app: &TestApp, id: u64) -> Option<Status> {
    app.store.get_item(ItemId(id)).unwrap().map(|i| i.status)
}

/// Waits for item `id` to exist and for its card to be posted; returns the card's text.
async fn card_of(app: &TestApp, id: u64) -> String {
    assert!(
        eventually(|| app.store.item_card(ItemId(id)).ok().flatten().is_some()).await,
        "DB-{id}'s card is posted"
    );
    let mid = app.store.item_card(ItemId(id)).unwrap().unwrap();
    app.fake.message(&mid).unwrap().card().to_string()
}

/// The text of the latest bot message replying to `mid`.
async fn answer(app: &TestApp, mid: &str) -> String {
    app.reply_to(mid).await.content.to_string()
}

/// 张三 submits DB-`id` and the 督办人 accepts it; waits until it is done.
async fn close(app: &TestApp, id: u64) {
    app.say(ZHANG, &format!("@_user_1 /督办 完成 DB-{id} 已报送"), &[BOT])
        .await;
    app.say(BOSS, &format!("@_user_1 /督办 验收 DB-{id}"), &[BOT])
        .await;
    assert!(eventually(|| status(app, id) == Some(Status::Done)).await);
}

#[tokio::test]
async fn a_weekly_series_moves_its_deadlines_around_national_day_and_rolls_over_once_per_close() {
    let app = spawn_app().await;
    app.clock.set(ts("2026-09-21T10:00:00+08:00"));
    app.say(
        BOSS,
        "@_user_1 /督办 报送经营周报 @_user_2 每周五前 重复：每周",
        &[BOT, ZHANG],
    )
    .await;
    let first = card_of(&app, 1).await;
    // Friday 09-25 is 中秋: the deadline moves to Monday 09-28.
    let db1 = app.store.get_item(ItemId(1)).unwrap().unwrap();
    assert_eq!(db1.deadline, ts("2026-09-28T18:00:00+08:00"));
    assert!(
        first.contains("第1期") && first.contains("遇节假日顺延"),
        "{first}"
    );

    close(&app, 1).await;
    let second = card_of(&app, 2).await;
    let db2 = app.store.get_item(ItemId(2)).unwrap().unwrap();
    // Friday 10-02 is 国庆: Thursday 10-08, the first working day after the holiday.
    assert_eq!(db2.deadline, ts("2026-10-08T18:00:00+08:00"));
    assert_eq!(
        (db2.title.as_str(), db2.owner.open_id.0.as_str()),
        ("报送经营周报", ZHANG.0)
    );
    assert!(
        second.contains("第2期") && second.contains("首期 DB-1"),
        "{second}"
    );
    // The closed one no longer says a next one is coming.
    let mid1 = app.store.item_card(ItemId(1)).unwrap().unwrap();
    assert!(
        eventually(|| {
            let c = app.fake.message(&mid1).unwrap().card().to_string();
            c.contains("已完成") && c.contains("第1期") && !c.contains("即发起下一期")
        })
        .await
    );

    // Cancelling closes too; the same message delivered again changes nothing.
    let ev = message_event(
        "ev_cancel_db2",
        "om_cancel_db2",
        CHAT,
        "group",
        BOSS.0,
        "@_user_1 /督办 取消 DB-2 本周免报",
        &[BOT],
        None,
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    assert!(eventually(|| status(&app, 2) == Some(Status::Cancelled)).await);
    assert_eq!(app.post_event(&ev).await.status(), 200);
    let third = card_of(&app, 3).await;
    assert!(third.contains("第3期"), "{third}");
    let db3 = app.store.get_item(ItemId(3)).unwrap().unwrap();
    assert_eq!(db3.deadline, ts("2026-10-09T18:00:00+08:00"));
    // A second close of the same item is refused by the item itself: still one next one.
    app.say(BOSS, "@_user_1 /督办 取消 DB-2", &[BOT]).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(items(&app), 3);
    let (occ, series) = app.store.series_of_item(ItemId(3)).unwrap().unwrap();
    assert_eq!((occ.series, occ.number), (ItemId(1), 3));
    assert_eq!((series.current, series.number), (ItemId(3), 3));

    // Statistics and the board count each occurrence as an item.
    let mid = app.say(BOSS, "@_user_1 /督办 统计 本季度", &[BOT]).await;
    let stats = answer(&app, &mid).await;
    assert!(stats.contains("完成1项"), "{stats}");
    let open: Vec<u64> = app
        .store
        .items_in_chat(&duban::domain::ids::ChatId(CHAT.to_owned()))
        .unwrap()
        .into_iter()
        .filter(|i| i.is_open())
        .map(|i| i.id.0)
        .collect();
    assert_eq!(open, vec![3], "never two open at once");
    app.stop().await;
}

#[tokio::test]
async fn stopping_a_series_keeps_the_current_one_and_only_the_supervisor_may() {
    let app = spawn_app().await;
    app.say(
        BOSS,
        "@_user_1 /督办 报送客户投诉台账 @_user_2 每月15日 重复：每月15日",
        &[BOT, ZHANG],
    )
    .await;
    card_of(&app, 1).await;
    let mid = app.say(ZHANG, "@_user_1 /督办 重复 停止 DB-1", &[BOT]).await;
    let refused = answer(&app, &mid).await;
    assert!(
        refused.contains("只有督办人") && refused.contains("或管理员可以停止重复事项"),
        "{refused}"
    );
    let mid = app.say(BOSS, "@_user_1 /督办 重复 停止 DB-1", &[BOT]).await;
    let done = answer(&app, &mid).await;
    assert!(
        done.contains("已停止重复") && done.contains("仍需按期完成"),
        "{done}"
    );
    assert!(
        eventually(|| app
            .fake
            .message(&app.store.item_card(ItemId(1)).unwrap().unwrap())
            .unwrap()
            .card()
            .to_string()
            .contains("重复已停止"))
        .await
    );
    assert_eq!(status(&app, 1), Some(Status::Pending));
    close(&app, 1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(items(&app), 1, "a stopped series makes no next occurrence");
    let mid = app.say(BOSS, "@_user_1 /督办 重复 停止 DB-1", &[BOT]).await;
    assert!(answer(&app, &mid).await.contains("重复已经停止"));
    app.stop().await;
}

#[tokio::test]
async fn a_rule_that_cannot_be_read_or_met_is_refused_and_nothing_is_created() {
    let app = spawn_app().await;
    let mid = app
        .say(
            BOSS,
            "@_user_1 /督办 报送周报 @_user_2 周五前 重复：每隔几天",
            &[BOT, ZHANG],
        )
        .await;
    let card = answer(&app, &mid).await;
    assert!(
        card.contains("重复规则没看懂") && card.contains("重复：每周"),
        "{card}"
    );
    let mid = app
        .say(
            BOSS,
            "@_user_1 /督办 报送日报 @_user_2 4月15日 重复：每个工作日",
            &[BOT, ZHANG],
        )
        .await;
    let card = answer(&app, &mid).await;
    assert!(card.contains("截止时间超出了这一期"), "{card}");
    let mid = app.say(BOSS, "@_user_1 /督办 重复 停止 DB-9", &[BOT]).await;
    assert!(answer(&app, &mid).await.contains("没有找到 DB-9"));
    assert_eq!(items(&app), 0);
    app.stop().await;
}

#[tokio::test]
async fn with_period_start_the_next_one_comes_when_its_week_starts_exactly_once_across_restarts() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap());
    let tweak = |s: &mut duban::config::Settings| s.repeat.next = NextWhen::PeriodStart;
    let app = start_on(dir.path(), fake.clone(), tweak).await;
    // Wednesday 03-11: due this Friday; closed the same day, before next week starts.
    app.say(
        BOSS,
        "@_user_1 /督办 报送周报 @_user_2 每周五前 重复：每周",
        &[BOT, ZHANG],
    )
    .await;
    let card = card_of(&app, 1).await;
    assert!(card.contains("下个周期开始时发起下一期"), "{card}");
    close(&app, 1).await;
    let waiting = ts("2026-03-16T09:00:00+08:00");
    assert!(
        eventually(|| app.store.repeat_series(ItemId(1)).unwrap().unwrap().next_at == Some(waiting)).await
    );
    assert_eq!(items(&app), 1, "not before its period");
    app.stop().await;

    // Restarted on Monday 09:00: the scheduler creates DB-2 once, however often it ticks.
    let app = start_on(dir.path(), fake.clone(), tweak).await;
    app.clock.set(ts("2026-03-16T09:00:01+08:00"));
    app.service.repeat_tick().await.unwrap();
    app.service.repeat_tick().await.unwrap();
    card_of(&app, 2).await;
    let db2 = app.store.get_item(ItemId(2)).unwrap().unwrap();
    assert_eq!(db2.deadline, ts("2026-03-20T18:00:00+08:00"));
    assert_eq!(app.store.repeat_series(ItemId(1)).unwrap().unwrap().next_at, None);
    app.stop().await;

    let app = start_on(dir.path(), fake.clone(), tweak).await;
    app.clock.set(ts("2026-03-16T10:00:00+08:00"));
    app.service.repeat_tick().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(items(&app), 2);
    let cards = fake
        .messages()
        .iter()
        .filter(|m| m.content.to_string().contains("第2期"))
        .count();
    assert_eq!(cards, 1, "DB-2's card is posted once");
    app.stop().await;
}

/// Posts `text` from `who` as event `n` to the binary on `port`; true when acknowledged.
async fn post_to(
    http: &reqwest::Client,
    fake: &FakeFeishu,
    port: u16,
    n: usize,
    who: &str,
    text: &str,
    mentions: &[(&str, &str)],
) -> bool {
    let ev = message_event(
        &format!("ev_repeat_kill_{n}"),
        &format!("om_repeat_kill_{n}"),
        CHAT,
        "group",
        who,
        text,
        mentions,
        None,
    );
    register_user_message(fake, &ev);
    let (body, headers) = seal(&duban::feishu::crypto::EventCipher::new(ENCRYPT_KEY), &ev);
    let mut req = http
        .post(format!("http://127.0.0.1:{port}/feishu/events"))
        .header("content-type", "application/json");
    for (k, v) in headers {
        req = req.header(k, v);
    }
    req.body(body).send().await.is_ok_and(|r| r.status() == 200)
}

#[tokio::test]
async fn a_close_acknowledged_just_before_a_sigkill_rolls_over_exactly_once() {
    use crate::crash::{free_port, start_with, wait_healthy};
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap();
    let http = reqwest::Client::new();
    let port = free_port();
    let clock = [("DUBAN_VIRTUAL_CLOCK", "2026-09-21T10:00:00+08:00".to_owned())];
    let mut child = start_with(dir.path(), &fake.base_url, port, &clock);
    wait_healthy(&http, port).await;
    let create = "@_user_1 /督办 报送经营周报 @_user_2 每周五前 重复：每周";
    assert!(post_to(&http, &fake, port, 1, BOSS.0, create, &[BOT, ZHANG]).await);
    fake.wait_for_messages(1, Duration::from_secs(10)).await;
    assert!(
        post_to(
            &http,
            &fake,
            port,
            2,
            ZHANG.0,
            "@_user_1 /督办 完成 DB-1 已报送",
            &[BOT]
        )
        .await
    );
    assert!(post_to(&http, &fake, port, 3, BOSS.0, "@_user_1 /督办 验收 DB-1", &[BOT]).await);
    child.kill().unwrap(); // SIGKILL right after the acknowledgement: no flush, no destructors
    child.wait().unwrap();

    let second = |f: &FakeFeishu| {
        f.messages()
            .iter()
            .filter(|m| m.content.to_string().contains("第2期"))
            .count()
    };
    let mut child = start_with(dir.path(), &fake.base_url, port, &clock);
    wait_healthy(&http, port).await;
    for _ in 0..200 {
        if second(&fake) > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(second(&fake), 1, "DB-2's card is posted exactly once");
    let store = duban::store::testing::open_for_test(dir.path()).unwrap();
    assert_eq!(store.all_items().unwrap().len(), 2);
    let (_, series) = store.series_of_item(ItemId(2)).unwrap().unwrap();
    assert_eq!((series.current, series.number), (ItemId(2), 2));
    assert_eq!(
        store.get_item(ItemId(2)).unwrap().unwrap().deadline,
        ts("2026-10-08T18:00:00+08:00")
    );
}

#[tokio::test]
async fn accepting_on_the_card_rolls_over_like_the_command() {
    let app = spawn_app().await;
    app.say(
        BOSS,
        "@_user_1 /督办 报送周报 @_user_2 每周五前 重复：每周",
        &[BOT, ZHANG],
    )
    .await;
    card_of(&app, 1).await;
    app.say(ZHANG, "@_user_1 /督办 完成 DB-1 已报送", &[BOT]).await;
    assert!(eventually(|| status(&app, 1) == Some(Status::Submitted)).await);
    let mid = app.store.item_card(ItemId(1)).unwrap().unwrap();
    let value = app.drawn_now(serde_json::json!({"op": "accept", "item": 1}));
    let ev = card_action_event(&app.next_id("ev_click_"), BOSS.0, &mid, value, None);
    let r: serde_json::Value = app.post_event(&ev).await.json().await.unwrap();
    assert_eq!(r["toast"]["type"], "success", "{r}");
    let second = card_of(&app, 2).await;
    assert!(second.contains("第2期"), "{second}");
    assert_eq!(
        app.store.get_item(ItemId(2)).unwrap().unwrap().deadline,
        ts("2026-03-20T18:00:00+08:00")
    );
    app.stop().await;
}
