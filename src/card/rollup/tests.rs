//! Tests of the 下达 roll-up card: snapshots (67 units with a summed target, a small batch with
//! an averaged target, a cancelled one, a re-posted one), folding, ordering and limits.

use jiff::Timestamp;

use super::*;
use crate::card::callback::batch::{BatchAction, parse};
use crate::card::fixtures::{at, cal, now, person, unit_names};
use crate::card::fmt::within_limits;
use crate::domain::batch::rollup::{Child, rollup};
use crate::domain::batch::{Amount, NewBatch, Report};
use crate::domain::ids::{BatchId, ChatId, ItemId, OpenId};
use crate::domain::priority::Priority;
use crate::domain::status::Status;
use crate::domain::supervision::Item;
use crate::domain::unit::{Origin, Unit, UnitKind};

fn batch(units: &[String], target: Option<&str>) -> Batch {
    Batch::create(
        BatchId(3),
        NewBatch {
            title: "本月完成两融开户".to_owned(),
            chat_id: ChatId("oc_hq".to_owned()),
            issuer: person("wangzong", "王总"),
            selector: "全部营业部".to_owned(),
            units: units.to_vec(),
            deadline: at(2026, 11, 20, 18, 0),
            deadline_has_time: false,
            target: target.map(|t| Target::parse(t).unwrap()),
            priority: Priority::P1,
            tags: vec![],
            resources: None,
            scenario: None,
            description: None,
            owners: None,
        },
        at(2026, 11, 2, 9, 0),
    )
    .unwrap()
}

fn item_of(b: &Batch, i: usize, name: &str, status: Status) -> Item {
    let u = Unit {
        name: name.to_owned(),
        kind: UnitKind::Branch,
        region: None,
        chat_id: ChatId(format!("oc_u{i}")),
        heads: vec![OpenId(format!("ou_h{i}"))],
        origin: Origin::Config,
    };
    let head = person(&format!("h{i}"), &format!("{name}负责人"));
    let id = u64::try_from(100 + i).unwrap();
    let mut it = Item::create(ItemId(id), b.child(&u, &[head]).unwrap(), at(2026, 11, 2, 9, 0));
    it.status = status;
    if status != Status::Pending {
        it.acknowledged_at = Some(at(2026, 11, 3, 10, 0));
    }
    if status == Status::Done {
        it.completed_at = Some(at(2026, 11, 19, 17, 0));
    }
    it
}

/// A 67-unit batch at `now` (due 11-20, so open items are late): 40 done, 6 overdue (their
/// deadlines moved so that they are late by different working days), 8 in progress, 5 awaiting
/// acceptance, 7 pending, 1 still posting; reports from 24 units.
fn big() -> (Batch, Vec<Option<Item>>, Vec<Option<Report>>) {
    let names = unit_names(67);
    let mut b = batch(&names, Some("≥30户"));
    b.deadline = at(2026, 11, 30, 18, 0);
    let mut items = Vec::new();
    let mut reports = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let status = match i {
            0..=39 => Status::Done,
            40..=45 => Status::InProgress,
            46..=53 => Status::InProgress,
            54..=58 => Status::Submitted,
            59..=65 => Status::Pending,
            _ => Status::Pending,
        };
        let mut it = item_of(&b, i, n, status);
        it.deadline = b.deadline;
        if (40..=45).contains(&i) {
            // Late by 1..=6 working days, the later units worse.
            it.deadline = at(2026, 11, 24 - i8::try_from(i - 40).unwrap(), 18, 0);
        }
        items.push((i != 66).then_some(it));
        reports.push((i < 24).then(|| Report {
            value: Amount::whole(if i % 3 == 0 { 24 } else { 33 }),
            note: None,
            by: person(&format!("h{i}"), "负责人"),
            at: at(2026, 11, 24, 9, 0),
        }));
    }
    (b, items, reports)
}

fn roll(b: &Batch, items: &[Option<Item>], reports: &[Option<Report>], now: Timestamp) -> Rollup {
    let children: Vec<Child<'_>> = b
        .units
        .iter()
        .zip(items)
        .zip(reports)
        .map(|((u, it), r)| Child {
            unit: u,
            item: it.as_ref(),
            report: r.as_ref(),
        })
        .collect();
    rollup(b, &children, now, &cal())
}

#[test]
fn snapshot_of_a_67_unit_rollup_with_a_summed_target() {
    let (b, items, reports) = big();
    let r = roll(&b, &items, &reports, now());
    let c = rollup_card(&b, &r, false, now());
    assert!(within_limits(&c), "{} bytes", crate::card::fmt::json_size(&c));
    insta::assert_json_snapshot!("rollup_67_units", c);
}

#[test]
fn the_headline_late_units_and_attainment_are_shown() {
    let (b, items, reports) = big();
    let r = roll(&b, &items, &reports, now());
    let text = rollup_card(&b, &r, false, now()).to_string();
    assert!(text.contains("签收 **59**/67"), "{text}");
    assert!(text.contains("已完成 **40**"));
    assert!(text.contains("逾期 **6**"));
    // Most working days first: 西安 (4 working days) before 重庆 (2) before 绵阳 (1).
    let pos = |s: &str| text.find(s).unwrap();
    assert!(pos("西安营业部 · DB-145") < pos("重庆营业部 · DB-141"));
    assert!(pos("重庆营业部 · DB-141") < pos("绵阳营业部 · DB-140"));
    assert!(text.contains("已逾期4个工作日"));
    assert!(text.contains("已汇报 **24**/67 个单位"));
    assert!(text.contains("合计 **")); // summed
    assert!(text.contains("取消下达") && text.contains("全部延期"));
    assert!(!text.contains(REPOSTED_NOTE));
}

#[test]
fn every_state_with_units_gets_one_folded_panel_in_order() {
    let (b, items, reports) = big();
    let r = roll(&b, &items, &reports, now());
    let ps = panels(&r);
    let titles: Vec<String> = ps
        .iter()
        .map(|p| p["header"]["title"]["content"].as_str().unwrap().to_owned())
        .collect();
    let labels: Vec<&str> = ["逾期", "待签收", "进行中", "待验收", "已完成", "发送中"].to_vec();
    assert_eq!(titles.len(), labels.len(), "{titles:?}");
    for (t, l) in titles.iter().zip(labels) {
        assert!(t.contains(l), "{t} {l}");
    }
    assert!(titles[4].contains("**40** 个单位"));
    assert!(
        ps.iter()
            .all(|p| p["tag"] == "collapsible_panel" && p["expanded"] == false)
    );
    // Every unit is named exactly once across the panels.
    let all: String = ps
        .iter()
        .map(|p| p["elements"][0]["content"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join("、");
    assert_eq!(all.split('、').count(), 67);
}

#[test]
fn long_panels_are_capped() {
    let many: Vec<String> = (0..100).map(|i| format!("单位{i}")).collect();
    let s = super::unit_names(&many);
    assert!(s.ends_with("等100个单位"));
    assert_eq!(s.split('、').count(), MAX_IN_PANEL + 1);
}

#[test]
fn snapshot_of_a_small_rollup_with_an_averaged_target_reposted() {
    let names = unit_names(6);
    let mut b = batch(&names, Some("100%"));
    b.deadline = at(2026, 11, 30, 18, 0);
    let statuses = [
        Status::Done,
        Status::Done,
        Status::InProgress,
        Status::Submitted,
        Status::Pending,
        Status::InProgress,
    ];
    let items: Vec<Option<Item>> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut it = item_of(&b, i, n, statuses[i]);
            if i >= 2 {
                it.deadline = at(2026, 11, 30, 18, 0);
            }
            if i == 5 {
                it.deadline = at(2026, 11, 23, 18, 0);
            }
            Some(it)
        })
        .collect();
    let reports: Vec<Option<Report>> = (0..6)
        .map(|i| {
            (i < 3).then(|| Report {
                value: Amount::whole([100, 90, 80][i]),
                note: None,
                by: person("h", "负责人"),
                at: at(2026, 11, 24, 9, 0),
            })
        })
        .collect();
    let r = roll(&b, &items, &reports, now());
    let c = rollup_card(&b, &r, true, now());
    let text = c.to_string();
    assert!(text.contains(REPOSTED_NOTE));
    assert!(text.contains("平均 **90%** / 目标 100%（达成90%）"), "{text}");
    insta::assert_json_snapshot!("rollup_6_units_reposted", c);
}

#[test]
fn a_cancelled_batch_is_grey_says_why_and_has_no_buttons() {
    let names = unit_names(6);
    let b = batch(&names, None)
        .cancel(
            &OpenId("ou_wangzong".to_owned()),
            "口径调整，重新下达",
            &[],
            at(2026, 11, 10, 9, 0),
        )
        .unwrap();
    let items: Vec<Option<Item>> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            Some(item_of(
                &b,
                i,
                n,
                if i == 0 { Status::Done } else { Status::Cancelled },
            ))
        })
        .collect();
    let r = roll(&b, &items, &vec![None; 6], now());
    let c = rollup_card(&b, &r, false, now());
    assert_eq!(c["header"]["template"], "grey");
    let text = c.to_string();
    assert!(text.contains("原因：口径调整，重新下达"));
    assert!(!text.contains("open_b_cancel"));
    insta::assert_json_snapshot!("rollup_cancelled", c);
}

#[test]
fn the_buttons_open_their_forms_and_the_forms_submit_for_the_batch() {
    let (b, items, reports) = big();
    let r = roll(&b, &items, &reports, now());
    let c = rollup_card(&b, &r, false, now());
    let text = c.to_string();
    for which in [BatchForm::Cancel, BatchForm::Extend] {
        let v = open_value(which, b.id, b.version);
        assert!(text.contains(&v.to_string()), "{v}");
        assert_eq!(
            parse(&v, None, now()).unwrap().action,
            BatchAction::OpenForm(which)
        );
        let f = batch_form_card(&b, which, now(), None);
        assert!(within_limits(&f));
        let submit = &f["body"]["elements"][1]["elements"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()["behaviors"][0]["value"];
        let back = parse(submit, None, now());
        assert!(back.is_err(), "an empty form is refused: {back:?}");
    }
    insta::assert_json_snapshot!(
        "batch_cancel_form",
        batch_form_card(&b, BatchForm::Cancel, now(), None)
    );
    insta::assert_json_snapshot!(
        "batch_extend_form",
        batch_form_card(&b, BatchForm::Extend, now(), None)
    );
}

#[test]
fn a_settled_batch_is_green_without_buttons() {
    let names = unit_names(6);
    let b = batch(&names, None);
    let items: Vec<Option<Item>> = names
        .iter()
        .enumerate()
        .map(|(i, n)| Some(item_of(&b, i, n, Status::Done)))
        .collect();
    let r = roll(&b, &items, &vec![None; 6], now());
    let c = rollup_card(&b, &r, false, now());
    assert_eq!(c["header"]["template"], "green");
    assert!(!c.to_string().contains("open_b_extend"));
}

#[test]
fn a_settled_batch_says_all_done_and_names_the_units_dropped() {
    let names = unit_names(4);
    let b = batch(&names, None);
    let items: Vec<Option<Item>> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let s = if i == 3 { Status::Cancelled } else { Status::Done };
            Some(item_of(&b, i, n, s))
        })
        .collect();
    let r = roll(&b, &items, &vec![None; 4], now());
    let c = rollup_card(&b, &r, false, now());
    assert_eq!(c["header"]["template"], "green");
    let text = c.to_string();
    assert!(text.contains("已全部完成") && text.contains("已取消1"), "{text}");
    assert!(!text.contains("open_b_cancel"), "no buttons once settled");
}

#[test]
fn the_batch_list_puts_open_batches_first_with_their_counts() {
    let names = unit_names(5);
    let mut open = batch(&names, None);
    open.id = BatchId(4);
    open.deadline = at(2026, 11, 30, 18, 0);
    let open_items: Vec<Option<Item>> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let s = [
                Status::Done,
                Status::InProgress,
                Status::Pending,
                Status::Pending,
                Status::Submitted,
            ][i];
            let mut it = item_of(&open, i, n, s);
            if i == 3 {
                it.deadline = at(2026, 11, 24, 18, 0);
            }
            Some(it)
        })
        .collect();
    let r_open = roll(&open, &open_items, &vec![None; 5], now());
    let done = batch(&names[..2], None);
    let done_items: Vec<Option<Item>> = names[..2]
        .iter()
        .enumerate()
        .map(|(i, n)| Some(item_of(&done, i, n, Status::Done)))
        .collect();
    let r_done = roll(&done, &done_items, &vec![None; 2], now());
    let mut gone = batch(&names[..3], None)
        .cancel(
            &OpenId("ou_wangzong".to_owned()),
            "口径调整",
            &[],
            at(2026, 11, 10, 9, 0),
        )
        .unwrap();
    gone.id = BatchId(5);
    let r_gone = roll(&gone, &[None, None, None], &vec![None; 3], now());
    let lines = [
        BatchLine {
            batch: &done,
            rollup: &r_done,
            state: BatchState::Settled,
        },
        BatchLine {
            batch: &gone,
            rollup: &r_gone,
            state: BatchState::Cancelled,
        },
        BatchLine {
            batch: &open,
            rollup: &r_open,
            state: BatchState::Open,
        },
    ];
    let c = batch_list_card("本群的下达", &lines, now());
    let text = c.to_string();
    let (a, b, d) = (
        text.find("XD-4").unwrap(),
        text.find("XD-3").unwrap(),
        text.find("XD-5").unwrap(),
    );
    assert!(a < b && b < d, "open first, then settled, then cancelled: {text}");
    assert!(text.contains("签收 3/5 · 已完成 1 · 逾期"), "{text}");
    assert!(within_limits(&c));
    insta::assert_json_snapshot!("batch_list", c);
    let empty = batch_list_card("本群的下达", &[], now());
    assert!(empty.to_string().contains("这里还没有下达"));
}

#[test]
fn the_replaced_card_points_to_the_new_one_without_buttons() {
    let b = batch(&unit_names(3), None);
    let c = replaced_rollup_card(&b, now());
    let text = c.to_string();
    assert!(
        text.contains("XD-3") && text.contains("已停止更新") && text.contains("请查看新卡片"),
        "{text}"
    );
    assert!(!text.contains("open_b_cancel"));
    assert!(within_limits(&c));
}
