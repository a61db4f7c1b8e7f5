//! Tests of the unit list card: grouping by region and kind, origins, heads, 67 units.

use std::collections::HashMap;

use crate::card::fixtures::unit_names;
use crate::card::fixtures::{at, now, person};
use crate::card::fmt::{json_size, within_limits};
use crate::card::org::{unit_list_card, units};
use crate::domain::ids::{ChatId, OpenId};
use crate::domain::unit::{Origin, Unit, UnitDecl, UnitKind, UnitRegistry};

fn registry() -> UnitRegistry {
    let decl = |name: &str, kind: Option<&str>, region: Option<&str>, chat: &str, heads: &[&str]| UnitDecl {
        name: name.to_owned(),
        kind: kind.map(str::to_owned),
        region: region.map(str::to_owned),
        chat_id: Some(chat.to_owned()),
        heads: heads.iter().map(|h| (*h).to_owned()).collect(),
    };
    let reg = UnitRegistry::from_decls(
        &["华东片区".to_owned(), "华中片区".to_owned()],
        &[
            decl(
                "杭州营业部",
                None,
                Some("华东片区"),
                "oc_hz",
                &["ou_zhoujie", "ou_chenli"],
            ),
            decl("宁波营业部", None, Some("华东片区"), "oc_nb", &["ou_liqiang"]),
            decl("长沙营业部", None, Some("华中片区"), "oc_cs", &["ou_zhaolei"]),
            decl("武汉营业部", None, Some("华中片区"), "oc_wh", &["ou_wujun"]),
            decl("合规管理部", Some("总部部门"), None, "oc_hg", &["ou_qianhui"]),
        ],
    )
    .unwrap();
    let (reg, skipped) = reg.with_bindings(vec![
        Unit {
            name: "财富管理部".to_owned(),
            kind: UnitKind::HeadOffice,
            region: None,
            chat_id: ChatId("oc_cf".to_owned()),
            heads: vec![],
            origin: Origin::Chat {
                by: person("admin", "管理员小刘"),
                at: at(2026, 11, 20, 9, 30),
            },
        },
        Unit {
            name: "上海分公司".to_owned(),
            kind: UnitKind::Company,
            region: Some("华东".to_owned()),
            chat_id: ChatId("oc_sh".to_owned()),
            heads: vec![OpenId("ou_gaofeng".to_owned())],
            origin: Origin::Chat {
                by: person("admin", "管理员小刘"),
                at: at(2026, 11, 21, 14, 0),
            },
        },
    ]);
    assert!(skipped.is_empty(), "{skipped:?}");
    reg
}

fn names() -> HashMap<OpenId, String> {
    [
        ("zhoujie", "周杰"),
        ("chenli", "陈丽"),
        ("liqiang", "李强"),
        ("zhaolei", "赵磊"),
        ("qianhui", "钱慧"),
    ]
    .iter()
    .map(|(id, n)| (OpenId(format!("ou_{id}")), (*n).to_owned()))
    .collect()
}

#[test]
fn snapshot_of_the_unit_list() {
    let c = unit_list_card(&registry(), &names(), now());
    assert!(within_limits(&c));
    insta::assert_json_snapshot!("unit_list", c);
}

#[test]
fn units_are_grouped_by_region_then_kind() {
    let reg = registry();
    type Named = (String, Vec<String>);
    let groups: Vec<(String, Vec<Named>)> = units::grouped(&reg)
        .into_iter()
        .map(|(r, ks)| {
            (
                r,
                ks.into_iter()
                    .map(|(k, us)| (k.label().to_owned(), us.iter().map(|u| u.name.clone()).collect()))
                    .collect(),
            )
        })
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        groups,
        vec![
            (
                "华东片区".to_owned(),
                vec![
                    ("营业部".to_owned(), s(&["杭州营业部", "宁波营业部"])),
                    ("分公司".to_owned(), s(&["上海分公司"])),
                ]
            ),
            (
                "华中片区".to_owned(),
                vec![("营业部".to_owned(), s(&["长沙营业部", "武汉营业部"]))]
            ),
            (
                "未分片区".to_owned(),
                vec![("总部部门".to_owned(), s(&["合规管理部", "财富管理部"]))]
            ),
        ]
    );
    let text = unit_list_card(&reg, &names(), now()).to_string();
    assert!(text.contains("负责人 周杰、陈丽"));
    assert!(
        text.contains("负责人 <at id=ou_gaofeng></at>"),
        "an unknown name is a mention"
    );
    assert!(text.contains("群内绑定（管理员小刘 11月20日（周五））"));
    assert!(text.contains("负责人未登记"));
}

#[test]
fn an_empty_registry_explains_how_to_bind() {
    let c = unit_list_card(&UnitRegistry::default(), &HashMap::new(), now());
    assert!(c.to_string().contains("/督办 绑定单位 杭州营业部"));
}

#[test]
fn sixty_seven_units_fit() {
    let decls: Vec<UnitDecl> = unit_names(67)
        .into_iter()
        .enumerate()
        .map(|(i, n)| UnitDecl {
            name: n,
            kind: None,
            region: Some(
                if i % 2 == 0 {
                    "华东片区"
                } else {
                    "华南片区"
                }
                .to_owned(),
            ),
            chat_id: Some(format!("oc_{i:04}abcdefabcdefabcdef")),
            heads: vec![format!("ou_{i:04}abcdefabcdef"), format!("ou_{i:04}fedcbafedcba")],
        })
        .collect();
    let reg = UnitRegistry::from_decls(&[], &decls).unwrap();
    let c = unit_list_card(&reg, &HashMap::new(), now());
    assert!(within_limits(&c), "{} bytes", json_size(&c));
}
