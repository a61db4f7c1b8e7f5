//! Tests of the firm-wide cards: the org 晾晒 board and per-unit statistics — snapshots with a
//! realistic firm, ordering, folding and limits. The unit list's are in [`units`].

mod units;

use std::collections::HashMap;

use jiff::Timestamp;

use super::*;
use crate::card::fixtures::unit_names;
use crate::card::fixtures::{at, cal, now, person};
use crate::card::fmt::{json_size, within_limits};
use crate::domain::board::Period;
use crate::domain::ids::{BatchId, ChatId, ItemId};
use crate::domain::status::Status;
use crate::domain::supervision::{Item, NewItem};
use crate::domain::unit::ranking::{BatchLine, UnitFigures, UnitItems, org_board, unit_figures};

fn item(
    id: u64,
    title: &str,
    owner: (&str, &str),
    status: Status,
    deadline: Timestamp,
    done: Option<Timestamp>,
) -> Item {
    let p = person(owner.0, owner.1);
    let mut it = Item::create(
        ItemId(id),
        NewItem::new(
            title.to_owned(),
            ChatId(format!("oc_{id}")),
            person("wangzong", "王总"),
            p,
            deadline,
        ),
        at(2026, 11, 2, 9, 0),
    );
    it.status = status;
    if status != Status::Pending {
        it.acknowledged_at = Some(at(2026, 11, 3, 9, 0));
    }
    it.completed_at = done;
    if let Some(d) = done {
        it.updated_at = d;
    }
    it
}

/// Six units in two regions plus two head-office departments, as the sandbox seeds them.
fn firm() -> Vec<(&'static str, Vec<Item>)> {
    let d = |m: i8, day: i8| at(2026, m, day, 18, 0);
    vec![
        (
            "杭州营业部",
            vec![
                item(
                    1,
                    "两融开户30户",
                    ("zhoujie", "周杰"),
                    Status::Done,
                    d(11, 10),
                    Some(d(11, 9)),
                ),
                item(
                    2,
                    "反洗钱自查",
                    ("zhoujie", "周杰"),
                    Status::Done,
                    d(11, 12),
                    Some(d(11, 12)),
                ),
                item(
                    3,
                    "客户回访100户",
                    ("chenli", "陈丽"),
                    Status::Done,
                    d(11, 13),
                    Some(d(11, 13)),
                ),
                item(
                    4,
                    "适当性复核",
                    ("chenli", "陈丽"),
                    Status::InProgress,
                    d(11, 27),
                    None,
                ),
            ],
        ),
        (
            "宁波营业部",
            vec![
                item(
                    5,
                    "两融开户30户",
                    ("liqiang", "李强"),
                    Status::Done,
                    d(11, 10),
                    Some(d(11, 10)),
                ),
                item(
                    6,
                    "反洗钱自查",
                    ("liqiang", "李强"),
                    Status::InProgress,
                    d(11, 20),
                    None,
                ),
                item(
                    7,
                    "客户回访100户",
                    ("sunmei", "孙梅"),
                    Status::Pending,
                    d(11, 26),
                    None,
                ),
            ],
        ),
        (
            "长沙营业部",
            vec![
                item(
                    8,
                    "两融开户30户",
                    ("zhaolei", "赵磊"),
                    Status::Done,
                    d(11, 10),
                    Some(d(11, 17)),
                ),
                item(
                    9,
                    "反洗钱自查",
                    ("zhaolei", "赵磊"),
                    Status::Pending,
                    d(11, 18),
                    None,
                ),
                item(
                    10,
                    "客户回访100户",
                    ("zhaolei", "赵磊"),
                    Status::InProgress,
                    d(11, 23),
                    None,
                ),
                item(
                    11,
                    "适当性复核",
                    ("heping", "何平"),
                    Status::InProgress,
                    d(11, 24),
                    None,
                ),
                item(
                    12,
                    "投教进社区",
                    ("heping", "何平"),
                    Status::InProgress,
                    d(11, 16),
                    None,
                ),
            ],
        ),
        (
            "武汉营业部",
            vec![item(
                13,
                "两融开户30户",
                ("wujun", "吴军"),
                Status::Done,
                d(11, 10),
                Some(d(11, 6)),
            )],
        ),
        (
            "合规管理部",
            vec![item(
                14,
                "反洗钱制度修订",
                ("qianhui", "钱慧"),
                Status::InProgress,
                d(11, 29),
                None,
            )],
        ),
        ("财富管理部", vec![]),
    ]
}

fn views<'a>(data: &'a [(&'static str, Vec<Item>)]) -> Vec<UnitItems<'a>> {
    data.iter()
        .map(|(u, items)| UnitItems { unit: u, items })
        .collect()
}

fn batches() -> Vec<BatchLine> {
    vec![
        BatchLine {
            id: BatchId(3),
            title: "本月完成两融开户".to_owned(),
            headline: "签收 52/67 · 进行中 15 · 待验收 3 · 已完成 40 · 逾期 6 · 达成 85%".to_owned(),
            done: 40,
            total: 67,
        },
        BatchLine {
            id: BatchId(4),
            title: "反洗钱自查".to_owned(),
            headline: "签收 6/6 · 进行中 4 · 已完成 2".to_owned(),
            done: 2,
            total: 6,
        },
    ]
}

#[test]
fn snapshot_of_the_org_board() {
    let data = firm();
    let b = org_board(&views(&data), batches(), &HashMap::new(), now(), &cal());
    let c = org_board_card(&b, now(), &cal());
    assert!(within_limits(&c));
    insta::assert_json_snapshot!("org_board", c);
}

#[test]
fn the_org_board_praises_first_then_names_late_units_with_their_worst_delay() {
    let data = firm();
    let b = org_board(&views(&data), batches(), &HashMap::new(), now(), &cal());
    let c = org_board_card(&b, now(), &cal());
    let text = c.to_string();
    let pos = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} missing in {text}"));
    assert!(pos("表扬 · 本月按时完成") < pos("**逾期单位**"));
    assert!(pos("**逾期单位**") < pos("**本周到期**"));
    assert!(pos("1. 杭州营业部 按时完成 **3** 项") < pos("2. "));
    // 长沙 has four overdue items, 宁波 one: 长沙 first.
    assert!(pos("**长沙营业部** 逾期 **4** 项") < pos("**宁波营业部** 逾期 **1** 项"));
    assert!(text.contains("另有1项未列出"));
    assert!(text.contains("▰▰▰▰▰▰▱▱▱▱ 60%"));
    assert!(!text.contains("<at"), "a firm-wide view pings nobody");
    assert_eq!(c["header"]["template"], "orange");
}

#[test]
fn a_board_over_67_units_stays_within_limits() {
    let names = unit_names(67);
    let data: Vec<(String, Vec<Item>)> = names
        .iter()
        .enumerate()
        .map(|(u, name)| {
            let base = u64::try_from(u).unwrap() * 100;
            let items = (0..8)
                .map(|k| {
                    let late = k < 5;
                    let deadline = if late {
                        at(2026, 11, 16 + k, 18, 0)
                    } else {
                        at(2026, 11, 27, 18, 0)
                    };
                    let mut it = item(
                        base + u64::try_from(k).unwrap() + 1,
                        "完成三季度合规自查报告并提交合规管理部复核归档（含整改清单）",
                        ("owner", "欧阳长名字"),
                        Status::InProgress,
                        deadline,
                        None,
                    );
                    if k == 7 {
                        it.status = Status::Done;
                        it.completed_at = Some(at(2026, 11, 10, 9, 0));
                    }
                    it
                })
                .collect();
            (name.clone(), items)
        })
        .collect();
    let views: Vec<UnitItems<'_>> = data
        .iter()
        .map(|(u, items)| UnitItems { unit: u, items })
        .collect();
    let many: Vec<BatchLine> = (1..=15)
        .map(|i| BatchLine {
            id: BatchId(i),
            title: "各营业部周五前完成反洗钱自查".to_owned(),
            headline: "签收 52/67 · 进行中 15 · 待验收 3 · 已完成 40 · 逾期 6 · 达成 85%".to_owned(),
            done: 40,
            total: 67,
        })
        .collect();
    let b = org_board(&views, many, &HashMap::new(), now(), &cal());
    let c = org_board_card(&b, now(), &cal());
    assert!(within_limits(&c), "{} bytes", json_size(&c));
    let text = c.to_string();
    assert!(text.contains("个单位未列出"));
    assert!(text.contains("另有5批下达未列出"));
}

#[test]
fn a_clean_org_board_is_green_and_says_thanks() {
    let data = vec![(
        "杭州营业部",
        vec![item(
            1,
            "两融开户",
            ("a", "甲"),
            Status::Done,
            at(2026, 11, 10, 18, 0),
            Some(at(2026, 11, 9, 18, 0)),
        )],
    )];
    let b = org_board(&views(&data), vec![], &HashMap::new(), now(), &cal());
    let c = org_board_card(&b, now(), &cal());
    assert_eq!(c["header"]["template"], "green");
    assert!(c.to_string().contains("目前没有单位有逾期事项"));
}

fn figures() -> Vec<UnitFigures> {
    let data = firm();
    unit_figures(
        &views(&data),
        &HashMap::from([(ItemId(9), 3)]),
        Period::ThisQuarter,
        now(),
        &cal(),
    )
}

fn issued() -> HashMap<String, IssuedShare> {
    HashMap::from([
        ("杭州营业部".to_owned(), IssuedShare { done: 2, total: 2 }),
        ("长沙营业部".to_owned(), IssuedShare { done: 1, total: 2 }),
        ("宁波营业部".to_owned(), IssuedShare { done: 1, total: 2 }),
    ])
}

#[test]
fn snapshot_of_the_unit_stats_card() {
    let c = unit_stats_card(Period::ThisQuarter, &figures(), &issued());
    assert!(within_limits(&c));
    assert!(!c.to_string().contains("<at"));
    insta::assert_json_snapshot!("unit_stats", c);
}

#[test]
fn unit_stats_are_ordered_by_rate_then_completions_and_show_issued_completion() {
    let fs = figures();
    let order: Vec<&str> = stats::ordered(&fs).iter().map(|f| f.unit.as_str()).collect();
    // 杭州 3/3 and 武汉 1/1 at 100% (杭州 completed more), 宁波 1/1… then 长沙 0/1, then none.
    assert_eq!(order[0], "杭州营业部");
    assert_eq!(*order.last().unwrap(), "财富管理部");
    let pos = |u: &str| order.iter().position(|o| *o == u).unwrap();
    assert!(pos("武汉营业部") < pos("长沙营业部"));
    let text = unit_stats_card(Period::ThisQuarter, &fs, &issued()).to_string();
    assert!(text.contains("下达完成 1/2"));
    assert!(text.contains("被催办 3 次"));
    let c = unit_stats_card(Period::ThisQuarter, &[], &HashMap::new());
    assert!(c.to_string().contains("还没有登记任何单位"));
}
