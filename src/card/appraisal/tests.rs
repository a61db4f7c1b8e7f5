use std::collections::HashMap;

use super::*;
use crate::calendar::Calendar;
use crate::card::fixtures::person;
use crate::card::fmt::within_limits;
use crate::domain::appraisal::{BehaviourRecord, RecordId, Window, pack};

#[test]
fn an_empty_pack_says_so_and_stays_within_limits() {
    let now: Timestamp = "2026-03-11T10:00:00+08:00".parse().unwrap();
    let p = pack(
        &person("ou_zhang", "张三"),
        Window::default(),
        &[],
        &HashMap::new(),
        &[],
        now,
        &Calendar::builtin(),
    );
    let c = pack_card(&p, now);
    let text = c.to_string();
    assert!(text.contains("没有作为主办的督办事项"), "{text}");
    assert!(text.contains("2026年第一季度"), "{text}");
    assert!(!text.contains("<at"));
    assert!(within_limits(&c));
}

#[test]
fn a_record_card_names_the_behaviour_and_tells_the_subject_how_to_comment() {
    let r = BehaviourRecord {
        id: RecordId(3),
        subject: person("ou_zhang", "张三"),
        recorder: person("ou_li", "李四"),
        kind: BehaviourKind::Fault,
        code: "N01".into(),
        name: "未按时报送".into(),
        points: 2.0,
        item: Some(ItemId(12)),
        note: Some("迟交两天".into()),
        at: "2026-03-11T10:00:00+08:00".parse().unwrap(),
        comments: vec![],
        audit: vec![],
    };
    let text = record_card(&r, true).to_string();
    assert!(text.contains("N01 未按时报送（-2分）"), "{text}");
    assert!(text.contains("/督办 负面 备注 BR-3"), "{text}");
    assert!(!record_card(&r, false).to_string().contains("备注 BR-3"));
}
