//! 67 units within Feishu's rate limits; a unit head acts only on their unit's item.

use std::time::Duration;

use duban::config::Settings;
use duban::domain::ids::ItemId;
use duban::domain::status::Status;
use duban::domain::unit::{UnitDecl, UnitRegistry};
use serde_json::json;

use super::*;
use crate::helpers::*;

/// 67 营业部, each with its own group and head.
fn sixty_seven(s: &mut Settings) {
    let regions = vec!["华东片区".to_owned()];
    let decls: Vec<UnitDecl> = (1..=67)
        .map(|i| {
            decl(
                &format!("第{i}营业部"),
                "华东片区",
                &format!("oc_unit{i}"),
                &format!("ou_head{i}"),
            )
        })
        .collect();
    s.units = UnitRegistry::from_decls(&regions, &decls).unwrap();
    s.supervision.issuers = vec![BOSS.0.to_owned()];
}

#[tokio::test]
async fn issuing_to_67_units_posts_67_cards_and_one_rollup_within_the_rate_limits_none_twice() {
    let app = spawn_app_with(sixty_seven).await;
    let start = std::time::Instant::now();
    let roll = issue(&app, 67).await;
    let took = start.elapsed();
    tokio::time::sleep(Duration::from_millis(800)).await;
    let msgs = app.fake.messages();
    let cards: Vec<_> = msgs.iter().filter(|m| m.chat_id.starts_with("oc_unit")).collect();
    assert_eq!(cards.len(), 67, "one card per unit");
    let mut chats: Vec<&str> = cards.iter().map(|m| m.chat_id.as_str()).collect();
    chats.sort_unstable();
    chats.dedup();
    assert_eq!(chats.len(), 67, "each in its own group, none twice");
    let rollups = msgs
        .iter()
        .filter(|m| m.chat_id == CHAT && m.card().to_string().contains("XD-1"))
        .count();
    assert_eq!(rollups, 1);
    assert!(app.store.get_item(ItemId(68)).unwrap().is_none());
    // The client kept within 50/s for the app: Feishu (the fake) never had to refuse.
    let refused = app.fake.request_log().iter().filter(|r| r.status == 429).count();
    assert_eq!(refused, 0, "no write was refused for its rate");
    assert!(
        took >= Duration::from_millis(1_000),
        "68 writes at 50/s take over a second: {took:?}"
    );
    // A unit head may act only on their unit's item.
    let m1 = app.store.item_card(ItemId(1)).unwrap().unwrap();
    let r = click(
        &app,
        "ou_head2",
        &m1,
        app.drawn_now(json!({"op": "acknowledge", "item": 1})),
        None,
    )
    .await;
    assert_eq!(r["toast"]["type"], "error", "{r}");
    assert!(
        r["toast"]["content"].as_str().unwrap().contains("只有主办"),
        "{r}"
    );
    assert_eq!(
        app.store.get_item(ItemId(1)).unwrap().unwrap().status,
        Status::Pending
    );
    let t = answer(
        &app,
        &say(
            &app,
            "oc_unit2",
            false,
            ("ou_head2", "某人"),
            "@_user_1 /督办 完成 DB-1",
        )
        .await,
    )
    .await;
    assert!(t.contains("本群没有 DB-1"), "{t}");
    assert_eq!(
        app.store.get_item(ItemId(1)).unwrap().unwrap().status,
        Status::Pending
    );
    let r = click(
        &app,
        "ou_head1",
        &m1,
        app.drawn_now(json!({"op": "acknowledge", "item": 1})),
        None,
    )
    .await;
    assert_eq!(r["toast"]["type"], "success", "{r}");
    assert!(rollup_shows(&app, &roll, "签收 **1**/67").await);
    app.stop().await;
}
