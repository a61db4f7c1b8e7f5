//! Tests of the reminder policy: rule times across 2026's holidays and 调休 weekends, quiet
//! hours, month ends and the trading calendar; collapsing, snooze, 处理中; a two-week
//! simulation; and properties of `next_fire`.

use jiff::civil::date;
use proptest::prelude::*;

use super::*;
use crate::calendar::DayRule;
use crate::domain::ids::{ChatId, OpenId};
use crate::domain::ids::{ItemId, Person};
use crate::domain::item::{ExtensionRequest, NewItem};
use crate::domain::priority::Priority;
use crate::domain::time::SHANGHAI;

pub(super) fn at(y: i16, m: i8, d: i8, h: i8, min: i8) -> Timestamp {
    SHANGHAI.to_timestamp(date(y, m, d).at(h, min, 0, 0)).unwrap()
}

pub(super) fn cal() -> &'static Calendar {
    static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    CAL.get_or_init(Calendar::builtin)
}

fn person(id: &str, name: &str) -> Person {
    Person {
        open_id: OpenId(format!("ou_{id}")),
        name: name.to_owned(),
    }
}

pub(super) fn pol() -> ReminderPolicy {
    ReminderPolicy::default()
}

fn trading() -> ReminderPolicy {
    ReminderPolicy {
        day_rule: DayRule::Trading,
        ..ReminderPolicy::default()
    }
}

/// Item DB-12 (spread: 09:03), 待签收, created at `created`, due at `deadline`.
pub(super) fn item(created: Timestamp, deadline: Timestamp, has_time: bool) -> Item {
    Item::create(
        ItemId(12),
        NewItem {
            title: "报送三季度合规自查报告".to_owned(),
            chat_id: ChatId("oc_1".to_owned()),
            creator: person("lisi", "李四"),
            owner: person("zhangsan", "张三"),
            assistants: vec![person("wangwu", "王五")],
            deadline,
            deadline_has_time: has_time,
            priority: Priority::P1,
            tags: vec![],
            resources: None,
            scenario: None,
            description: None,
            source_message: None,
        },
        created,
    )
}

pub(super) fn acked(mut it: Item) -> Item {
    it.status = Status::InProgress;
    it.acknowledged_at = Some(it.created_at);
    it
}

pub(super) fn show(t: Timestamp) -> String {
    local(t).strftime("%Y-%m-%d %H:%M").to_string()
}

fn kinds(v: &[PlannedNudge]) -> Vec<NudgeKind> {
    v.iter().map(|n| n.kind).collect()
}

fn fire(it: &Item, st: &NudgeState, now: Timestamp, p: &ReminderPolicy) -> Option<String> {
    next_fire(it, st, now, p, cal()).unwrap().map(show)
}

#[test]
fn the_defaults_are_the_issue_s_policy() {
    let p = pol();
    assert_eq!(p.ack_within_work_minutes, 240);
    assert_eq!((p.day_before_at, p.overdue_daily_at), ((10, 0), (10, 0)));
    assert_eq!((p.quiet_start, p.quiet_end), ((9, 0), (18, 30)));
    assert_eq!((p.mention_creator_from_day, p.urgent_from_day), (2, 3));
    assert!(!p.urgent_sms && !p.urgent_phone);
    assert_eq!((p.snooze_cap, p.spread_minutes, p.hours_before), (3, 10, 2));
    let partial: ReminderPolicy = serde_json::from_str(r#"{"urgent_from_day":5}"#).unwrap();
    assert_eq!(partial.urgent_from_day, 5);
    assert_eq!(partial.snooze_cap, 3, "missing fields take the defaults");
}

#[test]
fn working_hours_follow_the_calendar_and_the_quiet_hours() {
    let w = |t| in_working_hours(t, &pol(), cal()).unwrap();
    assert!(w(at(2026, 10, 10, 10, 0)), "调休 Saturday works");
    assert!(w(at(2026, 2, 28, 9, 0)), "调休 Saturday, 09:00 sharp");
    assert!(!w(at(2026, 10, 3, 10, 0)), "国庆");
    assert!(!w(at(2026, 2, 18, 10, 0)), "春节");
    assert!(!w(at(2026, 5, 1, 10, 0)), "劳动节");
    assert!(!w(at(2026, 11, 25, 8, 59)));
    assert!(w(at(2026, 11, 25, 18, 29)));
    assert!(!w(at(2026, 11, 25, 18, 30)), "18:30 is already quiet");
    let t = |t| in_working_hours(t, &trading(), cal()).unwrap();
    assert!(
        !t(at(2026, 10, 10, 10, 0)),
        "the exchanges close on 调休 weekends"
    );
    assert!(t(at(2026, 10, 9, 10, 0)));
    assert_eq!(
        in_working_hours(at(2027, 3, 1, 10, 0), &pol(), cal()),
        Err(CalendarError::NoData { year: 2027 })
    );
}

#[test]
fn a_time_outside_hours_moves_to_the_next_working_morning_with_a_spread() {
    let adj = |t, id, p: &ReminderPolicy| {
        let (t, moved) = adjust_to_working_hours(t, ItemId(id), p, cal()).unwrap();
        (show(t), moved)
    };
    // Thursday evening before 劳动节 (05-01..05-05 off) → Wednesday 05-06.
    assert_eq!(
        adj(at(2026, 4, 30, 19, 0), 12, &pol()),
        ("2026-05-06 09:03".to_owned(), true)
    );
    // Friday night before 春节 → the 调休 Saturday 02-14; the exchanges reopen on 02-24.
    assert_eq!(
        adj(at(2026, 2, 13, 20, 0), 9, &pol()),
        ("2026-02-14 09:10".to_owned(), true)
    );
    assert_eq!(
        adj(at(2026, 2, 13, 20, 0), 9, &trading()),
        ("2026-02-24 09:10".to_owned(), true)
    );
    // Early morning of a working day stays on that day; inside hours nothing moves.
    assert_eq!(
        adj(at(2026, 1, 4, 7, 0), 1, &pol()),
        ("2026-01-04 09:02".to_owned(), true)
    );
    assert_eq!(
        adj(at(2026, 1, 4, 11, 0), 1, &pol()),
        ("2026-01-04 11:00".to_owned(), false)
    );
    // Month end: Thursday 2026-12-31 19:00 → … 2027 has no data yet: refused, not guessed.
    assert!(adjust_to_working_hours(at(2026, 12, 31, 19, 0), ItemId(1), &pol(), cal()).is_err());
}

#[test]
fn moved_nudges_never_land_on_the_hour_or_half_hour() {
    let p = ReminderPolicy {
        spread_minutes: 45,
        ..pol()
    };
    for id in 1..200 {
        let (t, moved) = adjust_to_working_hours(at(2026, 9, 30, 19, 0), ItemId(id), &p, cal()).unwrap();
        let m = local(t).minute();
        assert!(moved && m != 0 && m != 30, "DB-{id} at {}", show(t));
        assert!(in_working_hours(t, &p, cal()).unwrap());
    }
}

#[test]
fn the_ack_reminder_counts_working_minutes_only() {
    let due = |created| {
        let it = item(created, at(2026, 12, 18, 18, 0), false);
        show(unack_occ(&it, &pol(), cal()).unwrap().unwrap().at)
    };
    assert_eq!(due(at(2026, 11, 24, 9, 30)), "2026-11-24 13:30");
    // Friday 16:00: 150 minutes left that day, the rest on the 调休 Sunday 09-20.
    assert_eq!(due(at(2026, 9, 18, 16, 0)), "2026-09-20 10:30");
    // Created at night: the count starts next working morning.
    assert_eq!(due(at(2026, 11, 24, 22, 0)), "2026-11-25 13:00");
    // Month end before 劳动节: 60 minutes on 04-30, 180 on 05-06.
    assert_eq!(due(at(2026, 4, 30, 17, 30)), "2026-05-06 12:00");
    let acked_item = acked(item(at(2026, 11, 24, 9, 30), at(2026, 12, 18, 18, 0), false));
    assert!(unack_occ(&acked_item, &pol(), cal()).unwrap().is_none());
}

#[test]
fn the_day_before_reminder_skips_holidays_and_respects_the_trading_calendar() {
    let day_before = |deadline, p: &ReminderPolicy| {
        let it = item(at(2025, 12, 1, 9, 0), deadline, false);
        let steps = fixed_steps(&it, p, cal()).unwrap();
        steps
            .iter()
            .find(|o| o.kind == NudgeKind::DayBefore)
            .map(|o| show(o.at))
    };
    assert_eq!(
        day_before(at(2026, 10, 8, 18, 0), &pol()).as_deref(),
        Some("2026-09-30 10:00")
    );
    assert_eq!(
        day_before(at(2026, 2, 24, 18, 0), &pol()).as_deref(),
        Some("2026-02-14 10:00")
    );
    assert_eq!(
        day_before(at(2026, 2, 24, 18, 0), &trading()).as_deref(),
        Some("2026-02-13 10:00")
    );
    assert_eq!(
        day_before(at(2026, 6, 1, 18, 0), &pol()).as_deref(),
        Some("2026-05-29 10:00")
    );
    assert_eq!(
        day_before(at(2026, 1, 5, 18, 0), &pol()).as_deref(),
        Some("2026-01-04 10:00")
    );
    // Created after that moment: no "明天截止" right after creation.
    let late = item(at(2026, 11, 26, 15, 0), at(2026, 11, 27, 18, 0), false);
    assert!(
        fixed_steps(&late, &pol(), cal())
            .unwrap()
            .iter()
            .all(|o| o.kind != NudgeKind::DayBefore)
    );
}

#[test]
fn the_hours_before_reminder_applies_only_to_deadlines_with_a_time() {
    let steps = |deadline, has_time| {
        let it = item(at(2026, 11, 20, 9, 0), deadline, has_time);
        fixed_steps(&it, &pol(), cal())
            .unwrap()
            .iter()
            .map(|o| (o.kind, show(o.at), o.moved))
            .collect::<Vec<_>>()
    };
    let afternoon = steps(at(2026, 11, 30, 16, 0), true);
    assert_eq!(
        afternoon[1],
        (NudgeKind::HoursBefore, "2026-11-30 14:00".to_owned(), false)
    );
    assert_eq!(
        steps(at(2026, 11, 30, 16, 0), false).len(),
        2,
        "no time, no hours-before"
    );
    // 09:30 deadline: 07:30 is quiet, moved to 09:03 the same morning.
    let early = steps(at(2026, 11, 30, 9, 30), true);
    assert_eq!(
        early[1],
        (NudgeKind::HoursBefore, "2026-11-30 09:03".to_owned(), true)
    );
    // A Saturday 10:00 deadline: the reminder would land after it, so it is dropped, and the
    // deadline nudge itself moves to Monday morning.
    let sat = steps(at(2026, 11, 28, 10, 0), true);
    assert_eq!(
        sat.iter().map(|s| s.0).collect::<Vec<_>>(),
        vec![NudgeKind::DayBefore, NudgeKind::AtDeadline]
    );
    assert_eq!(
        sat[1],
        (NudgeKind::AtDeadline, "2026-11-30 09:03".to_owned(), true)
    );
}

#[test]
fn overdue_days_step_over_holidays_and_month_ends() {
    let it = acked(item(at(2026, 4, 20, 9, 0), at(2026, 4, 30, 18, 0), false));
    let days: Vec<String> = (1..=4)
        .map(|n| show(overdue_occ(&it, n, &pol(), cal()).unwrap().at))
        .collect();
    assert_eq!(
        days,
        [
            "2026-05-06 10:00",
            "2026-05-07 10:00",
            "2026-05-08 10:00",
            "2026-05-09 10:00"
        ]
    );
    let t: Vec<String> = (1..=4)
        .map(|n| show(overdue_occ(&it, n, &trading(), cal()).unwrap().at))
        .collect();
    assert_eq!(
        t,
        [
            "2026-05-06 10:00",
            "2026-05-07 10:00",
            "2026-05-08 10:00",
            "2026-05-11 10:00"
        ]
    );
}

#[test]
fn escalation_adds_the_creator_then_urgent_and_the_leaders() {
    let p = ReminderPolicy {
        leaders: vec![person("boss", "赵总")],
        ..pol()
    };
    let it = acked(item(at(2026, 11, 20, 9, 0), at(2026, 11, 30, 18, 0), false));
    let on_day = |d: i8| {
        let v = due_now(&it, &NudgeState::default(), at(2026, 12, d, 10, 0), &p, cal()).unwrap();
        assert_eq!(v.len(), 1);
        v.into_iter().next().unwrap()
    };
    let d1 = on_day(1);
    assert_eq!(d1.kind, NudgeKind::Overdue { day: 1 });
    assert_eq!(d1.mention, vec![it.owner.clone()]);
    assert!(d1.urgent.is_empty() && !d1.notify_leaders);
    assert!(d1.text.starts_with("已逾期1个工作日"), "{}", d1.text);
    let d2 = on_day(2);
    assert_eq!(d2.mention, vec![it.owner.clone(), it.creator.clone()]);
    assert!(d2.urgent.is_empty());
    let d3 = on_day(3);
    assert_eq!(d3.urgent, vec![it.owner.clone()]);
    assert!(d3.notify_leaders);
    assert!(d3.text.starts_with("已逾期3个工作日"));
    let t = due_now(
        &it,
        &NudgeState::default(),
        at(2026, 12, 3, 10, 0),
        &trading(),
        cal(),
    )
    .unwrap();
    assert!(t[0].text.starts_with("已逾期3个交易日"), "{}", t[0].text);
}

/// One entry per nudge: (kind, local time).
type Log = Vec<(NudgeKind, String)>;

/// Walks `now` minute by minute from `from` to `to`, sending whatever is due.
fn simulate_minutes(it: &Item, from: Timestamp, to: Timestamp, p: &ReminderPolicy) -> Log {
    let mut st = NudgeState::default();
    let mut log = Vec::new();
    let mut now = from;
    while now <= to {
        let due = due_now(it, &st, now, p, cal()).unwrap();
        for n in &due {
            assert!(
                in_working_hours(now, p, cal()).unwrap(),
                "{:?} at {}",
                n.kind,
                show(now)
            );
            log.push((n.kind, show(now)));
        }
        mark_sent(&mut st, &due, now);
        now = now.checked_add(SignedDuration::from_mins(1)).unwrap();
    }
    log
}

/// Jumps from one `next_fire` to the next.
fn simulate_events(it: &Item, from: Timestamp, to: Timestamp, p: &ReminderPolicy) -> Log {
    let mut st = NudgeState::default();
    let mut log = Vec::new();
    let mut now = from;
    while let Some(next) = next_fire(it, &st, now, p, cal()).unwrap() {
        if next > to {
            break;
        }
        let due = due_now(it, &st, next, p, cal()).unwrap();
        assert!(!due.is_empty(), "next_fire promised something at {}", show(next));
        log.extend(due.iter().map(|n| (n.kind, show(next))));
        mark_sent(&mut st, &due, next);
        now = next;
    }
    log
}

fn expect(rows: &[(NudgeKind, &str)]) -> Log {
    rows.iter().map(|(k, t)| (*k, (*t).to_owned())).collect()
}

#[test]
fn simulation_an_item_due_in_a_week_across_mid_autumn_and_national_day() {
    use NudgeKind::*;
    // Created Wednesday 09-23 10:00, due Wednesday 09-30 (18:00), never acknowledged.
    // 09-25 is 中秋, 10-01..07 国庆, 10-10 a 调休 Saturday.
    let it = item(at(2026, 9, 23, 10, 0), at(2026, 9, 30, 18, 0), false);
    let from = at(2026, 9, 23, 10, 0);
    let to = at(2026, 10, 13, 9, 0);
    let want = expect(&[
        (Unacknowledged, "2026-09-23 14:00"),
        (DayBefore, "2026-09-29 10:00"),
        (AtDeadline, "2026-09-30 18:00"),
        (Overdue { day: 1 }, "2026-10-08 10:00"),
        (Overdue { day: 2 }, "2026-10-09 10:00"),
        (Overdue { day: 3 }, "2026-10-10 10:00"),
        (Overdue { day: 4 }, "2026-10-12 10:00"),
    ]);
    assert_eq!(simulate_minutes(&it, from, to, &pol()), want);
    assert_eq!(simulate_events(&it, from, to, &pol()), want);
}

#[test]
fn simulation_with_a_clock_time_and_the_trading_calendar() {
    use NudgeKind::*;
    let it = acked(item(at(2026, 9, 23, 10, 0), at(2026, 9, 30, 15, 0), true));
    let from = at(2026, 9, 23, 10, 0);
    let to = at(2026, 10, 13, 9, 0);
    let want = expect(&[
        (DayBefore, "2026-09-29 10:00"),
        (HoursBefore, "2026-09-30 13:00"),
        (AtDeadline, "2026-09-30 15:00"),
        (Overdue { day: 1 }, "2026-10-08 10:00"),
        (Overdue { day: 2 }, "2026-10-09 10:00"),
        (Overdue { day: 3 }, "2026-10-12 10:00"),
    ]);
    assert_eq!(simulate_minutes(&it, from, to, &trading()), want);
    assert_eq!(simulate_events(&it, from, to, &trading()), want);
}

#[test]
fn after_downtime_missed_nudges_collapse_into_the_latest() {
    let it = item(at(2026, 9, 23, 10, 0), at(2026, 9, 30, 18, 0), false);
    let st = NudgeState::default();
    // The bot was down from 09-23 until 10-12 11:00.
    let due = due_now(&it, &st, at(2026, 10, 12, 11, 0), &pol(), cal()).unwrap();
    assert_eq!(
        kinds(&due),
        vec![NudgeKind::Overdue { day: 4 }],
        "one nudge, the latest day"
    );
    let mut st = st;
    mark_sent(&mut st, &due, at(2026, 10, 12, 11, 0));
    assert!(
        due_now(&it, &st, at(2026, 10, 12, 11, 5), &pol(), cal())
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        fire(&it, &st, at(2026, 10, 12, 11, 0), &pol()).as_deref(),
        Some("2026-10-13 10:00")
    );
    // Down over the deadline but back before the first overdue morning: the deadline nudge.
    let due = due_now(&it, &NudgeState::default(), at(2026, 10, 8, 9, 40), &pol(), cal()).unwrap();
    assert_eq!(kinds(&due), vec![NudgeKind::AtDeadline]);
    assert_eq!(show(due[0].scheduled), "2026-09-30 18:00");
}

#[test]
fn a_clock_that_jumps_back_sends_nothing_twice() {
    let it = acked(item(at(2026, 9, 23, 10, 0), at(2026, 9, 30, 18, 0), false));
    let mut st = NudgeState::default();
    let due = due_now(&it, &st, at(2026, 10, 9, 10, 0), &pol(), cal()).unwrap();
    mark_sent(&mut st, &due, at(2026, 10, 9, 10, 0));
    let back = at(2026, 10, 8, 10, 30);
    let again = due_now(&it, &st, back, &pol(), cal()).unwrap();
    assert_eq!(
        kinds(&again),
        vec![NudgeKind::Overdue { day: 1 }],
        "day 1 was never sent"
    );
    mark_sent(&mut st, &again, back);
    assert_eq!(
        fire(&it, &st, back, &pol()).as_deref(),
        Some("2026-10-10 10:00"),
        "day 2 is skipped"
    );
}

#[test]
fn snooze_holds_everything_back_and_is_capped() {
    let it = acked(item(at(2026, 9, 23, 10, 0), at(2026, 9, 30, 18, 0), false));
    let mut st = NudgeState::default();
    let now = at(2026, 10, 8, 10, 5);
    let t = snooze(&mut st, SnoozeChoice::OneHour, now, &pol(), cal()).unwrap();
    assert_eq!(show(t), "2026-10-08 11:05");
    assert!(
        due_now(&it, &st, at(2026, 10, 8, 11, 0), &pol(), cal())
            .unwrap()
            .is_empty()
    );
    assert_eq!(fire(&it, &st, now, &pol()).as_deref(), Some("2026-10-08 11:05"));
    let due = due_now(&it, &st, at(2026, 10, 8, 11, 5), &pol(), cal()).unwrap();
    assert_eq!(
        kinds(&due),
        vec![NudgeKind::Overdue { day: 1 }],
        "held back, then sent"
    );

    // 18:00 + 1 hour is quiet: the snooze ends the next working morning.
    let mut st = NudgeState::default();
    let t = snooze(
        &mut st,
        SnoozeChoice::OneHour,
        at(2026, 9, 30, 18, 0),
        &pol(),
        cal(),
    )
    .unwrap();
    assert_eq!(show(t), "2026-10-08 09:00");
    // 明天上午 and 下个工作日 on the Friday before a weekend: Monday 09:00.
    let t = snooze(
        &mut st,
        SnoozeChoice::TomorrowMorning,
        at(2026, 11, 27, 15, 0),
        &pol(),
        cal(),
    )
    .unwrap();
    assert_eq!(show(t), "2026-11-30 09:00");
    let t = snooze(
        &mut st,
        SnoozeChoice::NextWorkday,
        at(2026, 10, 9, 15, 0),
        &pol(),
        cal(),
    )
    .unwrap();
    assert_eq!(show(t), "2026-10-10 09:00", "the 调休 Saturday is a working day");
    let err = snooze(
        &mut st,
        SnoozeChoice::OneHour,
        at(2026, 10, 12, 10, 0),
        &pol(),
        cal(),
    )
    .unwrap_err();
    assert_eq!(err, SnoozeError::Capped { cap: 3 });
    assert_eq!(
        err.to_string(),
        "这项督办已经推迟提醒3次，不能再推迟了；如需更多时间，请申请延期"
    );
}

#[test]
fn working_on_it_stops_the_ladder_for_the_day() {
    let it = acked(item(at(2026, 9, 23, 10, 0), at(2026, 9, 30, 18, 0), false));
    let mut st = NudgeState::default();
    mark_working(&mut st, at(2026, 10, 9, 9, 30));
    assert_eq!(st.working_on, Some(date(2026, 10, 9)));
    assert!(
        due_now(&it, &st, at(2026, 10, 9, 10, 0), &pol(), cal())
            .unwrap()
            .is_empty()
    );
    assert!(
        due_now(&it, &st, at(2026, 10, 10, 9, 5), &pol(), cal())
            .unwrap()
            .is_empty(),
        "day 2 dropped"
    );
    assert_eq!(
        fire(&it, &st, at(2026, 10, 9, 9, 30), &pol()).as_deref(),
        Some("2026-10-10 10:00")
    );
    let due = due_now(&it, &st, at(2026, 10, 10, 10, 0), &pol(), cal()).unwrap();
    assert_eq!(kinds(&due), vec![NudgeKind::Overdue { day: 3 }]);
}

#[test]
fn an_unanswered_extension_request_nudges_the_creator_after_one_working_day() {
    let mut it = acked(item(at(2026, 9, 23, 10, 0), at(2026, 10, 16, 18, 0), false));
    it.extension = Some(ExtensionRequest {
        deadline: at(2026, 10, 23, 18, 0),
        has_time: false,
        reason: None,
        requested_by: it.owner.clone(),
        requested_at: at(2026, 9, 30, 16, 0),
    });
    let st = NudgeState::default();
    assert_eq!(
        fire(&it, &st, at(2026, 9, 30, 16, 0), &pol()).as_deref(),
        Some("2026-10-08 16:00")
    );
    let due = due_now(&it, &st, at(2026, 10, 8, 16, 0), &pol(), cal()).unwrap();
    assert_eq!(kinds(&due), vec![NudgeKind::ExtensionPending]);
    assert_eq!(due[0].mention, vec![it.creator]);
    assert!(
        due[0].text.starts_with("张三申请延期至10月23日（周五）18:00"),
        "{}",
        due[0].text
    );
}

#[test]
fn an_approved_extension_re_arms_the_ladder() {
    let it = acked(item(at(2026, 11, 16, 9, 0), at(2026, 11, 20, 18, 0), false));
    let mut st = NudgeState::default();
    let due = due_now(&it, &st, at(2026, 11, 24, 10, 0), &pol(), cal()).unwrap();
    assert_eq!(kinds(&due), vec![NudgeKind::Overdue { day: 2 }]);
    mark_sent(&mut st, &due, at(2026, 11, 24, 10, 0));
    let mut moved = it;
    moved.deadline = at(2026, 11, 27, 18, 0);
    let now = at(2026, 11, 24, 11, 0);
    assert!(due_now(&moved, &st, now, &pol(), cal()).unwrap().is_empty());
    assert_eq!(
        fire(&moved, &st, now, &pol()).as_deref(),
        Some("2026-11-26 10:00")
    );
    let due = due_now(&moved, &st, at(2026, 11, 26, 10, 0), &pol(), cal()).unwrap();
    assert_eq!(kinds(&due), vec![NudgeKind::DayBefore]);
    assert_eq!(due[0].mention.len(), 2, "主办 and 协办");
    assert!(
        due[0].text.starts_with("明天截止（11月27日（周五）18:00）"),
        "{}",
        due[0].text
    );
}

#[test]
fn items_waiting_for_acceptance_or_closed_are_not_chased() {
    let base = acked(item(at(2026, 9, 23, 10, 0), at(2026, 9, 30, 18, 0), false));
    for status in [Status::Submitted, Status::Done, Status::Cancelled] {
        let mut it = base.clone();
        it.status = status;
        let st = NudgeState::default();
        assert!(
            due_now(&it, &st, at(2026, 10, 12, 10, 0), &pol(), cal())
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            next_fire(&it, &st, at(2026, 10, 12, 10, 0), &pol(), cal()),
            Ok(None)
        );
    }
}

#[test]
fn keys_name_the_item_the_rule_and_the_occurrence() {
    let it = item(at(2026, 9, 23, 10, 0), at(2026, 9, 30, 18, 0), false);
    let dl = it.deadline.as_millisecond();
    assert_eq!(
        NudgeKind::Overdue { day: 3 }.key(&it),
        format!("DB-12:overdue:{dl}:3")
    );
    assert_eq!(NudgeKind::DayBefore.key(&it), format!("DB-12:day_before:{dl}"));
    assert!(
        NudgeKind::Unacknowledged
            .key(&it)
            .starts_with("DB-12:unack:ou_zhangsan:")
    );
}

#[test]
fn mark_sent_counts_each_key_once() {
    let it = item(at(2026, 9, 23, 10, 0), at(2026, 9, 30, 18, 0), false);
    let mut st = NudgeState::default();
    let due = due_now(&it, &st, at(2026, 9, 23, 14, 0), &pol(), cal()).unwrap();
    mark_sent(&mut st, &due, at(2026, 9, 23, 14, 0));
    mark_sent(&mut st, &due, at(2026, 9, 23, 14, 1));
    assert_eq!(st.auto_nudges, 1);
    assert_eq!(st.last_sent_at, Some(at(2026, 9, 23, 14, 1)));
    let json = serde_json::to_string(&st).unwrap();
    assert_eq!(serde_json::from_str::<NudgeState>(&json).unwrap(), st);
}

fn arb_item() -> impl Strategy<Value = Item> {
    // Created between 2026-01-05 and 2026-10-31, due 0.5 h to 40 days later.
    (
        0i64..300 * 24 * 60,
        30i64..40 * 24 * 60,
        any::<bool>(),
        any::<bool>(),
        1u64..500,
    )
        .prop_map(|(c, d, has_time, ack, id)| {
            let created = at(2026, 1, 5, 0, 0) + SignedDuration::from_mins(c);
            let mut it = item(created, created + SignedDuration::from_mins(d), has_time);
            it.id = ItemId(id);
            if ack {
                it = acked(it);
            }
            it
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn walking_next_fire_never_repeats_a_key_and_stays_in_working_hours(
        it in arb_item(),
        start in 0i64..20 * 24 * 60,
        actions in proptest::collection::vec(0u8..6, 1..25),
    ) {
        let p = pol();
        let mut st = NudgeState::default();
        let mut seen = BTreeSet::new();
        let mut now = it.created_at + SignedDuration::from_mins(start);
        for a in actions {
            match a {
                0 => { let _ = snooze(&mut st, SnoozeChoice::OneHour, now, &p, cal()); }
                1 => mark_working(&mut st, now),
                _ => {}
            }
            let next = match next_fire(&it, &st, now, &p, cal()) {
                Ok(Some(next)) => next,
                Ok(None) | Err(CalendarError::NoData { year: 2027 }) => break,
                Err(e) => return Err(TestCaseError::fail(e.to_string())),
            };
            prop_assert!(next > now);
            prop_assert!(in_working_hours(next, &p, cal()).unwrap(), "{}", show(next));
            let due = due_now(&it, &st, next, &p, cal()).unwrap();
            prop_assert!(!due.is_empty(), "nothing due at {}", show(next));
            for n in &due {
                prop_assert!(seen.insert(n.key.clone()), "{} twice", n.key);
                prop_assert!(n.at <= next);
            }
            mark_sent(&mut st, &due, next);
            now = next;
        }
    }
}

#[test]
fn only_the_deadline_and_overdue_steps_count_as_chasing() {
    let it = item(at(2026, 9, 23, 10, 0), at(2026, 9, 30, 18, 0), false);
    let mut st = NudgeState::default();
    for kind in [
        NudgeKind::Unacknowledged,
        NudgeKind::DayBefore,
        NudgeKind::HoursBefore,
        NudgeKind::ExtensionPending,
    ] {
        st.sent.insert(kind.key(&it));
    }
    assert_eq!(overdue_chases(&st), 0, "routine reminders are not chasing");
    for kind in [
        NudgeKind::AtDeadline,
        NudgeKind::Overdue { day: 1 },
        NudgeKind::Overdue { day: 2 },
    ] {
        st.sent.insert(kind.key(&it));
    }
    assert_eq!(overdue_chases(&st), 3);
}
