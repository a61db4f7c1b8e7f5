//! Tests of [`Requirement`]: triage flows, permissions, the closed-loop mapping, the intake SLA
//! and random action sequences.

use jiff::civil::date;
use proptest::prelude::*;

use jiff::Timestamp;

use super::closed_loop::stage_loop;
use super::*;
use crate::calendar::Calendar;
use crate::domain::audit::{AuditRecord, Source};
use crate::domain::ids::{ChatId, MessageId, OpenId, Person, ProjectId, RequirementId};
use crate::domain::item::Actor;
use crate::domain::item::Policy;
use crate::domain::priority::Priority;
use crate::domain::project::{Project, ProjectStatus};
use crate::domain::project::{ProjectAction, StageTemplate};
use crate::domain::time::SHANGHAI;

fn at(y: i16, m: i8, d: i8, h: i8) -> Timestamp {
    SHANGHAI.to_timestamp(date(y, m, d).at(h, 0, 0, 0)).unwrap()
}

fn person(id: &str, name: &str) -> Person {
    Person {
        open_id: OpenId(format!("ou_{id}")),
        name: name.to_owned(),
    }
}

fn actor(id: &str) -> Actor {
    Actor {
        person: person(id, id),
    }
}

fn managers() -> Vec<Person> {
    vec![person("mgr", "孙管理员")]
}

fn src() -> Source {
    Source::Message(MessageId("om_1".to_owned()))
}

/// XQ-5 from 营业部 submitter `sub`, contact `contact`, on Monday 2026-11-23 09:00.
fn req() -> Requirement {
    Requirement::create(
        RequirementId(5),
        NewRequirement {
            chat_id: ChatId("oc_branch".to_owned()),
            title: " 两融客户到期提醒 ".to_owned(),
            unit: Some("杭州分公司".to_owned()),
            scenario: Some(" ".to_owned()),
            expected: None,
            priority: Priority::P1,
            contact: Some(person("contact", "钱七")),
            description: None,
            submitter: person("sub", "赵六"),
        },
        at(2026, 11, 23, 9),
    )
}

fn project_at(stage: usize, done: bool) -> Project {
    let mut p = Project::create(
        ProjectId(3),
        ChatId("oc_ops".to_owned()),
        "两融提醒",
        person("zhang", "张三"),
        &StageTemplate::default_five(),
        at(2026, 11, 23, 9),
    );
    let owner = Actor {
        person: person("zhang", "张三"),
    };
    let steps = stage + usize::from(done);
    for _ in 0..steps {
        p = p
            .apply(
                ProjectAction::Advance { note: None },
                &owner,
                &Policy::default(),
                at(2026, 11, 24, 9),
                src(),
            )
            .unwrap()
            .0;
    }
    p
}

fn run(r: &Requirement, a: ReqAction, who: &str) -> Result<(Requirement, AuditRecord), RequirementError> {
    r.apply(a, &actor(who), &managers(), None, at(2026, 11, 24, 10), src())
}

#[test]
fn a_new_requirement_waits_for_triage() {
    let r = req();
    assert_eq!(r.title, "两融客户到期提醒");
    assert_eq!(r.scenario, None);
    assert_eq!(r.status, ReqStatus::Submitted);
    assert_eq!(loop_status(&r, None), LoopStatus::Submitted);
    assert_eq!(r.creation_record(src()).actor.name, "赵六");
}

#[test]
fn accepting_links_the_project_and_marks_triage() {
    let (r, rec) = run(
        &req(),
        ReqAction::Accept {
            project: Some(ProjectId(3)),
        },
        "mgr",
    )
    .unwrap();
    assert_eq!(r.status, ReqStatus::Accepted);
    assert_eq!(r.project, Some(ProjectId(3)));
    assert_eq!(r.triaged_at, Some(at(2026, 11, 24, 10)));
    assert_eq!(rec.action, "r_accept");
    assert!(
        rec.changes
            .iter()
            .any(|c| c.field == "project" && c.after == "XM-3")
    );
    // Re-linking to another project is allowed; accepting again without one is not.
    let (r2, _) = run(
        &r,
        ReqAction::Accept {
            project: Some(ProjectId(4)),
        },
        "mgr",
    )
    .unwrap();
    assert_eq!(r2.project, Some(ProjectId(4)));
    assert!(matches!(
        run(&r, ReqAction::Accept { project: None }, "mgr"),
        Err(RequirementError::WrongState { .. })
    ));
}

#[test]
fn merging_points_at_the_surviving_requirement() {
    let (r, _) = run(
        &req(),
        ReqAction::Merge {
            into: RequirementId(2),
        },
        "mgr",
    )
    .unwrap();
    assert_eq!(r.status, ReqStatus::Merged);
    assert_eq!(r.merged_into, Some(RequirementId(2)));
    assert_eq!(loop_status(&r, None), LoopStatus::Merged);
    assert_eq!(
        run(
            &req(),
            ReqAction::Merge {
                into: RequirementId(5)
            },
            "mgr"
        )
        .unwrap_err(),
        RequirementError::SelfMerge
    );
}

#[test]
fn rejecting_needs_a_reason() {
    let e = run(
        &req(),
        ReqAction::Reject {
            reason: " ".to_owned(),
        },
        "mgr",
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "驳回时请写明原因");
    let (r, rec) = run(
        &req(),
        ReqAction::Reject {
            reason: "监管不允许".to_owned(),
        },
        "mgr",
    )
    .unwrap();
    assert_eq!(
        r.status,
        ReqStatus::Rejected {
            reason: "监管不允许".to_owned()
        }
    );
    assert_eq!(rec.note.as_deref(), Some("监管不允许"));
    assert_eq!(loop_status(&r, None), LoopStatus::Rejected);
}

#[test]
fn ask_info_then_supplement_puts_it_back_in_the_queue() {
    let (r, _) = run(
        &req(),
        ReqAction::AskInfo {
            what: "请补充涉及客户数量".to_owned(),
        },
        "mgr",
    )
    .unwrap();
    assert_eq!(r.status, ReqStatus::NeedsInfo);
    assert_eq!(r.info_request.as_deref(), Some("请补充涉及客户数量"));
    assert_eq!(loop_status(&r, None), LoopStatus::NeedsInfo);
    let (r, rec) = run(
        &r,
        ReqAction::Supplement {
            text: "约3000户".to_owned(),
        },
        "sub",
    )
    .unwrap();
    assert_eq!(r.status, ReqStatus::Submitted);
    assert_eq!(r.supplements.len(), 1);
    assert_eq!(rec.action, "r_supplement");
    // The contact person may supplement too; triage time stays the first decision's.
    let (r, _) = run(
        &r,
        ReqAction::Supplement {
            text: "附件见群文件".to_owned(),
        },
        "contact",
    )
    .unwrap();
    assert_eq!(r.supplements.len(), 2);
    assert_eq!(r.triaged_at, Some(at(2026, 11, 24, 10)));
    assert!(matches!(
        run(&r, ReqAction::AskInfo { what: String::new() }, "mgr"),
        Err(RequirementError::MissingText { .. })
    ));
}

#[test]
fn only_managers_triage_and_only_the_submitter_supplements() {
    let cases: Vec<(ReqAction, &str, bool)> = vec![
        (ReqAction::Accept { project: None }, "mgr", true),
        (ReqAction::Accept { project: None }, "sub", false),
        (ReqAction::Accept { project: None }, "stranger", false),
        (
            ReqAction::Merge {
                into: RequirementId(1),
            },
            "mgr",
            true,
        ),
        (
            ReqAction::Merge {
                into: RequirementId(1),
            },
            "sub",
            false,
        ),
        (
            ReqAction::Reject {
                reason: "r".to_owned(),
            },
            "mgr",
            true,
        ),
        (
            ReqAction::Reject {
                reason: "r".to_owned(),
            },
            "contact",
            false,
        ),
        (ReqAction::AskInfo { what: "w".to_owned() }, "mgr", true),
        (ReqAction::AskInfo { what: "w".to_owned() }, "sub", false),
        (ReqAction::Supplement { text: "t".to_owned() }, "sub", true),
        (ReqAction::Supplement { text: "t".to_owned() }, "contact", true),
        (ReqAction::Supplement { text: "t".to_owned() }, "mgr", false),
        (ReqAction::Supplement { text: "t".to_owned() }, "stranger", false),
    ];
    for (action, who, ok) in cases {
        let label = format!("{action:?} by {who}");
        let result = run(&req(), action, who);
        assert_eq!(result.is_ok(), ok, "{label}: {result:?}");
    }
    assert_eq!(
        run(&req(), ReqAction::Accept { project: None }, "sub")
            .unwrap_err()
            .to_string(),
        "只有需求管理员（孙管理员）可以受理"
    );
    assert_eq!(
        run(&req(), ReqAction::Supplement { text: "t".to_owned() }, "x")
            .unwrap_err()
            .to_string(),
        "只有需求提出人（赵六）或联系人（钱七）可以补充说明"
    );
}

#[test]
fn triage_refusals_name_the_managers_or_say_how_to_configure_them() {
    assert_eq!(
        who_triages(&[person("a", "孙管理员"), person("b", "钱经理")]),
        "需求管理员（孙管理员、钱经理）"
    );
    assert_eq!(
        who_triages(&[person("a", "孙管理员"), person("b", "")]),
        "需求管理员（孙管理员等2人）"
    );
    assert_eq!(
        who_triages(&[person("a", ""), person("b", " ")]),
        "需求管理员（共2人）"
    );
    let e = req()
        .apply(
            ReqAction::Accept { project: None },
            &actor("sub"),
            &[],
            None,
            at(2026, 11, 24, 10),
            src(),
        )
        .unwrap_err();
    assert_eq!(e, RequirementError::NoManagers { action: "受理" });
    let text = e.to_string();
    assert!(
        text.contains("还没有配置需求管理员") && text.contains("[requirements] managers"),
        "{text}"
    );
}

#[test]
fn an_accepted_requirement_closes_with_its_project() {
    let (r, _) = run(
        &req(),
        ReqAction::Accept {
            project: Some(ProjectId(3)),
        },
        "mgr",
    )
    .unwrap();
    let now = at(2026, 12, 20, 10);
    // Still running: nothing changes.
    assert_eq!(r.follow_project(&project_at(4, false), now), None);
    // Completed: 已上线, closed, no more triage; the rating is still welcome.
    let done = project_at(4, true);
    let (launched, rec) = r.follow_project(&done, now).unwrap();
    assert_eq!(launched.status, ReqStatus::Launched);
    assert_eq!(launched.status.label(), "已上线");
    assert!(!launched.status.is_open());
    assert_eq!(loop_status(&launched, Some(&done)), LoopStatus::Launched);
    assert_eq!(rec.action, "r_launch");
    assert_eq!(rec.source, Source::System);
    assert_eq!(launched.version, r.version + 1);
    assert_eq!(launched.follow_project(&done, now), None, "once");
    for a in [
        ReqAction::Reject {
            reason: "r".to_owned(),
        },
        ReqAction::Accept { project: None },
    ] {
        assert!(matches!(
            launched.apply(a, &actor("mgr"), &managers(), Some(&done), now, src()),
            Err(RequirementError::WrongState { .. })
        ));
    }
    let (rated, _) = launched
        .apply(
            ReqAction::Feedback {
                rating: 5,
                comment: None,
            },
            &actor("sub"),
            &managers(),
            Some(&done),
            now,
            src(),
        )
        .unwrap();
    assert_eq!(rated.status, ReqStatus::Launched);
    assert_eq!(rated.feedback.unwrap().rating, 5);
    // Cancelled: 已关闭 with the reason; a manager may take it up again in another project.
    let mut cancelled = project_at(2, false);
    cancelled.status = crate::domain::project::ProjectStatus::Cancelled;
    let (closed, rec) = r.follow_project(&cancelled, now).unwrap();
    assert_eq!(
        closed.status,
        ReqStatus::Closed {
            reason: "关联项目 XM-3 已取消".to_owned()
        }
    );
    assert_eq!(loop_status(&closed, Some(&cancelled)), LoopStatus::Closed);
    assert_eq!(rec.action, "r_close");
    let (again, _) = closed
        .apply(
            ReqAction::Accept {
                project: Some(ProjectId(4)),
            },
            &actor("mgr"),
            &managers(),
            Some(&cancelled),
            now,
            src(),
        )
        .unwrap();
    assert_eq!(again.status, ReqStatus::Accepted);
    assert_eq!(again.project, Some(ProjectId(4)));
    // Another project's end does not touch it.
    let mut other = project_at(4, true);
    other.id = ProjectId(9);
    assert_eq!(r.follow_project(&other, now), None);
}

#[test]
fn closed_requirements_refuse_triage() {
    let (merged, _) = run(
        &req(),
        ReqAction::Merge {
            into: RequirementId(2),
        },
        "mgr",
    )
    .unwrap();
    let (rejected, _) = run(
        &req(),
        ReqAction::Reject {
            reason: "r".to_owned(),
        },
        "mgr",
    )
    .unwrap();
    for r in [&merged, &rejected] {
        for a in [
            ReqAction::Accept { project: None },
            ReqAction::Merge {
                into: RequirementId(1),
            },
            ReqAction::Reject {
                reason: "r".to_owned(),
            },
            ReqAction::AskInfo { what: "w".to_owned() },
        ] {
            assert!(matches!(
                run(r, a, "mgr"),
                Err(RequirementError::WrongState { .. })
            ));
        }
        assert!(matches!(
            run(r, ReqAction::Supplement { text: "t".to_owned() }, "sub"),
            Err(RequirementError::WrongState { .. })
        ));
    }
    assert_eq!(
        run(&merged, ReqAction::Accept { project: None }, "mgr")
            .unwrap_err()
            .to_string(),
        "需求当前为“已合并”，不能受理"
    );
}

#[test]
fn the_loop_status_follows_the_project_stage() {
    let (r, _) = run(
        &req(),
        ReqAction::Accept {
            project: Some(ProjectId(3)),
        },
        "mgr",
    )
    .unwrap();
    let expected = [
        LoopStatus::Accepted,
        LoopStatus::Accepted,
        LoopStatus::InDevelopment,
        LoopStatus::Testing,
        LoopStatus::Launched,
    ];
    for (stage, want) in expected.into_iter().enumerate() {
        assert_eq!(
            loop_status(&r, Some(&project_at(stage, false))),
            want,
            "stage {stage}"
        );
    }
    assert_eq!(loop_status(&r, Some(&project_at(4, true))), LoopStatus::Launched);
    // Another project than the linked one is ignored.
    let mut other = project_at(4, false);
    other.id = ProjectId(9);
    assert_eq!(loop_status(&r, Some(&other)), LoopStatus::Accepted);
    // A cancelled project leaves the requirement accepted.
    let mut cancelled = project_at(3, false);
    cancelled.status = ProjectStatus::Cancelled;
    assert_eq!(loop_status(&r, Some(&cancelled)), LoopStatus::Accepted);
}

#[test]
fn custom_stage_names_map_by_keyword() {
    for (name, want) in [
        ("立项", LoopStatus::Accepted),
        ("系统开发", LoopStatus::InDevelopment),
        ("UAT验证", LoopStatus::Testing),
        ("投产上线", LoopStatus::Launched),
    ] {
        assert_eq!(stage_loop(name), want, "{name}");
    }
}

#[test]
fn feedback_waits_for_the_feedback_stage_and_takes_one_to_five_stars() {
    let (r, _) = run(
        &req(),
        ReqAction::Accept {
            project: Some(ProjectId(3)),
        },
        "mgr",
    )
    .unwrap();
    let fb = |rating| ReqAction::Feedback {
        rating,
        comment: Some("很好用".to_owned()),
    };
    let now = at(2026, 12, 20, 10);
    let testing = project_at(3, false);
    let e = r
        .apply(fb(5), &actor("sub"), &managers(), Some(&testing), now, src())
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "需求对应的项目到“效果反馈”阶段后才能评价，目前进度：测试"
    );
    let live = project_at(4, false);
    assert_eq!(
        r.apply(fb(0), &actor("sub"), &managers(), Some(&live), now, src())
            .unwrap_err(),
        RequirementError::BadRating { rating: 0 }
    );
    assert!(matches!(
        r.apply(fb(4), &actor("mgr"), &managers(), Some(&live), now, src()),
        Err(RequirementError::Forbidden { .. })
    ));
    let (rated, rec) = r
        .apply(fb(4), &actor("sub"), &managers(), Some(&live), now, src())
        .unwrap();
    assert_eq!(rated.feedback.as_ref().unwrap().rating, 4);
    assert_eq!(rec.changes[0].after, "★★★★☆");
    // Without a project (or when not accepted) feedback is refused.
    assert!(
        r.apply(fb(4), &actor("sub"), &managers(), None, now, src())
            .is_err()
    );
    assert!(matches!(
        run(&req(), fb(4), "sub"),
        Err(RequirementError::WrongState { .. })
    ));
}

#[test]
fn the_intake_sla_counts_working_days_across_holidays() {
    let cal = Calendar::builtin();
    let mut r = req();
    // Submitted Wednesday 2026-09-30; 国庆 1–7 October.
    r.created_at = at(2026, 9, 30, 15);
    assert!(!triage_overdue(&r, at(2026, 10, 8, 17), &cal, 2));
    assert!(!triage_overdue(&r, at(2026, 10, 9, 17), &cal, 2));
    assert!(triage_overdue(&r, at(2026, 10, 10, 10), &cal, 2));
    // Waiting on the submitter is not the managers' delay; a supplement restarts the clock.
    r.status = ReqStatus::NeedsInfo;
    assert!(!triage_overdue(&r, at(2026, 10, 20, 10), &cal, 2));
    r.status = ReqStatus::Submitted;
    r.supplements.push(Supplement {
        text: "t".to_owned(),
        at: at(2026, 10, 19, 10),
    });
    assert!(!triage_overdue(&r, at(2026, 10, 20, 10), &cal, 2));
    assert!(triage_overdue(&r, at(2026, 10, 22, 10), &cal, 2));
    // No calendar data: never guessed.
    assert!(!triage_overdue(&r, at(2040, 1, 1, 10), &cal, 2));
}

#[test]
fn stars_render_five_cells() {
    assert_eq!(stars(3), "★★★☆☆");
    assert_eq!(stars(9), "★★★★★");
}

fn any_action() -> impl Strategy<Value = ReqAction> {
    prop_oneof![
        proptest::option::of(1u64..3).prop_map(|p| ReqAction::Accept {
            project: p.map(ProjectId)
        }),
        (1u64..7).prop_map(|n| ReqAction::Merge {
            into: RequirementId(n)
        }),
        "[a ]{0,2}".prop_map(|reason| ReqAction::Reject { reason }),
        "[a ]{0,2}".prop_map(|what| ReqAction::AskInfo { what }),
        "[a ]{0,2}".prop_map(|text| ReqAction::Supplement { text }),
        (0u8..7).prop_map(|rating| ReqAction::Feedback {
            rating,
            comment: None
        }),
    ]
}

proptest! {
    #[test]
    fn random_action_sequences_keep_the_invariants(
        steps in proptest::collection::vec((any_action(), 0u8..3), 0..30)
    ) {
        let mut r = req();
        let live = project_at(4, false);
        for (action, who) in steps {
            let who = ["mgr", "sub", "x"][usize::from(who)];
            let before = r.clone();
            match r.apply(action, &actor(who), &managers(), Some(&live), at(2026, 12, 1, 10), src()) {
                Ok((next, _)) => {
                    prop_assert_eq!(next.version, before.version + 1);
                    r = next;
                }
                Err(_) => prop_assert_eq!(&r, &before),
            }
            prop_assert_eq!(r.status == ReqStatus::Merged, r.merged_into.is_some());
            prop_assert_eq!(r.status == ReqStatus::NeedsInfo, r.info_request.is_some());
            prop_assert!(r.status == ReqStatus::Submitted || r.triaged_at.is_some());
            if let Some(f) = &r.feedback {
                prop_assert!((1..=5).contains(&f.rating));
            }
        }
    }
}
