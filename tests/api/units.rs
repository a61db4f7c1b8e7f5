//! Units (issue 14) end to end through the real webhook and the fake Feishu: items filed under
//! the unit of their group, binding and unbinding units from chat.

use std::time::Duration;

use duban::clock::Clock;
use duban::config::Settings;
use duban::domain::ids::ItemId;
use duban::domain::unit::{UnitDecl, UnitRegistry};

use crate::helpers::*;

/// The group of 杭州营业部 (configured).
const HZ_CHAT: &str = "oc_group_hz";

fn decl(name: &str, region: Option<&str>, chat: &str, heads: &[&str]) -> UnitDecl {
    UnitDecl {
        name: name.to_owned(),
        kind: None,
        region: region.map(str::to_owned),
        chat_id: Some(chat.to_owned()),
        heads: heads.iter().map(|h| (*h).to_owned()).collect(),
    }
}

/// 杭州营业部 (华东片区, head 张三) in [`HZ_CHAT`]; 华东片区 and 华中片区 known; 李四 an admin.
fn with_units(s: &mut Settings) {
    let regions = vec!["华东片区".to_owned(), "华中片区".to_owned()];
    s.units = UnitRegistry::from_decls(
        &regions,
        &[decl("杭州营业部", Some("华东片区"), HZ_CHAT, &[ZHANG.0])],
    )
    .unwrap();
    s.supervision.admins = vec![LI.0.to_owned()];
}

/// Message and event numbers unique across restarts of the app (a restarted app's own counter
/// starts again, and its ids would be taken as deliveries already processed).
static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// `from` sends `text` in group `chat`; returns the message id.
pub async fn say_in(
    app: &TestApp,
    chat: &str,
    from: (&str, &str),
    text: &str,
    mentions: &[(&str, &str)],
) -> String {
    let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let mid = format!("om_unit_{n}");
    let ev = message_event(
        &format!("ev_unit_{n}"),
        &mid,
        chat,
        "group",
        from.0,
        text,
        mentions,
        None,
    );
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
    mid
}

async fn card_of(app: &TestApp, id: u64) -> String {
    assert!(
        eventually(|| app.store.item_card(ItemId(id)).ok().flatten().is_some()).await,
        "DB-{id}'s card is posted"
    );
    let mid = app.store.item_card(ItemId(id)).unwrap().unwrap();
    app.fake.message(&mid).unwrap().card().to_string()
}

#[tokio::test]
async fn an_item_created_in_a_units_group_belongs_to_the_unit_and_says_so() {
    let app = spawn_app_with(with_units).await;
    say_in(
        &app,
        HZ_CHAT,
        BOSS,
        "@_user_1 /督办 完成反洗钱自查 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    let text = card_of(&app, 1).await;
    assert!(text.contains("**单位**：杭州营业部"), "{text}");
    assert_eq!(
        app.store.unit_of_item(ItemId(1)).unwrap().as_deref(),
        Some("杭州营业部")
    );
    assert_eq!(app.store.unit_item_ids("杭州营业部").unwrap(), vec![ItemId(1)]);
    // An item elsewhere belongs to no unit, and its card has no 单位 line.
    app.say(
        BOSS,
        "@_user_1 /督办 整理会议纪要 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    let other = card_of(&app, 2).await;
    assert!(!other.contains("单位"), "{other}");
    assert_eq!(app.store.unit_of_item(ItemId(2)).unwrap(), None);
    app.stop().await;
}

#[tokio::test]
async fn every_item_write_moves_it_in_its_units_index() {
    let app = spawn_app_with(with_units).await;
    say_in(
        &app,
        HZ_CHAT,
        BOSS,
        "@_user_1 /督办 完成反洗钱自查 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    card_of(&app, 1).await;
    let now = app.clock.now();
    let later = now.checked_add(jiff::SignedDuration::from_hours(1)).unwrap();
    // Open: read from any period's start.
    assert_eq!(
        app.store.unit_item_ids_since("杭州营业部", later).unwrap(),
        vec![ItemId(1)]
    );
    let mid = say_in(&app, HZ_CHAT, BOSS, "/督办 取消 DB-1 不再需要", &[]).await;
    app.reply_to(&mid).await;
    // Closed now: counted in a period that started before, not in one that starts after.
    assert_eq!(
        app.store.unit_item_ids_since("杭州营业部", now).unwrap(),
        vec![ItemId(1)]
    );
    assert!(
        app.store
            .unit_item_ids_since("杭州营业部", later)
            .unwrap()
            .is_empty()
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    app.stop().await;
}

/// The bot's replies to `mid` (a text message's text, or a card's JSON), all of them, once
/// the last has come (waits up to 10 s for the first).
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

const NB_CHAT: &str = "oc_group_nb";

#[tokio::test]
async fn an_admin_binds_a_unit_in_its_group_it_is_listed_kept_across_a_restart_and_unbound() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = std::sync::Arc::new(
        duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
            .await
            .unwrap(),
    );
    let app = start_on(dir.path(), fake.clone(), with_units).await;
    let mid = say_in(
        &app,
        NB_CHAT,
        LI,
        "@_user_1 /督办 绑定单位 宁波营业部 营业部 华东 @_user_2",
        &[BOT, WANG],
    )
    .await;
    let text = answer(&app, &mid).await;
    assert!(
        text.contains("已绑定") && text.contains("宁波营业部") && text.contains("华东片区"),
        "{text}"
    );
    let stored = app.store.bound_units().unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].chat_id.0, NB_CHAT);
    assert_eq!(stored[0].heads[0].0, WANG.0);
    // Items created there from now on belong to it.
    say_in(
        &app,
        NB_CHAT,
        BOSS,
        "@_user_1 /督办 完成反洗钱自查 @_user_2 下周五前",
        &[BOT, WANG],
    )
    .await;
    assert!(card_of(&app, 1).await.contains("**单位**：宁波营业部"));
    // Listed with the configured unit.
    let mid = say_in(&app, NB_CHAT, ZHANG, "@_user_1 /督办 单位 列表", &[BOT]).await;
    let list = answer(&app, &mid).await;
    assert!(
        list.contains("杭州营业部") && list.contains("宁波营业部"),
        "{list}"
    );
    app.stop().await;

    // Kept across a restart: the registry is read back from sled.
    let app = start_on(dir.path(), fake.clone(), with_units).await;
    say_in(
        &app,
        NB_CHAT,
        BOSS,
        "@_user_1 /督办 整理台账 @_user_2 下周五前",
        &[BOT, WANG],
    )
    .await;
    assert!(card_of(&app, 2).await.contains("**单位**：宁波营业部"));
    // Unbound by an admin: gone from sled; new items there belong to no unit, old ones keep it.
    let mid = say_in(&app, CHAT, LI, "@_user_1 /督办 单位 解绑 宁波营业部", &[BOT]).await;
    let text = answer(&app, &mid).await;
    assert!(text.contains("已解绑"), "{text}");
    assert!(app.store.bound_units().unwrap().is_empty());
    say_in(
        &app,
        NB_CHAT,
        BOSS,
        "@_user_1 /督办 第三件事 @_user_2 下周五前",
        &[BOT, WANG],
    )
    .await;
    assert!(!card_of(&app, 3).await.contains("单位"));
    assert_eq!(
        app.store.unit_of_item(ItemId(1)).unwrap().as_deref(),
        Some("宁波营业部")
    );
    app.stop().await;
}

/// (chat, sender, line, what the answer must say).
type Refusal = (
    &'static str,
    (&'static str, &'static str),
    &'static str,
    &'static [&'static str],
);

#[tokio::test]
async fn binding_and_unbinding_are_refused_in_plain_chinese_with_an_example_and_change_nothing() {
    let app = spawn_app_with(with_units).await;
    let cases: &[Refusal] = &[
        // Not an admin.
        (
            NB_CHAT,
            ZHANG,
            "/督办 绑定单位 宁波营业部 华东片区",
            &["只有管理员可以绑定单位"],
        ),
        // A group already bound to another unit.
        (
            HZ_CHAT,
            LI,
            "/督办 绑定单位 宁波营业部 华东片区",
            &["已经绑定为“杭州营业部”"],
        ),
        // An unknown region.
        (NB_CHAT, LI, "/督办 绑定单位 宁波营业部 华南片区", &["华南片区"]),
        // No name.
        (NB_CHAT, LI, "/督办 绑定单位", &["缺少单位名称"]),
        // A configured unit cannot be unbound from chat.
        (NB_CHAT, LI, "/督办 单位 解绑 杭州营业部", &["杭州营业部"]),
        // An unknown unit.
        (NB_CHAT, LI, "/督办 单位 解绑 火星营业部", &["火星营业部"]),
        // Not an admin.
        (
            NB_CHAT,
            ZHANG,
            "/督办 单位 解绑 杭州营业部",
            &["只有管理员可以解绑单位"],
        ),
    ];
    for (chat, who, line, wanted) in cases {
        let mid = say_in(&app, chat, *who, &format!("@_user_1 {line}"), &[BOT]).await;
        let text = answer(&app, &mid).await;
        for w in *wanted {
            assert!(text.contains(w), "{line}: {text}");
        }
        assert!(
            text.contains("/督办 绑定单位 杭州营业部") || text.contains("/督办 单位"),
            "an example: {text}"
        );
    }
    assert!(app.store.bound_units().unwrap().is_empty());
    // In a 1:1 chat.
    let mid = app.next_id("om_user_");
    let ev = message_event(
        &app.next_id("ev_"),
        &mid,
        "oc_p2p_li",
        "p2p",
        LI.0,
        "/督办 绑定单位 宁波营业部",
        &[],
        None,
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    let text = answer(&app, &mid).await;
    assert!(text.contains("请在单位的群里绑定"), "{text}");
    assert!(app.store.bound_units().unwrap().is_empty());
    app.stop().await;
}

/// Five 营业部 in two regions (heads 张三, 王五, 李四, 张三, 王五), 赵督办 an issuer, 李四 an
/// admin.
fn five_units(s: &mut Settings) {
    let regions = vec!["华东片区".to_owned(), "华中片区".to_owned()];
    let decls = [
        decl("杭州营业部", Some("华东片区"), "oc_u1", &[ZHANG.0]),
        decl("宁波营业部", Some("华东片区"), "oc_u2", &[WANG.0]),
        decl("长沙营业部", Some("华中片区"), "oc_u3", &[LI.0]),
        decl("武汉营业部", Some("华中片区"), "oc_u4", &[ZHANG.0]),
        decl("南昌营业部", Some("华中片区"), "oc_u5", &[WANG.0]),
    ];
    s.units = UnitRegistry::from_decls(&regions, &decls).unwrap();
    s.supervision.admins = vec![LI.0.to_owned()];
    s.supervision.issuers = vec![BOSS.0.to_owned()];
}

const ISSUE: &str = "@_user_1 /督办 下达 完成反洗钱自查 对象：全部营业部 截止：下周五";

/// The roll-up card's message (waits for it).
async fn rollup_mid(app: &TestApp) -> String {
    let id = duban::domain::ids::BatchId(1);
    assert!(
        eventually(|| app.store.rollup_card(id).ok().flatten().is_some()).await,
        "the roll-up is posted"
    );
    app.store.rollup_card(id).unwrap().unwrap().message_id
}

#[tokio::test]
async fn issuing_to_five_units_posts_five_cards_in_five_groups_and_one_rollup_that_follows_them() {
    let app = spawn_app_with(five_units).await;
    let mid = say_in(&app, CHAT, BOSS, ISSUE, &[BOT]).await;
    let roll = rollup_mid(&app).await;
    assert_eq!(
        app.fake.message(&roll).unwrap().parent_id.as_deref(),
        Some(mid.as_str())
    );
    for id in 1..=5 {
        card_of(&app, id).await;
    }
    let cards: Vec<_> = app
        .fake
        .messages()
        .into_iter()
        .filter(|m| m.chat_id.starts_with("oc_u"))
        .collect();
    assert_eq!(cards.len(), 5, "one card per unit");
    let mut chats: Vec<_> = cards.iter().map(|m| m.chat_id.clone()).collect();
    chats.sort();
    chats.dedup();
    assert_eq!(chats.len(), 5, "each in its unit's group");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        app.store.get_item(ItemId(6)).unwrap().is_none(),
        "no unit gets a second item"
    );
    let item = app.store.get_item(ItemId(2)).unwrap().unwrap();
    assert_eq!(item.owner.open_id.0, WANG.0, "宁波营业部's head owns its item");
    assert_eq!(
        app.store.unit_of_item(ItemId(2)).unwrap().as_deref(),
        Some("宁波营业部")
    );
    // 签收 in two units: the roll-up is PATCHed once the coalescing interval has passed.
    let m1 = app.store.item_card(ItemId(1)).unwrap().unwrap();
    let m2 = app.store.item_card(ItemId(2)).unwrap().unwrap();
    for (who, m, id) in [(ZHANG.0, &m1, 1), (WANG.0, &m2, 2)] {
        let ev = card_action_event(
            &app.next_id("ev_click_"),
            who,
            m,
            app.drawn_now(serde_json::json!({"op":"acknowledge","item":id})),
            None,
        );
        assert_eq!(app.post_event(&ev).await.status(), 200);
    }
    app.clock.set(
        app.clock
            .now()
            .checked_add(jiff::SignedDuration::from_secs(5))
            .unwrap(),
    );
    app.service.batches_tick().await.unwrap();
    assert!(
        eventually(|| app
            .fake
            .message(&roll)
            .unwrap()
            .patches
            .iter()
            .any(|p| p.to_string().contains("签收 **2**/5")))
        .await,
        "the roll-up shows 签收 2/5: {:?} / {}",
        app.fake.message(&roll).unwrap().patches,
        app.fake.message(&roll).unwrap().card()
    );
    app.stop().await;
}

#[tokio::test]
async fn a_issue_is_refused_for_someone_who_may_not_issue_or_for_unknown_units_and_creates_nothing() {
    let app = spawn_app_with(five_units).await;
    let cases: &[((&str, &str), &str, &str)] = &[
        (WANG, ISSUE, "只有管理员和登记的督办人可以下达事项"),
        (
            BOSS,
            "@_user_1 /督办 下达 完成反洗钱自查 对象：华南片区 截止：下周五",
            "华南",
        ),
        (
            BOSS,
            "@_user_1 /督办 下达 完成反洗钱自查 截止：下周五",
            "缺少下达对象",
        ),
        (
            BOSS,
            "@_user_1 /督办 下达 完成反洗钱自查 对象：全部营业部 截止：改天",
            "截止时间",
        ),
    ];
    for (who, line, wanted) in cases {
        let mid = say_in(&app, CHAT, *who, line, &[BOT]).await;
        let text = answer(&app, &mid).await;
        assert!(text.contains(wanted), "{line}: {text}");
        assert!(text.contains("/督办 下达"), "an example: {text}");
    }
    assert!(
        app.store
            .get_batch(duban::domain::ids::BatchId(1))
            .unwrap()
            .is_none()
    );
    assert!(app.store.get_item(ItemId(1)).unwrap().is_none());
    app.stop().await;
}

const FIVE_UNITS_TOML: &str = r#"
[org]
regions = ["华东片区", "华中片区"]

[supervision]
issuers = ["ou_boss"]

[[units]]
name = "杭州营业部"
region = "华东片区"
chat_id = "oc_u1"
heads = ["ou_zhangsan"]

[[units]]
name = "宁波营业部"
region = "华东片区"
chat_id = "oc_u2"
heads = ["ou_wangwu"]

[[units]]
name = "长沙营业部"
region = "华中片区"
chat_id = "oc_u3"
heads = ["ou_lisi"]

[[units]]
name = "武汉营业部"
region = "华中片区"
chat_id = "oc_u4"
heads = ["ou_zhangsan"]

[[units]]
name = "南昌营业部"
region = "华中片区"
chat_id = "oc_u5"
heads = ["ou_wangwu"]
"#;

#[tokio::test]
async fn killed_during_a_fan_out_the_restarted_bot_gives_every_unit_exactly_one_card() {
    use crate::crash::{free_port, start_with, wait_healthy};
    init();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("duban.toml");
    std::fs::write(&config, FIVE_UNITS_TOML).unwrap();
    let data = dir.path().join("data");
    let fake = duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let cipher = duban::feishu::crypto::EventCipher::new(ENCRYPT_KEY);
    let port = free_port();
    let extra = [("DUBAN_CONFIG", config.display().to_string())];
    let mut child = start_with(&data, &fake.base_url, port, &extra);
    wait_healthy(&http, port).await;
    let ev = message_event("ev_issue", "om_issue", CHAT, "group", BOSS.0, ISSUE, &[BOT], None);
    register_user_message(&fake, &ev);
    let (body, headers) = seal(&cipher, &ev);
    let mut req = http
        .post(format!("http://127.0.0.1:{port}/feishu/events"))
        .header("content-type", "application/json");
    for (k, v) in headers {
        req = req.header(k, v);
    }
    assert_eq!(req.body(body).send().await.unwrap().status(), 200);
    // Item cards in the units' groups (the weekly board may be posted there too, on the real
    // clock).
    let unit_cards = || {
        fake.messages()
            .into_iter()
            .filter(|m| m.chat_id.starts_with("oc_u") && m.content.to_string().contains("**单位**"))
            .collect::<Vec<_>>()
    };
    // SIGKILL once two units have their card (wherever the fan-out then is).
    for _ in 0..400 {
        if unit_cards().len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(unit_cards().len() >= 2, "two cards were posted before the kill");

    let mut child = start_with(&data, &fake.base_url, port, &extra);
    wait_healthy(&http, port).await;
    for _ in 0..300 {
        if unit_cards().len() >= 5 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    child.kill().unwrap();
    child.wait().unwrap();
    let cards = unit_cards();
    let mut chats: Vec<String> = cards.iter().map(|m| m.chat_id.clone()).collect();
    chats.sort();
    assert_eq!(
        chats,
        ["oc_u1", "oc_u2", "oc_u3", "oc_u4", "oc_u5"],
        "exactly one card per unit"
    );
    let rollups = fake
        .messages()
        .into_iter()
        .filter(|m| m.parent_id.as_deref() == Some("om_issue"))
        .count();
    assert_eq!(rollups, 1, "one roll-up");
}

#[tokio::test]
async fn a_fan_out_cut_after_two_units_is_finished_at_start_for_the_other_three_only() {
    use duban::domain::batch::{Batch, NewBatch};
    use duban::domain::ids::{BatchId, ChatId, OpenId, Person};
    use duban::domain::supervision::Item;
    init();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut settings = duban::config::load(None, &env_for(&data, "http://127.0.0.1:1")).unwrap();
    five_units(&mut settings);
    let reg = settings.units.clone();
    let now = reference_now();
    // What a bot killed after two units leaves behind: the batch, and two children each
    // committed with its item (as the fan-out commits them).
    {
        let store = duban::store::testing::open_for_test(&data).unwrap();
        let boss = Person {
            open_id: OpenId(BOSS.0.to_owned()),
            name: BOSS.1.to_owned(),
        };
        let new = NewBatch {
            title: "完成反洗钱自查".to_owned(),
            chat_id: ChatId(CHAT.to_owned()),
            issuer: boss,
            selector: "全部营业部".to_owned(),
            units: reg.all().iter().map(|u| u.name.clone()).collect(),
            deadline: now.checked_add(jiff::SignedDuration::from_hours(72)).unwrap(),
            deadline_has_time: false,
            target: None,
            priority: Default::default(),
            tags: Vec::new(),
            resources: None,
            scenario: None,
            description: None,
            owners: None,
        };
        let mut ch = duban::store::outbox::Changes::new();
        let batch = Batch::create(ch.next_batch_id(&store).unwrap(), new, now).unwrap();
        ch.put_new_batch(&store, &batch).unwrap();
        store.commit(&ch).unwrap();
        for unit in reg.all().iter().take(2) {
            let heads: Vec<Person> = unit
                .heads
                .iter()
                .map(|h| Person {
                    open_id: h.clone(),
                    name: String::new(),
                })
                .collect();
            let mut ch = duban::store::outbox::Changes::new();
            let id = ch.next_item_id(&store).unwrap();
            let item = Item::create(id, batch.child(unit, &heads).unwrap(), now);
            ch.put_new_item(&store, &item).unwrap();
            ch.put_unit_item(&store, &unit.name, &item).unwrap();
            ch.put_batch_child(&store, batch.id, &unit.name, item.id).unwrap();
            store.commit(&ch).unwrap();
        }
        assert_eq!(store.unfinished_fanouts().unwrap()[0].1.len(), 3);
    }
    let fake = std::sync::Arc::new(
        duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
            .await
            .unwrap(),
    );
    let app = start_on(&data, fake, five_units).await;
    for id in 3..=5 {
        card_of(&app, id).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        app.store.get_item(ItemId(6)).unwrap().is_none(),
        "the first two units get no second item"
    );
    assert!(app.store.unfinished_fanouts().unwrap().is_empty());
    let children = app.store.batch_children(BatchId(1)).unwrap();
    assert_eq!(children.len(), 5);
    let chats: Vec<String> = app
        .fake
        .messages()
        .into_iter()
        .filter(|m| m.content.to_string().contains("**单位**"))
        .map(|m| m.chat_id)
        .collect();
    let mut sorted = chats.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        ["oc_u3", "oc_u4", "oc_u5"],
        "only the three units left get their card"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_owner_reports_against_the_target_and_the_card_and_the_rollup_show_the_attainment() {
    let app = spawn_app_with(five_units).await;
    let line = "@_user_1 /督办 下达 新增两融开户 对象：@杭州营业部 @宁波营业部 截止：下周五 指标：≥30户";
    say_in(&app, CHAT, BOSS, line, &[BOT]).await;
    let roll = rollup_mid(&app).await;
    let card = card_of(&app, 1).await;
    assert!(card.contains("≥30户") && card.contains("尚未汇报"), "{card}");
    // Someone else may not report on 杭州营业部's item.
    let mid = say_in(&app, "oc_u1", WANG, "@_user_1 /督办 汇报 DB-1 24户", &[BOT]).await;
    assert!(answer(&app, &mid).await.contains("不能汇报"));
    // The owner reports: confirmed, the card is PATCHed with the attainment, the history keeps it.
    let mid = say_in(
        &app,
        "oc_u1",
        ZHANG,
        "@_user_1 /督办 汇报 DB-1 24户 本周新增5户",
        &[BOT],
    )
    .await;
    let text = answer(&app, &mid).await;
    assert!(text.contains("24户") && text.contains("80%"), "{text}");
    let item_mid = app.store.item_card(ItemId(1)).unwrap().unwrap();
    assert!(
        eventually(|| app
            .fake
            .message(&item_mid)
            .unwrap()
            .patches
            .iter()
            .any(|p| p.to_string().contains("已汇报 24户（80%）")))
        .await
    );
    let history = app.store.audit_of(ItemId(1)).unwrap();
    assert_eq!(history.last().unwrap().action, "report");
    // A value in another unit is refused.
    let mid = say_in(&app, "oc_u1", ZHANG, "@_user_1 /督办 汇报 DB-1 30%", &[BOT]).await;
    assert!(answer(&app, &mid).await.contains("数值没看懂"));
    // The roll-up follows.
    app.clock.set(
        app.clock
            .now()
            .checked_add(jiff::SignedDuration::from_secs(5))
            .unwrap(),
    );
    app.service.batches_tick().await.unwrap();
    assert!(
        eventually(|| app
            .fake
            .message(&roll)
            .unwrap()
            .patches
            .iter()
            .any(|p| p.to_string().contains("24户")))
        .await,
        "{:?}",
        app.fake.message(&roll).unwrap().patches.last()
    );
    // `下达 查看` shows the roll-up again, as it is now; an unknown number is named.
    let mid = say_in(&app, CHAT, BOSS, "@_user_1 /督办 下达 查看 XD-1", &[BOT]).await;
    let text = answer(&app, &mid).await;
    assert!(text.contains("24户") && text.contains("新增两融开户"), "{text}");
    let mid = say_in(&app, CHAT, BOSS, "@_user_1 /督办 下达 查看 XD-9", &[BOT]).await;
    assert!(answer(&app, &mid).await.contains("没有找到 XD-9"));
    app.stop().await;
}

/// Issue 15's onboarding clause that waited for units: the welcome card in a group that is no
/// unit's tells an admin how to bind it; in a unit's group it names the unit instead.
#[tokio::test]
async fn the_welcome_card_tells_admins_how_to_bind_a_group_and_names_the_unit_of_a_bound_one() {
    let app = spawn_app_with(with_units).await;
    let welcome = |chat: &'static str| {
        let app = &app;
        async move {
            assert!(
                eventually(|| {
                    app.fake
                        .messages()
                        .iter()
                        .any(|m| m.chat_id == chat && m.content.to_string().contains("你好，我是督办"))
                })
                .await,
                "a welcome in {chat}"
            );
            app.fake
                .messages()
                .into_iter()
                .find(|m| m.chat_id == chat && m.content.to_string().contains("你好，我是督办"))
                .unwrap()
                .content
                .to_string()
        }
    };

    app.bot_membership(true, HZ_CHAT, LI.0).await;
    let unit = welcome(HZ_CHAT).await;
    assert!(unit.contains("本群已登记为单位「杭州营业部」"), "{unit}");
    assert!(!unit.contains("绑定单位"), "{unit}");

    app.bot_membership(true, NB_CHAT, LI.0).await;
    let plain = welcome(NB_CHAT).await;
    assert!(plain.contains("管理员请注意"), "{plain}");
    assert!(plain.contains("@督办 /督办 绑定单位 "), "{plain}");
    // An admin who follows the hint (with this group's own name and head) binds the group.
    let mid = say_in(
        &app,
        NB_CHAT,
        LI,
        "@_user_1 /督办 绑定单位 宁波营业部 营业部 华东片区 @_user_2",
        &[BOT, WANG],
    )
    .await;
    assert!(answer(&app, &mid).await.contains("已绑定"));
}
