//! Tests of the one callback parser: every button every card draws parses back to its own
//! family (a round trip from the real card builders), the order in which families claim an
//! `op`, and malformed values refused with the right Chinese message.

use serde_json::{Map, Value, json};

use super::*;
use crate::card::callback::drawn::Target;
use crate::card::fixtures::{self, at, cal, now, person};
use crate::card::forms::item_form_card;
use crate::card::project::tests::late_project;
use crate::card::project::{project_card, project_form_card};
use crate::card::requirement::tests::{states, submitted};
use crate::card::requirement::{
    feedback_card, requirement_card, requirement_form_card, requirement_status_card, triage_form_card,
};
use crate::card::{minutes_card, nudge_card, welcome};
use crate::domain::ids::{ItemId, RequirementId};
use crate::domain::permissions::ActionKind;
use crate::domain::schedule::{NudgeState, ReminderPolicy, due_now};
use crate::domain::supervision::Action;
use crate::minutes::MeetingId;

/// Every button of `card` as (component name, callback value).
fn clicks(card: &Value) -> Vec<(String, Value)> {
    fn walk(v: &Value, out: &mut Vec<(String, Value)>) {
        match v {
            Value::Object(m) => {
                if m.get("tag") == Some(&json!("button"))
                    && let Some(value) = v.pointer("/behaviors/0/value")
                {
                    let name = m.get("name").and_then(Value::as_str).unwrap_or_default();
                    out.push((name.to_owned(), value.clone()));
                }
                m.values().for_each(|x| walk(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
        }
    }
    let mut out = Vec::new();
    walk(card, &mut out);
    out
}

/// A form filled with every field any form asks for (each parser reads only its own).
fn filled() -> Map<String, Value> {
    [
        ("percent", "60"),
        ("note", "初稿完成"),
        ("reason", "口径变化"),
        ("date", "2026-12-31 +0800"),
        ("what", "客户数量"),
        ("into", "XQ-2"),
        ("text", "约3000户"),
        ("rating", "4"),
        ("comment", "好用"),
        ("title", "开户流程优化"),
        ("stage", "2"),
        ("owner", "ou_zhaoliu"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), json!(v)))
    .collect()
}

fn family(c: &Callback) -> &'static str {
    match c {
        Callback::OpenForm(_) => "open_form",
        Callback::Help => "help",
        Callback::Nudge(_) => "nudge",
        Callback::Minutes(_) => "minutes",
        Callback::Project(..) => "project",
        Callback::Requirement(_) => "requirement",
        Callback::Item(_) => "item",
        Callback::Batch(_) => "batch",
        Callback::Align(_) => "align",
    }
}

/// Parses every button of `card` (forms filled) and checks each lands in `expect(name)`'s
/// family; returns the parsed clicks by name.
fn round_trip(card: &Value, expect: impl Fn(&str) -> &'static str) -> Vec<(String, Callback)> {
    let form = filled();
    clicks(card)
        .into_iter()
        .map(|(name, value)| {
            for v in [value.clone(), Value::String(value.to_string())] {
                let parsed =
                    parse(&v, Some(&form), now()).unwrap_or_else(|e| panic!("{name}: {value} refused: {e}"));
                assert_eq!(family(&parsed), expect(&name), "{name}: {value}");
            }
            let parsed = parse(&value, Some(&form), now()).unwrap();
            (name, parsed)
        })
        .collect()
}

/// Buttons named `open_…` open a form; the others act.
fn opener_or(family: &'static str) -> impl Fn(&str) -> &'static str {
    move |name| {
        if name.starts_with("open_") {
            "open_form"
        } else {
            family
        }
    }
}

#[test]
fn every_item_button_and_form_round_trips() {
    for (state, item) in fixtures::all_states() {
        let parsed = round_trip(&crate::card::item_card(&item, now(), &cal()), opener_or("item"));
        assert_eq!(
            parsed.is_empty(),
            matches!(state, "done" | "cancelled"),
            "{state}"
        );
        for (name, parsed) in parsed {
            match parsed {
                Callback::Item(a) => assert_eq!(a.item, item.id, "{state} {name}"),
                Callback::OpenForm(d) => {
                    assert_eq!(d.target, Target::Item(item.id), "{state} {name}");
                    assert_eq!(d.version, Some(item.version));
                    let kind = ActionKind::from_key(&d.op).unwrap();
                    let form = item_form_card(&item, kind, now(), None).unwrap();
                    for (_, submitted) in round_trip(&form, |_| "item") {
                        let Callback::Item(a) = submitted else {
                            unreachable!()
                        };
                        assert_eq!(a.action.kind(), kind, "{state} {name}");
                    }
                }
                other => panic!("{state} {name}: {other:?}"),
            }
        }
    }
}

#[test]
fn every_project_button_and_form_round_trips() {
    let p = late_project();
    let mut cards = vec![project_card(&p, &[], now(), &cal())];
    cards.extend(["p_rollback", "p_plan"].map(|op| project_form_card(&p, op, None, &[]).unwrap()));
    let mut ops = Vec::new();
    for card in &cards {
        for (name, parsed) in round_trip(card, opener_or("project")) {
            match parsed {
                Callback::Project(id, _) => assert_eq!(id, p.id, "{name}"),
                Callback::OpenForm(d) => {
                    assert_eq!(d.target, Target::Project(p.id), "{name}");
                    ops.push(d.op);
                }
                other => panic!("{name}: {other:?}"),
            }
        }
    }
    assert_eq!(ops, ["p_plan", "p_rollback"]);
}

#[test]
fn every_requirement_button_and_form_round_trips() {
    let r = submitted();
    let mut opened = Vec::new();
    for (name, parsed) in round_trip(&requirement_card(&r, None, now()), opener_or("requirement")) {
        let Callback::OpenForm(d) = parsed else {
            panic!("{name}: the triage card only opens forms")
        };
        assert_eq!(d.target, Target::Requirement(r.id));
        let form = triage_form_card(&r, &d.op, None).unwrap();
        for (name, submitted) in round_trip(&form, |_| "requirement") {
            let Callback::Requirement(RequirementCardAction::Act { req, .. }) = submitted else {
                panic!("{name}: {submitted:?}")
            };
            assert_eq!(req, r.id);
        }
        opened.push(d.op);
    }
    assert_eq!(opened, ["r_accept", "r_ask_info", "r_merge", "r_reject"]);
    let needs_info = &states()[1].1;
    let accepted = &states()[3].1;
    for card in [
        requirement_status_card(needs_info, None, now()),
        feedback_card(accepted),
    ] {
        for (name, parsed) in round_trip(&card, |_| "requirement") {
            let Callback::Requirement(RequirementCardAction::Act { req, .. }) = parsed else {
                panic!("{name}: {parsed:?}")
            };
            assert_eq!(req, RequirementId(5));
        }
    }
    let submission = round_trip(&requirement_form_card(), |_| "requirement");
    assert!(matches!(
        &submission[..],
        [(_, Callback::Requirement(RequirementCardAction::Submit(new)))] if new.title == "开户流程优化"
    ));
}

#[test]
fn every_minutes_button_round_trips() {
    let m = crate::card::minutes::tests::meeting();
    let parsed = round_trip(&minutes_card(&m, now()), |_| "minutes");
    assert_eq!(
        parsed.len(),
        7,
        "three drafts with two buttons each, then 全部转为督办"
    );
    for (name, c) in parsed {
        let Callback::Minutes(
            MinutesAction::Convert { meeting, .. }
            | MinutesAction::Ignore { meeting, .. }
            | MinutesAction::ConvertAll { meeting },
        ) = c
        else {
            panic!("{name}: {c:?}")
        };
        assert_eq!(meeting, MeetingId(3), "{name}");
    }
}

#[test]
fn every_nudge_button_round_trips() {
    let item = fixtures::overdue();
    let t = at(2026, 11, 25, 10, 0);
    let due = due_now(
        &item,
        &NudgeState::default(),
        t,
        &ReminderPolicy::default(),
        &cal(),
    )
    .unwrap();
    let entries: Vec<_> = due.into_iter().map(|n| (item.clone(), n)).collect();
    let card = nudge_card(&person("zhangsan", "张三"), &entries, now(), &cal());
    let parsed = round_trip(&card, |_| "nudge");
    assert_eq!(parsed.len(), 4, "处理中 and three 稍后提醒");
    for (name, c) in parsed {
        let Callback::Nudge(NudgeAction::Working { item: id } | NudgeAction::Snooze { item: id, .. }) = c
        else {
            panic!("{name}: {c:?}")
        };
        assert_eq!(id, item.id);
    }
}

#[test]
fn the_welcome_card_s_button_is_help() {
    for audience in [welcome::Audience::Person, welcome::Audience::Group { unit: None }] {
        let parsed = round_trip(&welcome::welcome_card(&audience), |_| "help");
        assert_eq!(parsed.len(), 1);
    }
    assert_eq!(help_value(), json!({"op": "help"}));
}

#[test]
fn an_op_is_claimed_by_its_family_before_the_item_fallback() {
    let p = |v: Value| parse(&v, None, now());
    // A form opener naming a project is a form opener, not a project click.
    assert!(matches!(
        p(json!({"op": "form", "form": "p_plan", "project": 3, "v": 1})),
        Ok(Callback::OpenForm(Drawn {
            target: Target::Project(_),
            ..
        }))
    ));
    // 帮助 wins over any record key.
    assert_eq!(p(json!({"op": "help", "item": 1})), Ok(Callback::Help));
    // A project op with an item key is a broken project button, not an item click.
    assert_eq!(
        p(json!({"op": "p_advance", "item": 3})),
        Err(CallbackError::Malformed)
    );
    // A snooze without its choice is a broken reminder button, not an unknown item op.
    assert_eq!(
        p(json!({"op": "snooze", "item": 3})),
        Err(CallbackError::Malformed)
    );
    // A requirement op never reaches the item parser.
    assert_eq!(
        p(json!({"op": "r_fly", "req": 3})),
        Err(CallbackError::UnknownOp {
            op: "r_fly".to_owned()
        })
    );
    // An m_ op the minutes card does not draw falls through to the items, as it always did.
    assert_eq!(
        p(json!({"op": "m_fly", "meeting": 1})),
        Err(CallbackError::Malformed)
    );
    assert_eq!(
        p(json!({"op": "m_fly", "item": 1})),
        Err(CallbackError::UnknownOp {
            op: "m_fly".to_owned()
        })
    );
    // A form opener that names no form (or a form of a button that has none) is broken.
    assert_eq!(p(json!({"op": "form", "item": 3})), Err(CallbackError::Malformed));
    assert_eq!(
        p(json!({"op": "form", "form": "snooze", "item": 3})),
        Err(CallbackError::Malformed)
    );
    // The submission form needs no record but does need its title.
    assert_eq!(
        p(json!({"op": "r_submit"})),
        Err(CallbackError::MissingField {
            field: "需求标题"
        })
    );
}

#[test]
fn malformed_values_are_refused_in_chinese() {
    let p = |v: Value| parse(&v, None, now());
    for v in [
        json!("not json"),
        json!(7),
        json!(null),
        json!({}),
        json!({"item": 1}),
        json!({"op": 3, "item": 1}),
        json!({"op": "nudge", "item": 0}),
        json!({"op": "nudge"}),
        json!({"op": "working", "item": 0}),
        json!({"op": "m_ignore", "meeting": 3}),
        json!({"op": "p_advance"}),
        json!({"op": "r_reject"}),
    ] {
        let e = p(v.clone()).unwrap_err();
        assert_eq!(e, CallbackError::Malformed, "{v}");
        assert_eq!(e.to_string(), "这个按钮已失效，请刷新卡片或使用命令操作");
    }
    let e = p(json!({"op": "fly", "item": 1})).unwrap_err();
    assert_eq!(e.to_string(), "这个按钮已失效（未知操作 fly），请使用命令操作");
    let e = p(json!({"op": "reassign", "item": 1})).unwrap_err();
    assert!(matches!(e, CallbackError::Unsupported { .. }), "{e:?}");
    assert!(e.to_string().starts_with("卡片上暂不支持"), "{e}");
}

fn form(pairs: &[(&str, Value)]) -> Map<String, Value> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
}

fn item_click(v: &Value, f: Option<&Map<String, Value>>) -> Result<CardAction, CallbackError> {
    match parse(v, f, now())? {
        Callback::Item(a) => Ok(a),
        other => panic!("{v}: {other:?}"),
    }
}

#[test]
fn an_extension_to_a_past_date_is_refused() {
    let f = form(&[("date", json!("2026-11-20 +0800"))]);
    let v = callback_value(ActionKind::RequestExtension, ItemId(3));
    assert_eq!(item_click(&v, Some(&f)), Err(CallbackError::PastDate));
    assert_eq!(item_click(&v, None), Err(CallbackError::MissingDate));
    assert_eq!(
        item_click(&v, None).unwrap_err().to_string(),
        "请先选择新的截止日期"
    );
}

#[test]
fn progress_reads_percent_and_note() {
    let v = callback_value(ActionKind::Progress, ItemId(12));
    let f = form(&[("percent", json!("60")), ("note", json!(" 初稿完成 "))]);
    let parsed = item_click(&v, Some(&f)).unwrap();
    assert_eq!(parsed.item, ItemId(12));
    assert_eq!(
        parsed.action,
        Action::Progress {
            percent: Some(60),
            note: Some("初稿完成".to_owned())
        }
    );
    let f = form(&[("percent", json!("120"))]);
    assert!(matches!(
        item_click(&v, Some(&f)),
        Err(CallbackError::BadPercent { .. })
    ));
}

#[test]
fn a_reject_without_reason_is_refused() {
    let v = callback_value(ActionKind::Reject, ItemId(1));
    let f = form(&[("reason", json!("  "))]);
    assert_eq!(item_click(&v, Some(&f)), Err(CallbackError::MissingReason));
}

#[test]
fn a_value_delivered_as_a_string_is_decoded() {
    let v = json!(r#"{"op":"nudge","item":"DB-7"}"#);
    let parsed = item_click(&v, None).unwrap();
    assert_eq!(parsed.item, ItemId(7));
    assert_eq!(parsed.action, Action::Nudge);
}
