//! 例会 meeting series end to end on the virtual clock, across the 2026 National Day holiday
//! (10-01..10-07 off; Monday 10-05 is a holiday, so the weekly Monday meeting of that week is on
//! Thursday 10-08 and its pre-meeting card comes on Wednesday 09-30 at 16:00).

use std::sync::Arc;

use duban::domain::ids::{OpenId, Person, SeriesId};
use duban::fake_feishu::{FakeFeishu, FakeMessage};
use duban::minutes::MeetingId;
use jiff::Timestamp;
use jiff::civil::date;
use serde_json::{Value, json};

use crate::helpers::*;

fn at(s: &str) -> Timestamp {
    format!("{s}+08:00").parse().unwrap()
}

fn cards_with(app: &TestApp, needle: &str) -> Vec<FakeMessage> {
    app.fake
        .messages()
        .into_iter()
        .filter(|m| m.msg_type == "interactive" && m.card().to_string().contains(needle))
        .collect()
}

/// The 进展征集 requests the bot sent that @-mention `open_id` (the reminder engine's
/// messages: a reply under the item's card, or the owner's combined reminder card).
fn asks_to(app: &TestApp, open_id: &str) -> usize {
    asks_in(&app.fake.messages(), open_id)
}

fn asks_in(msgs: &[FakeMessage], open_id: &str) -> usize {
    msgs.iter()
        .filter(|m| m.sender_open_id.is_none())
        .filter(|m| {
            let c = m.content.to_string();
            c.contains("【进展征集】") && c.contains(open_id)
        })
        .count()
}

/// The bot's messages that @-mention `open_id`.
fn to(msgs: &[FakeMessage], open_id: &str) -> Vec<FakeMessage> {
    msgs.iter()
        .filter(|m| m.sender_open_id.is_none() && m.content.to_string().contains(open_id))
        .cloned()
        .collect()
}

async fn click(app: &TestApp, who: &str, card_mid: &str, value: Value) -> Value {
    let ev = card_action_event(
        &app.next_id("ev_click_"),
        who,
        card_mid,
        app.drawn_now(value),
        None,
    );
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

/// One scheduler round at `now`, as the scheduler task runs it: the 例会 tick, then the
/// reminder engine's round.
async fn tick(app: &TestApp, now: &str) {
    app.clock.set(at(now));
    app.service.series_tick().await.unwrap();
    app.service.tick().await.unwrap();
    assert!(eventually(|| app.store.outbox_len() == 0).await, "outbox drained");
}

const MINUTES: &str = "@_user_1 /纪要 财管委周例会
会议时间：2026年9月28日
二、待办事项
1. @_user_2 负责完成反洗钱自查报告，10月20日前";

#[tokio::test]
async fn a_weekly_series_over_the_national_day_holiday() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap());
    let app = start_on(dir.path(), fake.clone(), |_| {}).await;
    app.fake.set_chat_members(
        CHAT,
        &[ZHANG, LI, BOSS].map(|(id, name)| Person {
            open_id: OpenId(id.to_owned()),
            name: name.to_owned(),
        }),
    );
    app.clock.set(at("2026-09-21T10:00:00"));

    // Bad input creates nothing.
    let mid = app.say(BOSS, "/例会 新建 财管委周例会 每周八 9:30", &[]).await;
    let r = app.reply_to(&mid).await.card().to_string();
    assert!(
        r.contains("例会周期没看懂")
            && r.contains("正确示例")
            && r.contains("/例会 新建 财管委周例会 每周一 9:30"),
        "{r}"
    );
    for bad in ["提纲：见群公告", "看板：ftp://bi.example.com/d/1"] {
        let mid = app
            .say(BOSS, &format!("/例会 新建 财管委周例会 每周一 {bad}"), &[])
            .await;
        let r = app.reply_to(&mid).await.card().to_string();
        assert!(r.contains("链接没看懂") && r.contains("正确示例"), "{r}");
    }
    assert!(app.store.all_series().unwrap().is_empty());

    let mid = app
        .say(
            BOSS,
            "/例会 新建 财管委周例会 每周一 9:30 @_user_1 提纲：https://example.feishu.cn/docx/AbCd 看板：https://bi.example.com/d/1",
            &[LI],
        )
        .await;
    let r = app.reply_to(&mid).await.card().to_string();
    assert!(
        r.contains("HYS-1") && r.contains("遇节假日顺延到下一个工作日"),
        "{r}"
    );
    let s = app.store.get_series(SeriesId(1)).unwrap().unwrap();
    assert_eq!(s.attendees.len(), 1);

    // Minutes posted after the 09-28 meeting attach to that occurrence; their item is converted.
    app.clock.set(at("2026-09-28T11:00:00"));
    app.say(BOSS, MINUTES, &[BOT, ZHANG]).await;
    assert!(eventually(|| app.store.meeting_card(MeetingId(1)).ok().flatten().is_some()).await);
    assert_eq!(
        app.store.series_of_meeting(MeetingId(1)).unwrap(),
        Some((SeriesId(1), date(2026, 9, 28)))
    );
    let card_mid = app.store.meeting_card(MeetingId(1)).unwrap().unwrap();
    let r = click(&app, BOSS.0, &card_mid, json!({"op":"m_convert_all","meeting":1})).await;
    assert_eq!(r["toast"]["type"], "success", "{r}");

    // Not before Wednesday 09-30 16:00.
    tick(&app, "2026-09-30T15:59:00").await;
    assert!(cards_with(&app, "会前提醒 · ").is_empty());
    tick(&app, "2026-09-30T16:00:00").await;
    let cards = cards_with(&app, "会前提醒 · ");
    assert_eq!(cards.len(), 1);
    let text = cards[0].card().to_string();
    assert!(
        text.contains("10月8日"),
        "the holiday moves the meeting to Thursday: {text}"
    );
    assert!(
        text.contains("打开会议提纲") && text.contains("打开看板"),
        "{text}"
    );
    assert!(
        text.contains("上次会议事项") && text.contains("反洗钱自查报告"),
        "{text}"
    );
    assert!(text.contains("⏳ 张三"), "{text}");
    assert_eq!(asks_to(&app, ZHANG.0), 1, "the owner is asked once");

    // Asked once, card posted once, however often the scheduler runs.
    tick(&app, "2026-09-30T16:05:00").await;
    assert_eq!(cards_with(&app, "会前提醒 · ").len(), 1);
    assert_eq!(asks_to(&app, ZHANG.0), 1);

    // 张三 reports progress: the card is updated in place and marks him.
    app.clock.set(at("2026-09-30T17:00:00"));
    let mid = app.say(ZHANG, "/督办 进展 DB-1 50% 初稿完成", &[]).await;
    app.reply_to(&mid).await;
    tick(&app, "2026-09-30T17:01:00").await;
    assert!(
        eventually(|| cards_with(&app, "✔ 张三").len() == 1).await,
        "{:#?}",
        app.fake
            .messages()
            .iter()
            .rev()
            .take(4)
            .map(|m| (m.receive_id.clone(), m.patches.len(), m.card().to_string()))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        cards_with(&app, "会前提醒 · ").len(),
        1,
        "updated, not posted again"
    );

    // A restart in between sends nothing twice.
    app.stop().await;
    let app = start_on(dir.path(), fake.clone(), |_| {}).await;
    // The new process's message and event ids must not repeat the first one's.
    for _ in 0..1000 {
        app.next_id("burn_");
    }
    tick(&app, "2026-10-02T10:00:00").await;
    assert_eq!(cards_with(&app, "会前提醒 · ").len(), 1);
    assert_eq!(asks_to(&app, ZHANG.0), 1);

    // 改期 moves this occurrence only.
    app.clock.set(at("2026-10-08T08:00:00"));
    let mid = app.say(BOSS, "/例会 改期 HYS-1 10月9日 14:00", &[]).await;
    let r = app.reply_to(&mid).await.content.to_string();
    assert!(r.contains("以后各次照常"), "{r}");
    let s = app.store.get_series(SeriesId(1)).unwrap().unwrap();
    assert_eq!(s.moved.len(), 1);
    assert_eq!(s.moved.get(&date(2026, 10, 8)), Some(&at("2026-10-09T14:00:00")));
    let cal = duban::calendar::Calendar::builtin();
    let next = s.next_occurrence(at("2026-10-09T15:00:00"), &cal).unwrap();
    assert_eq!(next.start, at("2026-10-12T09:30:00"));
    // Its card shows the new time and stays live past the old one; it turns final at the new.
    let first = || cards_with(&app, "会前提醒 · ").remove(0).card().to_string();
    assert!(
        eventually(|| first().contains("10月9日") && first().contains("本次已改期")).await,
        "{}",
        first()
    );
    tick(&app, "2026-10-08T09:30:00").await;
    assert!(!first().contains("会议已开始"), "{}", first());
    tick(&app, "2026-10-09T14:00:00").await;
    assert!(eventually(|| first().contains("会议已开始")).await, "{}", first());
    // The next card (for Monday 10-12) comes on the 调休 Saturday 10-10 at 16:00.
    tick(&app, "2026-10-10T16:00:00").await;
    assert_eq!(cards_with(&app, "会前提醒 · ").len(), 2);

    // Pause: no card for 10-19.
    let mid = app.say(BOSS, "/例会 暂停 HYS-1", &[]).await;
    assert!(app.reply_to(&mid).await.content.to_string().contains("已暂停"));
    tick(&app, "2026-10-16T16:00:00").await;
    assert_eq!(cards_with(&app, "会前提醒 · ").len(), 2);
    app.stop().await;
}

#[tokio::test]
async fn a_series_is_refused_in_a_one_to_one_chat() {
    let app = spawn_app().await;
    let mid = app.next_id("om_user_");
    let ev = message_event(
        &app.next_id("ev_"),
        &mid,
        "oc_p2p_boss",
        "p2p",
        BOSS.0,
        "/例会 新建 周例会 每周一 9:30",
        &[],
        None,
    );
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200);
    let refused = || {
        app.fake.messages().iter().any(|m| {
            let c = m.card().to_string();
            m.parent_id.as_deref() == Some(mid.as_str())
                && c.contains("例会要在群里新建")
                && c.contains("正确示例")
        })
    };
    assert!(eventually(refused).await, "refused with an example");
    assert!(app.store.all_series().unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn progress_requests_wait_out_quiet_hours_like_reminders_and_survive_a_restart() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap());
    let tweak = |s: &mut duban::config::Settings| s.minutes.series_notice_at = "22:00".to_owned();
    let app = start_on(dir.path(), fake.clone(), tweak).await;
    app.clock.set(at("2026-09-21T10:00:00"));
    let mid = app.say(BOSS, "/例会 新建 周例会 每周四 14:00", &[]).await;
    app.reply_to(&mid).await;
    let mid = app
        .say(BOSS, "/督办 整理营业部整改清单 @_user_1 9月23日", &[ZHANG])
        .await;
    app.reply_to(&mid).await;
    // The card comes on Wednesday at 22:00; the request to 张三 waits for Thursday morning.
    tick(&app, "2026-09-23T22:00:00").await;
    let cards = cards_with(&app, "会前提醒 · ");
    assert_eq!(cards.len(), 1);
    assert!(
        cards[0].card().to_string().contains("整理营业部整改清单"),
        "{}",
        cards[0].card()
    );
    assert_eq!(asks_to(&app, ZHANG.0), 0, "not in quiet hours");
    // The request waits in the reminder engine, on disk: a restart keeps it.
    app.stop().await;
    let app = start_on(dir.path(), fake.clone(), tweak).await;
    for _ in 0..1000 {
        app.next_id("burn_");
    }
    tick(&app, "2026-09-24T08:59:00").await;
    assert_eq!(asks_to(&app, ZHANG.0), 0, "not before the working morning");
    let sent = app.run_clock_until(at("2026-09-24T12:00:00")).await;
    let when: Vec<_> = sent
        .iter()
        .filter(|(_, msgs)| asks_in(msgs, ZHANG.0) > 0)
        .map(|(t, _)| *t)
        .collect();
    assert_eq!(when.len(), 1, "{sent:#?}");
    assert!(
        when[0] >= at("2026-09-24T09:00:00") && when[0] < at("2026-09-24T09:30:00"),
        "the working morning: {when:?}"
    );
    tick(&app, "2026-09-24T12:30:00").await;
    assert_eq!(asks_to(&app, ZHANG.0), 1, "once");
    app.stop().await;
}

/// Lets the background scheduler finish a round the last command woke it for, so that the
/// next round at a new instant is the one the test runs.
async fn settle(app: &TestApp) {
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(eventually(|| app.store.outbox_len() == 0).await, "outbox drained");
}

#[tokio::test]
async fn the_progress_request_comes_with_the_owners_other_reminders_in_one_message() {
    let app = spawn_app().await;
    app.clock.set(at("2026-09-21T10:00:00"));
    let mid = app.say(BOSS, "/例会 新建 项目周会 每周四 14:00", &[]).await;
    app.reply_to(&mid).await;
    // 张三 has two items on the card: the first carries the request; the second's reminder
    // two hours before its deadline falls at 16:00 on Wednesday, when the card comes.
    for line in [
        "/督办 整理营业部整改清单 @_user_1 9月24日 12:00",
        "/督办 报送客户投诉台账 @_user_1 9月23日 18:00",
    ] {
        let mid = app.say(BOSS, line, &[ZHANG]).await;
        app.reply_to(&mid).await;
    }
    app.run_clock_until(at("2026-09-23T15:59:00")).await;
    settle(&app).await;
    assert_eq!(asks_to(&app, ZHANG.0), 0);

    let before = app.fake.messages().len();
    tick(&app, "2026-09-23T16:00:00").await;
    let new = app.fake.messages()[before..].to_vec();
    assert_eq!(cards_with(&app, "会前提醒 · ").len(), 1);
    let mine = to(&new, ZHANG.0);
    assert_eq!(
        mine.len(),
        1,
        "one combined message: {:#?}",
        mine.iter().map(|m| m.content.to_string()).collect::<Vec<_>>()
    );
    let text = mine[0].card().to_string();
    assert_eq!(mine[0].msg_type, "interactive", "{text}");
    assert!(
        text.contains("【进展征集】") && text.contains("项目周会"),
        "{text}"
    );
    assert!(
        text.contains("整理营业部整改清单") && text.contains("报送客户投诉台账"),
        "{text}"
    );
    assert!(text.contains("请抓紧办理"), "the ordinary reminder too: {text}");
    // Nobody is asked twice, however often the scheduler runs.
    tick(&app, "2026-09-23T16:30:00").await;
    tick(&app, "2026-09-24T09:30:00").await;
    assert_eq!(asks_to(&app, ZHANG.0), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_series_created_after_its_first_cards_time_posts_the_card_at_once() {
    let app = spawn_app().await;
    // Wednesday 09-30 17:00, the last working day before National Day: the Monday meeting of
    // the holiday week is on Thursday 10-08, whose card was due at 16:00 today.
    app.clock.set(at("2026-09-30T17:00:00"));
    let mid = app
        .say(BOSS, "/督办 整理反洗钱自查材料 @_user_1 10月8日 9:00", &[ZHANG])
        .await;
    app.reply_to(&mid).await;
    let mid = app.say(BOSS, "/例会 新建 财管委周例会 每周一 9:30", &[]).await;
    let r = app.reply_to(&mid).await.card().to_string();
    assert!(r.contains("会前提醒已在本群发出"), "{r}");
    assert!(
        eventually(|| cards_with(&app, "会前提醒 · ").len() == 1).await,
        "the card comes at once"
    );
    let card = cards_with(&app, "会前提醒 · ")[0].card().to_string();
    assert!(
        card.contains("10月8日") && card.contains("整理反洗钱自查材料") && card.contains("⏳ 张三"),
        "{card}"
    );
    tick(&app, "2026-09-30T17:00:01").await;
    assert_eq!(asks_to(&app, ZHANG.0), 1, "the owner is asked at once too");
    // Nothing again over the holiday, nor when the meeting comes.
    tick(&app, "2026-10-07T16:00:00").await;
    tick(&app, "2026-10-08T09:00:00").await;
    assert_eq!(cards_with(&app, "会前提醒 · ").len(), 1);
    assert_eq!(asks_to(&app, ZHANG.0), 1);

    // Created before the card's time, the answer says when it comes: the Monday 10-12
    // meeting's card on the 调休 working Saturday 10-10.
    app.clock.set(at("2026-10-08T10:00:00"));
    let mid = app.say(BOSS, "/例会 新建 风控周会 每周一 9:30", &[]).await;
    let r = app.reply_to(&mid).await.card().to_string();
    assert!(
        r.contains("**会前提醒**：10月10日（周六）16:00 在本群发出"),
        "{r}"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_card_turns_final_when_the_meeting_starts_and_is_not_updated_after() {
    let app = spawn_app().await;
    app.clock.set(at("2026-09-21T10:00:00"));
    let mid = app.say(BOSS, "/例会 新建 项目周会 每周四 14:00", &[]).await;
    app.reply_to(&mid).await;
    for (who, line) in [
        (ZHANG, "/督办 整理营业部整改清单 @_user_1 9月24日 12:00"),
        (LI, "/督办 更新客户风险等级 @_user_1 9月24日 12:00"),
    ] {
        let mid = app.say(BOSS, line, &[who]).await;
        app.reply_to(&mid).await;
    }
    tick(&app, "2026-09-23T16:00:00").await;
    let card = || cards_with(&app, "会前提醒 · ").remove(0);
    let c = card().card().to_string();
    assert!(
        c.contains("⏳ 张三") && c.contains("⏳ 李四") && !c.contains("会议已开始"),
        "{c}"
    );
    assert_eq!(asks_to(&app, ZHANG.0), 1);
    assert_eq!(asks_to(&app, LI.0), 1);

    // 李四 updates before the meeting: ✔ for him, ⏳ for 张三, in place.
    app.clock.set(at("2026-09-24T09:30:00"));
    let mid = app.say(LI, "/督办 进展 DB-2 80% 已完成初评", &[]).await;
    app.reply_to(&mid).await;
    tick(&app, "2026-09-24T09:31:00").await;
    assert!(
        eventually(|| {
            let c = card().card().to_string();
            c.contains("✔ 李四") && c.contains("⏳ 张三") && c.contains("已更新 1/2")
        })
        .await,
        "{}",
        card().card()
    );

    // The meeting starts: the card turns final, once, with who updated and who did not.
    tick(&app, "2026-09-24T14:00:00").await;
    assert!(
        eventually(|| card().card().to_string().contains("会议已开始")).await,
        "{}",
        card().card()
    );
    let c = card().card().to_string();
    assert!(
        c.contains("本卡片不再更新") && c.contains("✔ 李四") && c.contains("⏳ 张三"),
        "{c}"
    );
    let patches = card().patches.len();
    app.clock.set(at("2026-09-24T15:00:00"));
    let mid = app.say(ZHANG, "/督办 进展 DB-1 50% 会上已说明", &[]).await;
    app.reply_to(&mid).await;
    tick(&app, "2026-09-24T15:01:00").await;
    tick(&app, "2026-09-24T17:00:00").await;
    settle(&app).await;
    assert_eq!(card().patches.len(), patches, "no update after the start");
    assert_eq!(cards_with(&app, "会前提醒 · ").len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn the_card_shows_overdue_items_stage_moves_and_new_requirements_since_the_last_meeting() {
    let app = spawn_app().await;
    app.clock.set(at("2026-09-21T10:00:00"));
    let mid = app
        .say(BOSS, "/例会 新建 项目周会 每周四 14:00 @_user_1", &[ZHANG])
        .await;
    app.reply_to(&mid).await;
    // Before Thursday 09-24's meeting: an item overdue, a project moved, a requirement filed.
    let mid = app
        .say(BOSS, "/督办 核对两融客户名单 @_user_1 9月22日", &[LI])
        .await;
    app.reply_to(&mid).await;
    app.clock.set(at("2026-09-22T10:00:00"));
    app.say(BOSS, "@_user_1 /项目 新建 开户流程优化 @_user_2", &[BOT, ZHANG])
        .await;
    assert!(eventually(|| app.store.all_projects().unwrap().len() == 1).await);
    app.say(ZHANG, "@_user_1 /项目 推进 XM-1 第1阶段完成", &[BOT])
        .await;
    assert!(eventually(|| app.store.all_projects().unwrap()[0].current == 1).await);
    app.say(ZHANG, "@_user_1 /需求 柜台改造\n提出单位：上海营业部", &[BOT])
        .await;
    assert!(eventually(|| app.store.all_requirements().unwrap().len() == 1).await);

    tick(&app, "2026-09-23T16:00:00").await;
    let c = cards_with(&app, "会前提醒 · ")[0].card().to_string();
    assert!(
        c.contains("本群逾期事项") && c.contains("核对两融客户名单") && c.contains("（已逾期）"),
        "{c}"
    );
    assert!(
        c.contains("李四") && c.contains("⏳ 李四"),
        "owner and status shown: {c}"
    );
    assert!(c.contains("XM-1 开户流程优化：进入「产品设计」"), "{c}");
    assert!(c.contains("XQ-1 柜台改造"), "{c}");

    // The next one (Thursday 10-01 is 国庆: 10-08, the card on 09-30) shows only what is new
    // since 09-24's meeting.
    tick(&app, "2026-09-24T14:00:00").await;
    tick(&app, "2026-09-30T16:00:00").await;
    let cards = cards_with(&app, "会前提醒 · ");
    assert_eq!(cards.len(), 2);
    let c = cards[1].card().to_string();
    assert!(c.contains("10月8日"), "{c}");
    assert!(c.contains("没有项目阶段变动") && c.contains("没有新需求"), "{c}");
    assert!(c.contains("核对两融客户名单"), "still overdue: {c}");
    app.stop().await;
}

#[tokio::test]
async fn list_show_pause_resume_cancel_and_who_may_change() {
    let app = spawn_app().await;
    app.fake.set_chat_members(
        CHAT,
        &[ZHANG, LI, WANG, BOSS].map(|(id, name)| Person {
            open_id: OpenId(id.to_owned()),
            name: name.to_owned(),
        }),
    );
    app.clock.set(at("2026-09-21T10:00:00"));
    let mid = app
        .say(BOSS, "/例会 新建 项目周会 每周四 14:00 @_user_1", &[ZHANG])
        .await;
    app.reply_to(&mid).await;

    let mid = app.say(WANG, "/例会 暂停 HYS-1", &[]).await;
    let r = app.reply_to(&mid).await.card().to_string();
    assert!(r.contains("没有权限") && r.contains("赵督办"), "{r}");
    let mid = app.say(LI, "/例会 列表", &[]).await;
    let r = app.reply_to(&mid).await.card().to_string();
    assert!(
        r.contains("HYS-1") && r.contains("进行中") && r.contains("下次 9月24日"),
        "{r}"
    );
    let mid = app.say(LI, "/例会 查看 HYS-1", &[]).await;
    let r = app.reply_to(&mid).await.card().to_string();
    assert!(
        r.contains("接下来") && r.contains("张三") && r.contains("**会前提醒**：9月23日"),
        "{r}"
    );

    // An attendee pauses: no card for 09-24; resumed, the next one comes.
    let mid = app.say(ZHANG, "/例会 暂停 HYS-1", &[]).await;
    assert!(app.reply_to(&mid).await.content.to_string().contains("已暂停"));
    tick(&app, "2026-09-23T16:00:00").await;
    assert!(cards_with(&app, "会前提醒 · ").is_empty());
    app.clock.set(at("2026-09-24T15:00:00"));
    let mid = app.say(BOSS, "/例会 恢复 HYS-1", &[]).await;
    let r = app.reply_to(&mid).await.content.to_string();
    assert!(r.contains("已恢复") && r.contains("10月8日"), "{r}");
    tick(&app, "2026-09-30T16:00:00").await;
    assert_eq!(cards_with(&app, "会前提醒 · ").len(), 1);

    // Cancelled before the 10-08 meeting: its card says so at once and stays so; nothing
    // more comes, and it cannot be resumed.
    app.clock.set(at("2026-10-08T10:00:00"));
    let mid = app.say(BOSS, "/例会 取消 HYS-1", &[]).await;
    assert!(app.reply_to(&mid).await.content.to_string().contains("已取消"));
    let card = || cards_with(&app, "会前提醒 · ").remove(0);
    assert!(
        eventually(|| card().card().to_string().contains("例会已取消")).await,
        "{}",
        card().card()
    );
    let patches = card().patches.len();
    tick(&app, "2026-10-08T14:00:00").await;
    tick(&app, "2026-10-14T16:00:00").await;
    settle(&app).await;
    assert_eq!(card().patches.len(), patches);
    assert!(!card().card().to_string().contains("会议已开始"));
    assert_eq!(cards_with(&app, "会前提醒 · ").len(), 1);
    let mid = app.say(BOSS, "/例会 恢复 HYS-1", &[]).await;
    let r = app.reply_to(&mid).await.card().to_string();
    assert!(r.contains("例会状态不允许"), "{r}");
    app.stop().await;
}

#[tokio::test]
async fn cancelling_withdraws_the_requests_not_sent_yet() {
    let app = spawn_app_with(|s| s.minutes.series_notice_at = "22:00".to_owned()).await;
    app.clock.set(at("2026-09-21T10:00:00"));
    let mid = app.say(BOSS, "/例会 新建 周例会 每周四 14:00", &[]).await;
    app.reply_to(&mid).await;
    let mid = app
        .say(BOSS, "/督办 整理营业部整改清单 @_user_1 9月24日 12:00", &[ZHANG])
        .await;
    app.reply_to(&mid).await;
    tick(&app, "2026-09-23T22:00:00").await;
    assert_eq!(cards_with(&app, "会前提醒 · ").len(), 1);
    // Cancelled that night: the request waiting for the morning is not sent.
    app.clock.set(at("2026-09-23T23:00:00"));
    let mid = app.say(BOSS, "/例会 取消 HYS-1", &[]).await;
    app.reply_to(&mid).await;
    app.run_clock_until(at("2026-09-24T13:00:00")).await;
    assert_eq!(asks_to(&app, ZHANG.0), 0);
    // The item's own reminders go on as before (the one 2 hours before its deadline).
    assert!(
        to(&app.fake.messages(), ZHANG.0)
            .iter()
            .any(|m| m.content.to_string().contains("请抓紧办理")),
        "the item is still chased"
    );
    app.stop().await;
}
