//! Tests of units: declarations, bindings, lookups, 下达 target selection and the org ranking.

use jiff::Timestamp;

use super::*;
use crate::domain::ids::{ChatId, OpenId, Person};

fn decl(
    name: &str,
    kind: Option<&str>,
    region: Option<&str>,
    chat: Option<&str>,
    heads: &[&str],
) -> UnitDecl {
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
            decl(
                "杭州营业部",
                None,
                Some("华东片区"),
                Some("oc_hz"),
                &["ou_hz1", "ou_hz2"],
            ),
            decl(
                "宁波营业部",
                Some("营业部"),
                Some("华东"),
                Some("oc_nb"),
                &["ou_nb"],
            ),
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
    assert_eq!(
        hz.heads,
        vec![OpenId("ou_hz1".to_owned()), OpenId("ou_hz2".to_owned())]
    );
    assert_eq!(hz.origin, Origin::Config);
    assert_eq!(
        reg.by_name("宁波营业部").unwrap().region.as_deref(),
        Some("华东片区")
    );
    assert_eq!(reg.by_name("财富管理部").unwrap().kind, UnitKind::HeadOffice);
    assert_eq!(
        reg.by_chat(&ChatId("oc_cs".to_owned())).unwrap().name,
        "长沙营业部"
    );
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
    assert_eq!(
        errs[0],
        UnitError::DuplicateName {
            name: "杭州营业部".to_owned()
        }
    );
    assert_eq!(text[1], "这个群已经绑定为“杭州营业部”，一个群只能对应一个单位");
    assert_eq!(
        text[2],
        "单位“北京营业部”的片区“华北片区”还没有登记（已登记的片区：华东片区）"
    );
    assert!(text[3].starts_with("单位“深圳营业部”没有对应的群"), "{}", text[3]);
    assert_eq!(
        text[4],
        "请写明单位“客户服务”的类别，例如：营业部、分公司或总部部门"
    );
    assert_eq!(text[5], "单位“广州营业部”的群 ID“gz”不对，群 ID 以 oc_ 开头");
    assert_eq!(
        text[6],
        "单位“成都营业部”的负责人“zhang”不是有效的用户 ID（ou_ 开头）"
    );
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
    let err = reg
        .bind(bound("上海营业部", "oc_sh", Some("华东区")))
        .unwrap_err();
    assert!(matches!(err, UnitError::UnknownRegion { .. }), "{err}");
    assert_eq!(
        reg.bind(bound("上海营业部", "oc_sh", Some("华东"))),
        Ok(Binding::New)
    );
    assert_eq!(
        reg.by_name("上海营业部").unwrap().region.as_deref(),
        Some("华东片区")
    );
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
    assert_eq!(
        reg.bind(bound("上海营业部", "oc_sh", Some("华东片区"))),
        Ok(Binding::New)
    );
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
        Err(UnitError::NameTaken {
            name: "上海营业部".to_owned()
        })
    );
    assert_eq!(
        reg.bind(bound("杭州营业部", "oc_other", None)),
        Err(UnitError::FromConfig {
            name: "杭州营业部".to_owned()
        })
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
    assert_eq!(
        reg.bind(no_chat),
        Err(UnitError::NoChat {
            name: "苏州营业部".to_owned()
        })
    );
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
    let sel = |s: &str| names(&select_units(&reg, s).unwrap());
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
    let err = select_units(&reg, "@杭洲营业部 华北片区 杭州 全部子公司 @长沙营业部").unwrap_err();
    assert_eq!(err.unknown, ["杭洲营业部", "华北片区", "全部子公司"]);
    assert_eq!(
        err.ambiguous,
        [(
            "杭州".to_owned(),
            vec!["杭州营业部".to_owned(), "杭州分公司".to_owned()]
        )]
    );
    assert_eq!(
        err.to_string(),
        "找不到这些单位或片区：杭洲营业部、华北片区、全部子公司；“杭州”可能是杭州营业部、杭州分公司，请写出完整名称\
         （可以写：全部、华东片区、华中片区、全部营业部、全部分公司、全部总部部门，或具体单位名称）"
    );
    let err = select_units(&firm(), "全部分公司").unwrap_err();
    assert_eq!(err.empty, ["全部分公司"]);
    assert!(
        err.to_string().starts_with("全部分公司下还没有登记任何单位"),
        "{err}"
    );
    let err = select_units(&firm(), " ，、 ").unwrap_err();
    assert!(err.to_string().starts_with("请写明下达对象"), "{err}");
}

#[test]
fn kinds_read_and_store_as_their_labels() {
    assert_eq!(UnitKind::parse("营业部"), Some(UnitKind::Branch));
    assert_eq!(UnitKind::parse(" 部门 "), Some(UnitKind::HeadOffice));
    assert_eq!(
        UnitKind::parse("子公司"),
        Some(UnitKind::Other("子公司".to_owned()))
    );
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

#[test]
fn a_kind_in_the_firms_own_words_is_selectable_once_a_unit_has_it() {
    let mut reg = firm();
    let mut zgs = bound("资管子公司", "oc_zg", None);
    zgs.kind = UnitKind::Other("子公司".to_owned());
    reg.bind(zgs).unwrap();
    assert_eq!(names(&select_units(&reg, "全部子公司").unwrap()), ["资管子公司"]);
    assert_eq!(select_units(&reg, "子公司,总部").unwrap().len(), 3);
    assert!(reg.kinds().contains(&&UnitKind::Other("子公司".to_owned())));
}
