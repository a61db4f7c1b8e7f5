use super::*;
use crate::calendar::{Calendar, CalendarError};
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::ids::{ChatId, ItemId, MessageId, OpenId, Person};
use crate::domain::permissions::ActionKind as K;
use crate::domain::priority::Priority;
use crate::domain::status::Status;
use crate::domain::time::SHANGHAI;
use jiff::civil::date;
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

fn person(n: &str) -> Person {
    Person {
        open_id: OpenId(format!("ou_{n}")),
        name: n.to_owned(),
    }
}

fn at(y: i16, m: i8, d: i8, h: i8, min: i8) -> Timestamp {
    SHANGHAI.to_timestamp(date(y, m, d).at(h, min, 0, 0)).unwrap()
}

/// Wednesday 2026-11-25 10:00.
fn now() -> Timestamp {
    at(2026, 11, 25, 10, 0)
}

fn policy() -> Policy {
    Policy {
        admins: vec![person("admin").open_id],
        ..Policy::default()
    }
}

fn actor(n: &str) -> Actor {
    Actor { person: person(n) }
}

fn new_item() -> Item {
    Item::create(
        ItemId(12),
        NewItem {
            title: "  完成三季度合规自查报告 ".to_owned(),
            chat_id: ChatId("oc_1".to_owned()),
            creator: person("creator"),
            owner: person("owner"),
            assistants: vec![person("assistant")],
            deadline: at(2026, 11, 30, 18, 0),
            deadline_has_time: false,
            priority: Priority::P1,
            tags: vec!["合规".to_owned()],
            resources: Some("  ".to_owned()),
            scenario: None,
            description: Some("见附件".to_owned()),
            source_message: None,
        },
        at(2026, 11, 24, 9, 0),
    )
}

fn in_state(status: Status) -> Item {
    let mut it = new_item();
    it.status = status;
    it
}

fn src() -> Source {
    Source::Message(MessageId("om_1".to_owned()))
}

fn run(item: &Item, action: Action, who: &str) -> Result<(Item, AuditRecord), TransitionError> {
    item.apply(action, &actor(who), &policy(), now(), src())
}

fn sample_action(kind: K, item: &Item) -> Action {
    match kind {
        K::Acknowledge => Action::Acknowledge,
        K::Progress => Action::Progress {
            percent: Some(50),
            note: Some("初稿完成".to_owned()),
        },
        K::Submit => Action::Submit { note: None },
        K::Accept => Action::Accept,
        K::Reject => Action::Reject {
            reason: "缺少附件".to_owned(),
        },
        K::RequestExtension => Action::RequestExtension {
            deadline: item.deadline.checked_add(SignedDuration::from_hours(72)).unwrap(),
            has_time: false,
            reason: Some("等待监管口径".to_owned()),
        },
        K::ApproveExtension => Action::ApproveExtension,
        K::RejectExtension => Action::RejectExtension { reason: None },
        K::Nudge => Action::Nudge,
        K::Reassign => Action::Reassign { to: person("newbie") },
        K::Cancel => Action::Cancel { reason: None },
        K::SetDeadline => Action::SetDeadline {
            deadline: item.deadline.checked_add(SignedDuration::from_hours(48)).unwrap(),
            has_time: false,
            reason: None,
        },
    }
}

/// The expected permissions, written out by hand (NOT derived from `rule_for`). Columns:
/// creator, owner, assistant, admin, outsider; each a string over the statuses
/// 待签收 进行中 待验收 已完成 已取消, `x` = allowed, `.` = refused.
const EXPECTED: &[(K, [&str; 5])] = &[
    (K::Acknowledge, [".....", "x....", ".....", ".....", "....."]),
    (K::Progress, [".....", "xx...", "xx...", ".....", "....."]),
    (K::Submit, [".....", "xx...", ".....", ".....", "....."]),
    (K::Accept, ["..x..", ".....", ".....", "..x..", "....."]),
    (K::Reject, ["..x..", ".....", ".....", "..x..", "....."]),
    (K::RequestExtension, [".....", "xx...", ".....", ".....", "....."]),
    (K::ApproveExtension, ["xx...", ".....", ".....", "xx...", "....."]),
    (K::RejectExtension, ["xx...", ".....", ".....", "xx...", "....."]),
    (K::Nudge, ["xx...", ".....", ".....", "xx...", "....."]),
    (K::Reassign, ["xx...", ".....", ".....", "xx...", "....."]),
    (K::Cancel, ["xxx..", ".....", ".....", "xxx..", "....."]),
    (K::SetDeadline, ["xxx..", ".....", ".....", "xxx..", "....."]),
];

#[test]
fn every_state_action_and_role_combination_matches_the_expected_table() {
    let who = ["creator", "owner", "assistant", "admin", "outsider"];
    assert_eq!(EXPECTED.len(), K::ALL.len());
    let mut checked = 0;
    for (kind, columns) in EXPECTED {
        for (role_name, states) in who.iter().zip(columns) {
            for (status, flag) in Status::ALL.iter().zip(states.chars()) {
                let mut item = in_state(*status);
                if matches!(kind, K::ApproveExtension | K::RejectExtension) {
                    item.extension = Some(ExtensionRequest {
                        deadline: at(2026, 12, 4, 18, 0),
                        has_time: false,
                        reason: None,
                        requested_by: person("owner"),
                        requested_at: now(),
                    });
                }
                let result = run(&item, sample_action(*kind, &item), role_name);
                let ctx = format!("{kind:?} by {role_name} on {status:?}");
                match (flag, result) {
                    ('x', Ok((next, rec))) => {
                        assert_eq!(rec.action, kind.key(), "{ctx}");
                        assert_eq!(next.version, item.version + 1, "{ctx}");
                    }
                    ('.', Err(TransitionError::WrongState { .. }))
                    | ('.', Err(TransitionError::Forbidden { .. })) => {}
                    (_, other) => panic!("{ctx}: unexpected {other:?}"),
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 12 * 5 * 5);
}

#[test]
fn a_new_item_is_pending_and_trimmed() {
    let it = new_item();
    assert_eq!(it.status, Status::Pending);
    assert_eq!(it.title, "完成三季度合规自查报告");
    assert_eq!(it.resources, None);
    assert_eq!(it.version, 1);
    assert!(it.is_open());
    assert_eq!(it.creation_record(Source::System).action, "create");
}

#[test]
fn the_owner_acknowledges_a_pending_item() {
    let (next, rec) = run(&new_item(), Action::Acknowledge, "owner").unwrap();
    assert_eq!(next.status, Status::InProgress);
    assert_eq!(next.acknowledged_at, Some(now()));
    assert_eq!(rec.changes, vec![Change::new("status", "待签收", "进行中")]);
    assert_eq!(rec.actor, person("owner"));
    assert_eq!(rec.source, src());
}

#[test]
fn acknowledging_twice_says_it_was_already_done() {
    let err = run(&in_state(Status::InProgress), Action::Acknowledge, "owner").unwrap_err();
    assert_eq!(err.to_string(), "事项已经签收过了");
}

#[test]
fn progress_by_the_owner_on_a_pending_item_also_acknowledges() {
    let action = Action::Progress {
        percent: Some(60),
        note: Some(" 已完成初稿 ".to_owned()),
    };
    let (next, rec) = run(&new_item(), action, "owner").unwrap();
    assert_eq!(next.status, Status::InProgress);
    assert_eq!(next.progress, 60);
    assert_eq!(next.latest_note.as_deref(), Some("已完成初稿"));
    assert_eq!(rec.note.as_deref(), Some("已完成初稿"));
    assert_eq!(rec.changes.len(), 3);
}

#[test]
fn progress_by_an_assistant_leaves_a_pending_item_pending() {
    let action = Action::Progress {
        percent: None,
        note: Some("资料已收集".to_owned()),
    };
    let (next, _) = run(&new_item(), action, "assistant").unwrap();
    assert_eq!(next.status, Status::Pending);
    assert_eq!(next.progress, 0);
    assert_eq!(next.latest_note.as_deref(), Some("资料已收集"));
}

#[test]
fn progress_above_100_or_empty_is_refused() {
    let it = in_state(Status::InProgress);
    let err = run(
        &it,
        Action::Progress {
            percent: Some(120),
            note: None,
        },
        "owner",
    )
    .unwrap_err();
    assert_eq!(err, TransitionError::InvalidPercent { percent: 120 });
    let err = run(
        &it,
        Action::Progress {
            percent: None,
            note: Some("  ".to_owned()),
        },
        "owner",
    )
    .unwrap_err();
    assert_eq!(err, TransitionError::EmptyProgress);
}

#[test]
fn submitting_waits_for_acceptance_by_default() {
    let (next, rec) = run(
        &in_state(Status::InProgress),
        Action::Submit {
            note: Some("报告已上传".to_owned()),
        },
        "owner",
    )
    .unwrap();
    assert_eq!(next.status, Status::Submitted);
    assert_eq!(next.progress, 100);
    assert_eq!(next.submitted_at, Some(now()));
    assert_eq!(next.completed_at, None);
    assert!(
        rec.changes
            .iter()
            .any(|c| c.field == "status" && c.after == "待验收")
    );
}

#[test]
fn without_acceptance_a_submit_completes_the_item() {
    let p = Policy {
        require_acceptance: false,
        ..policy()
    };
    let (next, _) = new_item()
        .apply(Action::Submit { note: None }, &actor("owner"), &p, now(), src())
        .unwrap();
    assert_eq!(next.status, Status::Done);
    assert_eq!(next.completed_at, Some(now()));
    assert_eq!(next.acknowledged_at, Some(now()));
    assert!(!next.is_open());
}

#[test]
fn accepting_completes_and_rejecting_sends_back_with_a_reason() {
    let it = in_state(Status::Submitted);
    let (done, _) = run(&it, Action::Accept, "creator").unwrap();
    assert_eq!(done.status, Status::Done);
    assert_eq!(done.completed_at, Some(now()));

    let (back, rec) = run(
        &it,
        Action::Reject {
            reason: "缺少附件".to_owned(),
        },
        "admin",
    )
    .unwrap();
    assert_eq!(back.status, Status::InProgress);
    assert_eq!(back.submitted_at, None);
    assert_eq!(rec.note.as_deref(), Some("缺少附件"));

    let err = run(
        &it,
        Action::Reject {
            reason: " ".to_owned(),
        },
        "creator",
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "退回时请写明原因");
}

#[test]
fn an_unauthorized_accept_says_who_can() {
    let err = run(&in_state(Status::Submitted), Action::Accept, "owner").unwrap_err();
    assert_eq!(err.to_string(), "只有督办人（creator）或管理员可以验收");
}

#[test]
fn done_items_refuse_everything_politely() {
    let err = run(&in_state(Status::Done), Action::Nudge, "creator").unwrap_err();
    assert_eq!(err.to_string(), "事项已完成，不能再催办");
    let err = run(&in_state(Status::Cancelled), Action::Accept, "creator").unwrap_err();
    assert_eq!(err.to_string(), "事项已取消，不能再验收");
}

#[test]
fn the_extension_flow_moves_the_deadline_once_approved() {
    let it = in_state(Status::InProgress);
    let new_deadline = at(2026, 12, 4, 18, 0);
    let ask = Action::RequestExtension {
        deadline: new_deadline,
        has_time: false,
        reason: Some("等待监管口径".to_owned()),
    };
    let (asked, rec) = run(&it, ask.clone(), "owner").unwrap();
    assert_eq!(asked.deadline, it.deadline, "a request alone changes nothing");
    assert_eq!(asked.extension.as_ref().map(|e| e.deadline), Some(new_deadline));
    assert_eq!(rec.note.as_deref(), Some("等待监管口径"));

    let err = run(&asked, ask, "owner").unwrap_err();
    assert!(matches!(err, TransitionError::ExtensionPending { .. }));

    let (approved, rec) = run(&asked, Action::ApproveExtension, "creator").unwrap();
    assert_eq!(approved.deadline, new_deadline);
    assert_eq!(approved.extension, None);
    assert_eq!(approved.extension_count, 1);
    let change = rec.changes.iter().find(|c| c.field == "deadline").unwrap();
    assert_eq!(change.before, "11月30日（周一）18:00");
    assert_eq!(change.after, "12月4日（周五）18:00");

    let (rejected, _) = run(&asked, Action::RejectExtension { reason: None }, "admin").unwrap();
    assert_eq!(rejected.deadline, it.deadline);
    assert_eq!(rejected.extension, None);
    assert_eq!(rejected.extension_count, 0);

    let err = run(&it, Action::ApproveExtension, "creator").unwrap_err();
    assert_eq!(err, TransitionError::NoExtensionPending);
}

#[test]
fn an_extension_must_be_later_than_the_deadline_and_now() {
    let it = in_state(Status::InProgress);
    let earlier = Action::RequestExtension {
        deadline: at(2026, 11, 29, 18, 0),
        has_time: false,
        reason: None,
    };
    let err = run(&it, earlier, "owner").unwrap_err();
    assert_eq!(
        err.to_string(),
        "新的截止时间需要晚于当前截止时间（11月30日（周一）18:00）和现在"
    );
    let mut overdue = it;
    overdue.deadline = at(2026, 11, 20, 18, 0);
    let still_past = Action::RequestExtension {
        deadline: at(2026, 11, 24, 18, 0),
        has_time: false,
        reason: None,
    };
    assert!(matches!(
        run(&overdue, still_past, "owner"),
        Err(TransitionError::ExtensionNotLater { .. })
    ));
}

#[test]
fn nudging_respects_the_cooldown_and_says_when_to_retry() {
    let it = in_state(Status::InProgress);
    let (once, rec) = run(&it, Action::Nudge, "creator").unwrap();
    assert_eq!(once.nudge_count, 1);
    assert_eq!(once.last_nudged_at, Some(now()));
    assert_eq!(rec.changes, vec![Change::new("nudge_count", "0", "1")]);

    let soon = now().checked_add(SignedDuration::from_mins(30)).unwrap();
    let err = once
        .apply(Action::Nudge, &actor("creator"), &policy(), soon, src())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "刚刚已经催办过了，请在11月25日（周三）11:00之后再催办"
    );

    let later = now().checked_add(SignedDuration::from_hours(1)).unwrap();
    let (twice, _) = once
        .apply(Action::Nudge, &actor("admin"), &policy(), later, src())
        .unwrap();
    assert_eq!(twice.nudge_count, 2);
}

#[test]
fn reassigning_makes_the_new_owner_acknowledge_again() {
    let mut it = in_state(Status::InProgress);
    it.acknowledged_at = Some(now());
    let (next, rec) = run(
        &it,
        Action::Reassign {
            to: person("assistant"),
        },
        "creator",
    )
    .unwrap();
    assert_eq!(next.owner, person("assistant"));
    assert!(
        next.assistants.is_empty(),
        "the new owner is no longer an assistant"
    );
    assert_eq!(next.status, Status::Pending);
    assert_eq!(next.acknowledged_at, None);
    assert!(
        rec.changes
            .iter()
            .any(|c| c.field == "owner" && c.before == "owner")
    );

    let err = run(&it, Action::Reassign { to: person("owner") }, "creator").unwrap_err();
    assert_eq!(err.to_string(), "owner已经是主办了");
}

#[test]
fn cancelling_works_from_any_open_state() {
    for status in [Status::Pending, Status::InProgress, Status::Submitted] {
        let (next, rec) = run(
            &in_state(status),
            Action::Cancel {
                reason: Some("需求已撤回".to_owned()),
            },
            "creator",
        )
        .unwrap();
        assert_eq!(next.status, Status::Cancelled);
        assert_eq!(rec.note.as_deref(), Some("需求已撤回"));
    }
}

#[test]
fn one_person_can_hold_several_roles() {
    let mut it = in_state(Status::Submitted);
    it.creator = person("owner");
    let roles = it.role_of(&person("owner").open_id, &policy());
    assert!(roles.creator && roles.owner && !roles.admin);
    assert!(run(&it, Action::Accept, "owner").is_ok());
    assert!(it.role_of(&person("nobody").open_id, &policy()).is_empty());
}

#[test]
fn overdue_is_derived_from_the_deadline() {
    let it = in_state(Status::InProgress);
    assert!(!it.is_overdue(at(2026, 11, 30, 18, 0)));
    assert!(it.is_overdue(at(2026, 11, 30, 18, 1)));
    assert!(!in_state(Status::Submitted).is_overdue(at(2026, 12, 30, 0, 0)));
    assert!(!in_state(Status::Done).is_overdue(at(2026, 12, 30, 0, 0)));
}

#[test]
fn overdue_workdays_count_working_days_after_the_deadline_date() {
    let cal = Calendar::builtin();
    let mut it = in_state(Status::InProgress);
    it.deadline = at(2026, 9, 30, 18, 0); // Wednesday before 国庆
    assert_eq!(it.overdue_workdays(at(2026, 9, 30, 20, 0), &cal), Ok(0));
    // 10-01..10-07 off, 10-08 Thursday is the first working day after.
    assert_eq!(it.overdue_workdays(at(2026, 10, 8, 9, 0), &cal), Ok(1));
    assert_eq!(it.overdue_workdays(at(2026, 10, 12, 9, 0), &cal), Ok(4)); // 10-10 Sat works
    assert_eq!(it.overdue_workdays(at(2026, 9, 29, 9, 0), &cal), Ok(0));
    it.deadline = at(2026, 12, 30, 18, 0);
    assert_eq!(
        it.overdue_workdays(at(2027, 1, 5, 9, 0), &cal),
        Err(CalendarError::NoData { year: 2027 })
    );
}

#[test]
fn due_soon_means_by_the_end_of_the_next_working_day() {
    let cal = Calendar::builtin();
    let it = in_state(Status::InProgress); // Monday 11-30 18:00
    assert!(it.is_due_soon(at(2026, 11, 27, 10, 0), &cal)); // Friday: next workday is Monday
    assert!(!it.is_due_soon(at(2026, 11, 26, 10, 0), &cal));
    assert!(!it.is_due_soon(at(2026, 12, 1, 10, 0), &cal)); // overdue, not "soon"
}

#[test]
fn an_item_survives_a_json_round_trip() {
    let (it, _) = run(
        &new_item(),
        Action::RequestExtension {
            deadline: at(2026, 12, 4, 18, 0),
            has_time: true,
            reason: None,
        },
        "owner",
    )
    .unwrap();
    let json = serde_json::to_string(&it).unwrap();
    assert_eq!(serde_json::from_str::<Item>(&json).unwrap(), it);
}

fn arb_step() -> impl Strategy<Value = (usize, usize, i64, u8, bool)> {
    (0..11usize, 0..5usize, 0..3000i64, 0..=130u8, any::<bool>())
}

fn build_action(i: usize, percent: u8, flag: bool, item: &Item, t: Timestamp) -> Action {
    let later = |h: i64| {
        let base = if flag { item.deadline } else { t };
        base.checked_add(SignedDuration::from_hours(h)).unwrap()
    };
    match i {
        0 => Action::Acknowledge,
        1 => Action::Progress {
            percent: flag.then_some(percent),
            note: (!flag || percent.is_multiple_of(2)).then(|| format!("进展{percent}")),
        },
        2 => Action::Submit { note: None },
        3 => Action::Accept,
        4 => Action::Reject {
            reason: if flag {
                "不合格".to_owned()
            } else {
                String::new()
            },
        },
        5 => Action::RequestExtension {
            deadline: later(i64::from(percent) - 20),
            has_time: flag,
            reason: None,
        },
        6 => Action::ApproveExtension,
        7 => Action::RejectExtension { reason: None },
        8 => Action::Nudge,
        9 => Action::Reassign {
            to: person(if flag { "assistant" } else { "owner" }),
        },
        _ => Action::Cancel { reason: None },
    }
}

proptest! {
    #[test]
    fn random_action_sequences_keep_the_invariants(
        steps in proptest::collection::vec(arb_step(), 1..40),
        accept in any::<bool>(),
    ) {
        let who = ["creator", "owner", "assistant", "admin", "outsider"];
        let p = Policy { require_acceptance: accept, ..policy() };
        let mut item = new_item();
        let mut t = now();
        for (i, w, minutes, percent, flag) in steps {
            t = t.checked_add(SignedDuration::from_mins(minutes)).unwrap();
            let action = build_action(i, percent, flag, &item, t);
            let before = item.clone();
            let name = who.get(w).copied().unwrap_or("outsider");
            match item.apply(action.clone(), &actor(name), &p, t, src()) {
                Ok((next, rec)) => {
                    prop_assert!(before.is_open(), "a closed item changed");
                    prop_assert_eq!(rec.at, t);
                    prop_assert_eq!(rec.action.as_str(), action.kind().key());
                    prop_assert_eq!(next.version, before.version + 1);
                    item = next;
                }
                Err(_) => prop_assert_eq!(&item, &before),
            }
            prop_assert!(item.progress <= 100);
            if item.status == Status::Done {
                prop_assert!(item.completed_at.is_some());
            }
            if matches!(before.status, Status::Done | Status::Cancelled) {
                prop_assert_eq!(item.status, before.status);
            }
            if !matches!(item.status, Status::Pending | Status::InProgress) {
                prop_assert!(item.extension.is_none());
            }
        }
    }
}

#[test]
fn the_supervisor_sets_the_deadline_directly_and_the_audit_names_the_change() {
    let mut it = in_state(Status::InProgress);
    it.extension = Some(ExtensionRequest {
        deadline: at(2026, 12, 2, 18, 0),
        has_time: false,
        reason: None,
        requested_by: person("owner"),
        requested_at: now(),
    });
    let later = at(2026, 12, 4, 18, 0);
    let set = |d| Action::SetDeadline {
        deadline: d,
        has_time: false,
        reason: Some("统一延期".to_owned()),
    };
    let (next, rec) = run(&it, set(later), "creator").unwrap();
    assert_eq!(next.deadline, later);
    assert_eq!(next.original_deadline, Some(it.deadline));
    assert_eq!(next.extension, None, "the pending request is answered");
    assert_eq!(
        next.extension_count, it.extension_count,
        "not the owner's extension"
    );
    assert_eq!(next.status, Status::InProgress);
    assert_eq!(rec.action, "set_deadline");
    assert_eq!(rec.note.as_deref(), Some("统一延期"));
    assert!(
        rec.changes.iter().any(|c| c.field == "deadline"),
        "{:?}",
        rec.changes
    );
    // The owner may not; a past deadline or the same one is refused; closed items stay closed.
    assert!(matches!(
        run(&it, set(later), "owner"),
        Err(TransitionError::Forbidden { .. })
    ));
    let past = at(2026, 11, 20, 18, 0);
    assert!(matches!(
        run(&it, set(past), "creator"),
        Err(TransitionError::DeadlineNotFuture { .. })
    ));
    assert!(matches!(
        run(&next, set(later), "admin"),
        Err(TransitionError::SameDeadline { .. })
    ));
    assert!(matches!(
        run(&in_state(Status::Done), set(later), "creator"),
        Err(TransitionError::WrongState { .. })
    ));
}
