//! Tests of the 晾晒 board, its fingerprint, periods and per-person statistics.

use jiff::civil::date;

use std::collections::HashMap;

use jiff::Timestamp;

use super::*;
use crate::calendar::Calendar;
use crate::domain::ids::{ChatId, ItemId, OpenId, Person};
use crate::domain::item::{Item, NewItem};
use crate::domain::status::Status;
use crate::domain::time::{SHANGHAI, local};

fn at(y: i16, m: i8, d: i8, h: i8, min: i8) -> Timestamp {
    SHANGHAI.to_timestamp(date(y, m, d).at(h, min, 0, 0)).unwrap()
}

fn cal() -> Calendar {
    Calendar::builtin()
}

fn person(id: &str, name: &str) -> Person {
    Person {
        open_id: OpenId(format!("ou_{id}")),
        name: name.to_owned(),
    }
}

/// Wednesday 2026-11-25 10:00.
fn now() -> Timestamp {
    at(2026, 11, 25, 10, 0)
}

fn item(id: u64, owner: &Person, status: Status, deadline: Timestamp) -> Item {
    let mut it = Item::create(
        ItemId(id),
        NewItem::new(
            format!("事项{id}"),
            ChatId("oc_1".to_owned()),
            person("lisi", "李四"),
            owner.clone(),
            deadline,
        ),
        at(2026, 10, 12, 9, 0),
    );
    it.status = status;
    it
}

fn done(id: u64, owner: &Person, deadline: Timestamp, completed: Timestamp) -> Item {
    let mut it = item(id, owner, Status::Done, deadline);
    it.completed_at = Some(completed);
    it.updated_at = completed;
    it
}

fn sample() -> Vec<Item> {
    let zhang = person("zhangsan", "张三");
    let wang = person("wangwu", "王五");
    let zhao = person("zhaoliu", "赵六");
    vec![
        item(1, &zhang, Status::InProgress, at(2026, 11, 20, 18, 0)), // overdue 3 working days
        item(2, &wang, Status::Pending, at(2026, 11, 24, 18, 0)),     // overdue 1
        item(3, &zhao, Status::InProgress, at(2026, 11, 27, 18, 0)),  // due Friday
        item(4, &zhang, Status::InProgress, at(2026, 11, 29, 18, 0)), // due Sunday
        item(5, &zhang, Status::InProgress, at(2026, 12, 2, 18, 0)),  // next week
        item(6, &wang, Status::Submitted, at(2026, 11, 23, 18, 0)),   // waits on 验收: not overdue
        done(7, &wang, at(2026, 11, 10, 18, 0), at(2026, 11, 9, 15, 0)),
        done(8, &wang, at(2026, 11, 12, 18, 0), at(2026, 11, 12, 17, 0)),
        done(9, &zhao, at(2026, 11, 13, 18, 0), at(2026, 11, 18, 11, 0)), // 3 working days late
        done(10, &zhang, at(2026, 10, 30, 18, 0), at(2026, 10, 29, 11, 0)), // last month
        item(11, &zhao, Status::Cancelled, at(2026, 11, 30, 18, 0)),
    ]
}

#[test]
fn the_board_ranks_overdue_items_and_lists_this_week() {
    let b = board(&sample(), now(), &cal(), 3);
    assert_eq!(b.generated_for, date(2026, 11, 25));
    assert_eq!(
        b.totals,
        vec![
            (Status::Pending, 1),
            (Status::InProgress, 4),
            (Status::Submitted, 1),
            (Status::Done, 4),
            (Status::Cancelled, 1)
        ]
    );
    assert_eq!(b.open, 6);
    let overdue: Vec<(u64, u32)> = b.overdue.iter().map(|r| (r.id.0, r.overdue_workdays)).collect();
    assert_eq!(overdue, vec![(1, 3), (2, 1)]);
    let week: Vec<u64> = b.due_this_week.iter().map(|r| r.id.0).collect();
    assert_eq!(week, vec![3, 4]);
    assert_eq!(
        b.on_time_month,
        Some(Rate {
            on_time: 2,
            completed: 3
        })
    );
    assert_eq!(b.on_time_month.map(|r| r.percent()), Some(67));
    assert_eq!(b.top_on_time, vec![(person("wangwu", "王五"), 2)]);
}

#[test]
fn an_empty_group_has_an_empty_board() {
    let b = board(&[], now(), &cal(), 3);
    assert_eq!(b.open, 0);
    assert!(b.overdue.is_empty() && b.due_this_week.is_empty() && b.top_on_time.is_empty());
    assert_eq!(b.on_time_month, None);
    assert_eq!(
        Rate {
            on_time: 0,
            completed: 0
        }
        .percent(),
        0
    );
}

#[test]
fn the_fingerprint_changes_with_content_not_with_the_day() {
    let items = sample();
    let a = board(&items, now(), &cal(), 3);
    let mut later = board(&items, at(2026, 11, 25, 17, 0), &cal(), 3);
    assert_eq!(
        fingerprint(&a),
        fingerprint(&later),
        "same content later the same day"
    );
    later.generated_for = date(2026, 12, 1);
    assert_eq!(fingerprint(&a), fingerprint(&later));
    let mut changed = items;
    changed[2].status = Status::Submitted;
    assert_ne!(fingerprint(&a), fingerprint(&board(&changed, now(), &cal(), 3)));
    assert_eq!(fingerprint(&a).len(), 16);
}

#[test]
fn periods_are_local_calendar_months_and_quarters() {
    let show = |(s, e): (Timestamp, Timestamp)| (local(s).to_string(), local(e).to_string());
    assert_eq!(
        show(Period::ThisMonth.range(now())),
        ("2026-11-01T00:00:00".to_owned(), "2026-12-01T00:00:00".to_owned())
    );
    assert_eq!(
        show(Period::LastMonth.range(at(2026, 1, 15, 9, 0))),
        ("2025-12-01T00:00:00".to_owned(), "2026-01-01T00:00:00".to_owned())
    );
    assert_eq!(
        show(Period::ThisQuarter.range(now())),
        ("2026-10-01T00:00:00".to_owned(), "2027-01-01T00:00:00".to_owned())
    );
    // 00:30 on the 1st in Shanghai is still the previous day in UTC: local time decides.
    assert_eq!(
        show(Period::ThisMonth.range(at(2026, 12, 1, 0, 30))).0,
        "2026-12-01T00:00:00"
    );
    assert_eq!(Period::parse("上月"), Some(Period::LastMonth));
    assert_eq!(Period::parse("Quarter"), Some(Period::ThisQuarter));
    assert_eq!(Period::parse("本年"), None);
}

#[test]
fn stats_give_each_owner_rate_delay_extensions_and_nudges() {
    let mut items = sample();
    items[8].extension_count = 1; // DB-9
    items[8].nudge_count = 2;
    let auto = HashMap::from([(ItemId(9), 4), (ItemId(1), 3)]);
    let rows = stats(&items, &auto, Period::ThisMonth, None, now(), &cal());
    let names: Vec<&str> = rows.iter().map(|r| r.person.name.as_str()).collect();
    assert_eq!(names, vec!["王五", "赵六", "张三"]);
    let wang = &rows[0];
    assert_eq!((wang.completed, wang.on_time, wang.open_overdue), (2, 2, 1));
    assert_eq!(wang.on_time_rate, Some(1.0));
    assert_eq!(wang.avg_delay_workdays, Some(0.0));
    let zhao = &rows[1];
    assert_eq!((zhao.completed, zhao.on_time), (1, 0));
    assert_eq!(zhao.avg_delay_workdays, Some(3.0));
    assert_eq!((zhao.extensions, zhao.times_urged), (1, 6));
    let zhang = &rows[2];
    assert_eq!(
        (zhang.completed, zhang.on_time_rate, zhang.open_overdue),
        (0, None, 1)
    );
    assert_eq!(zhang.times_urged, 3);

    let last = stats(&items, &auto, Period::LastMonth, None, now(), &cal());
    let zhang_last = last.iter().find(|r| r.person.name == "张三").unwrap();
    assert_eq!((zhang_last.completed, zhang_last.on_time), (1, 1));

    let only = stats(
        &items,
        &auto,
        Period::ThisQuarter,
        Some(&OpenId("ou_zhaoliu".to_owned())),
        now(),
        &cal(),
    );
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].person.name, "赵六");
    assert!(
        stats(
            &items,
            &auto,
            Period::ThisMonth,
            Some(&OpenId("ou_nobody".to_owned())),
            now(),
            &cal()
        )
        .is_empty()
    );
}

#[test]
fn the_weekly_board_is_owed_only_to_a_group_that_had_an_item_at_its_time() {
    // Monday 2026-11-23 09:30, the week's slot.
    let slot = at(2026, 11, 23, 9, 30);
    let zhang = person("zhangsan", "张三");
    let created = |id, when| {
        let mut it = item(id, &zhang, Status::Pending, at(2026, 11, 27, 18, 0));
        it.created_at = when;
        it
    };
    assert!(owed_weekly(&[created(1, at(2026, 11, 20, 15, 0))], slot));
    assert!(
        owed_weekly(&[created(1, slot)], slot),
        "an item made at the slot counts"
    );
    // First seen on Wednesday: next week's board is its first.
    assert!(!owed_weekly(&[created(1, at(2026, 11, 25, 10, 0))], slot));
    // One old item is enough, however many came later.
    assert!(owed_weekly(
        &[
            created(1, at(2026, 11, 25, 10, 0)),
            created(2, at(2026, 11, 2, 10, 0))
        ],
        slot
    ));
    assert!(!owed_weekly(&[], slot));
}
