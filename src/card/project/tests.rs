//! Tests of the project cards: snapshots of every state, limits, and callback round trips.

use serde_json::{Map, json};

use super::*;
use crate::card::callback::{Callback, CallbackError, parse};
use crate::card::fixtures::{at as ts, cal, in_progress, now, overdue, person};
use crate::card::fmt::within_limits;
use crate::domain::audit::Source;
use crate::domain::deadline::Deadline;
use crate::domain::ids::{ChatId, ItemId, RequirementId};
use crate::domain::ids::{OpenId, Person, ProjectId};
use crate::domain::project::ProjectAction;
use crate::domain::project::StageTemplate;
use crate::domain::supervision::{Actor, Policy};

fn owner() -> Actor {
    Actor {
        person: person("zhangsan", "张三"),
    }
}

fn apply(p: &Project, a: ProjectAction, when: Timestamp) -> Project {
    p.apply(a, &owner(), &Policy::default(), when, Source::System)
        .unwrap()
        .0
}

/// Created Monday 2026-11-16; 需求对接 planned 11-18, done 11-19 (late); now at 产品设计 (李四,
/// planned 11-24: late at `now` = 11-25).
pub(crate) fn late_project() -> Project {
    let mut p = Project::create(
        ProjectId(3),
        ChatId("oc_ops".to_owned()),
        "智能投顾小程序改版",
        person("zhangsan", "张三"),
        &StageTemplate::default_five(),
        ts(2026, 11, 16, 9, 0),
    );
    let plan = |stage: &str, who: Option<Person>, end: Timestamp| ProjectAction::Plan {
        stage: stage.to_owned(),
        owner: who,
        planned_end: Some(Deadline {
            at: end,
            has_time: false,
        }),
    };
    p = apply(
        &p,
        plan(
            "需求对接",
            Some(person("wangwu", "王五")),
            ts(2026, 11, 18, 18, 0),
        ),
        ts(2026, 11, 16, 10, 0),
    );
    p = apply(
        &p,
        plan("产品设计", Some(person("lisi", "李四")), ts(2026, 11, 24, 18, 0)),
        ts(2026, 11, 16, 10, 0),
    );
    p = apply(
        &p,
        plan("开发评审", None, ts(2026, 12, 10, 18, 0)),
        ts(2026, 11, 16, 10, 0),
    );
    p = apply(&p, ProjectAction::Advance { note: None }, ts(2026, 11, 19, 15, 0));
    p = apply(&p, ProjectAction::LinkItem(ItemId(12)), ts(2026, 11, 19, 16, 0));
    p.requirements.push(RequirementId(5));
    p
}

fn fresh() -> Project {
    Project::create(
        ProjectId(4),
        ChatId("oc_ops".to_owned()),
        "两融到期提醒",
        person("zhangsan", "张三"),
        &StageTemplate::default_five(),
        ts(2026, 11, 25, 9, 0),
    )
}

fn done() -> Project {
    let mut p = late_project();
    for _ in 0..4 {
        p = apply(&p, ProjectAction::Advance { note: None }, ts(2026, 11, 25, 9, 0));
    }
    p
}

fn cancelled() -> Project {
    apply(
        &late_project(),
        ProjectAction::Cancel { reason: None },
        ts(2026, 11, 25, 9, 0),
    )
}

#[test]
fn snapshots_of_every_project_state() {
    let items = vec![overdue(), in_progress()];
    let cases = [
        ("project_fresh", project_card(&fresh(), &[], now(), &cal())),
        (
            "project_late_with_items",
            project_card(&late_project(), &items, now(), &cal()),
        ),
        ("project_done", project_card(&done(), &[], now(), &cal())),
        (
            "project_cancelled",
            project_card(&cancelled(), &[], now(), &cal()),
        ),
    ];
    for (name, c) in cases {
        assert!(within_limits(&c), "{name}");
        insta::assert_json_snapshot!(name, c);
    }
}

#[test]
fn the_late_card_is_red_and_marks_the_late_stages() {
    let c = project_card(&late_project(), &[overdue()], now(), &cal());
    assert_eq!(c["header"]["template"], json!("red"));
    let text = c.to_string();
    assert!(text.contains("✓ 1. 需求对接"));
    assert!(text.contains("▶ 2. **产品设计**"));
    assert!(text.contains("○ 3. 开发评审"));
    assert!(text.contains("晚于计划") && text.contains("已超计划"));
    assert!(text.contains("DB-12"));
    assert!(text.contains("XQ-5"));
}

#[test]
fn a_fresh_project_has_no_rollback_and_a_done_one_no_advance() {
    let names = |c: &Value| {
        let mut out = Vec::new();
        collect_names(c, &mut out);
        out
    };
    let fresh_names = names(&project_card(&fresh(), &[], now(), &cal()));
    assert!(fresh_names.contains(&"btn_p_advance".to_owned()));
    assert!(!fresh_names.contains(&"open_p_rollback".to_owned()));
    assert!(project_form_card(&fresh(), "p_rollback", None, &[]).is_none());
    let done_names = names(&project_card(&done(), &[], now(), &cal()));
    assert!(!done_names.contains(&"btn_p_advance".to_owned()));
    assert!(done_names.contains(&"open_p_rollback".to_owned()));
    assert!(project_form_card(&done(), "p_rollback", None, &[]).is_some());
    assert!(names(&project_card(&cancelled(), &[], now(), &cal())).is_empty());
}

fn collect_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(n)) = m.get("name") {
                out.push(n.clone());
            }
            m.values().for_each(|x| collect_names(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| collect_names(x, out)),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
}

/// The callback value of the component named `name`.
pub(crate) fn callback_of(card: &Value, name: &str) -> Value {
    fn find(v: &Value, name: &str) -> Option<Value> {
        match v {
            Value::Object(m) => {
                if m.get("name") == Some(&json!(name)) {
                    return m.get("behaviors")?.get(0)?.get("value").cloned();
                }
                m.values().find_map(|x| find(x, name))
            }
            Value::Array(a) => a.iter().find_map(|x| find(x, name)),
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => None,
        }
    }
    find(card, name).unwrap_or_else(|| panic!("no {name}"))
}

pub(crate) fn form_of(pairs: &[(&str, &str)]) -> Map<String, Value> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), json!(v))).collect()
}

/// A click on a project button, as the one callback parser reads it.
fn project_click(
    value: &Value,
    form: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Result<(ProjectId, ProjectAction), CallbackError> {
    match parse(value, form, now)? {
        Callback::Project(id, action) => Ok((id, action)),
        other => panic!("{value} is not a project click: {other:?}"),
    }
}

#[test]
fn every_project_button_and_form_round_trips() {
    let p = late_project();
    let live = project_card(&p, &[], now(), &cal());
    assert!(
        !live.to_string().contains(r#""tag":"form""#),
        "the live card carries no form"
    );
    assert_eq!(callback_of(&live, "open_p_rollback")["v"], json!(p.version));
    let rollback_card = project_form_card(&p, "p_rollback", None, &[]).unwrap();
    let plan_card = project_form_card(&p, "p_plan", None, &[person("zhaoliu", "赵六")]).unwrap();
    let c = json!([live, rollback_card, plan_card]);
    let advance = callback_of(&c, "btn_p_advance");
    assert_eq!(advance["v"], json!(p.version));
    assert_eq!(
        project_click(&advance, None, now()),
        Ok((ProjectId(3), ProjectAction::Advance { note: None }))
    );
    let rollback = callback_of(&c, "p_rollback_submit");
    assert_eq!(
        project_click(&rollback, Some(&form_of(&[("reason", " 口径变化 ")])), now()),
        Ok((
            ProjectId(3),
            ProjectAction::Rollback {
                reason: "口径变化".to_owned()
            }
        ))
    );
    assert_eq!(
        project_click(&rollback, Some(&form_of(&[("reason", "")])), now()),
        Err(CallbackError::MissingReason)
    );
    let plan = callback_of(&c, "p_plan_submit");
    let form = form_of(&[
        ("stage", "3"),
        ("owner", "ou_zhaoliu"),
        ("date", "2026-12-15 +0800"),
    ]);
    assert_eq!(
        project_click(&plan, Some(&form), now()),
        Ok((
            ProjectId(3),
            ProjectAction::Plan {
                stage: "3".to_owned(),
                owner: Some(Person {
                    open_id: OpenId("ou_zhaoliu".to_owned()),
                    name: String::new()
                }),
                planned_end: Some(Deadline {
                    at: ts(2026, 12, 15, 18, 0),
                    has_time: false
                }),
            }
        ))
    );
    assert_eq!(
        project_click(
            &plan,
            Some(&form_of(&[("stage", "3"), ("date", "2026-11-01")])),
            now()
        ),
        Err(CallbackError::PastDate)
    );
    // The parsed plan applies to the project it came from.
    let (_, action) = project_click(&plan, Some(&form), now()).unwrap();
    assert!(
        late_project()
            .apply(action, &owner(), &Policy::default(), now(), Source::System)
            .is_ok()
    );
}

#[test]
fn other_families_and_junk_are_not_project_callbacks() {
    assert!(matches!(
        parse(&json!({"op": "acknowledge", "item": 1}), None, now()),
        Ok(Callback::Item(_))
    ));
    assert!(matches!(
        parse(&json!({"op": "r_accept", "req": 1}), None, now()),
        Ok(Callback::Requirement(_))
    ));
    assert_eq!(
        parse(&json!("not json"), None, now()),
        Err(CallbackError::Malformed)
    );
    assert_eq!(
        project_click(&json!({"op": "p_advance"}), None, now()),
        Err(CallbackError::Malformed)
    );
    assert!(matches!(
        project_click(&json!("{\"op\":\"p_fly\",\"project\":3}"), None, now()),
        Err(CallbackError::UnknownOp { .. })
    ));
}

#[test]
fn snapshots_of_the_board_list_and_help() {
    let projects = vec![late_project(), fresh(), done(), cancelled()];
    let board = project_board_card(&projects, now(), &cal(), 3, "本群");
    assert!(within_limits(&board));
    let text = board.to_string();
    assert!(text.contains("延期项目（1）"));
    assert!(text.contains("停滞项目"));
    insta::assert_json_snapshot!("project_board", board);
    let list = project_list_card("本群的项目", &projects, now());
    assert!(within_limits(&list));
    insta::assert_json_snapshot!("project_list", list);
    let help = project_help_card();
    assert!(within_limits(&help));
    for spec in PROJECT_COMMANDS {
        assert!(
            help.to_string().contains(&spec.example.replace('`', "'")),
            "{}",
            spec.zh
        );
    }
    insta::assert_json_snapshot!("project_help", help);
}

#[test]
fn empty_board_and_list_explain_what_to_do() {
    assert!(
        project_board_card(&[], now(), &cal(), 5, "全部门")
            .to_string()
            .contains("/项目 新建")
    );
    assert!(
        project_list_card("x", &[], now())
            .to_string()
            .contains("/项目 新建")
    );
}

#[test]
fn a_board_of_many_projects_stays_within_limits() {
    let many: Vec<Project> = (1..=300)
        .map(|n| {
            let mut p = late_project();
            p.id = ProjectId(n);
            p.name = "很长的项目名称".repeat(10);
            p
        })
        .collect();
    assert!(within_limits(&project_board_card(
        &many,
        now(),
        &cal(),
        1,
        "全部门"
    )));
    assert!(within_limits(&project_list_card("全部", &many, now())));
}

#[test]
fn a_project_of_a_unit_names_it_and_one_without_does_not() {
    let cal = cal();
    let with = fresh().in_unit(Some("杭州营业部".to_owned()));
    let text = project_card(&with, &[], now(), &cal).to_string();
    assert!(text.contains("**单位**：杭州营业部"), "{text}");
    let without = project_card(&fresh(), &[], now(), &cal).to_string();
    assert!(!without.contains("单位"), "{without}");
}
