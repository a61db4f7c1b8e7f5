//! Issue 18's 考评 pack, 标杆/负面 records and the Feishu Performance push, end to end: the
//! real server, real sled, the fake Feishu over HTTP, the virtual clock.
//!
//! The scenario (Q1 2026; now is Wednesday 2026-03-11 10:00; 张三 is 主办 of everything, 赵督办
//! (BOSS) creates the items and is 张三's configured leader):
//! - DB-1 承诺, due 3-20: progress, submitted and accepted on 3-11 → on time;
//! - DB-2 承诺, due 3-12 18:00: 催办 once by hand on 3-11; the scheduler chases it at the
//!   deadline (3-12) and on the overdue working days 3-13 and 3-16 at 10:00; submitted and
//!   accepted on 3-16 12:00 → late by 2 working days (3-13, 3-16);
//! - DB-3 挑战, due 3-20: an extension asked (to 3-27) and granted on 3-11; still open;
//! - DB-4 突发 P0, due 3-12: submitted and accepted on 3-11 → on time, 急难险重;
//! - DB-5 承诺, a 下达 child (batch XD-1): submitted on 3-11 → 下达响应.

use std::time::Duration;

use duban::config::{AppraisalConfig, AppraisalSettings, PerformanceConfig};
use duban::domain::appraisal::{Behaviour, BehaviourKind, Catalogue, LeaderRule};
use duban::domain::ids::{BatchId, ItemId};
use duban::domain::item::ItemClass;
use duban::store::outbox::Changes;
use serde_json::{Value, json};

use crate::helpers::*;

mod files;
mod privacy;

pub(super) const ADMIN: (&str, &str) = ("ou_admin", "管理员");
pub(super) const SEMESTER: &str = "sem_2026_q1";

pub(super) fn settings(s: &mut duban::config::Settings) {
    s.supervision.admins = vec![ADMIN.0.to_owned()];
    s.appraisal = AppraisalSettings {
        appraisal: AppraisalConfig {
            leaders: vec![LeaderRule {
                person: ZHANG.0.to_owned(),
                leaders: vec![BOSS.0.to_owned()],
            }],
        },
        catalogue: Catalogue(vec![
            Behaviour {
                code: "B01".into(),
                kind: BehaviourKind::Commend,
                name: "按时高质量完成重点任务".into(),
                points: 2.0,
            },
            Behaviour {
                code: "N01".into(),
                kind: BehaviourKind::Fault,
                name: "未按时报送且未说明".into(),
                points: 3.0,
            },
        ]),
        performance: PerformanceConfig {
            push: true,
            semester_id: SEMESTER.into(),
            import_record_name: None,
        },
    };
}

/// `who` writes `text` to the bot in their 1:1 chat; answers the bot's reply.
pub(super) async fn p2p(
    app: &TestApp,
    who: (&str, &str),
    text: &str,
    mentions: &[(&str, &str)],
) -> duban::fake_feishu::FakeMessage {
    let mid = app.next_id("om_p2p_");
    let chat = format!("oc_p2p_{}", who.0);
    let ev = message_event(
        &app.next_id("ev_"),
        &mid,
        &chat,
        "p2p",
        who.0,
        text,
        mentions,
        None,
    );
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200);
    // The first message of a 1:1 chat is also welcomed: the answer is the other reply.
    for _ in 0..200 {
        if let Some(m) = app.fake.messages().into_iter().find(|m| {
            m.parent_id.as_deref() == Some(mid.as_str()) && !m.content.to_string().contains("你好，我是督办")
        }) {
            return m;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no answer to {text}");
}

pub(super) async fn group(
    app: &TestApp,
    who: (&str, &str),
    text: &str,
    mentions: &[(&str, &str)],
) -> duban::fake_feishu::FakeMessage {
    let mid = app.say(who, text, mentions).await;
    app.reply_to(&mid).await
}

pub(super) fn set_class(app: &TestApp, id: u64, class: ItemClass) {
    let mut item = app.store.get_item(ItemId(id)).unwrap().unwrap();
    item.class = class;
    let mut ch = Changes::new();
    ch.put_item(&app.store, &item);
    app.store.commit(&ch).unwrap();
}

pub(super) async fn wait_items(app: &TestApp, n: usize) {
    assert!(
        eventually(|| app.store.all_items().unwrap().len() == n).await,
        "{n} items"
    );
}

pub(super) async fn click(app: &TestApp, who: &str, card_mid: &str, value: Value) -> Value {
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

/// Builds the quarter of the scenario above.
pub(super) async fn quarter(app: &TestApp) {
    group(
        app,
        BOSS,
        "@_user_1 /督办 写周报 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    group(app, BOSS, "@_user_1 /督办 整理台账 @_user_2 明天", &[BOT, ZHANG]).await;
    group(
        app,
        BOSS,
        "@_user_1 /督办 优化审批流程 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    group(
        app,
        BOSS,
        "@_user_1 /督办 处置交易系统故障 @_user_2 明天 P0",
        &[BOT, ZHANG],
    )
    .await;
    group(
        app,
        BOSS,
        "@_user_1 /督办 反洗钱自查 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    wait_items(app, 5).await;
    set_class(app, 3, ItemClass::Stretch);
    set_class(app, 4, ItemClass::Urgent);
    let mut ch = Changes::new();
    ch.put_batch_child(&app.store, BatchId(1), "杭州营业部", ItemId(5))
        .unwrap();
    app.store.commit(&ch).unwrap();

    group(app, ZHANG, "@_user_1 /督办 进展 DB-1 50% 初稿", &[BOT]).await;
    group(app, ZHANG, "@_user_1 /督办 完成 DB-1", &[BOT]).await;
    group(app, BOSS, "@_user_1 /督办 验收 DB-1", &[BOT]).await;
    group(app, BOSS, "@_user_1 /督办 催办 DB-2", &[BOT]).await;
    group(app, ZHANG, "@_user_1 /督办 延期 DB-3 3月27日 等待数据", &[BOT]).await;
    assert!(eventually(|| app.store.item_card(ItemId(3)).unwrap().is_some()).await);
    let card3 = app.store.item_card(ItemId(3)).unwrap().unwrap();
    let r = click(app, BOSS.0, &card3, json!({"op":"approve_extension","item":3})).await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    group(app, ZHANG, "@_user_1 /督办 完成 DB-4", &[BOT]).await;
    group(app, BOSS, "@_user_1 /督办 验收 DB-4", &[BOT]).await;
    group(app, ZHANG, "@_user_1 /督办 完成 DB-5", &[BOT]).await;

    app.run_clock_until("2026-03-16T12:00:00+08:00".parse().unwrap())
        .await;
    group(app, ZHANG, "@_user_1 /督办 完成 DB-2", &[BOT]).await;
    group(app, BOSS, "@_user_1 /督办 验收 DB-2", &[BOT]).await;
    let done =
        |id| app.store.get_item(ItemId(id)).unwrap().unwrap().status == duban::domain::status::Status::Done;
    assert!(done(1) && done(2) && done(4) && !done(3) && !done(5));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pack_counts_a_quarter_as_computed_by_hand() {
    let app = spawn_app_with(settings).await;
    quarter(&app).await;
    let reply = p2p(&app, ZHANG, "/督办 考评 本季度", &[]).await;
    let text = reply.content.to_string();
    assert!(text.contains("考评材料 · 张三 · 2026年第一季度"), "{text}");
    // Totals: 5 assigned; 3 completed (DB-1, DB-2, DB-4), 2 on time (67%); DB-2 late by 2
    // working days over 3 completions = 0.7; 1 extension asked and granted (DB-3); urged 4
    // (DB-2: 1 催办 + the deadline and 2 overdue-day chases); 1 下达 answered (DB-5); 1 急难险重.
    assert!(
        text.contains("**合计**：交办 5 · 完成 3 · 按时 2（67%）· 平均延误 0.7个工作日 · 申请延期 1 · 批准延期 1 · 被催办 4 · 下达响应 1 · 急难险重 1"),
        "{text}"
    );
    assert!(
        text.contains("**承诺**：交办 3 · 完成 2 · 按时 1（50%）· 平均延误 1.0个工作日 · 申请延期 0 · 批准延期 0 · 被催办 4 · 下达响应 1 · 急难险重 0"),
        "{text}"
    );
    assert!(
        text.contains("**挑战**：交办 1 · 完成 0 · 按时 0（—）· 平均延误 — · 申请延期 1 · 批准延期 1 · 被催办 0 · 下达响应 0 · 急难险重 0"),
        "{text}"
    );
    assert!(
        text.contains("**突发**：交办 1 · 完成 1 · 按时 1（100%）· 平均延误 0.0个工作日 · 申请延期 0 · 批准延期 0 · 被催办 0 · 下达响应 0 · 急难险重 1"),
        "{text}"
    );
    // The items behind the figures, linked to their group.
    let link = format!("https://applink.feishu.cn/client/chat/open?openChatId={CHAT}");
    assert!(
        text.contains(&format!("**逾期完成 1**：[DB-2]({link}) 整理台账")),
        "{text}"
    );
    assert!(
        text.contains(&format!("**下达响应 1**：[DB-5]({link}) 反洗钱自查")),
        "{text}"
    );
    assert!(
        text.contains(&format!("**急难险重 1**：[DB-4]({link}) 处置交易系统故障")),
        "{text}"
    );
    assert!(!text.contains("<at"), "no one is pinged: {text}");

    // 张三's leader sees the same pack; last quarter is empty.
    let leader = p2p(&app, BOSS, "/督办 考评 本季度 @_user_1", &[ZHANG]).await;
    assert!(
        leader.content.to_string().contains("交办 5 · 完成 3"),
        "{}",
        leader.content
    );
    let before = p2p(&app, ZHANG, "/督办 考评 上季度", &[]).await;
    assert!(
        before.content.to_string().contains("没有作为主办的督办事项"),
        "{}",
        before.content
    );
    app.stop().await;
}
