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

const ADMIN: (&str, &str) = ("ou_admin", "管理员");
const SEMESTER: &str = "sem_2026_q1";

fn settings(s: &mut duban::config::Settings) {
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
async fn p2p(
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

async fn group(
    app: &TestApp,
    who: (&str, &str),
    text: &str,
    mentions: &[(&str, &str)],
) -> duban::fake_feishu::FakeMessage {
    let mid = app.say(who, text, mentions).await;
    app.reply_to(&mid).await
}

fn set_class(app: &TestApp, id: u64, class: ItemClass) {
    let mut item = app.store.get_item(ItemId(id)).unwrap().unwrap();
    item.class = class;
    let mut ch = Changes::new();
    ch.put_item(&app.store, &item);
    app.store.commit(&ch).unwrap();
}

async fn wait_items(app: &TestApp, n: usize) {
    assert!(
        eventually(|| app.store.all_items().unwrap().len() == n).await,
        "{n} items"
    );
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

/// Builds the quarter of the scenario above.
async fn quarter(app: &TestApp) {
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn others_are_refused_with_the_same_words_and_bad_input_gets_an_example() {
    let app = spawn_app_with(settings).await;
    group(
        &app,
        BOSS,
        "@_user_1 /督办 写周报 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    wait_items(&app, 1).await;
    let r = p2p(&app, BOSS, "/督办 标杆 @_user_1 B01 DB-1 提前完成", &[ZHANG]).await;
    assert!(
        r.content.to_string().contains("已记录标杆行为 BR-1"),
        "{}",
        r.content
    );

    // 王五 is nobody's leader: 张三 (records and items) and 李四 (nothing) get the same answer.
    let about_zhang = p2p(&app, WANG, "/督办 考评 本季度 @_user_1", &[ZHANG]).await;
    let about_li = p2p(&app, WANG, "/督办 考评 本季度 @_user_1", &[LI]).await;
    assert_eq!(about_zhang.content, about_li.content);
    let refusal = about_zhang.content.to_string();
    assert!(refusal.contains("仅本人、其上级和管理员可以查看"), "{refusal}");
    assert!(
        !refusal.contains("BR-1") && !refusal.contains("张三"),
        "{refusal}"
    );
    // Nor may 王五 record, or comment on a record (existing or not), and the answers match.
    let rec_zhang = p2p(&app, WANG, "/督办 负面 @_user_1 N01 迟交", &[ZHANG]).await;
    let rec_li = p2p(&app, WANG, "/督办 负面 @_user_1 N01 迟交", &[LI]).await;
    assert_eq!(rec_zhang.content, rec_li.content);
    let c1 = p2p(&app, WANG, "/督办 标杆 备注 BR-1 不服", &[]).await;
    let c9 = p2p(&app, WANG, "/督办 标杆 备注 BR-9 不服", &[]).await;
    assert_eq!(
        c1.content.to_string().replace("BR-1", "BR-n"),
        c9.content.to_string().replace("BR-9", "BR-n")
    );
    assert_eq!(
        app.store
            .behaviour_records_of(&duban::domain::ids::OpenId(ZHANG.0.into()))
            .unwrap()
            .len(),
        1
    );

    // In a group: refused with the 1:1 example, nothing about anyone.
    let g = group(&app, ZHANG, "@_user_1 /督办 考评 本季度", &[BOT]).await;
    let gt = g.content.to_string();
    assert!(
        gt.contains("请在与督办机器人的私聊中使用") && gt.contains("/督办 考评 本季度"),
        "{gt}"
    );
    assert!(!gt.contains("交办"), "{gt}");
    let g = group(&app, BOSS, "@_user_1 /督办 标杆 @_user_2 B01 好", &[BOT, ZHANG]).await;
    assert!(g.content.to_string().contains("私聊"), "{}", g.content);

    // Unknown code, unreadable period, an item the asker cannot see: each with an example.
    let e = p2p(&app, BOSS, "/督办 标杆 @_user_1 B99 好", &[ZHANG])
        .await
        .content
        .to_string();
    assert!(
        e.contains("没有代码“B99”")
            && e.contains("B01 按时高质量完成重点任务")
            && e.contains("/督办 标杆 @张三 B01"),
        "{e}"
    );
    let e = p2p(&app, BOSS, "/督办 负面 @_user_1 B01 好", &[ZHANG])
        .await
        .content
        .to_string();
    assert!(
        e.contains("没有代码“B01”") && e.contains("N01"),
        "a 标杆 code is no 负面 code: {e}"
    );
    let e = p2p(&app, ZHANG, "/督办 考评 下下季度", &[])
        .await
        .content
        .to_string();
    assert!(
        e.contains("考评期间没看懂") && e.contains("/督办 考评 本季度"),
        "{e}"
    );
    let e = p2p(&app, BOSS, "/督办 标杆 @_user_1 B01 DB-99 好", &[ZHANG])
        .await
        .content
        .to_string();
    assert!(
        e.contains("没有找到事项 DB-99") && e.contains("/督办 标杆 @张三 B01"),
        "{e}"
    );
    assert_eq!(
        app.store
            .behaviour_records_of(&duban::domain::ids::OpenId(ZHANG.0.into()))
            .unwrap()
            .len(),
        1
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_record_is_told_privately_commented_audited_and_shown_in_the_pack() {
    let app = spawn_app_with(settings).await;
    group(
        &app,
        BOSS,
        "@_user_1 /督办 写周报 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    wait_items(&app, 1).await;
    let r = p2p(&app, BOSS, "/督办 负面 @_user_1 N01 DB-1 周报迟交两天", &[ZHANG]).await;
    assert!(
        r.content.to_string().contains("已记录负面行为 BR-1"),
        "{}",
        r.content
    );
    // 张三 is told 1:1 (a card to their open_id, through the outbox).
    let told = |needle: &'static str, to: &'static str| {
        let app = &app;
        move || {
            app.fake.messages().iter().any(|m| {
                m.receive_id_type == "open_id" && m.receive_id == to && m.content.to_string().contains(needle)
            })
        }
    };
    assert!(eventually(told("你有一条新的负面行为记录 BR-1", ZHANG.0)).await);
    let r = p2p(&app, ZHANG, "/督办 负面 备注 BR-1 因系统故障延迟，已说明", &[]).await;
    assert!(
        r.content.to_string().contains("已为 BR-1 添加备注"),
        "{}",
        r.content
    );
    assert!(
        eventually(told("因系统故障延迟", BOSS.0)).await,
        "the recorder is told"
    );
    let rec = app
        .store
        .behaviour_record(duban::domain::appraisal::RecordId(1))
        .unwrap()
        .unwrap();
    let actions: Vec<&str> = rec.audit.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(actions, ["behaviour_record", "behaviour_comment"]);
    assert_eq!(rec.audit[0].actor.open_id.0, BOSS.0);
    assert_eq!(rec.item, Some(ItemId(1)));
    // The pack shows it, with the comment; the admin sees it too.
    for who in [ZHANG, ADMIN] {
        let mentions: &[(&str, &str)] = if who == ZHANG { &[] } else { &[ZHANG] };
        let text = if who == ZHANG {
            "/督办 考评 本季度"
        } else {
            "/督办 考评 本季度 @_user_1"
        };
        let pack = p2p(&app, who, text, mentions).await.content.to_string();
        assert!(
            pack.contains("BR-1") && pack.contains("N01 未按时报送且未说明（-3分）"),
            "{pack}"
        );
        assert!(pack.contains("本人备注：因系统故障延迟，已说明"), "{pack}");
    }
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_export_has_a_summary_and_a_sheet_per_person() {
    use calamine::{Data, Reader as _};
    let app = spawn_app_with(settings).await;
    quarter(&app).await;
    p2p(&app, BOSS, "/督办 标杆 @_user_1 B01 DB-4 连夜处置故障", &[ZHANG]).await;
    // Not a leader: refused, no file.
    let r = p2p(&app, WANG, "/督办 考评 导出 本季度", &[]).await;
    assert!(
        r.content.to_string().contains("只有上级和管理员可以导出"),
        "{}",
        r.content
    );
    let r = p2p(&app, BOSS, "/督办 考评 导出 本季度", &[]).await;
    assert!(r.content.to_string().contains("2 人的考评材料"), "{}", r.content);
    let files = || {
        app.fake
            .messages()
            .into_iter()
            .filter(|m| m.msg_type == "file")
            .collect::<Vec<_>>()
    };
    assert!(eventually(|| files().len() == 1).await);
    let m = &files()[0];
    assert_eq!(
        (m.receive_id_type.as_str(), m.receive_id.as_str()),
        ("open_id", BOSS.0)
    );
    let key = m.content["file_key"].as_str().unwrap().to_owned();
    let f = app.fake.files().into_iter().find(|f| f.file_key == key).unwrap();
    assert!(
        f.file_name.starts_with("考评材料-2026年第一季度") && f.file_name.ends_with(".xlsx"),
        "{}",
        f.file_name
    );
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(f.bytes)).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(names[0], "汇总");
    let summary = book.worksheet_range("汇总").unwrap();
    let rows: Vec<Vec<Data>> = summary.rows().map(<[Data]>::to_vec).collect();
    let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    assert_eq!(
        header[..6],
        ["姓名", "open_id", "交办", "完成", "按时完成", "按时率"]
    );
    let zhang = rows.iter().find(|r| r[1] == Data::String(ZHANG.0.to_owned())).unwrap();
    let nums: Vec<f64> = zhang[2..]
        .iter()
        .map(|c| match c {
            Data::Float(f) => *f,
            Data::Int(i) => *i as f64,
            _ => -1.0,
        })
        .collect();
    // 交办 完成 按时 按时率 平均延误 申请延期 批准延期 被催办 下达响应 急难险重 标杆分 负面分 记录数
    assert_eq!(
        nums,
        [
            5.0,
            3.0,
            2.0,
            2.0 / 3.0,
            0.7,
            1.0,
            1.0,
            4.0,
            1.0,
            1.0,
            2.0,
            0.0,
            1.0
        ]
    );
    let sheet = book.worksheet_range("张三").unwrap();
    let cells: Vec<String> = sheet
        .rows()
        .flat_map(|r| r.iter().map(ToString::to_string).collect::<Vec<_>>())
        .collect();
    assert!(cells.iter().any(|c| c == "DB-2"), "{cells:?}");
    assert!(
        cells.iter().any(|c| c == "B01 按时高质量完成重点任务"),
        "{cells:?}"
    );
    assert!(
        cells.iter().any(|c| c == "DB-1、DB-2、DB-4"),
        "the items behind 完成: {cells:?}"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_push_updates_on_the_second_run_instead_of_duplicating() {
    let app = spawn_app_with(settings).await;
    app.fake.state().add_performance_semester(SEMESTER);
    group(
        &app,
        BOSS,
        "@_user_1 /督办 写周报 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    group(&app, BOSS, "@_user_1 /督办 整理台账 @_user_2 明天", &[BOT, ZHANG]).await;
    wait_items(&app, 2).await;
    p2p(&app, BOSS, "/督办 标杆 @_user_1 B01 DB-1 提前完成", &[ZHANG]).await;

    let told = |needle: &'static str| {
        let app = &app;
        move || {
            app.fake
                .messages()
                .iter()
                .any(|m| m.receive_id == BOSS.0 && m.content.to_string().contains(needle))
        }
    };
    // Without the scope: one clear message naming it, nothing stored, the job done.
    app.fake.state().deny_scope("performance:performance");
    let r = p2p(&app, BOSS, "/督办 考评 推送 本季度", &[]).await;
    assert!(
        r.content
            .to_string()
            .contains("正在把本季度 2 人的考评材料推送到飞书绩效"),
        "{}",
        r.content
    );
    app.service.performance_tick().await.unwrap();
    assert!(
        eventually(told("performance:performance")).await,
        "the missing scope is named"
    );
    assert!(app.fake.state().performance_infos().is_empty());
    app.fake.state().allow_scope("performance:performance");

    p2p(&app, BOSS, "/督办 考评 推送 本季度", &[]).await;
    app.service.performance_tick().await.unwrap();
    assert!(eventually(told("新建 3 条，更新 0 条")).await);
    let infos = app.fake.state().performance_infos();
    assert_eq!(infos.len(), 3, "DB-1, DB-2 and BR-1: {infos:?}");
    let ext: Vec<&str> = infos.iter().filter_map(|i| i.external_id.as_deref()).collect();
    assert_eq!(ext, ["duban:DB-1", "duban:DB-2", "duban:BR-1"]);
    assert!(
        infos
            .iter()
            .all(|i| i.reviewee_user_id == ZHANG.0 && i.semester_id == SEMESTER)
    );
    assert!(
        infos[2]
            .detailed_description
            .contains("标杆行为 B01 按时高质量完成重点任务（+2分）"),
        "{infos:?}"
    );

    // DB-1 is accepted meanwhile: the second push updates the three, adds nothing.
    group(&app, ZHANG, "@_user_1 /督办 完成 DB-1", &[BOT]).await;
    group(&app, BOSS, "@_user_1 /督办 验收 DB-1", &[BOT]).await;
    p2p(&app, BOSS, "/督办 考评 推送 本季度", &[]).await;
    app.service.performance_tick().await.unwrap();
    assert!(eventually(told("新建 0 条，更新 3 条")).await);
    let again = app.fake.state().performance_infos();
    assert_eq!(again.len(), 3);
    assert!(again.iter().all(|i| i.writes == 2), "{again:?}");
    assert_eq!(
        again.iter().map(|i| &i.item_id).collect::<Vec<_>>(),
        infos.iter().map(|i| &i.item_id).collect::<Vec<_>>()
    );
    assert!(
        again[0].detailed_description.contains("完成：2026-03-11"),
        "{again:?}"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_push_is_off_unless_configured() {
    let app = spawn_app_with(|s| {
        settings(s);
        s.appraisal.performance.push = false;
    })
    .await;
    let r = p2p(&app, BOSS, "/督办 考评 推送 本季度", &[]).await;
    assert!(
        r.content.to_string().contains("[performance] push = true"),
        "{}",
        r.content
    );
    assert!(app.store.push_jobs().unwrap().is_empty());
    app.stop().await;
}
