//! Tests of the item card: snapshots of every state, limits, and the callback round trip.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use super::*;
use crate::card::callback::{Callback, parse};
use crate::card::fixtures::{self, at, cal, now, person};
use crate::card::fmt::{component_count, json_size, within_limits};
use crate::domain::audit::Source;
use crate::domain::ids::MessageId;
use crate::domain::supervision::{Action, Actor};

#[test]
fn snapshots_of_the_item_card_in_every_state() {
    for (name, item) in fixtures::all_states() {
        insta::assert_json_snapshot!(format!("item_{name}"), item_card(&item, now(), &cal()));
    }
}

#[test]
fn the_header_colour_follows_the_state() {
    let colour = |it: &Item| item_card(it, now(), &cal())["header"]["template"].clone();
    assert_eq!(colour(&fixtures::pending()), json!("blue"));
    assert_eq!(colour(&fixtures::in_progress()), json!("blue"));
    assert_eq!(colour(&fixtures::due_soon()), json!("orange"));
    assert_eq!(colour(&fixtures::overdue()), json!("red"));
    assert_eq!(colour(&fixtures::done()), json!("green"));
    assert_eq!(colour(&fixtures::cancelled()), json!("grey"));
}

#[test]
fn the_card_shows_people_deadline_and_progress() {
    let c = item_card(&fixtures::in_progress(), now(), &cal());
    let text = c.to_string();
    assert!(text.contains("<at id=ou_zhangsan></at>"));
    assert!(text.contains("<at id=ou_wangwu></at>"));
    assert!(text.contains("11月30日（周一）18:00 · 还剩5天（3个工作日）"));
    assert!(text.contains("▰▰▰▰▱▱▱▱▱▱ 40%"));
    assert!(text.contains("已完成初稿，待法务复核"));
    let overdue = item_card(&fixtures::overdue(), now(), &cal()).to_string();
    assert!(overdue.contains("已逾期3个工作日"));
    assert_eq!(c["schema"], json!("2.0"));
    assert_eq!(c["config"]["update_multi"], json!(true));
}

#[test]
fn every_card_state_stays_within_feishu_limits_even_when_maximal() {
    for (name, item) in fixtures::all_states() {
        let c = item_card(&item, now(), &cal());
        assert!(within_limits(&c), "{name}");
    }
    for status in Status::ALL {
        let c = item_card(&fixtures::maximal(status), now(), &cal());
        assert!(component_count(&c) <= 200, "{status:?}: {}", component_count(&c));
        assert!(json_size(&c) < 30 * 1024, "{status:?}: {} bytes", json_size(&c));
        let text = c.to_string();
        assert!(
            !text.contains("<at id=all>"),
            "user text must not become a mention"
        );
        assert!(text.contains("…"), "long text is truncated visibly");
    }
}

/// Every callback in `v`, with the names of the form fields around it (if inside a form).
fn callbacks(v: &Value, form_fields: Option<&Vec<String>>, out: &mut Vec<(Value, Option<Vec<String>>)>) {
    match v {
        Value::Object(map) => {
            if map.get("tag") == Some(&json!("form")) {
                let mut names = Vec::new();
                collect_names(v, &mut names);
                for child in map.values() {
                    callbacks(child, Some(&names), out);
                }
                return;
            }
            if let Some(Value::Array(bs)) = map.get("behaviors") {
                for b in bs {
                    if b["type"] == json!("callback") {
                        out.push((b["value"].clone(), form_fields.cloned()));
                    }
                }
            }
            for child in map.values() {
                callbacks(child, form_fields, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| callbacks(i, form_fields, out)),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
}

fn collect_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            let is_field = map
                .get("tag")
                .and_then(Value::as_str)
                .is_some_and(|t| matches!(t, "input" | "select_static" | "date_picker"));
            if is_field && let Some(n) = map.get("name").and_then(Value::as_str) {
                out.push(n.to_owned());
            }
            map.values().for_each(|c| collect_names(c, out));
        }
        Value::Array(items) => items.iter().for_each(|i| collect_names(i, out)),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
}

/// What a user would plausibly type into each field.
fn plausible(field: &str) -> Value {
    match field {
        "percent" => json!("60"),
        "note" => json!("进展说明"),
        "date" => json!("2026-12-07 +0800"),
        "reason" => json!("原因"),
        other => panic!("unexpected form field {other}"),
    }
}

fn expected(op: &str) -> Action {
    match op {
        "acknowledge" => Action::Acknowledge,
        "progress" => Action::Progress {
            percent: Some(60),
            note: Some("进展说明".to_owned()),
        },
        "submit" => Action::Submit { note: None },
        "accept" => Action::Accept,
        "reject" => Action::Reject {
            reason: "原因".to_owned(),
        },
        "request_extension" => Action::RequestExtension {
            deadline: at(2026, 12, 7, 18, 0),
            has_time: false,
            reason: Some("原因".to_owned()),
        },
        "approve_extension" => Action::ApproveExtension,
        "reject_extension" => Action::RejectExtension { reason: None },
        "nudge" => Action::Nudge,
        other => panic!("unexpected op {other}"),
    }
}

#[test]
fn every_button_round_trips_to_its_action_and_that_action_applies() {
    let expected_ops: &[(&str, &[&str])] = &[
        (
            "pending",
            &["acknowledge", "submit", "nudge", "progress", "request_extension"],
        ),
        (
            "in_progress",
            &["submit", "nudge", "progress", "request_extension"],
        ),
        ("due_soon", &["submit", "nudge", "progress", "request_extension"]),
        ("overdue", &["submit", "nudge", "progress", "request_extension"]),
        (
            "extension_pending",
            &[
                "submit",
                "approve_extension",
                "reject_extension",
                "nudge",
                "progress",
            ],
        ),
        ("submitted", &["accept", "reject"]),
        ("done", &[]),
        ("cancelled", &[]),
    ];
    let people = [
        person("lisi", "李四"),
        person("zhangsan", "张三"),
        person("admin", "管理员"),
    ];
    for ((name, item), (exp_name, exp_ops)) in fixtures::all_states().into_iter().zip(expected_ops) {
        assert_eq!(name, *exp_name);
        let c = item_card(&item, now(), &cal());
        let mut on_card = Vec::new();
        callbacks(&c, None, &mut on_card);
        // A form opener's form arrives in a 1:1 card: follow it.
        let mut found = Vec::new();
        for (value, fields) in on_card {
            assert_eq!(
                value["v"],
                json!(item.version),
                "{name}: every button carries the version"
            );
            if value["op"] == json!("form") {
                let kind = ActionKind::from_key(value["form"].as_str().unwrap()).unwrap();
                let fc = crate::card::forms::item_form_card(&item, kind, now(), None).unwrap();
                callbacks(&fc, None, &mut found);
            } else {
                found.push((value, fields));
            }
        }
        let ops: BTreeSet<String> = found
            .iter()
            .map(|(v, _)| v["op"].as_str().unwrap().to_owned())
            .collect();
        let want: BTreeSet<String> = exp_ops.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(ops, want, "{name}");
        for (value, fields) in found {
            assert_eq!(value["v"], json!(item.version), "{name}");
            let form: Option<Map<String, Value>> =
                fields.map(|names| names.iter().map(|n| (n.clone(), plausible(n))).collect());
            let Ok(Callback::Item(parsed)) = parse(&value, form.as_ref(), now()) else {
                panic!("{name}: {value} is not an item click")
            };
            let op = value["op"].as_str().unwrap();
            assert_eq!(parsed.item, item.id, "{name} {op}");
            assert_eq!(parsed.action, expected(op), "{name} {op}");
            let applies = people.iter().any(|p| {
                item.apply(
                    parsed.action.clone(),
                    &Actor { person: p.clone() },
                    &fixtures::policy(),
                    now(),
                    Source::Card(MessageId("om_card".to_owned())),
                )
                .is_ok()
            });
            assert!(applies, "{name}: the {op} button does nothing for anyone");
        }
    }
}

#[test]
fn an_open_item_card_is_short_and_negative_actions_are_red() {
    for (name, item) in fixtures::all_states() {
        let c = item_card(&item, now(), &cal());
        let text = c.to_string();
        assert!(
            !text.contains(r#""tag":"form""#),
            "{name}: no form on the live card"
        );
        assert!(
            component_count(&c) <= 30,
            "{name}: {} components",
            component_count(&c)
        );
        let mut found = Vec::new();
        callbacks(&c, None, &mut found);
        for b in buttons(&c) {
            let label = b["text"]["content"].as_str().unwrap_or_default();
            if label.contains("退回") || label.contains("拒绝") {
                assert_eq!(b["type"], json!("danger"), "{name}: {label}");
            }
        }
    }
}

fn buttons(v: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    fn walk(v: &Value, out: &mut Vec<Value>) {
        match v {
            Value::Object(map) => {
                if map.get("tag") == Some(&json!("button")) {
                    out.push(v.clone());
                }
                map.values().for_each(|c| walk(c, out));
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
        }
    }
    walk(v, &mut out);
    out
}

#[test]
fn component_names_are_unique_within_a_card() {
    for (name, item) in fixtures::all_states() {
        let c = item_card(&item, now(), &cal());
        let mut names = Vec::new();
        all_names(&c, &mut names);
        let unique: BTreeSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "{name}: {names:?}");
    }
}

fn all_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if map.contains_key("tag")
                && let Some(n) = map.get("name").and_then(Value::as_str)
            {
                out.push(n.to_owned());
            }
            map.values().for_each(|c| all_names(c, out));
        }
        Value::Array(items) => items.iter().for_each(|i| all_names(i, out)),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
}

fn report(value: i64, note: Option<&str>) -> crate::domain::batch::Report {
    crate::domain::batch::Report {
        value: crate::domain::batch::Amount::whole(value),
        note: note.map(str::to_owned),
        by: person("zhangsan", "张三"),
        at: at(2026, 11, 24, 17, 0),
    }
}

#[test]
fn the_target_line_shows_the_report_and_its_attainment() {
    use crate::domain::batch::Target;
    let it = fixtures::in_progress();
    let t = Target::parse("≥30户").unwrap();
    let line = |r: Option<&crate::domain::batch::Report>| {
        target_line(
            &it,
            TargetView {
                target: &t,
                report: r,
            },
        )
    };
    assert_eq!(
        line(Some(&report(24, None))),
        "**指标**：≥30户 · 已汇报 24户（80%）"
    );
    assert_eq!(
        line(Some(&report(33, None))),
        "**指标**：≥30户 · 已汇报 33户（<font color='green'>110%，已达标</font>）"
    );
    assert!(line(None).contains("尚未汇报（主办可发送 `/督办 汇报 DB-12 数值` 汇报）"));
    let ceiling = Target::parse("≤2笔").unwrap();
    let over = target_line(
        &it,
        TargetView {
            target: &ceiling,
            report: Some(&report(3, None)),
        },
    );
    assert_eq!(
        over,
        "**指标**：≤2笔 · 已汇报 3笔（<font color='red'>未达标</font>）"
    );
}

#[test]
fn without_a_target_the_card_is_unchanged_byte_for_byte() {
    for (name, item) in fixtures::all_states() {
        assert_eq!(
            item_card_with(&item, None, now(), &cal()),
            item_card(&item, now(), &cal()),
            "{name}"
        );
    }
}

#[test]
fn snapshot_of_an_item_with_a_target_and_a_report() {
    let mut it = fixtures::in_progress();
    it.title = "本月完成两融开户".to_owned();
    let t = crate::domain::batch::Target::parse("≥30户").unwrap();
    let r = report(24, Some("本周新增5户，下周二再走访两家企业客户"));
    let c = item_card_with(
        &it,
        Some(TargetView {
            target: &t,
            report: Some(&r),
        }),
        now(),
        &cal(),
    );
    let text = c.to_string();
    assert!(text.contains("**指标**：≥30户 · 已汇报 24户（80%）"));
    assert!(text.contains("**汇报说明**：本周新增5户"));
    insta::assert_json_snapshot!("item_with_target", c);
}

#[test]
fn the_card_names_the_unit_under_the_owners_and_is_unchanged_without_one() {
    let it = fixtures::in_progress();
    assert_eq!(
        item_card_full(&it, None, None, now(), &cal()),
        item_card(&it, now(), &cal())
    );
    let text = item_card_full(&it, Some("杭州营业部"), None, now(), &cal()).to_string();
    let unit = text.find("**单位**：杭州营业部");
    let owners = text.find("**协办**");
    assert!(unit.is_some() && unit > owners, "{text}");
}
