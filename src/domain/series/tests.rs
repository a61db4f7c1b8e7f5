use jiff::civil::date;

use super::*;
use crate::domain::ids::OpenId;

fn at(s: &str) -> Timestamp {
    format!("{s}+08:00").parse().unwrap()
}

fn weekly() -> Series {
    Series {
        id: SeriesId(1),
        chat_id: ChatId("oc_g".to_owned()),
        name: "周例会".to_owned(),
        cadence: Cadence::parse("每周一 9:30").unwrap(),
        anchor: date(2026, 9, 14),
        attendees: Vec::new(),
        agenda: None,
        board: None,
        created_by: Person {
            open_id: OpenId("ou_a".to_owned()),
            name: "甲".to_owned(),
        },
        created_at: at("2026-09-14T10:00:00"),
        status: SeriesStatus::Active,
        moved: BTreeMap::new(),
        notice: None,
    }
}

#[test]
fn the_holiday_week_meets_on_the_first_working_day_and_the_card_comes_the_working_day_before() {
    let s = weekly();
    let cal = Calendar::builtin();
    let now = at("2026-09-28T10:00:00");
    let next = s.next_occurrence(now, &cal).unwrap();
    assert_eq!(next.date, date(2026, 10, 8));
    assert_eq!(next.start, at("2026-10-08T09:30:00"));
    // The working day before Thursday 10-08 is Wednesday 09-30 (10-01..10-07 off).
    let t = s.notice_time(&next, Time::constant(16, 0, 0, 0), &cal).unwrap();
    assert_eq!(t, at("2026-09-30T16:00:00"));
    let prev = s.previous_occurrence(&next, &cal).unwrap().unwrap();
    assert_eq!(prev.date, date(2026, 9, 28));
}

#[test]
fn a_moved_occurrence_moves_alone() {
    let mut s = weekly();
    let cal = Calendar::builtin();
    s.moved.insert(date(2026, 10, 12), at("2026-10-13T14:00:00"));
    let now = at("2026-10-09T10:00:00");
    let next = s.next_occurrence(now, &cal).unwrap();
    assert_eq!(
        (next.date, next.start),
        (date(2026, 10, 12), at("2026-10-13T14:00:00"))
    );
    let after = s.next_occurrence(at("2026-10-13T15:00:00"), &cal).unwrap();
    assert_eq!(after.start, at("2026-10-19T09:30:00"));
    // The card of a Tuesday meeting comes on Monday.
    let t = s.notice_time(&next, Time::constant(16, 0, 0, 0), &cal).unwrap();
    assert_eq!(t, at("2026-10-12T16:00:00"));
}
