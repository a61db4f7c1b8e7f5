//! Tests of 下达 batches: creation, children, fan-out resumption, cancel and extend, targets,
//! reports and the roll-up.

use jiff::Timestamp;
use jiff::civil::date;

use super::rollup::{Child, ChildState, Mode, rollup};
use super::*;
use crate::calendar::Calendar;
use crate::domain::audit::Source;
use crate::domain::ids::ItemId;
use crate::domain::status::Status;
use crate::domain::supervision::Item;
use crate::domain::time::SHANGHAI;
use crate::domain::unit::{Origin, UnitKind};

fn at(m: i8, d: i8, h: i8) -> Timestamp {
    SHANGHAI.to_timestamp(date(2026, m, d).at(h, 0, 0, 0)).unwrap()
}

/// Wednesday 2026-11-25 10:00.
fn now() -> Timestamp {
    at(11, 25, 10)
}

fn person(id: &str, name: &str) -> Person {
    Person {
        open_id: OpenId(format!("ou_{id}")),
        name: name.to_owned(),
    }
}

fn unit(name: &str, heads: &[&str]) -> Unit {
    Unit {
        name: name.to_owned(),
        kind: UnitKind::Branch,
        region: None,
        chat_id: ChatId(format!("oc_{name}")),
        heads: heads.iter().map(|h| OpenId(format!("ou_{h}"))).collect(),
        origin: Origin::Config,
    }
}

fn new_batch(units: &[&str], target: Option<&str>) -> NewBatch {
    NewBatch {
        title: " 完成两融开户 ".to_owned(),
        chat_id: ChatId("oc_hq".to_owned()),
        issuer: person("boss", "王总"),
        selector: "全部营业部".to_owned(),
        units: units.iter().map(|u| (*u).to_owned()).collect(),
        deadline: at(11, 27, 18),
        deadline_has_time: false,
        target: target.map(|t| Target::parse(t).unwrap()),
        priority: Priority::P1,
        tags: vec!["两融".to_owned()],
        resources: Some("  ".to_owned()),
        scenario: Some("月度指标".to_owned()),
        description: None,
        owners: None,
    }
}

fn batch(units: &[&str], target: Option<&str>) -> Batch {
    Batch::create(BatchId(3), new_batch(units, target), at(11, 20, 9)).unwrap()
}

fn child_item(b: &Batch, id: u64, u: &Unit, status: Status) -> Item {
    let heads = [person("head", "负责人")];
    let mut it = Item::create(ItemId(id), b.child(u, &heads).unwrap(), at(11, 20, 9));
    it.status = status;
    if status != Status::Pending && status != Status::Cancelled {
        it.acknowledged_at = Some(at(11, 20, 10));
    }
    it
}

#[test]
fn a_batch_is_created_open_with_units_once_and_text_trimmed() {
    let b = Batch::create(BatchId(1), new_batch(&["甲", "乙", "甲"], None), now()).unwrap();
    assert_eq!(b.id.to_string(), "XD-1");
    assert_eq!(b.title, "完成两融开户");
    assert_eq!(b.units, ["甲", "乙"]);
    assert_eq!(b.resources, None);
    assert_eq!((b.status, b.version), (BatchStatus::Open, 1));
    let back: Batch = serde_json::from_str(&serde_json::to_string(&b).unwrap()).unwrap();
    assert_eq!(back, b);
    assert_eq!(BatchId::parse("xd-12"), Some(BatchId(12)));
    assert_eq!(BatchId::parse("XD12"), Some(BatchId(12)));
    assert_eq!(BatchId::parse("DB-12"), None);
}

#[test]
fn a_bad_batch_is_refused_with_an_example() {
    let mut n = new_batch(&["甲"], None);
    n.title = "  ".to_owned();
    assert_eq!(Batch::create(BatchId(1), n, now()), Err(BatchError::EmptyTitle));
    assert_eq!(
        Batch::create(BatchId(1), new_batch(&[], None), now()),
        Err(BatchError::NoUnits)
    );
    let err = Batch::create(BatchId(1), new_batch(&["甲"], None), at(11, 28, 9)).unwrap_err();
    assert!(err.to_string().starts_with("截止时间（"), "{err}");
    assert!(BatchError::EmptyTitle.to_string().contains("例如：/督办 下达"));
}

#[test]
fn only_admins_and_configured_issuers_may_issue() {
    let (a, i, x) = (
        OpenId("ou_a".into()),
        OpenId("ou_i".into()),
        OpenId("ou_x".into()),
    );
    assert_eq!(may_issue(&a, std::slice::from_ref(&a), &[]), Ok(()));
    assert_eq!(may_issue(&i, &[], std::slice::from_ref(&i)), Ok(()));
    assert_eq!(
        may_issue(&x, &[a], &[i]).unwrap_err().to_string(),
        "只有管理员和登记的督办人可以下达事项"
    );
}

#[test]
fn each_unit_gets_an_item_owned_by_its_heads_in_its_group() {
    let b = batch(&["杭州营业部"], None);
    let hz = unit("杭州营业部", &["a", "b"]);
    let heads = [person("a", "甲"), person("b", "乙")];
    let n = b.child(&hz, &heads).unwrap();
    assert_eq!(n.chat_id, hz.chat_id);
    assert_eq!(n.owner.name, "甲");
    assert_eq!(n.assistants, [person("b", "乙")]);
    assert_eq!(n.creator, b.issuer);
    assert_eq!((n.deadline, n.priority), (b.deadline, Priority::P1));
    assert_eq!(n.title, "完成两融开户");
    // Owners on the line win over the heads.
    let mut with_owner = new_batch(&["杭州营业部"], None);
    with_owner.owners = Some(Owners {
        owner: person("z", "张三"),
        assistants: vec![],
    });
    let b2 = Batch::create(BatchId(4), with_owner, now()).unwrap();
    assert_eq!(b2.child(&hz, &heads).unwrap().owner.name, "张三");
    assert_eq!(
        b2.child(&unit("武汉营业部", &[]), &[]).unwrap().owner.name,
        "张三"
    );
    // No heads and no owner named: refused, naming the unit.
    let err = b.child(&unit("武汉营业部", &[]), &[]).unwrap_err();
    assert_eq!(
        err,
        BatchError::NoHeads {
            units: vec!["武汉营业部".to_owned()]
        }
    );
    assert!(
        err.to_string().contains("武汉营业部。请在下达时写明主办"),
        "{err}"
    );
    let wh = unit("武汉营业部", &[]);
    let cs = unit("长沙营业部", &["c"]);
    assert_eq!(units_without_heads(&[&hz, &wh, &cs]), ["武汉营业部"]);
}

#[test]
fn a_resumed_fan_out_does_exactly_the_units_left() {
    let b = batch(&["甲", "乙", "丙", "丁", "戊"], None);
    assert_eq!(b.remaining(&[]), ["甲", "乙", "丙", "丁", "戊"]);
    assert_eq!(b.remaining(&["乙", "甲"]), ["丙", "丁", "戊"]);
    assert!(b.remaining(&["甲", "乙", "丙", "丁", "戊"]).is_empty());
}

#[test]
fn the_issuer_or_an_admin_cancels_with_a_reason() {
    let b = batch(&["甲"], None);
    let boss = b.issuer.open_id.clone();
    let admin = OpenId("ou_admin".into());
    let other = OpenId("ou_x".into());
    assert_eq!(
        b.cancel(&other, "口径调整", &[], now()).unwrap_err().to_string(),
        "只有下达人（王总）或管理员可以取消下达"
    );
    assert_eq!(b.cancel(&boss, " ", &[], now()), Err(BatchError::MissingReason));
    let c = b
        .cancel(&admin, " 口径调整 ", std::slice::from_ref(&admin), now())
        .unwrap();
    assert_eq!(
        (c.status, c.cancel_reason.as_deref(), c.version),
        (BatchStatus::Cancelled, Some("口径调整"), 2)
    );
    assert_eq!(
        c.cancel(&boss, "再取消", &[], now()),
        Err(BatchError::Cancelled { id: BatchId(3) })
    );
    assert!(c.extend(&boss, at(12, 4, 18), false, &[], now()).is_err());
}

#[test]
fn extending_moves_the_deadline_for_all_and_keeps_the_first_one() {
    let b = batch(&["甲"], None);
    let boss = b.issuer.open_id.clone();
    let err = b.extend(&boss, at(11, 26, 18), false, &[], now()).unwrap_err();
    assert!(matches!(err, BatchError::NotLater { .. }), "{err}");
    let e1 = b.extend(&boss, at(12, 4, 18), true, &[], now()).unwrap();
    let e2 = e1.extend(&boss, at(12, 11, 18), false, &[], now()).unwrap();
    assert_eq!(e2.deadline, at(12, 11, 18));
    assert_eq!(e2.original_deadline, Some(at(11, 27, 18)));
    assert_eq!(e2.version, 3);
    assert!(e1.deadline_has_time && !e2.deadline_has_time);
}

#[test]
fn targets_parse_in_the_forms_people_type() {
    let t = |s: &str| Target::parse(s).unwrap();
    for s in [
        "≥30户",
        ">=30户",
        "＞＝３０户",
        "不少于30户",
        "至少 30 户",
        "30户以上",
        "30户",
        "≥ 30户",
    ] {
        assert_eq!(
            t(s),
            Target {
                cmp: Cmp::AtLeast,
                value: Amount::whole(30),
                unit: "户".into()
            },
            "{s}"
        );
    }
    assert_eq!(t("100%").to_string(), "≥100%");
    assert_eq!(t("１００％").to_string(), "≥100%");
    assert_eq!(t("≤2笔").to_string(), "≤2笔");
    assert_eq!(t("不超过2笔"), t("2笔以内"));
    assert_eq!(t("1,500万元").to_string(), "≥1500万元");
    assert_eq!(t("2.75亿元").value, Amount(27_500));
    assert_eq!(t("12").unit, "");
    for bad in ["", "很多", "户30", "30户3", "1.23456%", "≥"] {
        assert!(
            matches!(Target::parse(bad), Err(TargetError::Unreadable { .. })),
            "{bad}"
        );
    }
    assert_eq!(Target::parse("0户"), Err(TargetError::Zero));
    assert_eq!(
        Target::parse("很多").unwrap_err().to_string(),
        "没看懂指标“很多”，请写成数字加单位，例如：≥30户、100%、500万元"
    );
}

#[test]
fn amounts_are_exact_and_shown_without_trailing_zeros() {
    assert_eq!(Amount::parse("85.5"), Some(Amount(855_000)));
    assert_eq!(Amount::parse("85.5").unwrap().to_string(), "85.5");
    assert_eq!(Amount::parse("0.0625").unwrap().to_string(), "0.0625");
    assert_eq!(Amount::parse("3."), Some(Amount::whole(3)));
    assert_eq!(Amount::parse("."), None);
    assert_eq!(Amount::whole(7).divided_by(2).to_string(), "3.5");
    assert_eq!(Amount::whole(1).divided_by(3).to_string(), "0.3333");
    assert_eq!(Amount::whole(45).percent_of(Amount::whole(30)), Some(150));
    assert_eq!(Amount::whole(1).percent_of(Amount::default()), None);
}

#[test]
fn reports_read_in_the_targets_unit_and_give_attainment() {
    let t = Target::parse("≥30户").unwrap();
    assert_eq!(t.read_report("24"), Ok(Amount::whole(24)));
    assert_eq!(t.read_report("２４户"), Ok(Amount::whole(24)));
    assert_eq!(
        t.read_report("24万元").unwrap_err().to_string(),
        "指标的单位是“户”，汇报的是“万元”，请按“户”汇报"
    );
    assert!(matches!(
        t.read_report("二十四"),
        Err(TargetError::BadReport { .. })
    ));
    assert_eq!(t.attainment(Amount::whole(24)).percent, Some(80));
    assert!(!t.attainment(Amount::whole(24)).met);
    assert!(t.attainment(Amount::whole(30)).met);
    let ceiling = Target::parse("≤2笔").unwrap();
    assert_eq!(ceiling.attainment(Amount::whole(1)).percent, None);
    assert!(ceiling.attainment(Amount::whole(2)).met);
    assert!(!ceiling.attainment(Amount::whole(3)).met);
}

#[test]
fn a_report_is_allowed_to_the_owner_and_audited() {
    let b = batch(&["杭州营业部"], Some("≥30户"));
    let it = child_item(&b, 9, &unit("杭州营业部", &["head"]), Status::InProgress);
    assert_eq!(Report::may_report(&it, &OpenId("ou_head".into()), &[]), Ok(()));
    assert_eq!(
        Report::may_report(&it, &OpenId("ou_x".into()), &[])
            .unwrap_err()
            .to_string(),
        "只有主办（负责人）、协办或管理员可以汇报数值"
    );
    let t = b.target.as_ref().unwrap();
    let r1 = Report {
        value: Amount::whole(12),
        note: None,
        by: it.owner.clone(),
        at: now(),
    };
    let r2 = Report {
        value: Amount::whole(33),
        note: Some("新增3户".into()),
        by: it.owner,
        at: now(),
    };
    let rec = r2.audit_record(Some(&r1), t, Source::System);
    assert_eq!(rec.action, "report");
    assert_eq!(
        (rec.changes[0].before.as_str(), rec.changes[0].after.as_str()),
        ("12户", "33户（达成110%）")
    );
    assert_eq!(rec.note.as_deref(), Some("新增3户"));
    let back: Report = serde_json::from_str(&serde_json::to_string(&r2).unwrap()).unwrap();
    assert_eq!(back, r2);
}

#[test]
fn the_rollup_folds_units_per_state_and_names_the_late_ones() {
    let names = ["甲", "乙", "丙", "丁", "戊", "己"];
    let b = batch(&names, None);
    let u: Vec<Unit> = names.iter().map(|n| unit(n, &["head"])).collect();
    let pending = child_item(&b, 1, &u[0], Status::Pending);
    let mut late = child_item(&b, 2, &u[1], Status::InProgress);
    late.deadline = at(11, 20, 18); // 3 working days overdue
    let mut late_pending = child_item(&b, 3, &u[2], Status::Pending);
    late_pending.deadline = at(11, 24, 18);
    let mut done = child_item(&b, 4, &u[3], Status::Done);
    done.completed_at = Some(at(11, 24, 9));
    let cancelled = child_item(&b, 5, &u[4], Status::Cancelled);
    let kids = [
        Child {
            unit: "甲",
            item: Some(&pending),
            report: None,
        },
        Child {
            unit: "乙",
            item: Some(&late),
            report: None,
        },
        Child {
            unit: "丙",
            item: Some(&late_pending),
            report: None,
        },
        Child {
            unit: "丁",
            item: Some(&done),
            report: None,
        },
        Child {
            unit: "戊",
            item: Some(&cancelled),
            report: None,
        },
        Child {
            unit: "己",
            item: None,
            report: None,
        },
    ];
    let r = rollup(&b, &kids, now(), &Calendar::builtin());
    assert_eq!((r.total, r.acknowledged, r.on_time), (5, 2, 1));
    assert_eq!(r.units(ChildState::Overdue), ["乙", "丙"]);
    assert_eq!(r.units(ChildState::Pending), ["甲"]);
    assert_eq!(r.units(ChildState::Done), ["丁"]);
    assert_eq!(r.units(ChildState::Cancelled), ["戊"]);
    assert_eq!(r.units(ChildState::Posting), ["己"]);
    let late: Vec<(&str, u32)> = r.late.iter().map(|l| (l.unit.as_str(), l.workdays)).collect();
    assert_eq!(late, [("乙", 3), ("丙", 1)]);
    assert_eq!(r.headline(), "签收 2/5 · 待签收 1 · 已完成 1 · 逾期 2 · 发送中 1");
    assert!(!r.is_settled());
    assert_eq!(r.attained, None);
}

#[test]
fn numeric_targets_are_summed_and_percentages_averaged() {
    let names = ["甲", "乙", "丙"];
    let u: Vec<Unit> = names.iter().map(|n| unit(n, &["head"])).collect();
    let report = |v: i64| Report {
        value: Amount::whole(v),
        note: None,
        by: person("head", "负责人"),
        at: now(),
    };
    let (r24, r36) = (report(24), report(36));

    let b = batch(&names, Some("≥30户"));
    let items: Vec<Item> = (0..3)
        .map(|i| child_item(&b, i + 1, &u[usize::try_from(i).unwrap()], Status::InProgress))
        .collect();
    let kids = [
        Child {
            unit: "甲",
            item: Some(&items[0]),
            report: Some(&r24),
        },
        Child {
            unit: "乙",
            item: Some(&items[1]),
            report: Some(&r36),
        },
        Child {
            unit: "丙",
            item: Some(&items[2]),
            report: None,
        },
    ];
    let a = rollup(&b, &kids, now(), &Calendar::builtin()).attained.unwrap();
    assert_eq!((a.mode, a.reported, a.met), (Mode::Sum, 2, 1));
    assert_eq!(
        (a.value, a.goal, a.percent),
        (Amount::whole(60), Amount::whole(90), Some(67))
    );

    let b = batch(&names, Some("100%"));
    let (p80, p100) = (report(80), report(100));
    let kids = [
        Child {
            unit: "甲",
            item: Some(&items[0]),
            report: Some(&p80),
        },
        Child {
            unit: "乙",
            item: Some(&items[1]),
            report: Some(&p100),
        },
        Child {
            unit: "丙",
            item: Some(&items[2]),
            report: None,
        },
    ];
    let r = rollup(&b, &kids, now(), &Calendar::builtin());
    let a = r.attained.clone().unwrap();
    assert_eq!(
        (a.mode, a.value, a.goal, a.percent, a.met),
        (Mode::Average, Amount::whole(90), Amount::whole(100), Some(90), 1)
    );
    assert!(r.headline().ends_with("· 达成 90%"), "{}", r.headline());

    // Nothing reported yet: no percentage.
    let kids = [Child {
        unit: "甲",
        item: Some(&items[0]),
        report: None,
    }];
    let a = rollup(&b, &kids, now(), &Calendar::builtin()).attained.unwrap();
    assert_eq!((a.reported, a.percent), (0, None));
}
