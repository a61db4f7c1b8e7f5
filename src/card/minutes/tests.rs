//! Tests of the meeting cards: snapshots, limits, and the callback round trip of every button.

use serde_json::{Map, Value, json};

use super::*;
use crate::card::callback::{Callback, CallbackError, parse};
use crate::card::fixtures::{self, at, cal, now, person};
use crate::card::fmt::within_limits;
use crate::domain::deadline::Deadline;
use crate::domain::ids::OpenId;
use crate::domain::ids::{ChatId, ItemId, MessageId};
use crate::domain::priority::Priority;
use crate::domain::status::Status;
use crate::minutes::meeting::MeetingId;
use crate::minutes::meeting::{MeetingSource, closure_summary};

fn draft(text: &str, owners: Vec<OwnerRef>, deadline: Option<Deadline>) -> DraftItem {
    DraftItem {
        text: text.to_owned(),
        owners,
        deadline,
        deadline_text: None,
        priority: None,
        status: DraftStatus::Pending,
        units: Vec::new(),
    }
}

pub(crate) fn meeting() -> Meeting {
    let zhang = OwnerRef::Person(person("zhangsan", "张三"));
    let due = Deadline {
        at: at(2026, 12, 4, 18, 0),
        has_time: false,
    };
    let mut vague = draft(
        "确认新版佣金套餐的审批流程",
        vec![OwnerRef::Unresolved("石磊".to_owned())],
        None,
    );
    vague.deadline_text = Some("尽快".to_owned());
    let mut urgent = draft("排查异常登录日志", vec![zhang.clone()], Some(due));
    urgent.priority = Some(Priority::P0);
    let mut done = draft("统一投诉台账模板", vec![zhang], Some(due));
    done.status = DraftStatus::Converted(ItemId(12));
    let mut ignored = draft("会后发会议照片", vec![], None);
    ignored.status = DraftStatus::Ignored;
    Meeting {
        id: MeetingId(3),
        chat_id: ChatId("oc_chat".to_owned()),
        title: "合规委员会周例会".to_owned(),
        date: jiff::civil::date(2026, 11, 24),
        created_by: person("lisi", "李四"),
        created_at: now(),
        source: MeetingSource::Pasted {
            message_id: MessageId("om_1".to_owned()),
        },
        items: vec![urgent, vague, done, ignored, draft("整理自查底稿", vec![], None)],
        decisions: vec!["双录抽检比例调整为10%".to_owned()],
        closure_at: None,
        closure_posted: false,
        card_message_id: None,
        version: 1,
    }
}

/// Every callback `value` in the card, with the button's text.
fn buttons(v: &Value, out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(map) => {
            if map.get("tag") == Some(&json!("button"))
                && let Some(value) = v.pointer("/behaviors/0/value")
            {
                let text = v
                    .pointer("/text/content")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                out.push((text.to_owned(), value.clone()));
            }
            map.values().for_each(|x| buttons(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| buttons(x, out)),
        _ => {}
    }
}

fn form(pairs: &[(&str, &str)]) -> Map<String, Value> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), json!(v))).collect()
}

#[test]
fn snapshot_of_the_follow_up_card() {
    insta::assert_json_snapshot!("minutes_card", minutes_card(&meeting(), now()));
}

#[test]
fn the_card_shows_owners_deadlines_and_what_is_missing() {
    let text = minutes_card(&meeting(), now()).to_string();
    assert!(text.contains("<at id=ou_zhangsan></at>"));
    assert!(text.contains("⚠未匹配:石磊"));
    assert!(text.contains("“尽快”无法确定"));
    assert!(text.contains("已转为督办 **DB-12**"));
    assert!(text.contains("（已忽略）"));
    assert!(text.contains("12月4日（周五）18:00"));
    assert!(text.contains("会议决议"));
    assert!(text.contains("\"initial_option\":\"ou_zhangsan\""));
    assert!(text.contains("\"initial_date\":\"2026-12-04\""));
}

#[test]
fn a_department_written_as_owner_is_shown_and_a_person_asked_for() {
    let mut m = meeting();
    m.items[4].units = vec!["运营管理部".to_owned()];
    m.items[0].units = vec!["合规部".to_owned()];
    let text = minutes_card(&m, now()).to_string();
    assert!(
        text.contains("运营管理部 <font color='orange'>⚠请选择具体负责人</font>"),
        "{text}"
    );
    assert!(text.contains("<at id=ou_zhangsan></at>（合规部）"), "{text}");
}

#[test]
fn every_button_round_trips() {
    let card = minutes_card(&meeting(), now());
    let mut found = Vec::new();
    buttons(&card, &mut found);
    let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    // Three pending items (0, 1, 4), each with 转为督办 and 忽略, then 全部转为督办.
    assert_eq!(
        texts,
        [
            "转为督办",
            "忽略",
            "转为督办",
            "忽略",
            "转为督办",
            "忽略",
            "全部转为督办"
        ]
    );
    for (text, value) in &found {
        let parsed = parse(value, None, now()).unwrap();
        let idx = value
            .get("idx")
            .and_then(Value::as_u64)
            .map(|i| usize::try_from(i).unwrap());
        let want = match (text.as_str(), idx) {
            ("转为督办", Some(idx)) => MinutesAction::Convert {
                meeting: MeetingId(3),
                idx,
                owner: None,
                deadline: None,
                text: None,
            },
            ("忽略", Some(idx)) => MinutesAction::Ignore {
                meeting: MeetingId(3),
                idx,
            },
            _ => MinutesAction::ConvertAll {
                meeting: MeetingId(3),
            },
        };
        assert_eq!(parsed, Callback::Minutes(want), "{text}");
    }
}

#[test]
fn a_submitted_form_carries_owner_date_and_text() {
    let v = json!({"op": "m_convert", "meeting": 3, "idx": 1});
    let f = form(&[
        ("owner_1", "ou_shilei"),
        ("date_1", "2026-12-10 +0800"),
        ("text_1", " 确认佣金套餐审批流程 "),
        ("owner_0", "ou_other"),
    ]);
    assert_eq!(
        parse(&v, Some(&f), now()),
        Ok(Callback::Minutes(MinutesAction::Convert {
            meeting: MeetingId(3),
            idx: 1,
            owner: Some(OpenId("ou_shilei".to_owned())),
            deadline: Some(Deadline {
                at: at(2026, 12, 10, 18, 0),
                has_time: false
            }),
            text: Some("确认佣金套餐审批流程".to_owned()),
        }))
    );
    // Bare field names are accepted too.
    let f = form(&[("owner", "ou_x")]);
    assert!(matches!(
        parse(&v, Some(&f), now()),
        Ok(Callback::Minutes(MinutesAction::Convert { owner: Some(_), .. }))
    ));
}

#[test]
fn a_past_or_unreadable_date_is_refused() {
    let v = json!({"op": "m_convert", "meeting": 3, "idx": 0});
    let past = form(&[("date_0", "2026-11-20 +0800")]);
    assert_eq!(parse(&v, Some(&past), now()), Err(CallbackError::PastDate));
    let bad = form(&[("date_0", "下周")]);
    assert!(matches!(
        parse(&v, Some(&bad), now()),
        Err(CallbackError::BadDate { .. })
    ));
}

#[test]
fn other_ops_are_not_ours_and_malformed_ones_are_refused() {
    assert!(matches!(
        parse(&json!({"op": "nudge", "item": 1}), None, now()),
        Ok(Callback::Item(_))
    ));
    assert_eq!(
        parse(&json!("not json"), None, now()),
        Err(CallbackError::Malformed)
    );
    assert_eq!(
        parse(&json!({"op": "m_ignore", "meeting": 3}), None, now()),
        Err(CallbackError::Malformed)
    );
    assert_eq!(
        parse(&json!({"op": "m_convert_all", "meeting": 0}), None, now()),
        Err(CallbackError::Malformed)
    );
    let s = json!(r#"{"op":"m_convert_all","meeting":"HY-3"}"#);
    assert_eq!(
        parse(&s, None, now()),
        Ok(Callback::Minutes(MinutesAction::ConvertAll {
            meeting: MeetingId(3)
        }))
    );
}

#[test]
fn a_long_meeting_stays_within_card_limits() {
    let mut m = meeting();
    m.items = (0..60)
        .map(|i| draft(&format!("第{i}项工作：{}", "很长的说明".repeat(30)), vec![], None))
        .collect();
    let c = minutes_card(&m, now());
    assert!(within_limits(&c), "{}", crate::card::fmt::component_count(&c));
    assert!(c.to_string().contains("暂未显示编辑框"));
}

#[test]
fn a_meeting_without_items_says_so() {
    let mut m = meeting();
    m.items.clear();
    m.decisions.clear();
    let text = minutes_card(&m, now()).to_string();
    assert!(text.contains("没有找到"));
    assert!(!text.contains("全部转为督办"));
}

#[test]
fn snapshot_of_the_closure_card() {
    let m = {
        let mut m = meeting();
        m.items[1].status = DraftStatus::Converted(ItemId(13));
        m
    };
    let done = {
        let mut i = fixtures::pending();
        i.status = Status::Done;
        i
    };
    let mut overdue = fixtures::pending();
    overdue.id = ItemId(13);
    overdue.deadline = at(2026, 11, 20, 18, 0);
    let s = closure_summary(&m, &[done, overdue], now(), &cal());
    assert_eq!(
        (s.done, s.overdue, s.in_progress, s.not_converted, s.ignored),
        (1, 1, 0, 2, 1)
    );
    let c = closure_card(&m, &s, now(), &cal());
    assert!(within_limits(&c));
    let text = c.to_string();
    assert!(text.contains("已逾期3个工作日"), "{text}");
    insta::assert_json_snapshot!("closure_card", c);
}
