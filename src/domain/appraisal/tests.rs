use super::*;
use crate::domain::board::Period;
use crate::domain::ids::OpenId;

fn at(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

#[test]
fn windows_read_as_statistics_read_them_and_cover_whole_quarters_and_years() {
    assert_eq!(Window::parse("本季度"), Some(Window::Stats(Period::ThisQuarter)));
    assert_eq!(Window::parse("month"), Some(Window::Stats(Period::ThisMonth)));
    assert_eq!(Window::parse("上季度"), Some(Window::LastQuarter));
    assert_eq!(Window::parse("今年"), Some(Window::ThisYear));
    assert_eq!(Window::parse("下季度"), None);
    let now = at("2026-05-20T10:00:00+08:00");
    assert_eq!(
        Window::LastQuarter.range(now),
        (at("2026-01-01T00:00:00+08:00"), at("2026-04-01T00:00:00+08:00"))
    );
    assert_eq!(
        Window::ThisYear.range(now),
        (at("2026-01-01T00:00:00+08:00"), at("2027-01-01T00:00:00+08:00"))
    );
    assert_eq!(Window::Stats(Period::ThisQuarter).title(now), "2026年第二季度");
    assert_eq!(Window::LastQuarter.title(now), "2026年第一季度");
    assert_eq!(Window::ThisYear.title(now), "2026年");
}

#[test]
fn record_numbers_read_in_the_forms_people_type() {
    assert_eq!(RecordId::parse("BR-3"), Some(RecordId(3)));
    assert_eq!(RecordId::parse("br3"), Some(RecordId(3)));
    assert_eq!(RecordId::parse("7"), Some(RecordId(7)));
    assert_eq!(RecordId::parse("BR-"), None);
    assert_eq!(RecordId::parse("DB-3"), None);
    assert_eq!(RecordId(12).to_string(), "BR-12");
}

#[test]
fn only_the_person_their_leaders_and_admins_see_and_only_leaders_and_admins_record() {
    let a = Access {
        leaders: vec![LeaderRule {
            person: "ou_zhang".into(),
            leaders: vec!["ou_lead".into()],
        }],
        admins: vec![OpenId("ou_admin".into())],
    };
    let id = |s: &str| OpenId(s.to_owned());
    assert!(a.may_see(&id("ou_zhang"), &id("ou_zhang")));
    assert!(a.may_see(&id("ou_lead"), &id("ou_zhang")));
    assert!(a.may_see(&id("ou_admin"), &id("ou_zhang")));
    assert!(!a.may_see(&id("ou_other"), &id("ou_zhang")));
    assert!(!a.may_see(&id("ou_lead"), &id("ou_other")));
    assert!(a.may_record(&id("ou_lead"), &id("ou_zhang")));
    assert!(!a.may_record(&id("ou_zhang"), &id("ou_zhang")));
    assert_eq!(
        a.people_of(&id("ou_lead")),
        Some(vec![id("ou_lead"), id("ou_zhang")])
    );
    assert_eq!(a.people_of(&id("ou_admin")), None);
}

#[test]
fn the_catalogue_finds_codes_in_any_case_and_names_its_problems() {
    let toml = r#"
        [[b]]
        code = "B01"
        kind = "标杆"
        name = "按时高质量完成重点任务"
        points = 2
        [[b]]
        code = "b01"
        kind = "负面"
        name = ""
    "#;
    #[derive(serde::Deserialize)]
    struct F {
        b: Vec<Behaviour>,
    }
    let f: F = toml::from_str(toml).unwrap();
    let c = Catalogue(f.b);
    assert_eq!(c.find("b01").unwrap().name, "按时高质量完成重点任务");
    assert_eq!(c.problems().len(), 2, "{:?}", c.problems());
    assert!(toml::from_str::<F>("[[b]]\ncode='X'\nkind='好'\nname='x'").is_err());
}

mod figures {
    use std::collections::HashMap;

    use super::*;
    use crate::calendar::Calendar;
    use crate::domain::audit::{AuditRecord, Source};
    use crate::domain::ids::{ChatId, ItemId, Person};
    use crate::domain::item::{Item, ItemClass, NewItem};
    use crate::domain::priority::Priority;
    use crate::domain::status::Status;

    fn who(id: &str) -> Person {
        Person {
            open_id: OpenId(id.to_owned()),
            name: id.to_owned(),
        }
    }

    fn item(id: u64, owner: &str, created: &str, deadline: &str) -> Item {
        Item::create(
            ItemId(id),
            NewItem {
                deadline_has_time: true,
                ..NewItem::new(
                    format!("事项{id}"),
                    ChatId("oc_g".into()),
                    who("ou_boss"),
                    who(owner),
                    at(deadline),
                )
            },
            at(created),
        )
    }

    #[test]
    fn an_aligned_item_names_its_key_result_and_an_unaligned_one_nothing() {
        use crate::domain::okr::{AlignedKr, Alignment};
        let mut it = item(
            7,
            "ou_a",
            "2026-01-05T09:00:00+08:00",
            "2026-01-20T18:00:00+08:00",
        );
        assert_eq!(AlignedOkr::of(&it), None);
        it.alignment = Some(Alignment {
            okr_id: "okr_1".into(),
            period: "2026 年 1 月 - 3 月".into(),
            objective_id: "obj_2".into(),
            objective_no: 2,
            objective: "合规零重大违规".into(),
            kr: Some(AlignedKr {
                id: "kr_1".into(),
                no: 1,
                content: "自查覆盖全部营业部".into(),
            }),
            okr_owner: who("ou_a"),
        });
        let a = AlignedOkr::of(&it).unwrap();
        assert_eq!(a.id, "kr_1");
        assert_eq!(a.text, "O2 / KR1 自查覆盖全部营业部");
        it.alignment.as_mut().unwrap().kr = None;
        assert_eq!(AlignedOkr::of(&it).unwrap().id, "obj_2");
    }

    fn done(mut it: Item, when: &str) -> Item {
        it.status = Status::Done;
        it.completed_at = Some(at(when));
        it
    }

    fn facts(item: Item, audit: Vec<(&str, &str)>) -> ItemFacts {
        ItemFacts {
            audit: audit
                .into_iter()
                .map(|(action, when)| AuditRecord {
                    at: at(when),
                    actor: who("ou_boss"),
                    action: action.to_owned(),
                    source: Source::System,
                    changes: vec![],
                    note: None,
                })
                .collect(),
            overdue_chases: 0,
            batch: None,
            item,
        }
    }

    #[test]
    fn figures_count_the_period_only_and_list_the_items_behind_them() {
        let now = at("2026-05-20T10:00:00+08:00");
        let mut urgent = done(
            item(
                3,
                "ou_z",
                "2026-04-02T09:00:00+08:00",
                "2026-04-03T18:00:00+08:00",
            ),
            "2026-04-03T12:00:00+08:00",
        );
        urgent.class = ItemClass::Urgent;
        urgent.priority = Priority::P0;
        let items = [
            // Late by 2 working days (Fri 4-10 → Tue 4-14), an extension asked in the quarter
            // and one asked before it.
            facts(
                done(
                    item(
                        1,
                        "ou_z",
                        "2026-04-01T09:00:00+08:00",
                        "2026-04-10T18:00:00+08:00",
                    ),
                    "2026-04-14T10:00:00+08:00",
                ),
                vec![
                    ("request_extension", "2026-03-30T10:00:00+08:00"),
                    ("request_extension", "2026-04-08T10:00:00+08:00"),
                    ("nudge", "2026-04-13T10:00:00+08:00"),
                ],
            ),
            // Created and done last quarter: nothing.
            facts(
                done(
                    item(
                        2,
                        "ou_z",
                        "2026-03-01T09:00:00+08:00",
                        "2026-03-10T18:00:00+08:00",
                    ),
                    "2026-03-09T10:00:00+08:00",
                ),
                vec![],
            ),
            facts(urgent, vec![]),
            // Someone else's.
            facts(
                item(
                    4,
                    "ou_other",
                    "2026-04-01T09:00:00+08:00",
                    "2026-04-10T18:00:00+08:00",
                ),
                vec![],
            ),
        ];
        let p = pack(
            &who("ou_z"),
            Window::default(),
            &items,
            &HashMap::new(),
            &[],
            now,
            &Calendar::builtin(),
        );
        let t = &p.total;
        assert_eq!((t.assigned.count, t.completed.count, t.on_time.count), (2, 2, 1));
        assert_eq!(t.completed.items, [ItemId(1), ItemId(3)]);
        assert_eq!(t.late.items, [ItemId(1)]);
        assert_eq!(t.delay_workdays, 2);
        assert_eq!(t.avg_delay_workdays(), Some(1.0));
        assert_eq!((t.extensions_asked.count, t.urged.count), (1, 1));
        assert_eq!(t.urgent_handled.items, [ItemId(3)]);
        assert_eq!(p.classes[2].completed.items, [ItemId(3)], "突发 on its own");
        assert_eq!(p.classes[0].assigned.items, [ItemId(1)], "承诺 on its own");
        assert_eq!(
            p.items.keys().copied().collect::<Vec<_>>(),
            [ItemId(1), ItemId(3)]
        );
        let aligned = HashMap::from([(
            ItemId(1),
            AlignedOkr {
                id: "kr_1".into(),
                text: "KR1 合规零差错".into(),
            },
        )]);
        let p = pack(
            &who("ou_z"),
            Window::default(),
            &items,
            &aligned,
            &[],
            now,
            &Calendar::builtin(),
        );
        assert_eq!(p.okrs.len(), 1);
        assert_eq!(p.okrs[0].1, [ItemId(1)]);
    }
}
