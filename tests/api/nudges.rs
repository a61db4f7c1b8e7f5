//! Automatic reminders, escalation, the 晾晒 board and statistics, on the virtual clock through
//! the real webhook, scheduler and fake Feishu.

use std::time::Duration;

use duban::clock::Clock;
use duban::domain::ids::ItemId;
use serde_json::{Value, json};

use crate::helpers::*;

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

fn local(t: jiff::Timestamp) -> String {
    t.to_zoned_datetime(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap())
        .strftime("%m-%d %H:%M")
        .to_string()
}

fn text_of(m: &duban::fake_feishu::FakeMessage) -> String {
    m.content.to_string()
}

/// Creates DB-1 at Wednesday 2026-09-23 10:00, due Wednesday 09-30 (18:00), owner 张三, by 赵督办.
async fn item_due_before_national_day(app: &TestApp) -> String {
    app.clock.set(ts("2026-09-23T10:00:00+08:00"));
    app.say(
        BOSS,
        "@_user_1 /督办 整理国庆值班安排 @_user_2 9月30日",
        &[BOT, ZHANG],
    )
    .await;
    let msgs = app.fake.wait_for_messages(1, Duration::from_secs(10)).await;
    assert!(eventually(|| app.store.item_card(ItemId(1)).ok().flatten().is_some()).await);
    msgs[0].message_id.clone()
}

/// (local time, what the reminder says) for each reminder sent; the weekly 晾晒 board, which
/// the scheduler may post in the same run, is not a reminder.
fn summarise(ticks: &[(jiff::Timestamp, Vec<duban::fake_feishu::FakeMessage>)]) -> Vec<(String, String)> {
    ticks
        .iter()
        .flat_map(|(t, ms)| ms.iter().map(move |m| (local(*t), text_of(m))))
        .filter(|(_, text)| !text.contains("晾晒"))
        .collect()
}

const EXPECTED_TIMES: [&str; 7] = [
    "09-23 14:00",
    "09-29 10:00",
    "09-30 18:00",
    "10-08 10:00",
    "10-09 10:00",
    "10-10 10:00",
    "10-12 10:00",
];

fn check_ladder(seen: &[(String, String)]) {
    let times: Vec<&str> = seen.iter().map(|(t, _)| t.as_str()).collect();
    // Each reminder once, at its working-hours time: none at night, none in the 国庆 block
    // (10-01..10-07), and the 调休 Saturday 10-10 counts as a working day.
    assert_eq!(times, EXPECTED_TIMES, "{seen:#?}");
    assert!(seen[0].1.contains("签收"), "{}", seen[0].1);
    assert!(seen[3].1.contains("逾期1个工作日"), "{}", seen[3].1);
    assert!(!seen[3].1.contains("ou_boss"), "day 1 goes to the 主办 only");
    assert!(
        seen[4].1.contains("ou_boss"),
        "from day 2 the 督办人 is mentioned: {}",
        seen[4].1
    );
    assert!(seen[5].1.contains("逾期3个工作日"), "{}", seen[5].1);
}

#[tokio::test]
async fn an_item_due_in_a_week_gets_exactly_the_expected_reminders_over_two_weeks_with_a_holiday() {
    let app = spawn_app().await;
    let card = item_due_before_national_day(&app).await;
    let ticks = app.run_clock_until(ts("2026-10-13T09:00:00+08:00")).await;
    let seen = summarise(&ticks);
    check_ladder(&seen);
    // From the third overdue working day the 主办 also gets an urgent (加急) on the item card.
    let urgent = app.fake.message(&card).unwrap().urgent;
    assert!(
        !urgent.is_empty() && urgent[0] == vec![ZHANG.0.to_owned()],
        "{urgent:?}"
    );
    // SMS and phone urgents cost paid quota: none unless configured.
    assert!(app.fake.message(&card).unwrap().paid_urgent.is_empty());
    // The card turned red (overdue) and the audit trail holds the item's history.
    assert!(
        app.fake
            .message(&card)
            .unwrap()
            .card()
            .to_string()
            .contains("逾期")
    );
    app.stop().await;
}

/// Where the deployment turns them on, each 加急 (from the third overdue day) also goes out by
/// SMS and by phone.
#[tokio::test]
async fn paid_urgents_go_out_with_the_app_urgent_when_configured() {
    let app = spawn_app_with(|s| {
        s.reminders.urgent_sms = true;
        s.reminders.urgent_phone = true;
    })
    .await;
    let card = item_due_before_national_day(&app).await;
    let ticks = app.run_clock_until(ts("2026-10-13T09:00:00+08:00")).await;
    check_ladder(&summarise(&ticks));
    let m = app.fake.message(&card).unwrap();
    let zhang = vec![ZHANG.0.to_owned()];
    assert_eq!(m.urgent.first(), Some(&zhang), "{:?}", m.urgent);
    // One SMS and one phone urgent with each in-app one, to the same person.
    for op in ["urgent_sms", "urgent_phone"] {
        let calls: Vec<_> = m.paid_urgent.iter().filter(|(o, _)| o == op).collect();
        assert_eq!(calls.len(), m.urgent.len(), "{op}: {:?}", m.paid_urgent);
        assert!(calls.iter().all(|(_, ids)| *ids == zhang), "{op}: {calls:?}");
    }
    app.stop().await;
}

/// A group's own reminder settings (`[groups.reminders]`) replace the deployment's for its items:
/// here 签收 is chased after one working hour instead of four.
#[tokio::test]
async fn a_group_with_its_own_reminder_settings_is_chased_by_them() {
    let app = spawn_app_with(|s| {
        let policy = duban::domain::schedule::ReminderPolicy {
            ack_within_work_minutes: 60,
            ..s.reminders.clone()
        };
        s.groups.push(duban::config::GroupConfig {
            chat_id: CHAT.to_owned(),
            leaders: vec![],
            calendar: None,
            board: None,
            reminders: None,
            policy: Some(policy),
        });
    })
    .await;
    item_due_before_national_day(&app).await;
    let seen = summarise(&app.run_clock_until(ts("2026-09-23T15:00:00+08:00")).await);
    assert_eq!(seen.len(), 1, "{seen:#?}");
    assert_eq!(seen[0].0, "09-23 11:00");
    assert!(seen[0].1.contains("签收"), "{}", seen[0].1);
    app.stop().await;
}

#[tokio::test]
async fn a_restart_in_the_middle_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let fake = std::sync::Arc::new(
        duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
            .await
            .unwrap(),
    );
    let app = start_on(dir.path(), fake, |_| {}).await;
    item_due_before_national_day(&app).await;
    let mut ticks = app.run_clock_until(ts("2026-10-02T12:00:00+08:00")).await;
    let now = app.clock.now();
    let fake = app.fake.clone();
    app.stop().await;
    let app = start_on(dir.path(), fake, |_| {}).await;
    app.clock.set(now);
    ticks.extend(app.run_clock_until(ts("2026-10-13T09:00:00+08:00")).await);
    check_ladder(&summarise(&ticks));
    app.stop().await;
}

#[tokio::test]
async fn acknowledging_and_snoozing_move_the_reminders() {
    let app = spawn_app().await;
    let card = item_due_before_national_day(&app).await;
    // 张三 signs at once: no 签收 reminder.
    let ev = card_action_event(
        "ev_ack",
        ZHANG.0,
        &card,
        app.drawn_now(json!({"op":"acknowledge","item":1})),
        None,
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    let ticks = app.run_clock_until(ts("2026-09-29T09:00:00+08:00")).await;
    assert!(ticks.is_empty(), "{:?}", summarise(&ticks));
    // Snooze to the next working day from the reminder: the 09-29 10:00 reminder moves to 09-30.
    let ev = card_action_event(
        "ev_snooze",
        ZHANG.0,
        &card,
        json!({"op":"snooze","item":1,"for":"next_workday"}),
        None,
    );
    let r: Value = app.post_event(&ev).await.json().await.unwrap();
    assert_eq!(r["toast"]["type"], "success", "{r}");
    let ticks = app.run_clock_until(ts("2026-09-30T12:00:00+08:00")).await;
    let seen = summarise(&ticks);
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert!(seen[0].0.starts_with("09-30 09:"), "{seen:?}");
    // A stranger cannot snooze someone else's item.
    let ev = card_action_event(
        "ev_snooze2",
        WANG.0,
        &card,
        json!({"op":"snooze","item":1,"for":"1h"}),
        None,
    );
    let r: Value = app.post_event(&ev).await.json().await.unwrap();
    assert_eq!(r["toast"]["type"], "error");
    app.stop().await;
}

#[tokio::test]
async fn the_board_ranks_overdue_items_and_is_posted_weekly_only_when_changed() {
    let app = spawn_app().await;
    item_due_before_national_day(&app).await;
    app.run_clock_until(ts("2026-10-12T12:00:00+08:00")).await;
    let n = app.fake.messages().len();
    app.say(BOSS, "@_user_1 /督办 晾晒", &[BOT]).await;
    let msgs = app.fake.wait_for_messages(n + 1, Duration::from_secs(10)).await;
    let board = text_of(msgs.last().unwrap());
    assert!(board.contains("DB-1") && board.contains("ou_zhangsan"), "{board}");
    assert!(board.contains("逾期"), "{board}");
    // Monday 10-19 09:30: the weekly board, once.
    let before = app.fake.messages().len();
    app.clock.set(ts("2026-10-19T09:31:00+08:00"));
    app.service.board_tick().await.unwrap();
    assert!(eventually(|| app.store.outbox_len() == 0).await);
    let after = app.fake.messages().len();
    let patched = app
        .fake
        .messages()
        .iter()
        .any(|m| !m.patches.is_empty() && text_of(m).contains("晾晒"));
    assert!(
        after == before + 1 || patched,
        "the weekly board is posted (or updated in place)"
    );
    app.service.board_tick().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.fake.messages().len(), after, "not twice in one week");
    app.stop().await;
}

#[tokio::test]
async fn statistics_count_on_time_and_late_completions_per_person() {
    let app = spawn_app_with(|s| s.supervision.require_acceptance = false).await;
    app.clock.set(ts("2026-03-02T10:00:00+08:00"));
    app.say(BOSS, "@_user_1 /督办 报表一 @_user_2 3月4日", &[BOT, ZHANG])
        .await;
    app.say(BOSS, "@_user_1 /督办 报表二 @_user_2 3月5日", &[BOT, ZHANG])
        .await;
    assert!(eventually(|| app.store.get_item(ItemId(2)).ok().flatten().is_some()).await);
    app.clock.set(ts("2026-03-03T10:00:00+08:00"));
    app.say(ZHANG, "@_user_1 /督办 完成 DB-1", &[BOT]).await;
    assert!(
        eventually(|| app
            .store
            .get_item(ItemId(1))
            .unwrap()
            .unwrap()
            .completed_at
            .is_some())
        .await
    );
    app.clock.set(ts("2026-03-09T10:00:00+08:00"));
    app.say(ZHANG, "@_user_1 /督办 完成 DB-2", &[BOT]).await;
    assert!(
        eventually(|| app
            .store
            .get_item(ItemId(2))
            .unwrap()
            .unwrap()
            .completed_at
            .is_some())
        .await
    );
    let asked = app.say(BOSS, "@_user_1 /督办 统计 本月", &[BOT]).await;
    let stats = text_of(&app.reply_to(&asked).await);
    assert!(stats.contains("张三") && stats.contains("50%"), "{stats}");
    app.stop().await;
}

#[tokio::test]
async fn the_debug_clock_moves_the_virtual_time() {
    let app = spawn_app().await;
    let r: Value = app
        .http
        .post(format!("{}/debug/clock", app.base))
        .json(&json!({"advance_seconds": 3600}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["now"], "2026-03-11T11:00:00+08:00");
    let r: Value = app
        .http
        .post(format!("{}/debug/clock", app.base))
        .json(&json!({"set": "2026-03-12T09:00:00+08:00"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["now"], "2026-03-12T09:00:00+08:00");
    let r = app
        .http
        .post(format!("{}/debug/clock", app.base))
        .json(&json!({"advance_seconds": -5}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    app.stop().await;
}

/// A busy round (more items than one core plans alone) is planned on all cores: every item is
/// reminded exactly once, moved to its next reminder, and each person gets one combined card.
#[tokio::test]
async fn a_busy_round_reminds_every_item_once_and_combines_them_per_person() {
    use duban::domain::ids::{ChatId, OpenId, Person};
    use duban::domain::supervision::{Item, NewItem};
    use duban::store::outbox::Changes;

    let app = spawn_app().await;
    let created = ts("2026-09-23T10:00:00+08:00");
    app.clock.set(created);
    let owners = [ZHANG, LI, WANG];
    let person = |p: (&str, &str)| Person {
        open_id: OpenId(p.0.to_owned()),
        name: p.1.to_owned(),
    };
    let mut ch = Changes::new();
    for id in 1..=150_u64 {
        let item = Item::create(
            ItemId(id),
            NewItem::new(
                format!("批量事项{id}"),
                ChatId(CHAT.to_owned()),
                person(BOSS),
                person(owners[usize::try_from(id).unwrap() % 3]),
                ts("2026-09-30T18:00:00+08:00"),
            ),
            created,
        );
        ch.put_new_item(&app.store, &item).unwrap();
        app.service.stage_new_item(&mut ch, &item).unwrap();
    }
    app.store.commit(&ch).unwrap();

    // At start-up the service reads the first tick's records ahead on sled (nothing is in
    // memory yet); PostgreSQL has no cache to warm.
    let at_start = if app.store.backend_name() == "sled" {
        150
    } else {
        0
    };
    assert_eq!(app.service.read_ahead_at_start().await.unwrap(), at_start);
    // While waiting, the scheduler reads the records of what is due next ahead of time: all
    // 150 (fewer than a tick's worth), once; changed nothing.
    let mut last = None;
    assert_eq!(app.service.read_ahead(&mut last).await.unwrap(), 150);
    assert_eq!(app.service.read_ahead(&mut last).await.unwrap(), 0, "read once");
    assert!(app.store.nudge_state(ItemId(1)).unwrap().sent.is_empty());

    // 14:00: four working hours without 签收.
    let now = ts("2026-09-23T14:00:30+08:00");
    app.clock.set(now);
    app.service.tick().await.unwrap();
    // What comes next is read ahead again.
    assert_eq!(app.service.read_ahead(&mut last).await.unwrap(), 150);
    for id in 1..=150 {
        let state = app.store.nudge_state(ItemId(id)).unwrap();
        assert_eq!(state.sent.len(), 1, "DB-{id}: {state:?}");
        let next = app.store.scheduled_for(ItemId(id)).unwrap().unwrap();
        assert!(i64::try_from(next).unwrap() > now.as_millisecond(), "DB-{id}");
    }
    assert!(app.store.due_items(now.as_millisecond(), 10).unwrap().is_empty());
    // The record a tick reads carries the policy's view of the item.
    let rec = app.store.nudge_record(ItemId(7)).unwrap();
    assert_eq!(rec.item.map(|i| i.title), Some("批量事项7".to_owned()));
    // The weekly 晾晒 board may go out in the same run; it is not a reminder.
    let reminders = || -> Vec<String> {
        app.fake
            .messages()
            .iter()
            .map(|m| m.content.to_string())
            .filter(|c| !c.contains("晾晒"))
            .collect()
    };
    assert!(eventually(|| reminders().len() >= 3).await);
    let sent = reminders();
    assert_eq!(sent.len(), 3, "one combined card per person: {sent:#?}");
    for (open_id, _) in owners {
        assert_eq!(
            sent.iter().filter(|c| c.contains(open_id)).count(),
            1,
            "{open_id}"
        );
    }
    // Nothing more on a second tick.
    app.service.tick().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(reminders().len(), 3);
}
