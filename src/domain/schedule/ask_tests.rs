//! 进展征集 requests in the reminder engine: quiet hours, snooze and 处理中, combined with the
//! item's other reminders, sent once, dropped when their meeting has started.

use jiff::civil::date;

use super::tests::{acked, at, cal, item, pol, show};
use super::*;

/// A request of HYS-3 for Thursday 09-24's 14:00 meeting, from `from`.
fn ask(from: Timestamp, meeting_at: Timestamp) -> ProgressAsk {
    ProgressAsk {
        series: 3,
        occurrence: date(2026, 9, 24),
        name: "项目周会".to_owned(),
        meeting_at,
        at: from,
        items: vec![
            "DB-12 报送三季度合规自查报告".to_owned(),
            "DB-14 更新风险等级".to_owned(),
        ],
    }
}

fn with(a: ProgressAsk) -> NudgeState {
    NudgeState {
        asks: vec![a],
        ..NudgeState::default()
    }
}

/// DB-12, 进行中, created Monday 09-21 10:00, due Friday 09-25 (no 签收 reminder in the way).
fn db12() -> Item {
    acked(item(at(2026, 9, 21, 10, 0), at(2026, 9, 30, 18, 0), false))
}

fn asks(v: &[PlannedNudge]) -> Vec<&PlannedNudge> {
    v.iter()
        .filter(|n| matches!(n.kind, NudgeKind::ProgressAsk { .. }))
        .collect()
}

#[test]
fn a_request_goes_at_its_time_once_with_the_owners_items() {
    let it = db12();
    let meeting = at(2026, 9, 24, 14, 0);
    let mut st = with(ask(at(2026, 9, 23, 16, 0), meeting));
    assert!(asks(&due_now(&it, &st, at(2026, 9, 23, 15, 59), &pol(), cal()).unwrap()).is_empty());
    let fire = next_fire(&it, &st, at(2026, 9, 23, 15, 0), &pol(), cal()).unwrap();
    assert_eq!(fire.map(show).as_deref(), Some("2026-09-23 16:00"));
    let due = due_now(&it, &st, at(2026, 9, 23, 16, 0), &pol(), cal()).unwrap();
    let a = asks(&due);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].key, "DB-12:progress:HYS-3:2026-09-24");
    assert_eq!(a[0].mention, vec![it.owner.clone()]);
    assert!(a[0].urgent.is_empty() && !a[0].moved);
    for part in [
        "【进展征集】",
        "项目周会",
        "DB-12 报送三季度合规自查报告；DB-14 更新风险等级",
    ] {
        assert!(a[0].text.contains(part), "{}", a[0].text);
    }
    mark_sent(&mut st, &due, at(2026, 9, 23, 16, 0));
    assert!(st.asks.is_empty(), "let go once sent");
    assert!(st.sent.contains("DB-12:progress:HYS-3:2026-09-24"));
    assert!(asks(&due_now(&it, &st, at(2026, 9, 23, 17, 0), &pol(), cal()).unwrap()).is_empty());
    // Nothing more for it: the next thing is the item's own day-before reminder.
    let fire = next_fire(&it, &st, at(2026, 9, 23, 16, 0), &pol(), cal()).unwrap();
    assert_eq!(fire.map(show).as_deref(), Some("2026-09-29 10:00"));
}

#[test]
fn quiet_hours_move_it_to_the_working_morning_and_a_started_meeting_drops_it() {
    let it = db12();
    // The card at 22:00 (a group setting): the request goes at the next working morning,
    // with the item's spread, like its other reminders.
    let st = with(ask(at(2026, 9, 23, 22, 0), at(2026, 9, 24, 14, 0)));
    assert!(asks(&due_now(&it, &st, at(2026, 9, 23, 22, 0), &pol(), cal()).unwrap()).is_empty());
    let fire = next_fire(&it, &st, at(2026, 9, 23, 22, 0), &pol(), cal()).unwrap();
    assert_eq!(fire.map(show).as_deref(), Some("2026-09-24 09:03"));
    let due = due_now(&it, &st, at(2026, 9, 24, 9, 3), &pol(), cal()).unwrap();
    assert!(asks(&due)[0].moved);

    // Before National Day: the card on Wednesday 09-30 at 22:00 for a meeting on 10-08; the
    // request waits out the holiday and goes on 10-08 at 09:03, before the 14:00 meeting.
    let st = with(ask(at(2026, 9, 30, 22, 0), at(2026, 10, 8, 14, 0)));
    let fire = next_fire(&it, &st, at(2026, 9, 30, 22, 0), &pol(), cal()).unwrap();
    assert_eq!(fire.map(show).as_deref(), Some("2026-10-08 09:03"));
    assert_eq!(
        asks(&due_now(&it, &st, at(2026, 10, 8, 9, 3), &pol(), cal()).unwrap()).len(),
        1
    );

    // A meeting at 09:00 starts before the working morning's request could go: never sent.
    let mut st = with(ask(at(2026, 9, 23, 22, 0), at(2026, 9, 24, 9, 0)));
    let fire = next_fire(&it, &st, at(2026, 9, 23, 22, 0), &pol(), cal()).unwrap();
    assert_ne!(fire.map(show).as_deref(), Some("2026-09-24 09:03"));
    assert!(asks(&due_now(&it, &st, at(2026, 9, 24, 9, 3), &pol(), cal()).unwrap()).is_empty());
    mark_sent(&mut st, &[], at(2026, 9, 24, 9, 3));
    assert!(st.asks.is_empty(), "let go after the meeting started");
}

#[test]
fn a_snooze_holds_it_back_and_working_on_delays_rather_than_drops_it() {
    let it = db12();
    let meeting = at(2026, 9, 24, 14, 0);
    let mut st = with(ask(at(2026, 9, 23, 16, 0), meeting));
    st.snoozed_until = Some(at(2026, 9, 23, 17, 0));
    assert!(asks(&due_now(&it, &st, at(2026, 9, 23, 16, 0), &pol(), cal()).unwrap()).is_empty());
    assert_eq!(
        asks(&due_now(&it, &st, at(2026, 9, 23, 17, 0), &pol(), cal()).unwrap()).len(),
        1
    );

    let mut st = with(ask(at(2026, 9, 23, 16, 0), meeting));
    mark_working(&mut st, at(2026, 9, 23, 11, 0));
    assert!(asks(&due_now(&it, &st, at(2026, 9, 23, 16, 0), &pol(), cal()).unwrap()).is_empty());
    let fire = next_fire(&it, &st, at(2026, 9, 23, 16, 0), &pol(), cal()).unwrap();
    assert_eq!(fire.map(show).as_deref(), Some("2026-09-24 09:03"));
    assert_eq!(
        asks(&due_now(&it, &st, at(2026, 9, 24, 9, 3), &pol(), cal()).unwrap()).len(),
        1
    );
}

#[test]
fn it_comes_with_the_items_other_reminders_of_the_same_moment() {
    // Due Thursday 09-24: its day-before reminder is Wednesday 10:00; a request from 10:00.
    let it = acked(item(at(2026, 9, 21, 10, 0), at(2026, 9, 24, 18, 0), false));
    let st = with(ask(at(2026, 9, 23, 10, 0), at(2026, 9, 24, 14, 0)));
    let due = due_now(&it, &st, at(2026, 9, 23, 10, 0), &pol(), cal()).unwrap();
    assert_eq!(
        kinds_of(&due),
        vec![
            NudgeKind::DayBefore,
            NudgeKind::ProgressAsk {
                series: 3,
                occurrence: date(2026, 9, 24)
            }
        ]
    );
    // Not chased (待验收, closed): not asked.
    let mut done = it;
    done.status = Status::Submitted;
    assert!(
        due_now(&done, &st, at(2026, 9, 23, 10, 0), &pol(), cal())
            .unwrap()
            .is_empty()
    );
}

fn kinds_of(v: &[PlannedNudge]) -> Vec<NudgeKind> {
    v.iter().map(|n| n.kind).collect()
}
