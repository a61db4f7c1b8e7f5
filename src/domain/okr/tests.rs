use super::*;
use crate::domain::ids::OpenId;

fn okrs() -> UserOkrs {
    UserOkrs {
        okr_id: "okr1".to_owned(),
        period: "2026 年 10 月 - 12 月".to_owned(),
        objectives: vec![
            Objective {
                id: "o1".to_owned(),
                content: "提升合规水平".to_owned(),
                krs: vec![],
            },
            Objective {
                id: "o2".to_owned(),
                content: "客户服务数字化".to_owned(),
                krs: vec![KeyResult {
                    id: "k21".to_owned(),
                    content: "线上开户占比达到 80%".to_owned(),
                }],
            },
        ],
    }
}

fn zhang() -> Person {
    Person {
        open_id: OpenId("ou_zhang".to_owned()),
        name: "张三".to_owned(),
    }
}

#[test]
fn a_key_result_pick_names_its_objective_and_targets_the_kr() {
    let a = Alignment::pick(&okrs(), &zhang(), 1, Some(0)).unwrap();
    assert_eq!(a.label(), "O2 / KR1");
    assert_eq!(a.summary(), "O2 / KR1 线上开户占比达到 80%");
    assert_eq!(a.target(), ("k21", TARGET_KEY_RESULT));
    let o = Alignment::pick(&okrs(), &zhang(), 0, None).unwrap();
    assert_eq!(
        (o.label(), o.target()),
        ("O1".to_owned(), ("o1", TARGET_OBJECTIVE))
    );
    assert!(Alignment::pick(&okrs(), &zhang(), 0, Some(0)).is_none());
    assert!(Alignment::pick(&okrs(), &zhang(), 5, None).is_none());
}

#[test]
fn the_current_period_holds_now_and_is_normal() {
    let p = |id: &str, status, s: i64, e: i64| OkrPeriod {
        id: id.to_owned(),
        name: id.to_owned(),
        status,
        start_ms: Some(s),
        end_ms: Some(e),
    };
    let now = Timestamp::from_millisecond(500).unwrap();
    let periods = [
        p("old", 0, 0, 100),
        p("hidden", 2, 0, 1000),
        p("q", 0, 200, 900),
        p("y", 0, 0, 1000),
    ];
    assert_eq!(current_period(&periods, now).map(|p| p.id.as_str()), Some("q"));
    assert_eq!(current_period(&periods[..2], now), None);
}
