#![allow(clippy::unwrap_used)]

use super::engine::{remind, watch};
use crate::domain::ids::ChatId;
use crate::domain::priority::Priority;
use crate::domain::project::{ProjectStatus, StageTemplate};
use crate::domain::project_nudge::{WatchState, next_project_check, next_requirement_check};
use crate::domain::requirement::{NewRequirement, Requirement};
use crate::feishu::{Outgoing, OutgoingKind};
use crate::outbox_record::Intent;
use crate::service::origin::Origin;
use crate::service::projects;
use crate::service::testkit::{GROUP, Kit, kit, kit_with, now, outbox, person};
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

fn at(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

fn requirement(k: &Kit) -> Requirement {
    let mut ch = Changes::new();
    let id = ch.next_requirement_id(&k.svc.store).unwrap();
    let r = Requirement::create(
        id,
        NewRequirement {
            chat_id: ChatId(GROUP.to_owned()),
            title: "客户适当性回访".to_owned(),
            unit: None,
            scenario: None,
            expected: None,
            priority: Priority::default(),
            contact: None,
            description: None,
            submitter: person("ou_sub", "钱七"),
        },
        now(),
    );
    ch.put_new_requirement(&k.svc.store, &r);
    watch(&k.svc, &mut ch, &r).unwrap();
    k.svc.store.commit(&ch).unwrap();
    r
}

fn project(k: &Kit) -> crate::domain::project::Project {
    let mut ch = Changes::new();
    let o = Origin::system(ChatId(GROUP.to_owned()), person("ou_zhang", "张三"));
    let p = projects::create(
        &k.svc,
        &mut ch,
        &o,
        "两融系统升级",
        person("ou_li", "李四"),
        &StageTemplate::default_five(),
    )
    .unwrap();
    k.svc.store.commit(&ch).unwrap();
    p
}

fn scheduled(k: &Kit, w: Watched) -> jiff::Timestamp {
    let ms = k.svc.store.watched_scheduled(w).unwrap().unwrap();
    jiff::Timestamp::from_millisecond(i64::try_from(ms).unwrap()).unwrap()
}

fn ms(t: jiff::Timestamp) -> u64 {
    u64::try_from(t.as_millisecond()).unwrap()
}

#[test]
fn the_one_watch_schedules_a_project_and_a_requirement_each_by_its_own_rule() {
    let k = kit();
    let policy = k.svc.policy_for(&ChatId(GROUP.to_owned()));
    let cal = &k.svc.calendar;
    let p = project(&k);
    let want = next_project_check(&p, &WatchState::default(), now(), &policy, cal, 5)
        .unwrap()
        .unwrap();
    assert_eq!(
        k.svc.store.watched_scheduled(Watched::Project(p.id)).unwrap(),
        Some(ms(want))
    );
    let r = requirement(&k);
    let want = next_requirement_check(&r, &WatchState::default(), now(), &policy, cal, 2)
        .unwrap()
        .unwrap();
    assert_eq!(
        k.svc.store.watched_scheduled(Watched::Requirement(r.id)).unwrap(),
        Some(ms(want))
    );
    assert_ne!(
        k.svc.store.watched_scheduled(Watched::Project(p.id)).unwrap(),
        k.svc.store.watched_scheduled(Watched::Requirement(r.id)).unwrap(),
        "each family's own rule decides"
    );
    // A closed project has nothing left to watch: its entry goes.
    let mut closed = p.clone();
    closed.status = ProjectStatus::Cancelled;
    let mut ch = Changes::new();
    ch.put_project(&k.svc.store, &closed);
    watch(&k.svc, &mut ch, &closed).unwrap();
    k.svc.store.commit(&ch).unwrap();
    assert_eq!(
        k.svc.store.watched_scheduled(Watched::Project(p.id)).unwrap(),
        None
    );
}

#[test]
fn a_requirement_reminder_is_posted_to_the_manager_chat_then_replied_under_the_triage_card() {
    let k = kit_with(|s| {
        s.requirements.managers = vec!["ou_m".to_owned()];
        s.requirements.manager_chat = Some("oc_mgr".to_owned());
    });
    let r = requirement(&k);
    // When the SLA has run out (the tick comes at the scheduled check): no card known yet.
    let due = scheduled(&k, Watched::Requirement(r.id));
    assert!(due > now());
    let mut ch = Changes::new();
    remind(&k.svc, &mut ch, &r, due).unwrap();
    k.svc.store.commit(&ch).unwrap();
    let sent: Vec<Outgoing> = outbox(&k.svc)
        .into_iter()
        .filter_map(|rec| match rec.intent {
            Intent::Message(m) => Some(m),
            _ => None,
        })
        .collect();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert!(
        matches!(&sent[0].kind, OutgoingKind::Send { receive_id, content, .. } if receive_id == "oc_mgr" && content.contains("仍未受理")),
        "{sent:?}"
    );
    // Sent once a day: the stored state says so, and the next check moved past today.
    assert!(
        k.svc
            .store
            .watch_state(Watched::Requirement(r.id))
            .unwrap()
            .nudged_on
            .is_some()
    );
    let next = scheduled(&k, Watched::Requirement(r.id));
    assert!(next > due, "{next}");
    // Once the triage card is known, the next day's reminder goes under it.
    k.svc
        .store
        .set_watched_card(Watched::Requirement(r.id), "om_triage")
        .unwrap();
    let mut ch = Changes::new();
    remind(&k.svc, &mut ch, &r, next).unwrap();
    k.svc.store.commit(&ch).unwrap();
    let last = outbox(&k.svc).pop().unwrap();
    assert!(
        matches!(&last.intent, Intent::Message(Outgoing { kind: OutgoingKind::Reply { message_id, .. }, .. }) if message_id == "om_triage"),
        "{last:?}"
    );
}

#[test]
fn a_stalled_project_is_flagged_under_its_card_and_its_card_refreshed() {
    let k = kit();
    let p = project(&k);
    k.svc
        .store
        .set_watched_card(Watched::Project(p.id), "om_pcard")
        .unwrap();
    let before = outbox(&k.svc).len();
    // Five working days without movement (the tick comes at the scheduled check).
    let later = scheduled(&k, Watched::Project(p.id));
    assert!(later >= at("2026-03-18T00:00:00+08:00"), "{later}");
    let mut ch = Changes::new();
    remind(&k.svc, &mut ch, &p, later).unwrap();
    k.svc.store.commit(&ch).unwrap();
    let new: Vec<_> = outbox(&k.svc).into_iter().skip(before).collect();
    assert!(
        matches!(&new[0].intent, Intent::Message(Outgoing { kind: OutgoingKind::Reply { message_id, content, .. }, .. }) if message_id == "om_pcard" && content.contains("没有推进")),
        "{new:?}"
    );
    assert!(matches!(new[1].intent, Intent::RefreshProjectCard { project } if project == p.id.0));
    assert_eq!(
        k.svc
            .store
            .watch_state(Watched::Project(p.id))
            .unwrap()
            .stalled_flags,
        1
    );
    // Nothing more is due at the same moment: the state says it was sent.
    let mut ch = Changes::new();
    remind(&k.svc, &mut ch, &p, later).unwrap();
    k.svc.store.commit(&ch).unwrap();
    assert_eq!(outbox(&k.svc).len(), before + 2);
}
