//! The firm's 晾晒 (issue 14) end to end through the real webhook and the fake Feishu, on the
//! virtual clock: `/督办 晾晒 全部门` and `/督办 统计 … 按单位` in the leaders' group and an
//! admin's 1:1 chat (refused elsewhere), and the weekly org board in the leaders' chat — once
//! a week, only when something changed, after a holiday Monday on the next working day, and
//! not again after a restart.

use std::sync::Arc;
use std::time::Duration;

use duban::config::Settings;
use duban::domain::ids::ItemId;
use duban::domain::unit::{UnitDecl, UnitRegistry};
use duban::fake_feishu::{FakeFeishu, FakeMessage};

use crate::helpers::*;

const HZ: &str = "oc_org_hz";
const CS: &str = "oc_org_cs";
const LEADERS: &str = "oc_org_leaders";

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

fn decl(name: &str, region: &str, chat: &str, head: &str) -> UnitDecl {
    UnitDecl {
        name: name.to_owned(),
        kind: None,
        region: Some(region.to_owned()),
        chat_id: Some(chat.to_owned()),
        heads: vec![head.to_owned()],
    }
}

/// 杭州营业部 (head 张三) and 长沙营业部 (head 王五), the leaders' group, 李四 an admin, and
/// completion without 验收 (so the owner's 完成 closes the item).
fn with_org(s: &mut Settings) {
    let regions = vec!["华东片区".to_owned(), "华中片区".to_owned()];
    s.units = UnitRegistry::from_decls(
        &regions,
        &[
            decl("杭州营业部", "华东片区", HZ, ZHANG.0),
            decl("长沙营业部", "华中片区", CS, WANG.0),
        ],
    )
    .unwrap();
    s.supervision.admins = vec![LI.0.to_owned()];
    s.supervision.require_acceptance = false;
    s.board.leaders_chat = Some(LEADERS.to_owned());
}

static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// `from` sends `text` in `chat` (`p2p`: a 1:1 chat); returns the message id.
async fn send(
    app: &TestApp,
    chat: &str,
    p2p: bool,
    from: (&str, &str),
    text: &str,
    mentions: &[(&str, &str)],
) -> String {
    let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let mid = format!("om_org_{n}");
    let kind = if p2p { "p2p" } else { "group" };
    let ev = message_event(
        &format!("ev_org_{n}"),
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

/// The cards and texts the bot sent in answer to `mid`.
async fn answer(app: &TestApp, mid: &str) -> Vec<String> {
    app.reply_to(mid).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    app.fake
        .messages()
        .into_iter()
        .filter(|m| m.parent_id.as_deref() == Some(mid))
        .map(|m| body(&m))
        .collect()
}

/// The bot's answers to `mid` once one of them contains `needle` (a 1:1 chat's first message
/// is answered with the welcome first).
async fn answer_with(app: &TestApp, mid: &str, needle: &str) -> Vec<String> {
    let all = || -> Vec<String> {
        app.fake
            .messages()
            .into_iter()
            .filter(|m| {
                m.parent_id.as_deref() == Some(mid)
                    || m.chat_id.starts_with("oc_p2p") && m.parent_id.is_none()
            })
            .map(|m| body(&m))
            .collect()
    };
    assert!(
        eventually(|| all().iter().any(|r| r.contains(needle))).await,
        "{needle}: {:?}",
        all()
    );
    all()
}

fn body(m: &FakeMessage) -> String {
    if m.msg_type == "interactive" {
        m.card().to_string()
    } else {
        m.content.to_string()
    }
}

fn in_leaders(app: &TestApp) -> Vec<String> {
    app.fake
        .messages()
        .iter()
        .filter(|m| m.chat_id == LEADERS)
        .map(body)
        .collect()
}

async fn item_exists(app: &TestApp, id: u64) {
    assert!(
        eventually(|| app.store.get_item(ItemId(id)).ok().flatten().is_some()).await,
        "DB-{id} created"
    );
}

async fn done(app: &TestApp, chat: &str, who: (&str, &str), id: u64) {
    let mid = send(
        app,
        chat,
        false,
        who,
        &format!("@_user_1 /督办 完成 DB-{id}"),
        &[BOT],
    )
    .await;
    app.reply_to(&mid).await;
    assert!(
        eventually(|| {
            app.store
                .get_item(ItemId(id))
                .ok()
                .flatten()
                .is_some_and(|i| !i.is_open())
        })
        .await,
        "DB-{id} closed"
    );
}

#[tokio::test]
async fn one_overdue_unit_is_named_on_the_org_board_and_the_on_time_one_praised_first() {
    let app = spawn_app_with(with_org).await;
    // Wednesday 03-11: one item in each unit.
    send(
        &app,
        HZ,
        false,
        BOSS,
        "@_user_1 /督办 报送反洗钱自查表 @_user_2 3月12日",
        &[BOT, ZHANG],
    )
    .await;
    item_exists(&app, 1).await;
    send(
        &app,
        CS,
        false,
        BOSS,
        "@_user_1 /督办 两融开户统计 @_user_2 3月13日",
        &[BOT, WANG],
    )
    .await;
    item_exists(&app, 2).await;
    done(&app, CS, WANG, 2).await;
    // Monday 03-16: 杭州营业部's item is two working days late.
    app.clock.set(ts("2026-03-16T10:00:00+08:00"));
    let mid = send(&app, LEADERS, false, BOSS, "@_user_1 /督办 晾晒 全部门", &[BOT]).await;
    let replies = answer(&app, &mid).await;
    assert_eq!(replies.len(), 1, "{replies:?}");
    let board = &replies[0];
    assert!(board.contains("全公司督办晾晒"), "{board}");
    assert!(board.contains("逾期1个单位"), "{board}");
    assert!(board.contains("**杭州营业部** 逾期 **1** 项"), "{board}");
    assert!(board.contains("最长已逾期2个工作日"), "{board}");
    assert!(
        board.contains("DB-1") && board.contains("报送反洗钱自查表"),
        "{board}"
    );
    assert!(board.contains("1. 长沙营业部 按时完成 **1** 项"), "{board}");
    let praise = board.find("表扬").unwrap();
    let late = board.find("逾期单位").unwrap();
    assert!(praise < late, "praise comes first: {board}");
    // 按单位 names it too: the same as 全部门.
    let mid = send(&app, LEADERS, false, BOSS, "@_user_1 /督办 晾晒 按单位", &[BOT]).await;
    let again = answer(&app, &mid).await;
    assert!(again[0].contains("**杭州营业部** 逾期 **1** 项"), "{again:?}");
    // Per-unit statistics for this month, in the same group.
    let mid = send(
        &app,
        LEADERS,
        false,
        BOSS,
        "@_user_1 /督办 统计 本月 按单位",
        &[BOT],
    )
    .await;
    let stats = answer(&app, &mid).await;
    let stats = &stats[0];
    assert!(stats.contains("督办统计 · 本月 · 按单位"), "{stats}");
    assert!(
        stats.contains("**长沙营业部**\\n完成 1 项 · 按时 1 项"),
        "{stats}"
    );
    assert!(stats.contains("**杭州营业部**\\n完成 0 项"), "{stats}");
    assert!(stats.contains("当前逾期 1 项"), "{stats}");
    app.stop().await;
}

#[tokio::test]
async fn the_firms_views_are_refused_outside_the_leaders_group_and_an_admins_chat() {
    let app = spawn_app_with(with_org).await;
    send(
        &app,
        HZ,
        false,
        BOSS,
        "@_user_1 /督办 报送反洗钱自查表 @_user_2 3月12日",
        &[BOT, ZHANG],
    )
    .await;
    item_exists(&app, 1).await;
    // In a unit's group: refused, saying where it works, and nothing else.
    let mid = send(&app, HZ, false, ZHANG, "@_user_1 /督办 晾晒 全部门", &[BOT]).await;
    let replies = answer(&app, &mid).await;
    assert_eq!(replies.len(), 1, "{replies:?}");
    assert!(
        replies[0].contains("只能在领导群或管理员私聊中查看"),
        "{replies:?}"
    );
    assert!(replies[0].contains("领导群"), "{replies:?}");
    assert!(!replies[0].contains("全公司督办晾晒"), "{replies:?}");
    let mid = send(
        &app,
        HZ,
        false,
        ZHANG,
        "@_user_1 /督办 统计 本季度 按单位",
        &[BOT],
    )
    .await;
    let replies = answer(&app, &mid).await;
    assert!(
        replies[0].contains("按单位统计只能在领导群或管理员私聊中查看"),
        "{replies:?}"
    );
    // 1:1 with someone who is not an admin: refused.
    let mid = send(
        &app,
        "oc_p2p_org_zhang",
        true,
        ZHANG,
        "/督办 统计 本季度 按单位",
        &[],
    )
    .await;
    let replies = answer_with(&app, &mid, "只能在领导群或管理员私聊中查看").await;
    assert!(
        !replies.iter().any(|r| r.contains("督办统计 · 本季度")),
        "{replies:?}"
    );
    // 1:1 with an admin: answered.
    let mid = send(&app, "oc_p2p_org_li", true, LI, "/督办 统计 本季度 按单位", &[]).await;
    let replies = answer_with(&app, &mid, "督办统计 · 本季度 · 按单位").await;
    assert!(
        replies.iter().any(|r| r.contains("督办统计 · 本季度 · 按单位")
            && r.contains("杭州营业部")
            && r.contains("长沙营业部")),
        "{replies:?}"
    );
    let mid = send(&app, "oc_p2p_org_li", true, LI, "/督办 晾晒 全部门", &[]).await;
    answer_with(&app, &mid, "全公司督办晾晒").await;
    app.stop().await;
}

#[tokio::test]
async fn the_weekly_org_board_goes_to_the_leaders_once_a_week_only_when_changed_after_a_holiday_monday_too() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap());
    let app = start_on(dir.path(), fake.clone(), with_org).await;
    // Started on Wednesday 03-11, after this week's slot: the scheduler considers this week's
    // board at once; it is empty (no unit has anything yet), so nothing is posted.
    assert!(eventually(|| app.store.org_weekly().unwrap().is_some()).await);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(in_leaders(&app).is_empty(), "an empty board is not posted");
    // 杭州营业部 finishes its item on time.
    send(
        &app,
        HZ,
        false,
        BOSS,
        "@_user_1 /督办 报送反洗钱自查表 @_user_2 3月13日",
        &[BOT, ZHANG],
    )
    .await;
    item_exists(&app, 1).await;
    done(&app, HZ, ZHANG, 1).await;
    // Monday 03-23 09:00: not yet.
    app.clock.set(ts("2026-03-23T09:00:00+08:00"));
    app.service.board_tick().await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(in_leaders(&app).is_empty(), "{:?}", in_leaders(&app));
    // 09:31: posted, once.
    app.clock.set(ts("2026-03-23T09:31:00+08:00"));
    app.service.board_tick().await.unwrap();
    assert!(eventually(|| in_leaders(&app).len() == 1).await, "posted");
    assert!(eventually(|| app.store.outbox_len() == 0).await);
    let first = in_leaders(&app).remove(0);
    assert!(first.contains("全公司督办晾晒"), "{first}");
    assert!(first.contains("1. 杭州营业部 按时完成 **1** 项"), "{first}");
    app.service.board_tick().await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(in_leaders(&app).len(), 1, "not twice in one week");
    // Killed and started again the same week: still not twice.
    app.stop().await;
    let app = start_on(dir.path(), fake.clone(), with_org).await;
    app.clock.set(ts("2026-03-23T15:00:00+08:00"));
    app.service.board_tick().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(in_leaders(&app).len(), 1, "not again after a restart");
    // Monday 03-30: nothing changed since (same month, nothing due or late): not sent.
    app.clock.set(ts("2026-03-30T09:31:00+08:00"));
    app.service.board_tick().await.unwrap();
    assert!(eventually(|| app.store.outbox_len() == 0).await);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(in_leaders(&app).len(), 1, "nothing changed: not sent");
    assert_eq!(app.store.org_weekly().unwrap().unwrap().week, "2026-03-30");
    // The week of 清明: Monday 04-06 is a holiday, so the board waits for Tuesday 09:30; by
    // then 长沙营业部 has an item due that week, which is a change.
    app.clock.set(ts("2026-04-01T10:00:00+08:00"));
    send(
        &app,
        CS,
        false,
        BOSS,
        "@_user_1 /督办 两融开户统计 @_user_2 4月9日",
        &[BOT, WANG],
    )
    .await;
    item_exists(&app, 2).await;
    app.clock.set(ts("2026-04-06T09:31:00+08:00"));
    app.service.board_tick().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(in_leaders(&app).len(), 1, "not on the holiday");
    app.clock.set(ts("2026-04-07T09:31:00+08:00"));
    app.service.board_tick().await.unwrap();
    assert!(
        eventually(|| in_leaders(&app).len() == 2).await,
        "posted on Tuesday"
    );
    let april = in_leaders(&app).remove(1);
    assert!(april.contains("**长沙营业部** 本周到期 **1** 项"), "{april}");
    assert!(april.contains("本月还没有单位按时完成事项"), "{april}");
    app.stop().await;
}

#[tokio::test]
async fn an_open_batch_shows_its_completion_on_the_org_board_and_in_the_unit_statistics() {
    let app = spawn_app_with(|s| {
        with_org(s);
        s.supervision.issuers = vec![BOSS.0.to_owned()];
    })
    .await;
    let line = "@_user_1 /督办 下达 完成反洗钱自查 对象：@杭州营业部 @长沙营业部 截止：3月20日";
    send(&app, LEADERS, false, BOSS, line, &[BOT]).await;
    item_exists(&app, 1).await;
    item_exists(&app, 2).await;
    let hz = if app.store.unit_of_item(ItemId(1)).unwrap().as_deref() == Some("杭州营业部") {
        1
    } else {
        2
    };
    assert!(eventually(|| app.store.item_card(ItemId(hz)).ok().flatten().is_some()).await);
    done(&app, HZ, ZHANG, hz).await;
    let mid = send(&app, LEADERS, false, BOSS, "@_user_1 /督办 晾晒 全部门", &[BOT]).await;
    let board = answer(&app, &mid).await.remove(0);
    assert!(board.contains("下达进行中1批"), "{board}");
    assert!(
        board.contains("**XD-1** 完成反洗钱自查 · 已完成 **1**/2"),
        "{board}"
    );
    assert!(board.contains("1. 杭州营业部 按时完成 **1** 项"), "{board}");
    let mid = send(&app, LEADERS, false, BOSS, "@_user_1 /督办 统计 按单位", &[BOT]).await;
    let stats = answer(&app, &mid).await.remove(0);
    assert!(stats.contains("下达完成 1/1"), "{stats}");
    assert!(stats.contains("下达完成 0/1"), "{stats}");
    app.stop().await;
}
