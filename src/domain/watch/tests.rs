use super::*;
use crate::calendar::Calendar;
use crate::domain::audit::Source;
use crate::domain::deadline::Deadline;
use crate::domain::ids::Person;
use crate::domain::ids::{ChatId, OpenId, ProjectId, RequirementId};
use crate::domain::item::{Actor, Policy};
use crate::domain::priority::Priority;
use crate::domain::project::{Project, ProjectStatus};
use crate::domain::project::{ProjectAction, StageTemplate};
use crate::domain::requirement::NewRequirement;
use crate::domain::requirement::Requirement;
use crate::domain::schedule::ReminderPolicy;
use crate::domain::time::local;
use jiff::Timestamp;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn person(id: &str, name: &str) -> Person {
    Person {
        open_id: OpenId(id.to_owned()),
        name: name.to_owned(),
    }
}

/// XM-1 created Wed 2026-03-11 10:00, 需求对接 planned for Thu 12 18:00, owned by 李四.
fn project() -> Project {
    let p = Project::create(
        ProjectId(1),
        ChatId("oc_g".to_owned()),
        "营业部开户流程优化",
        person("ou_zs", "张三"),
        &StageTemplate::default_five(),
        ts("2026-03-11T10:00:00+08:00"),
    );
    let (p, _) = p
        .apply(
            ProjectAction::Plan {
                stage: "1".to_owned(),
                owner: Some(person("ou_ls", "李四")),
                planned_end: Some(Deadline {
                    at: ts("2026-03-12T18:00:00+08:00"),
                    has_time: false,
                }),
            },
            &Actor {
                person: person("ou_zs", "张三"),
            },
            &Policy::default(),
            ts("2026-03-11T10:00:00+08:00"),
            Source::System,
        )
        .unwrap();
    p
}

fn policy() -> ReminderPolicy {
    ReminderPolicy::default()
}

#[test]
fn a_stage_is_first_checked_at_its_planned_end_moved_to_the_next_working_morning() {
    let cal = Calendar::builtin();
    let next = next_project_check(
        &project(),
        &WatchState::default(),
        ts("2026-03-11T10:00:00+08:00"),
        &policy(),
        &cal,
        5,
    )
    .unwrap()
    .unwrap();
    // Thu 18:00 is after hours → Fri morning, 09:0x.
    let l = local(next);
    assert_eq!(l.date().to_string(), "2026-03-13");
    assert_eq!(l.hour(), 9);
}

#[test]
fn a_late_stage_nudges_its_owner_once_per_working_day() {
    let cal = Calendar::builtin();
    let p = project();
    let fri = ts("2026-03-13T09:05:00+08:00");
    let mut s = WatchState::default();
    let due = project_due_now(&p, &s, fri, &policy(), &cal, 5).unwrap();
    assert!(
        matches!(&due[..], [ProjectCheck::LateStage { owner, .. }] if owner.name == "李四"),
        "{due:?}"
    );
    mark_project_sent(&p, &mut s, &due, fri);
    let later = ts("2026-03-13T15:00:00+08:00");
    assert!(
        project_due_now(&p, &s, later, &policy(), &cal, 5)
            .unwrap()
            .is_empty()
    );
    // Next check: Monday morning (the weekend is skipped).
    let next = next_project_check(&p, &s, later, &policy(), &cal, 5)
        .unwrap()
        .unwrap();
    assert_eq!(local(next).date().to_string(), "2026-03-16");
}

#[test]
fn nothing_is_sent_outside_working_hours() {
    let cal = Calendar::builtin();
    let sat = ts("2026-03-14T10:00:00+08:00");
    assert!(
        project_due_now(&project(), &WatchState::default(), sat, &policy(), &cal, 5)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_project_without_movement_is_flagged_after_n_working_days_and_again_after_2n() {
    let cal = Calendar::builtin();
    let mut p = project();
    p.stages[0].planned_end = None;
    let mut s = WatchState::default();
    // Created Wed 11; five working days later is Wed 18.
    let next = next_project_check(&p, &s, p.created_at, &policy(), &cal, 5)
        .unwrap()
        .unwrap();
    assert_eq!(local(next).date().to_string(), "2026-03-18");
    let due = project_due_now(&p, &s, next, &policy(), &cal, 5).unwrap();
    assert_eq!(due, vec![ProjectCheck::Stalled { workdays: 5 }]);
    mark_project_sent(&p, &mut s, &due, next);
    assert!(
        project_due_now(&p, &s, next, &policy(), &cal, 5)
            .unwrap()
            .is_empty()
    );
    let again = next_project_check(&p, &s, next, &policy(), &cal, 5)
        .unwrap()
        .unwrap();
    assert_eq!(local(again).date().to_string(), "2026-03-25");
}

#[test]
fn a_done_project_is_not_watched() {
    let mut p = project();
    p.status = ProjectStatus::Done;
    let cal = Calendar::builtin();
    assert_eq!(
        next_project_check(&p, &WatchState::default(), p.created_at, &policy(), &cal, 5).unwrap(),
        None
    );
}

fn requirement() -> Requirement {
    Requirement::create(
        RequirementId(1),
        NewRequirement {
            chat_id: ChatId("oc_b".to_owned()),
            title: "两融开户线上化".to_owned(),
            unit: None,
            scenario: None,
            expected: None,
            priority: Priority::P2,
            contact: None,
            description: None,
            submitter: person("ou_b", "营业部"),
        },
        ts("2026-03-11T10:00:00+08:00"),
    )
}

#[test]
fn an_untriaged_requirement_nudges_after_the_sla_once_per_working_day() {
    let cal = Calendar::builtin();
    let r = requirement();
    let mut s = WatchState::default();
    // Submitted Wed; SLA 2 working days → overdue from Mon 16 (Thu, Fri counted).
    let next = next_requirement_check(&r, &s, r.created_at, &policy(), &cal, 2)
        .unwrap()
        .unwrap();
    assert_eq!(local(next).date().to_string(), "2026-03-16");
    assert!(requirement_due_now(&r, &s, next, &policy(), &cal, 2).unwrap());
    s.nudged_on = Some(local(next).date());
    assert!(!requirement_due_now(&r, &s, next, &policy(), &cal, 2).unwrap());
    let again = next_requirement_check(&r, &s, next, &policy(), &cal, 2)
        .unwrap()
        .unwrap();
    assert_eq!(local(again).date().to_string(), "2026-03-17");
}
