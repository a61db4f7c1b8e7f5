//! Tests of the firm's 晾晒: ranking, per-unit figures, the org board and its fingerprint.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::date;

use super::{BatchLine, UnitItems, fingerprint, org_board, rank, unit_figures};
use crate::calendar::Calendar;
use crate::domain::board::Period;
use crate::domain::ids::{BatchId, ChatId, ItemId, OpenId, Person};
use crate::domain::status::Status;
use crate::domain::supervision::{Item, NewItem};
use crate::domain::time::SHANGHAI;

fn at(m: i8, d: i8, h: i8) -> Timestamp {
    SHANGHAI.to_timestamp(date(2026, m, d).at(h, 0, 0, 0)).unwrap()
}

/// Wednesday 2026-11-25 10:00.
fn now() -> Timestamp {
    at(11, 25, 10)
}

fn item(id: u64, status: Status, deadline: Timestamp, completed: Option<Timestamp>) -> Item {
    let p = Person {
        open_id: OpenId(format!("ou_{id}")),
        name: format!("负责人{id}"),
    };
    let mut it = Item::create(
        ItemId(id),
        NewItem::new(
            format!("事项{id}"),
            ChatId("oc_1".to_owned()),
            p.clone(),
            p,
            deadline,
        ),
        at(10, 12, 9),
    );
    it.status = status;
    it.completed_at = completed;
    if let Some(c) = completed {
        it.updated_at = c;
    }
    it
}

fn firm_items() -> Vec<(&'static str, Vec<Item>)> {
    vec![
        (
            "杭州营业部",
            vec![
                item(1, Status::Done, at(11, 10, 18), Some(at(11, 9, 15))),
                item(2, Status::Done, at(11, 12, 18), Some(at(11, 12, 17))),
                item(3, Status::InProgress, at(11, 20, 18), None), // 3 working days overdue
            ],
        ),
        (
            "长沙营业部",
            vec![
                item(4, Status::Done, at(11, 10, 18), Some(at(11, 10, 12))),
                item(5, Status::Done, at(11, 13, 18), Some(at(11, 18, 11))), // 3 days late
                item(6, Status::Pending, at(11, 24, 18), None),              // 1 day overdue
                item(7, Status::InProgress, at(11, 23, 18), None),           // 2 days overdue
            ],
        ),
        ("武汉营业部", vec![item(8, Status::Pending, at(11, 24, 18), None)]),
        (
            "宁波营业部",
            vec![item(9, Status::InProgress, at(11, 27, 18), None)],
        ),
        ("合规管理部", vec![]),
    ]
}

fn views<'a>(data: &'a [(&'static str, Vec<Item>)]) -> Vec<UnitItems<'a>> {
    data.iter()
        .map(|(u, items)| UnitItems {
            unit: u,
            items: items.as_slice(),
        })
        .collect()
}

#[test]
fn units_rank_on_time_first_then_late_by_count_and_worst_delay() {
    let data = firm_items();
    let r = rank(
        &views(&data),
        &HashMap::new(),
        Period::ThisMonth,
        now(),
        &Calendar::builtin(),
    );
    let on_time: Vec<(&str, u32, u32)> = r
        .on_time
        .iter()
        .map(|f| (f.unit.as_str(), f.on_time, f.completed))
        .collect();
    assert_eq!(on_time, [("杭州营业部", 2, 2), ("长沙营业部", 1, 2)]);
    let late: Vec<(&str, usize, u32)> = r
        .late
        .iter()
        .map(|l| (l.unit.as_str(), l.rows.len(), l.worst_workdays()))
        .collect();
    assert_eq!(
        late,
        [("长沙营业部", 2, 2), ("杭州营业部", 1, 3), ("武汉营业部", 1, 1)]
    );
    // Last month nobody completed anything; the late list is about now.
    let r = rank(
        &views(&data),
        &HashMap::new(),
        Period::LastMonth,
        now(),
        &Calendar::builtin(),
    );
    assert!(r.on_time.is_empty());
    assert_eq!(r.late.len(), 3);
}

#[test]
fn unit_figures_add_up_the_per_person_statistics() {
    let data = firm_items();
    let chases = HashMap::from([(ItemId(6), 2)]);
    let figs = unit_figures(
        &views(&data),
        &chases,
        Period::ThisMonth,
        now(),
        &Calendar::builtin(),
    );
    let cs = &figs[1];
    assert_eq!(cs.unit, "长沙营业部");
    assert_eq!((cs.completed, cs.on_time, cs.open_overdue), (2, 1, 2));
    assert_eq!(cs.on_time_rate, Some(0.5));
    assert_eq!(cs.avg_delay_workdays, Some(1.5));
    assert_eq!(cs.times_urged, 2);
    let hg = &figs[4];
    assert_eq!(
        (hg.completed, hg.on_time_rate, hg.avg_delay_workdays),
        (0, None, None)
    );
}

#[test]
fn the_org_board_lists_this_weeks_items_per_unit_and_fingerprints_its_content() {
    let data = firm_items();
    let cal = Calendar::builtin();
    let line = |headline: &str| BatchLine {
        id: BatchId(1),
        title: "反洗钱自查".to_owned(),
        headline: headline.to_owned(),
        done: 1,
        total: 5,
    };
    let b = org_board(
        &views(&data),
        vec![line("签收 3/5")],
        &HashMap::new(),
        now(),
        &cal,
    );
    let due: Vec<(&str, usize)> = b
        .due_this_week
        .iter()
        .map(|(u, r)| (u.as_str(), r.len()))
        .collect();
    assert_eq!(due, [("宁波营业部", 1)]);
    assert_eq!(b.ranking.on_time.len(), 2);
    assert_eq!(b.generated_for, date(2026, 11, 25));
    // Same content an hour later (same working-day counts): same fingerprint.
    let later = org_board(
        &views(&data),
        vec![line("签收 3/5")],
        &HashMap::new(),
        at(11, 25, 11),
        &cal,
    );
    assert_eq!(fingerprint(&b), fingerprint(&later));
    let moved = org_board(
        &views(&data),
        vec![line("签收 4/5")],
        &HashMap::new(),
        now(),
        &cal,
    );
    assert_ne!(fingerprint(&b), fingerprint(&moved));
    assert_eq!(fingerprint(&b).len(), 16);
}

#[test]
fn a_board_with_nothing_praised_late_due_or_open_is_empty() {
    let cal = Calendar::builtin();
    let none: Vec<(&'static str, Vec<Item>)> = vec![("杭州营业部", Vec::new()), ("宁波营业部", Vec::new())];
    let empty = org_board(&views(&none), Vec::new(), &HashMap::new(), now(), &cal);
    assert!(empty.is_empty());
    let data = firm_items();
    assert!(!org_board(&views(&data), Vec::new(), &HashMap::new(), now(), &cal).is_empty());
    let batch = BatchLine {
        id: BatchId(1),
        title: "反洗钱自查".to_owned(),
        headline: "签收 0/2".to_owned(),
        done: 0,
        total: 2,
    };
    assert!(!org_board(&views(&none), vec![batch], &HashMap::new(), now(), &cal).is_empty());
}
