//! Nothing but its item card reaches a unit's group the day 下达 creates it: the weekly 晾晒
//! board goes to the groups that had an item at the board's time (Monday 09:30 by default), so
//! a group first seen mid-week gets its first weekly board the next week — however late the
//! scheduler's first round comes. (Before, a round that came after the fan-out — a slow store
//! under load, a restart — posted "this week's" board into every new group: the scale test
//! once saw 101 messages in 67 groups on PostgreSQL.) A restart stands in for the slow round
//! here: its first round always comes after the groups exist. A group that had an item before
//! the board's time and missed it while duban was down still gets it.

use std::sync::Arc;

use duban::domain::ids::{BatchId, ItemId};
use duban::fake_feishu::{FakeFeishu, FakeMessage};

use super::*;
use crate::helpers::*;

const UNIT_CHATS: [&str; 3] = ["oc_u1", "oc_u2", "oc_u3"];

/// The weekly boards (and only those: the item cards and the roll-up say no 总览) in `chat`.
fn boards_in(fake: &FakeFeishu, chat: &str) -> Vec<FakeMessage> {
    fake.messages()
        .into_iter()
        .filter(|m| {
            m.chat_id == chat && m.msg_type == "interactive" && m.card().to_string().contains("**总览**")
        })
        .collect()
}

/// Runs the weekly board's tick as the scheduler does (after its own round, if that came
/// first: either way the week is decided when this returns) and waits until it is sent.
async fn weekly_round(app: &TestApp) {
    app.service.board_tick().await.unwrap();
    assert!(
        eventually(|| app.store.outbox_len() == 0).await,
        "the outbox drains"
    );
}

#[tokio::test]
async fn a_group_created_after_the_weekly_board_time_gets_its_first_board_the_next_week_also_after_a_restart()
{
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap());
    let app = start_on(dir.path(), fake.clone(), three_units).await;
    // Wednesday 03-11 10:00: this week's board (Monday 09:30) is past; no group has items yet.
    weekly_round(&app).await;
    // Monday 03-09 08:00, before the board's time: an item in the issuing group.
    app.clock.set(at("2026-03-09T08:00:00+08:00"));
    app.say(BOSS, "@_user_1 /督办 整理周报 @_user_2 3月13日", &[BOT, ZHANG])
        .await;
    assert!(eventually(|| app.store.item_card(ItemId(1)).ok().flatten().is_some()).await);
    // Wednesday 10:00: 下达 to the three 营业部; each group gets its item card.
    app.clock.set(reference_now());
    seat_issuing_group(&app);
    say(&app, CHAT, false, BOSS, ISSUE).await;
    assert!(eventually(|| app.store.rollup_card(BatchId(1)).ok().flatten().is_some()).await);
    for i in 2..=4 {
        assert!(
            eventually(|| app.store.item_card(ItemId(i)).ok().flatten().is_some()).await,
            "DB-{i}'s card is posted"
        );
    }
    weekly_round(&app).await;
    app.stop().await;

    // A restart the same Wednesday: the first round decides this week again.
    let app = start_on(dir.path(), fake.clone(), three_units).await;
    weekly_round(&app).await;
    for chat in UNIT_CHATS {
        assert_eq!(
            boards_in(&fake, chat).len(),
            0,
            "no weekly board in {chat} this week"
        );
        let all: Vec<FakeMessage> = fake
            .messages()
            .into_iter()
            .filter(|m| m.chat_id == chat)
            .collect();
        assert_eq!(all.len(), 1, "{chat} has its item card and nothing else");
        assert!(all[0].card().to_string().contains("**单位**"), "{chat}");
    }
    // The issuing group had DB-1 before Monday 09:30 and missed that board (the first run had
    // decided the week before DB-1 existed): it gets it now, once.
    assert_eq!(boards_in(&fake, CHAT).len(), 1, "the missed board, once");
    weekly_round(&app).await;
    assert_eq!(boards_in(&fake, CHAT).len(), 1, "not twice in one week");

    // Next Monday 09:31: the new groups' first weekly board.
    app.clock.set(at("2026-03-16T09:31:00+08:00"));
    weekly_round(&app).await;
    for chat in UNIT_CHATS {
        let boards = boards_in(&fake, chat);
        assert_eq!(boards.len(), 1, "{chat}'s first weekly board");
        assert!(boards[0].card().to_string().contains("待签收 **1**"), "{chat}");
    }
    app.stop().await;
}
