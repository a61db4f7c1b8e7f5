//! Issue 12 regressions: requirements (points 4 and 6) and the combined reminder (point 5).

use duban::domain::ids::{ItemId, OpenId, Person};
use duban::fake_feishu::FakeMessage;

use crate::helpers::*;

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

/// Issue 12 point 5: an owner's single reminder on overdue day 2 @-mentions the 督办人; the
/// next working day, combined with a second item into "督办提醒 · 2项待关注", the 督办人 must
/// still be @-mentioned, and the escalation (加急 on the item card, the leaders' note) is the
/// one the single reminders would have had.
#[tokio::test]
async fn issue_12_5_the_combined_reminder_mentions_everyone_the_single_ones_would() {
    let app = spawn_app_with(|s| {
        s.reminders.leaders = vec![Person {
            open_id: OpenId(LI.0.to_owned()),
            name: LI.1.to_owned(),
        }];
    })
    .await;
    // Wed 03-11: DB-1 due today, DB-2 due Tue 03-17, both for 张三, by 赵督办.
    app.say(
        BOSS,
        "@_user_1 /督办 报送两融业务周报 @_user_2 今天",
        &[BOT, ZHANG],
    )
    .await;
    app.say(
        BOSS,
        "@_user_1 /督办 更新客户适当性档案 @_user_2 3月17日",
        &[BOT, ZHANG],
    )
    .await;
    assert!(
        eventually(|| (1..=2).all(|i| app.store.item_card(ItemId(i)).ok().flatten().is_some())).await,
        "both item cards posted"
    );
    let card1 = app.store.item_card(ItemId(1)).unwrap().unwrap();
    let card2 = app.store.item_card(ItemId(2)).unwrap().unwrap();
    let ticks = app.run_clock_until(ts("2026-03-16T12:00:00+08:00")).await;
    let on = |day: &str| -> Vec<FakeMessage> {
        ticks
            .iter()
            .filter(|(t, _)| local_day(*t) == day)
            .flat_map(|(_, ms)| ms.clone())
            .filter(|m| !m.content.to_string().contains("晾晒"))
            .collect()
    };
    // Fri 03-13, overdue day 2: one reminder, a reply under DB-1's card, @ 主办 and 督办人.
    let fri = on("2026-03-13");
    assert_eq!(fri.len(), 1, "{fri:#?}");
    let single = fri[0].content.to_string();
    assert_eq!(fri[0].parent_id.as_deref(), Some(card1.as_str()));
    assert!(
        single.contains("逾期2个工作日") && single.contains(BOSS.0) && single.contains(ZHANG.0),
        "{single}"
    );
    // Mon 03-16: DB-1 on overdue day 3 and DB-2 due tomorrow come as one card for 张三.
    let mon = on("2026-03-16");
    let combined: Vec<&FakeMessage> = mon
        .iter()
        .filter(|m| m.content.to_string().contains("2项待关注"))
        .collect();
    assert_eq!(combined.len(), 1, "{mon:#?}");
    let c = combined[0].card().to_string();
    assert!(c.contains(&format!("<at id={}></at>", ZHANG.0)), "{c}");
    assert!(
        c.contains(&format!("<at id={}></at>", BOSS.0)),
        "the 督办人 is @-mentioned in the combined card: {c}"
    );
    assert!(c.contains("加急"), "{c}");
    // Escalation as for a single reminder: 加急 to the 主办 on DB-1's card, the leaders told.
    assert_eq!(
        app.fake.message(&card1).unwrap().urgent,
        vec![vec![ZHANG.0.to_owned()]]
    );
    assert!(app.fake.message(&card2).unwrap().urgent.is_empty());
    assert!(
        mon.iter().any(|m| {
            let t = m.content.to_string();
            t.contains("请关注") && t.contains(LI.0) && t.contains("DB-1")
        }),
        "{mon:#?}"
    );
    app.stop().await;
}

fn local_day(t: jiff::Timestamp) -> String {
    t.to_zoned_datetime(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap())
        .strftime("%Y-%m-%d")
        .to_string()
}
