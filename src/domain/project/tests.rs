//! Tests of [`Project`]: permissions, a full run through five stages, late / stalled facts
//! across holidays, and random action sequences keeping the invariants.

use jiff::civil::date;
use proptest::prelude::*;

use jiff::Timestamp;

use super::*;
use crate::calendar::Calendar;
use crate::domain::audit::Source;
use crate::domain::deadline::Deadline;
use crate::domain::ids::{ChatId, ItemId, MessageId, OpenId, Person, ProjectId};
use crate::domain::item::{Actor, Policy};
use crate::domain::time::SHANGHAI;

pub(crate) fn at(y: i16, m: i8, d: i8, h: i8) -> Timestamp {
    SHANGHAI.to_timestamp(date(y, m, d).at(h, 0, 0, 0)).unwrap()
}

pub(crate) fn person(id: &str, name: &str) -> Person {
    Person {
        open_id: OpenId(format!("ou_{id}")),
        name: name.to_owned(),
    }
}

fn actor(id: &str, name: &str) -> Actor {
    Actor {
        person: person(id, name),
    }
}

fn policy() -> Policy {
    Policy {
        admins: vec![OpenId("ou_admin".to_owned())],
        ..Policy::default()
    }
}

fn src() -> Source {
    Source::Message(MessageId("om_1".to_owned()))
}

/// XM-3, owned by 张三, created Monday 2026-11-23 09:00.
pub(crate) fn project() -> Project {
    Project::create(
        ProjectId(3),
        ChatId("oc_ops".to_owned()),
        " 智能投顾小程序改版 ",
        person("zhang", "张三"),
        &StageTemplate::default_five(),
        at(2026, 11, 23, 9),
    )
}

fn deadline(ts: Timestamp) -> Deadline {
    Deadline {
        at: ts,
        has_time: false,
    }
}

fn plan(stage: &str, owner: Option<Person>, end: Option<Timestamp>) -> ProjectAction {
    ProjectAction::Plan {
        stage: stage.to_owned(),
        owner,
        planned_end: end.map(deadline),
    }
}

fn advance() -> ProjectAction {
    ProjectAction::Advance { note: None }
}

fn rollback(reason: &str) -> ProjectAction {
    ProjectAction::Rollback {
        reason: reason.to_owned(),
    }
}

#[test]
fn a_new_project_starts_at_its_first_stage() {
    let p = project();
    assert_eq!(p.name, "智能投顾小程序改版");
    assert_eq!(p.stages.len(), 5);
    assert_eq!(p.current_stage().unwrap().name, "需求对接");
    assert_eq!(p.stage_state(0), StageState::Current);
    assert_eq!(p.stage_state(1), StageState::Pending);
    assert_eq!(p.status, ProjectStatus::Active);
    assert_eq!(p.version, 1);
    assert_eq!(p.creation_record(src()).action, "p_create");
}

#[test]
fn an_empty_template_falls_back_to_the_default_five() {
    let t = StageTemplate {
        name: "空".to_owned(),
        stages: vec![],
    };
    let p = Project::create(
        ProjectId(1),
        ChatId("c".to_owned()),
        "x",
        person("a", "A"),
        &t,
        at(2026, 1, 5, 9),
    );
    assert_eq!(p.stages.len(), 5);
    assert_eq!(p.template, "默认");
}

#[test]
fn templates_are_found_by_name() {
    let ts = vec![
        StageTemplate::default_five(),
        StageTemplate {
            name: "Quick".to_owned(),
            stages: vec!["开发".to_owned(), "上线".to_owned()],
        },
    ];
    assert_eq!(StageTemplate::find(&ts, "quick").unwrap().stages.len(), 2);
    assert_eq!(StageTemplate::find(&ts, "默认").unwrap().stages.len(), 5);
    assert!(StageTemplate::find(&ts, "无").is_none());
}

#[test]
fn a_full_run_through_five_stages_with_a_rollback() {
    let owner = actor("zhang", "张三");
    let li = person("li", "李四");
    let mut p = project();
    let mut t = at(2026, 11, 23, 10);
    let mut records = Vec::new();
    let (next, rec) = p
        .apply(
            plan("产品设计", Some(li.clone()), Some(at(2026, 12, 10, 18))),
            &owner,
            &policy(),
            t,
            src(),
        )
        .unwrap();
    assert_eq!(rec.changes.len(), 2);
    p = next;
    records.push(rec);
    for expected in ["产品设计", "开发评审"] {
        t += jiff::SignedDuration::from_hours(24);
        let (next, rec) = p.apply(advance(), &owner, &policy(), t, src()).unwrap();
        assert_eq!(next.current_stage().unwrap().name, expected);
        assert!(
            rec.changes
                .iter()
                .any(|c| c.field == "stage" && c.after == expected)
        );
        p = next;
        records.push(rec);
    }
    // 开发评审 → back to 产品设计, with a reason.
    t += jiff::SignedDuration::from_hours(24);
    let (next, rec) = p
        .apply(rollback("设计稿需要补充合规提示"), &owner, &policy(), t, src())
        .unwrap();
    assert_eq!(next.current_stage().unwrap().name, "产品设计");
    assert_eq!(next.stage_state(2), StageState::Pending);
    assert_eq!(next.stages[2].started_at, None);
    assert_eq!(next.stages[1].finished_at, None);
    assert_eq!(next.stages[1].started_at, Some(t));
    assert_eq!(rec.note.as_deref(), Some("设计稿需要补充合规提示"));
    assert_eq!(rec.action, "p_rollback");
    p = next;
    // 李四 owns 产品设计 and may advance it.
    let li_actor = Actor { person: li };
    for expected in ["开发评审", "测试升级", "效果反馈"] {
        t += jiff::SignedDuration::from_hours(24);
        let who = if expected == "开发评审" {
            &li_actor
        } else {
            &owner
        };
        let (next, _) = p.apply(advance(), who, &policy(), t, src()).unwrap();
        assert_eq!(next.current_stage().unwrap().name, expected);
        p = next;
    }
    t += jiff::SignedDuration::from_hours(24);
    let (done, rec) = p
        .apply(
            ProjectAction::Advance {
                note: Some("分行反馈良好".to_owned()),
            },
            &owner,
            &policy(),
            t,
            src(),
        )
        .unwrap();
    assert_eq!(done.status, ProjectStatus::Done);
    assert_eq!(done.current, 4);
    assert!(done.stages.iter().all(|s| s.finished_at.is_some()));
    assert!((0..5).all(|i| done.stage_state(i) == StageState::Done));
    assert!(
        rec.changes
            .iter()
            .any(|c| c.field == "status" && c.after == "已完成")
    );
    assert_eq!(done.version, 9);
    // A done project can be reopened by a rollback, at its last stage.
    let (reopened, _) = done
        .apply(rollback("上线后发现问题"), &owner, &policy(), t, src())
        .unwrap();
    assert_eq!(reopened.status, ProjectStatus::Active);
    assert_eq!(reopened.current, 4);
    assert_eq!(reopened.stages[4].finished_at, None);
}

#[test]
fn a_rollback_needs_a_reason_and_a_previous_stage() {
    let owner = actor("zhang", "张三");
    let p = project();
    let now = at(2026, 11, 24, 9);
    assert_eq!(
        p.apply(rollback("x"), &owner, &policy(), now, src()).unwrap_err(),
        ProjectError::AtFirstStage {
            stage: "需求对接".to_owned()
        }
    );
    let (p, _) = p.apply(advance(), &owner, &policy(), now, src()).unwrap();
    assert_eq!(
        p.apply(rollback("  "), &owner, &policy(), now, src())
            .unwrap_err(),
        ProjectError::MissingReason
    );
}

/// Who may do what: (action, actor id, expected ok).
#[test]
fn the_permission_table_holds() {
    let li = person("li", "李四");
    let wang = person("wang", "王五");
    let base = project();
    let now = at(2026, 11, 24, 9);
    // 李四 owns the current stage (需求对接); 王五 owns 测试升级.
    let (base, _) = base
        .apply(
            plan("1", Some(li), None),
            &actor("zhang", "张三"),
            &policy(),
            now,
            src(),
        )
        .unwrap();
    let (base, _) = base
        .apply(
            plan("测试升级", Some(wang), None),
            &actor("zhang", "张三"),
            &policy(),
            now,
            src(),
        )
        .unwrap();
    let (advanced, _) = base
        .apply(advance(), &actor("zhang", "张三"), &policy(), now, src())
        .unwrap();
    let date = Some(at(2026, 12, 1, 18));
    let cases: Vec<(&Project, ProjectAction, &str, bool)> = vec![
        (&base, advance(), "zhang", true),
        (&base, advance(), "li", true),
        (&base, advance(), "wang", false),
        (&base, advance(), "admin", true),
        (&base, advance(), "stranger", false),
        (&advanced, rollback("r"), "zhang", true),
        (&advanced, rollback("r"), "admin", true),
        (&advanced, rollback("r"), "li", false),
        (&advanced, rollback("r"), "stranger", false),
        (&base, plan("产品设计", None, date), "zhang", true),
        (&base, plan("产品设计", None, date), "admin", true),
        (&base, plan("需求对接", None, date), "li", true),
        (&base, plan("需求对接", Some(person("x", "X")), None), "li", false),
        (&base, plan("产品设计", None, date), "li", false),
        (&base, plan("产品设计", None, date), "stranger", false),
        (&base, ProjectAction::LinkItem(ItemId(12)), "zhang", true),
        (&base, ProjectAction::LinkItem(ItemId(12)), "wang", true),
        (&base, ProjectAction::LinkItem(ItemId(12)), "admin", true),
        (&base, ProjectAction::LinkItem(ItemId(12)), "stranger", false),
        (&base, ProjectAction::Rename("新名".to_owned()), "zhang", true),
        (&base, ProjectAction::Rename("新名".to_owned()), "li", false),
        (&base, ProjectAction::Cancel { reason: None }, "zhang", true),
        (&base, ProjectAction::Cancel { reason: None }, "admin", true),
        (&base, ProjectAction::Cancel { reason: None }, "li", false),
    ];
    for (p, action, who, ok) in cases {
        let label = format!("{action:?} by {who}");
        let result = p.apply(action, &actor(who, who), &policy(), now, src());
        assert_eq!(result.is_ok(), ok, "{label}: {result:?}");
        if let Err(e) = result {
            assert!(matches!(e, ProjectError::Forbidden { .. }), "{label}: {e}");
            assert!(e.to_string().starts_with("只有"), "{e}");
        }
    }
}

#[test]
fn the_forbidden_message_names_who_may_advance() {
    let owner = actor("zhang", "张三");
    let (p, _) = project()
        .apply(
            plan("需求对接", Some(person("li", "李四")), None),
            &owner,
            &policy(),
            at(2026, 11, 24, 9),
            src(),
        )
        .unwrap();
    let e = p
        .apply(advance(), &actor("x", "X"), &policy(), at(2026, 11, 24, 9), src())
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "只有当前阶段负责人（李四）、项目负责人（张三）或管理员可以推进"
    );
}

#[test]
fn closed_projects_refuse_changes() {
    let owner = actor("zhang", "张三");
    let now = at(2026, 11, 24, 9);
    let (cancelled, rec) = project()
        .apply(
            ProjectAction::Cancel {
                reason: Some("需求撤回".to_owned()),
            },
            &owner,
            &policy(),
            now,
            src(),
        )
        .unwrap();
    assert_eq!(rec.note.as_deref(), Some("需求撤回"));
    for action in [
        advance(),
        rollback("r"),
        plan("2", None, Some(at(2026, 12, 1, 18))),
        ProjectAction::LinkItem(ItemId(1)),
        ProjectAction::Rename("n".to_owned()),
        ProjectAction::Cancel { reason: None },
    ] {
        let e = cancelled
            .apply(action, &owner, &policy(), now, src())
            .unwrap_err();
        assert!(e.to_string().starts_with("项目已取消，不能再"), "{e}");
    }
}

#[test]
fn planning_checks_its_arguments() {
    let owner = actor("zhang", "张三");
    let now = at(2026, 11, 24, 9);
    let p = project();
    assert_eq!(
        p.apply(plan("产品设计", None, None), &owner, &policy(), now, src())
            .unwrap_err(),
        ProjectError::NothingToPlan
    );
    let e = p
        .apply(plan("上线", None, Some(now)), &owner, &policy(), now, src())
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "项目里没有“上线”这个阶段，可选：1.需求对接 2.产品设计 3.开发评审 4.测试升级 5.效果反馈"
    );
    let (p, _) = p.apply(advance(), &owner, &policy(), now, src()).unwrap();
    assert_eq!(
        p.apply(plan("需求对接", None, Some(now)), &owner, &policy(), now, src())
            .unwrap_err(),
        ProjectError::StageFinished {
            stage: "需求对接".to_owned()
        }
    );
}

#[test]
fn stages_are_found_by_number_name_or_unique_part() {
    let p = project();
    assert_eq!(p.find_stage("2"), Ok(1));
    assert_eq!(p.find_stage("第3阶段"), Ok(2));
    assert_eq!(p.find_stage("测试升级"), Ok(3));
    assert_eq!(p.find_stage("测试"), Ok(3));
    assert!(p.find_stage("6").is_err());
    assert!(p.find_stage("").is_err());
}

#[test]
fn linking_twice_or_unlinking_a_stranger_is_refused() {
    let owner = actor("zhang", "张三");
    let now = at(2026, 11, 24, 9);
    let (p, rec) = project()
        .apply(ProjectAction::LinkItem(ItemId(12)), &owner, &policy(), now, src())
        .unwrap();
    assert_eq!(p.items, vec![ItemId(12)]);
    assert_eq!(rec.changes[0].after, "DB-12");
    assert_eq!(
        p.apply(ProjectAction::LinkItem(ItemId(12)), &owner, &policy(), now, src())
            .unwrap_err(),
        ProjectError::AlreadyLinked { item: ItemId(12) }
    );
    assert_eq!(
        p.apply(
            ProjectAction::UnlinkItem(ItemId(13)),
            &owner,
            &policy(),
            now,
            src()
        )
        .unwrap_err(),
        ProjectError::NotLinked { item: ItemId(13) }
    );
    let (p, _) = p
        .apply(
            ProjectAction::UnlinkItem(ItemId(12)),
            &owner,
            &policy(),
            now,
            src(),
        )
        .unwrap();
    assert!(p.items.is_empty());
}

#[test]
fn a_blank_name_is_refused() {
    let owner = actor("zhang", "张三");
    let now = at(2026, 11, 24, 9);
    assert_eq!(
        project()
            .apply(
                ProjectAction::Rename(" ".to_owned()),
                &owner,
                &policy(),
                now,
                src()
            )
            .unwrap_err(),
        ProjectError::BadName
    );
}

#[test]
fn lateness_follows_the_current_stage_plan() {
    let owner = actor("zhang", "张三");
    let (p, _) = project()
        .apply(
            plan("需求对接", None, Some(at(2026, 11, 25, 18))),
            &owner,
            &policy(),
            at(2026, 11, 23, 10),
            src(),
        )
        .unwrap();
    let (p, _) = p
        .apply(
            plan("产品设计", None, Some(at(2026, 11, 27, 18))),
            &owner,
            &policy(),
            at(2026, 11, 23, 10),
            src(),
        )
        .unwrap();
    assert!(!p.is_late(at(2026, 11, 25, 17)));
    assert!(p.is_late(at(2026, 11, 25, 19)));
    assert_eq!(p.late_stages(at(2026, 11, 25, 19)), vec![0]);
    // Finished a day late: stage 0 stays in the late list, and 产品设计 is not late yet.
    let (p, _) = p
        .apply(advance(), &owner, &policy(), at(2026, 11, 26, 10), src())
        .unwrap();
    assert!(!p.is_late(at(2026, 11, 26, 11)));
    assert_eq!(p.late_stages(at(2026, 11, 26, 11)), vec![0]);
    assert_eq!(p.late_stages(at(2026, 11, 30, 11)), vec![0, 1]);
}

#[test]
fn stalled_working_days_skip_the_national_day_holiday() {
    let mut p = project();
    p.last_moved_at = at(2026, 9, 30, 10);
    let cal = Calendar::builtin();
    assert_eq!(p.stalled_workdays(at(2026, 9, 30, 17), &cal), Ok(0));
    // 10月1日–7日 off; 8日 (Thu) and 9日 (Fri) count.
    assert_eq!(p.stalled_workdays(at(2026, 10, 9, 10), &cal), Ok(2));
    // 10月10日 is a make-up Saturday (调休) and counts; 11日 (Sun) does not.
    assert_eq!(p.stalled_workdays(at(2026, 10, 12, 10), &cal), Ok(4));
    p.status = ProjectStatus::Done;
    assert_eq!(p.stalled_workdays(at(2026, 10, 12, 10), &cal), Ok(0));
}

fn check_invariants(p: &Project) -> Result<(), TestCaseError> {
    prop_assert!(p.current < p.stages.len());
    for (i, s) in p.stages.iter().enumerate() {
        match i.cmp(&p.current) {
            std::cmp::Ordering::Less => {
                prop_assert!(s.started_at.is_some() && s.finished_at.is_some(), "{i} {s:?}");
            }
            std::cmp::Ordering::Equal => {
                prop_assert!(s.started_at.is_some());
                prop_assert_eq!(s.finished_at.is_some(), p.status == ProjectStatus::Done);
            }
            std::cmp::Ordering::Greater => {
                prop_assert!(s.started_at.is_none() && s.finished_at.is_none(), "{i} {s:?}");
            }
        }
    }
    let mut items = p.items.clone();
    items.dedup();
    prop_assert_eq!(items.len(), p.items.len());
    Ok(())
}

fn any_action() -> impl Strategy<Value = ProjectAction> {
    prop_oneof![
        Just(advance()),
        Just(advance()),
        Just(rollback("原因")),
        Just(rollback("")),
        (
            1usize..7,
            proptest::option::of(0u8..3),
            proptest::option::of(1i8..28)
        )
            .prop_map(|(n, who, day)| plan(
                &n.to_string(),
                who.map(|w| person(&format!("p{w}"), "P")),
                day.map(|d| at(2026, 12, d, 18))
            )),
        (1u64..4).prop_map(|n| ProjectAction::LinkItem(ItemId(n))),
        (1u64..4).prop_map(|n| ProjectAction::UnlinkItem(ItemId(n))),
        Just(ProjectAction::Cancel { reason: None }),
    ]
}

proptest! {
    #[test]
    fn random_action_sequences_keep_the_invariants(
        steps in proptest::collection::vec((any_action(), 0u8..4), 0..40)
    ) {
        let mut p = project();
        let mut t = at(2026, 11, 23, 10);
        for (action, who) in steps {
            t += jiff::SignedDuration::from_hours(5);
            let who = match who {
                0 => actor("zhang", "张三"),
                1 => actor("admin", "管理员"),
                2 => actor("p1", "P"),
                _ => actor("stranger", "路人"),
            };
            let before = p.clone();
            match p.apply(action, &who, &policy(), t, src()) {
                Ok((next, rec)) => {
                    prop_assert_eq!(next.version, before.version + 1);
                    prop_assert_eq!(rec.at, t);
                    p = next;
                }
                Err(e) => {
                    prop_assert!(!e.to_string().is_empty());
                    prop_assert_eq!(&p, &before);
                }
            }
            check_invariants(&p)?;
        }
    }
}

#[test]
fn the_creator_plans_moves_and_rolls_back_like_the_owner_and_refusals_name_them() {
    let p = project().created_by(person("boss", "赵督办"));
    let boss = actor("boss", "赵督办");
    let t = at(2026, 11, 24, 10);
    let (p, rec) = p
        .apply(
            plan("产品设计", Some(person("li", "李四")), None),
            &boss,
            &policy(),
            t,
            src(),
        )
        .unwrap();
    assert_eq!(rec.actor.name, "赵督办");
    let (p, _) = p.apply(advance(), &boss, &policy(), t, src()).unwrap();
    let (p, _) = p
        .apply(rollback("需求口径有变化"), &boss, &policy(), t, src())
        .unwrap();
    assert_eq!(p.current, 0);
    let r = p.last_rollback.clone().unwrap();
    assert_eq!(
        (r.reason.as_str(), r.from_stage.as_str()),
        ("需求口径有变化", "产品设计")
    );
    assert_eq!(r.by.name, "赵督办");
    // A stranger is told who may.
    let e = p
        .apply(rollback("x"), &actor("wang", "王五"), &policy(), t, src())
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "只有项目负责人（张三）、发起人（赵督办）或管理员可以退回"
    );
    // The next 推进 clears the note.
    let (p, _) = p.apply(advance(), &boss, &policy(), t, src()).unwrap();
    assert!(p.last_rollback.is_none());
}

#[test]
fn a_project_created_before_creators_were_kept_still_loads() {
    let mut v = serde_json::to_value(project()).unwrap();
    let obj = v.as_object_mut().unwrap();
    obj.remove("creator");
    obj.remove("last_rollback");
    let p: Project = serde_json::from_value(v).unwrap();
    assert!(p.creator.is_none() && p.last_rollback.is_none());
}
