//! Tests of units: declarations, bindings, lookups, 下达 target selection and the org ranking.

use jiff::Timestamp;

use super::*;

fn decl(name: &str, kind: Option<&str>, region: Option<&str>, chat: Option<&str>, heads: &[&str]) -> UnitDecl {
    UnitDecl {
        name: name.to_owned(),
        kind: kind.map(str::to_owned),
        region: region.map(str::to_owned),
        chat_id: chat.map(str::to_owned),
        heads: heads.iter().map(|h| (*h).to_owned()).collect(),
    }
}

/// Six units: four 营业部 in two regions, two 总部部门.
pub(super) fn firm() -> UnitRegistry {
    UnitRegistry::from_decls(
        &["华东片区".to_owned(), "华中片区".to_owned()],
        &[
            decl("杭州营业部", None, Some("华东片区"), Some("oc_hz"), &["ou_hz1", "ou_hz2"]),
            decl("宁波营业部", Some("营业部"), Some("华东"), Some("oc_nb"), &["ou_nb"]),
            decl("长沙营业部", None, Some("华中片区"), Some("oc_cs"), &["ou_cs"]),
            decl("武汉营业部", None, Some("华中片区"), Some("oc_wh"), &[]),
            decl("合规管理部", Some("总部部门"), None, Some("oc_hg"), &["ou_hg"]),
            decl("财富管理部", Some("总部"), None, Some("oc_cf"), &["ou_cf"]),
        ],
    )
    .unwrap()
}

fn bound(name: &str, chat: &str, region: Option<&str>) -> Unit {
    Unit {
        name: name.to_owned(),
        kind: UnitKind::infer(name).unwrap_or(UnitKind::Branch),
        region: region.map(str::to_owned),
        chat_id: ChatId(chat.to_owned()),
        heads: vec![OpenId("ou_x".to_owned())],
        origin: Origin::Chat {
            by: Person {
                open_id: OpenId("ou_admin".to_owned()),
                name: "管理员".to_owned(),
            },
            at: Timestamp::UNIX_EPOCH,
        },
    }
}

fn names(units: &[&Unit]) -> Vec<String> {
    units.iter().map(|u| u.name.clone()).collect()
}

#[test]
fn declarations_build_a_registry_with_kinds_inferred_and_regions_canonical() {
    let reg = firm();
    assert_eq!(reg.all().len(), 6);
    let hz = reg.by_name("杭州营业部").unwrap();
    assert_eq!(hz.kind, UnitKind::Branch);
    assert_eq!(hz.heads, vec![OpenId("ou_hz1".to_owned()), OpenId("ou_hz2".to_owned())]);
    assert_eq!(hz.origin, Origin::Config);
    assert_eq!(reg.by_name("宁波营业部").unwrap().region.as_deref(), Some("华东片区"));
    assert_eq!(reg.by_name("财富管理部").unwrap().kind, UnitKind::HeadOffice);
    assert_eq!(reg.by_chat(&ChatId("oc_cs".to_owned())).unwrap().name, "长沙营业部");
    assert!(reg.by_chat(&ChatId("oc_none".to_owned())).is_none());
    assert_eq!(reg.kinds(), vec![&UnitKind::Branch, &UnitKind::HeadOffice]);
}

#[test]
fn every_bad_declaration_is_reported_at_once_in_plain_chinese() {
    let errs = UnitRegistry::from_decls(
        &["华东片区".to_owned()],
        &[
            decl("杭州营业部", None, Some("华东片区"), Some("oc_hz"), &[]),
            decl("杭州营业部", None, None, Some("oc_hz2"), &[]),
            decl("上海营业部", None, None, Some("oc_hz"), &[]),
            decl("北京营业部", None, Some("华北片区"), Some("oc_bj"), &[]),
            decl("深圳营业部", None, None, None, &[]),
            decl("客户服务", None, None, Some("oc_kf"), &[]),
            decl("广州营业部", None, None, Some("gz"), &[]),
            decl("成都营业部", None, None, Some("oc_cd"), &["zhang"]),
            decl("营业部", None, None, Some("oc_y"), &[]),
            decl("杭州 营业部", None, None, Some("oc_s"), &[]),
        ],
    )
    .unwrap_err();
    let text: Vec<String> = errs.iter().map(ToString::to_string).collect();
    assert_eq!(errs.len(), 9, "{text:#?}");
    assert_eq!(errs[0], UnitError::DuplicateName { name: "杭州营业部".to_owned() });
    assert_eq!(text[1], "这个群已经绑定为“杭州营业部”，一个群只能对应一个单位");
    assert_eq!(text[2], "单位“北京营业部”的片区“华北片区”还没有登记（已登记的片区：华东片区）");
    assert!(text[3].starts_with("单位“深圳营业部”没有对应的群"), "{}", text[3]);
    assert_eq!(text[4], "请写明单位“客户服务”的类别，例如：营业部、分公司或总部部门");
    assert_eq!(text[5], "单位“广州营业部”的群 ID“gz”不对，群 ID 以 oc_ 开头");
    assert_eq!(text[6], "单位“成都营业部”的负责人“zhang”不是有效的用户 ID（ou_ 开头）");
    assert!(text[7].contains("这是单位类别的名称"), "{}", text[7]);
    assert!(text[8].contains("空格"), "{}", text[8]);
}

#[test]
fn without_an_explicit_list_the_declared_regions_are_the_known_ones() {
    let reg = UnitRegistry::from_decls(
        &[],
        &[
            decl("杭州营业部", None, Some("华东片区"), Some("oc_hz"), &[]),
            decl("长沙营业部", None, Some("华中片区"), Some("oc_cs"), &[]),
        ],
    )
    .unwrap();
    assert_eq!(reg.regions(), ["华东片区", "华中片区"]);
    // A chat binding may only use a known region.
    let mut reg = reg;
    let err = reg.bind(bound("上海营业部", "oc_sh", Some("华东区"))).unwrap_err();
    assert!(matches!(err, UnitError::UnknownRegion { .. }), "{err}");
    assert_eq!(reg.bind(bound("上海营业部", "oc_sh", Some("华东"))), Ok(Binding::New));
    assert_eq!(reg.by_name("上海营业部").unwrap().region.as_deref(), Some("华东片区"));
}

#[test]
fn a_name_that_a_target_could_not_tell_apart_is_refused() {
    let reg = firm();
    for (name, why) in [
        ("华东片区", "片区"),
        ("全部营业部", "全部"),
        ("杭州，营业部", "逗号"),
        ("总部", "类别"),
        ("", ""),
    ] {
        let err = reg.check_binding(&bound(name, "oc_new", None)).unwrap_err();
        assert!(err.to_string().contains(why), "{name}: {err}");
    }
    let long = "很".repeat(MAX_NAME_CHARS + 1);
    assert!(reg.check_binding(&bound(&long, "oc_new", None)).is_err());
}

#[test]
fn binding_in_chat_adds_updates_and_refuses_conflicts() {
    let mut reg = firm();
    assert_eq!(reg.bind(bound("上海营业部", "oc_sh", Some("华东片区"))), Ok(Binding::New));
    assert_eq!(reg.bind(bound("南京营业部", "oc_nj", None)), Ok(Binding::New));
    // Bound units follow the configured ones, by name.
    let order: Vec<&str> = reg.all().iter().map(|u| u.name.as_str()).collect();
    assert_eq!(&order[6..], ["上海营业部", "南京营业部"]);
    assert_eq!(reg.in_region("华东片区").len(), 3);

    // The same name again in its own group updates it.
    let mut again = bound("上海营业部", "oc_sh", None);
    again.heads = vec![OpenId("ou_new".to_owned())];
    let out = reg.bind(again).unwrap();
    assert!(matches!(out, Binding::Replaces(old) if old.region.as_deref() == Some("华东片区")));
    assert_eq!(reg.by_name("上海营业部").unwrap().heads[0].0, "ou_new");
    assert_eq!(reg.all().len(), 8);

    // A group bound twice, a name bound elsewhere, a configured unit: refused, nothing changes.
    let before = reg.clone();
    assert_eq!(
        reg.bind(bound("苏州营业部", "oc_sh", None)),
        Err(UnitError::ChatTaken {
            name: "苏州营业部".to_owned(),
            other: "上海营业部".to_owned()
        })
    );
    assert_eq!(
        reg.bind(bound("上海营业部", "oc_elsewhere", None)),
        Err(UnitError::NameTaken { name: "上海营业部".to_owned() })
    );
    assert_eq!(
        reg.bind(bound("杭州营业部", "oc_other", None)),
        Err(UnitError::FromConfig { name: "杭州营业部".to_owned() })
    );
    assert_eq!(
        reg.bind(bound("苏州营业部", "oc_hz", None)),
        Err(UnitError::ChatTaken {
            name: "苏州营业部".to_owned(),
            other: "杭州营业部".to_owned()
        })
    );
    let mut no_chat = bound("苏州营业部", "", None);
    no_chat.chat_id = ChatId(String::new());
    assert_eq!(reg.bind(no_chat), Err(UnitError::NoChat { name: "苏州营业部".to_owned() }));
    assert_eq!(reg, before);
}

#[test]
fn unbinding_removes_chat_units_only() {
    let mut reg = firm();
    reg.bind(bound("上海营业部", "oc_sh", None)).unwrap();
    assert_eq!(
        reg.unbind("杭州营业部").unwrap_err().to_string(),
        "单位“杭州营业部”是在配置文件中登记的，请修改配置文件，不能在群里绑定或解绑"
    );
    let gone = reg.unbind("@上海").unwrap();
    assert_eq!(gone.name, "上海营业部");
    assert!(reg.by_chat(&ChatId("oc_sh".to_owned())).is_none());
    assert!(matches!(reg.unbind("上海营业部"), Err(UnitError::Unknown { .. })));
    // The group is free again.
    assert_eq!(reg.bind(bound("苏州营业部", "oc_sh", None)), Ok(Binding::New));
}

#[test]
fn stored_bindings_that_no_longer_fit_are_left_out_and_reported() {
    let (reg, skipped) = firm().with_bindings(vec![
        bound("上海营业部", "oc_sh", None),
        bound("杭州营业部", "oc_x", None),
        bound("苏州营业部", "oc_cs", None),
        bound("北京营业部", "oc_bj", Some("华北片区")),
    ]);
    assert_eq!(reg.all().len(), 7);
    let why: Vec<&UnitError> = skipped.iter().map(|(_, e)| e).collect();
    assert!(matches!(why[0], UnitError::FromConfig { .. }));
    assert!(matches!(why[1], UnitError::ChatTaken { .. }));
    assert!(matches!(why[2], UnitError::UnknownRegion { .. }));
}

#[test]
fn a_unit_is_found_by_exact_name_at_sign_or_unique_prefix() {
    let mut reg = firm();
    assert_eq!(reg.find("杭州营业部").unwrap().name, "杭州营业部");
    assert_eq!(reg.find(" @杭州营业部 ").unwrap().name, "杭州营业部");
    assert_eq!(reg.find("＠杭州").unwrap().name, "杭州营业部");
    assert_eq!(reg.find("合规").unwrap().name, "合规管理部");
    // One character is too little to guess from.
    assert!(matches!(reg.find("杭"), Err(UnitError::Unknown { .. })));
    // Unknown, with near names.
    assert_eq!(
        reg.find("管理部").unwrap_err().to_string(),
        "找不到单位“管理部”（相近的单位：合规管理部、财富管理部）"
    );
    // Two units start alike: the error names both.
    reg.bind(bound("杭州分公司", "oc_hzf", None)).unwrap();
    assert_eq!(
        reg.find("杭州").unwrap_err().to_string(),
        "“杭州”可能是杭州营业部、杭州分公司，请写出完整的单位名称"
    );
    assert_eq!(reg.find("杭州营业部").unwrap().name, "杭州营业部");
}

#[test]
fn targets_select_units_by_all_kind_region_and_name() {
    let reg = firm();
    let sel = |s: &str| names(&reg.select(s).unwrap());
    let branches = ["杭州营业部", "宁波营业部", "长沙营业部", "武汉营业部"];
    assert_eq!(sel("全部营业部"), branches);
    assert_eq!(sel("各营业部"), branches);
    assert_eq!(sel("营业部"), branches);
    assert_eq!(sel("全部").len(), 6);
    assert_eq!(sel("所有单位").len(), 6);
    assert_eq!(sel("华东片区"), ["杭州营业部", "宁波营业部"]);
    assert_eq!(sel("华中"), ["长沙营业部", "武汉营业部"]);
    assert_eq!(sel("华中片区营业部"), ["长沙营业部", "武汉营业部"]);
    assert_eq!(sel("营业部,总部部门").len(), 6);
    assert_eq!(sel("总部"), ["合规管理部", "财富管理部"]);
    assert_eq!(sel("@杭州营业部 @长沙营业部"), ["杭州营业部", "长沙营业部"]);
    // Union in registry order, each unit once, whatever the separators.
    assert_eq!(
        sel("@长沙营业部，华东片区、长沙；合规"),
        ["杭州营业部", "宁波营业部", "长沙营业部", "合规管理部"]
    );
}

#[test]
fn a_bad_target_names_every_unknown_ambiguous_or_empty_word() {
    let mut reg = firm();
    reg.bind(bound("杭州分公司", "oc_hzf", None)).unwrap();
    let err = reg.select("@杭洲营业部 华北片区 杭州 全部子公司 @长沙营业部").unwrap_err();
    assert_eq!(err.unknown, ["杭洲营业部", "华北片区", "全部子公司"]);
    assert_eq!(err.ambiguous, [("杭州".to_owned(), vec!["杭州营业部".to_owned(), "杭州分公司".to_owned()])]);
    assert_eq!(
        err.to_string(),
        "找不到这些单位或片区：杭洲营业部、华北片区、全部子公司；“杭州”可能是杭州营业部、杭州分公司，请写出完整名称\
         （可以写：全部、华东片区、华中片区、全部营业部、全部分公司、全部总部部门，或具体单位名称）"
    );
    let err = firm().select("全部分公司").unwrap_err();
    assert_eq!(err.empty, ["全部分公司"]);
    assert!(err.to_string().starts_with("全部分公司下还没有登记任何单位"), "{err}");
    let err = firm().select(" ，、 ").unwrap_err();
    assert!(err.to_string().starts_with("请写明下达对象"), "{err}");
}

#[test]
fn kinds_read_and_store_as_their_labels() {
    assert_eq!(UnitKind::parse("营业部"), Some(UnitKind::Branch));
    assert_eq!(UnitKind::parse(" 部门 "), Some(UnitKind::HeadOffice));
    assert_eq!(UnitKind::parse("子公司"), Some(UnitKind::Other("子公司".to_owned())));
    assert_eq!(UnitKind::parse("  "), None);
    assert_eq!(UnitKind::infer("上海分公司"), Some(UnitKind::Company));
    assert_eq!(UnitKind::infer("财富管理中心"), Some(UnitKind::HeadOffice));
    assert_eq!(UnitKind::infer("客户服务"), None);
    let json = serde_json::to_string(&[UnitKind::HeadOffice, UnitKind::Other("子公司".to_owned())]).unwrap();
    assert_eq!(json, r#"["总部部门","子公司"]"#);
    let back: Vec<UnitKind> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, [UnitKind::HeadOffice, UnitKind::Other("子公司".to_owned())]);
}

#[test]
fn units_are_declared_in_toml_and_stored_as_json() {
    #[derive(serde::Deserialize)]
    struct File {
        units: Vec<UnitDecl>,
    }
    let f: File = toml::from_str(
        r#"
        [[units]]
        name = "杭州营业部"
        kind = "营业部"
        region = "华东片区"
        chat_id = "oc_hz"
        heads = ["ou_a", "ou_b"]

        [[units]]
        name = "合规管理部"
        chat_id = "oc_hg"
        "#,
    )
    .unwrap();
    let reg = UnitRegistry::from_decls(&[], &f.units).unwrap();
    assert_eq!(reg.by_name("合规管理部").unwrap().kind, UnitKind::HeadOffice);
    assert!(toml::from_str::<File>("[[units]]\nname = \"x\"\ncolour = \"red\"").is_err());
    let u = bound("上海营业部", "oc_sh", None);
    let back: Unit = serde_json::from_str(&serde_json::to_string(&u).unwrap()).unwrap();
    assert_eq!(back, u);
}

mod ranking_tests {
    use std::collections::HashMap;

    use jiff::Timestamp;
    use jiff::civil::date;

    use super::super::ranking::{BatchLine, UnitItems, fingerprint, org_board, rank, unit_figures};
    use crate::calendar::Calendar;
    use crate::domain::board::Period;
    use crate::domain::ids::{BatchId, ChatId, ItemId, OpenId, Person};
    use crate::domain::priority::Priority;
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
            NewItem {
                title: format!("事项{id}"),
                chat_id: ChatId("oc_1".to_owned()),
                creator: p.clone(),
                owner: p,
                assistants: vec![],
                deadline,
                deadline_has_time: false,
                priority: Priority::P2,
                tags: vec![],
                resources: None,
                scenario: None,
                description: None,
                source_message: None,
            },
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
            ("宁波营业部", vec![item(9, Status::InProgress, at(11, 27, 18), None)]),
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
        let r = rank(&views(&data), &HashMap::new(), Period::ThisMonth, now(), &Calendar::builtin());
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
        assert_eq!(late, [("长沙营业部", 2, 2), ("杭州营业部", 1, 3), ("武汉营业部", 1, 1)]);
        // Last month nobody completed anything; the late list is about now.
        let r = rank(&views(&data), &HashMap::new(), Period::LastMonth, now(), &Calendar::builtin());
        assert!(r.on_time.is_empty());
        assert_eq!(r.late.len(), 3);
    }

    #[test]
    fn unit_figures_add_up_the_per_person_statistics() {
        let data = firm_items();
        let chases = HashMap::from([(ItemId(6), 2)]);
        let figs = unit_figures(&views(&data), &chases, Period::ThisMonth, now(), &Calendar::builtin());
        let cs = &figs[1];
        assert_eq!(cs.unit, "长沙营业部");
        assert_eq!((cs.completed, cs.on_time, cs.open_overdue), (2, 1, 2));
        assert_eq!(cs.on_time_rate, Some(0.5));
        assert_eq!(cs.avg_delay_workdays, Some(1.5));
        assert_eq!(cs.times_urged, 2);
        let hg = &figs[4];
        assert_eq!((hg.completed, hg.on_time_rate, hg.avg_delay_workdays), (0, None, None));
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
        let b = org_board(&views(&data), vec![line("签收 3/5")], &HashMap::new(), now(), &cal);
        let due: Vec<(&str, usize)> = b.due_this_week.iter().map(|(u, r)| (u.as_str(), r.len())).collect();
        assert_eq!(due, [("宁波营业部", 1)]);
        assert_eq!(b.ranking.on_time.len(), 2);
        assert_eq!(b.generated_for, date(2026, 11, 25));
        // Same content an hour later (same working-day counts): same fingerprint.
        let later = org_board(&views(&data), vec![line("签收 3/5")], &HashMap::new(), at(11, 25, 11), &cal);
        assert_eq!(fingerprint(&b), fingerprint(&later));
        let moved = org_board(&views(&data), vec![line("签收 4/5")], &HashMap::new(), now(), &cal);
        assert_ne!(fingerprint(&b), fingerprint(&moved));
        assert_eq!(fingerprint(&b).len(), 16);
    }
}
