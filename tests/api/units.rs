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

/// `from` sends `text` in group `chat`; returns the message id.
pub async fn say_in(
    app: &TestApp,
    chat: &str,
    from: (&str, &str),
    text: &str,
    mentions: &[(&str, &str)],
) -> String {
    let mid = app.next_id("om_user_");
    let ev = message_event(
        &app.next_id("ev_"),
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
