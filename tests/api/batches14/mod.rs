//! 下达's lifecycle end to end (issue 14), through the real webhook, sled and the fake Feishu on
//! the virtual clock: 列表, 取消 and 延期 by command and by the roll-up's buttons (with the
//! stale-card check), settling, the roll-up posted anew before Feishu's 14-day update window
//! closes, and a fan-out to 67 units within the rate limits.
//! Helpers here; the tests in `manage` (列表/延期/取消, buttons), `lifecycle` (settling,
//! the re-post), `scale` (67 units) and `resend` (a new group gets nothing but its card that day).

mod lifecycle;
mod manage;
mod resend;
mod scale;

use std::time::Duration;

use duban::clock::Clock;
use duban::config::Settings;
use duban::domain::ids::{BatchId, ItemId, OpenId, Person};
use duban::domain::unit::{UnitDecl, UnitRegistry};
use serde_json::Value;

use crate::helpers::*;

/// Message and event numbers unique across the tests' apps.
static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

pub(super) fn decl(name: &str, region: &str, chat: &str, head: &str) -> UnitDecl {
    UnitDecl {
        name: name.to_owned(),
        kind: None,
        region: Some(region.to_owned()),
        chat_id: Some(chat.to_owned()),
        heads: vec![head.to_owned()],
    }
}

/// Three 营业部 (oc_u1..3, heads 张三, 王五, 张三); 李四 admin; 赵督办 issuer.
pub(super) fn three_units(s: &mut Settings) {
    let regions = vec!["华东片区".to_owned()];
    let decls = [
        decl("杭州营业部", "华东片区", "oc_u1", ZHANG.0),
        decl("宁波营业部", "华东片区", "oc_u2", WANG.0),
        decl("温州营业部", "华东片区", "oc_u3", ZHANG.0),
    ];
    s.units = UnitRegistry::from_decls(&regions, &decls).unwrap();
    s.supervision.admins = vec![LI.0.to_owned()];
    s.supervision.issuers = vec![BOSS.0.to_owned()];
}

pub(super) const ISSUE: &str = "@_user_1 /督办 下达 完成反洗钱自查 对象：全部营业部 截止：下周五";

/// `from` sends `text` in `chat` (`p2p`: a 1:1 chat); returns the message id.
pub(super) async fn say(app: &TestApp, chat: &str, p2p: bool, from: (&str, &str), text: &str) -> String {
    let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let mid = format!("om_xd_{n}");
    let kind = if p2p { "p2p" } else { "group" };
    let mentions: &[(&str, &str)] = if p2p { &[] } else { &[BOT] };
    let ev = message_event(
        &format!("ev_xd_{n}"),
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

/// The bot's replies to `mid`, all of them (cards as JSON), once the first has come.
pub(super) async fn answer(app: &TestApp, mid: &str) -> String {
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

pub(super) async fn click(
    app: &TestApp,
    who: &str,
    card_mid: &str,
    value: Value,
    form: Option<Value>,
) -> Value {
    let ev = card_action_event(&app.next_id("ev_xdclick_"), who, card_mid, value, form);
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

/// The issuing group's members: the issuer and three colleagues.
pub(super) fn seat_issuing_group(app: &TestApp) {
    let people: Vec<Person> = [BOSS, ZHANG, WANG, LI]
        .iter()
        .map(|(id, name)| Person {
            open_id: OpenId((*id).to_owned()),
            name: (*name).to_owned(),
        })
        .collect();
    app.fake.set_chat_members(CHAT, &people);
}

/// Issues [`ISSUE`] and waits for the roll-up and `n` unit cards; returns the roll-up's message.
pub(super) async fn issue(app: &TestApp, n: u64) -> String {
    seat_issuing_group(app);
    say(app, CHAT, false, BOSS, ISSUE).await;
    let id = BatchId(1);
    assert!(
        eventually(|| app.store.rollup_card(id).ok().flatten().is_some()).await,
        "the roll-up is posted"
    );
    for i in 1..=n {
        assert!(
            eventually(|| app.store.item_card(ItemId(i)).ok().flatten().is_some()).await,
            "DB-{i}'s card is posted"
        );
    }
    app.store.rollup_card(id).unwrap().unwrap().message_id
}

pub(super) fn later(app: &TestApp, secs: i64) {
    let t = app
        .clock
        .now()
        .checked_add(jiff::SignedDuration::from_secs(secs))
        .unwrap();
    app.clock.set(t);
}

/// Moves the clock past the coalescing interval, runs the batches tick and waits until the
/// roll-up `roll` was PATCHed with something containing `needle`.
pub(super) async fn rollup_shows(app: &TestApp, roll: &str, needle: &str) -> bool {
    later(app, 5);
    app.service.batches_tick().await.unwrap();
    eventually(|| {
        app.fake
            .message(roll)
            .is_some_and(|m| m.patches.iter().any(|p| p.to_string().contains(needle)))
    })
    .await
}

pub(super) fn at(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}
