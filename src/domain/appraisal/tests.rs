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
