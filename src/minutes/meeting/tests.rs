//! Meetings from extractions: readiness, edits, conversion, closure, storage.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::domain::ids::OpenId;
use crate::minutes::extract::ActionItem;

fn person(name: &str) -> Person {
    Person {
        open_id: OpenId(format!("ou_{name}")),
        name: name.to_owned(),
    }
}

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn due() -> Deadline {
    Deadline {
        at: ts("2026-03-20T18:00:00+08:00"),
        has_time: false,
    }
}

fn action(
    text: &str,
    owners: Vec<OwnerRef>,
    deadline: Option<Deadline>,
    deadline_text: Option<&str>,
) -> ActionItem {
    ActionItem {
        text: text.to_owned(),
        owners,
        deadline,
        deadline_text: deadline_text.map(str::to_owned),
        priority: None,
        units: Vec::new(),
    }
}

fn meeting() -> Meeting {
    let ex = Extraction {
        title: Some("合规委员会周例会".to_owned()),
        meeting_date: Some(jiff::civil::date(2026, 3, 10)),
        items: vec![
            action(
                "规则调优方案",
                vec![OwnerRef::Person(person("张三"))],
                Some(due()),
                Some("3月20日前"),
            ),
            action(
                "自查报告",
                vec![OwnerRef::Unresolved("李总".to_owned())],
                Some(due()),
                None,
            ),
            action(
                "佣金套餐",
                vec![OwnerRef::Person(person("王五"))],
                None,
                Some("尽快"),
            ),
            action("台账模板", vec![], None, None),
        ],
        decisions: vec![],
    };
    Meeting::from_extraction(
        MeetingId(7),
        ChatId("oc_1".to_owned()),
        person("赵敏"),
        MeetingSource::Pasted {
            message_id: MessageId("om_1".to_owned()),
        },
        ex,
        ts("2026-03-10T17:00:00+08:00"),
    )
}

#[test]
fn a_meeting_takes_the_stated_title_and_date() {
    let m = meeting();
    assert_eq!(m.id.to_string(), "HY-7");
    assert_eq!(m.title, "合规委员会周例会");
    assert_eq!(m.date, jiff::civil::date(2026, 3, 10));
    assert!(m.items.iter().all(|i| i.status == DraftStatus::Pending));
    let bare = Meeting::from_extraction(
        MeetingId(8),
        ChatId("oc_1".to_owned()),
        person("赵敏"),
        MeetingSource::Doc {
            url: "https://x".to_owned(),
        },
        Extraction::default(),
        ts("2026-03-11T01:00:00+08:00"),
    );
    assert_eq!(
        (bare.title.as_str(), bare.date),
        ("会议纪要", jiff::civil::date(2026, 3, 11))
    );
}

#[test]
fn readiness_says_exactly_what_is_missing() {
    let m = meeting();
    let (item, owner, deadline) = m.ready_to_convert(0).unwrap();
    assert_eq!(
        (item.text.as_str(), owner.name.as_str(), *deadline),
        ("规则调优方案", "张三", due())
    );
    let err = m.ready_to_convert(1).unwrap_err();
    assert!(err.to_string().contains("“李总”不在本群成员中"), "{err}");
    let err = m.ready_to_convert(2).unwrap_err();
    assert!(err.to_string().contains("“尽快”无法确定"), "{err}");
    let err = m.ready_to_convert(3).unwrap_err();
    assert!(err.to_string().contains("缺负责人和截止日期"), "{err}");
    assert_eq!(
        m.ready_to_convert(9).unwrap_err(),
        MinutesError::NoSuchItem { number: 10 }
    );
}

#[test]
fn edits_fill_what_is_missing_and_conversion_is_once_only() {
    let mut m = meeting();
    m.edit(2, None, Some(due()), Some(" 确认佣金套餐 ".to_owned()))
        .unwrap();
    assert_eq!(m.items[2].text, "确认佣金套餐");
    assert!(m.ready_to_convert(2).is_ok());
    m.edit(1, Some(person("李明")), None, None).unwrap();
    assert_eq!(m.ready_to_convert(1).unwrap().1.name, "李明");
    assert_eq!(
        m.edit(0, None, None, Some("  ".to_owned())),
        Err(MinutesError::EmptyText)
    );
    m.mark_converted(0, ItemId(12));
    assert!(matches!(
        m.ready_to_convert(0),
        Err(MinutesError::AlreadyConverted { .. })
    ));
    assert!(matches!(
        m.edit(0, None, None, None),
        Err(MinutesError::AlreadyConverted { .. })
    ));
    m.ignore(3).unwrap();
    assert!(matches!(
        m.ignore(3),
        Err(MinutesError::AlreadyIgnored { number: 4 })
    ));
}

#[test]
fn convert_all_lists_ready_items_and_the_reasons_for_the_rest() {
    let m = meeting();
    let (ready, not_ready) = m.convert_all_plan();
    assert_eq!(ready, vec![0]);
    assert_eq!(not_ready.len(), 3);
}

#[test]
fn closure_is_n_working_days_after_the_meeting_at_ten() {
    let cal = Calendar::builtin();
    let m = meeting();
    // Tuesday 2026-03-10 + 5 working days = Tuesday 2026-03-17.
    assert_eq!(m.closure_time(5, &cal).unwrap(), ts("2026-03-17T10:00:00+08:00"));
    let mut before_holiday = meeting();
    before_holiday.date = jiff::civil::date(2026, 9, 30);
    // 国庆 and 中秋 off until 10-07 (10-10 is a working Saturday in 2026? the calendar decides).
    let at = before_holiday.closure_time(1, &cal).unwrap();
    let day = local(at).date();
    assert!(cal.is_workday(day).unwrap() && day > jiff::civil::date(2026, 10, 7));
}

#[test]
fn a_department_alone_asks_for_a_person_from_it_and_survives_storage() {
    let mut unit = action("整理两融客户集中度名单", vec![], Some(due()), Some("3月20日前"));
    unit.units = vec!["运营管理部".to_owned()];
    let mut m = meeting();
    m.items.push(DraftItem {
        text: unit.text,
        owners: unit.owners,
        deadline: unit.deadline,
        deadline_text: unit.deadline_text,
        priority: None,
        status: DraftStatus::Pending,
        units: unit.units,
    });
    let err = m.ready_to_convert(4).unwrap_err();
    assert_eq!(
        err.to_string(),
        "第5条待办写的是由“运营管理部”负责：请在卡片上选择一位具体负责人后再转为督办"
    );
    // Picking a person makes it ready; the unit stays for the record.
    m.edit(4, Some(person("李明")), None, None).unwrap();
    assert_eq!(m.ready_to_convert(4).unwrap().1.name, "李明");
    assert_eq!(m.items[4].units, vec!["运营管理部".to_owned()]);
    let back: Meeting = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
    assert_eq!(back, m);
    // A meeting stored before units existed reads with none.
    let mut old = serde_json::to_value(meeting()).unwrap();
    for i in old["items"].as_array_mut().unwrap() {
        i.as_object_mut().unwrap().remove("units");
    }
    let old: Meeting = serde_json::from_value(old).unwrap();
    assert!(old.items.iter().all(|i| i.units.is_empty()));
}

#[test]
fn a_meeting_survives_a_json_round_trip() {
    let mut m = meeting();
    m.mark_converted(0, ItemId(3));
    let back: Meeting = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
    assert_eq!(back, m);
}
