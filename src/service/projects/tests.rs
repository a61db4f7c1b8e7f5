#![allow(clippy::unwrap_used)]

use super::act::{act, create};
use crate::domain::audit::Source;
use crate::domain::ids::{ChatId, MessageId, ProjectId};
use crate::domain::project::{ProjectAction, StageTemplate};
use crate::outbox_record::Intent;
use crate::service::origin::{Origin, Via};
use crate::service::testkit::{GROUP, kit, outbox, person};
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

fn origin(who: &str, name: &str, source: Source) -> Origin {
    let mut o = Origin::system(ChatId(GROUP.to_owned()), person(who, name));
    o.source = source;
    o.via = Via::Message { p2p: false };
    o
}

#[test]
fn a_refused_project_action_writes_nothing_and_names_who_may() {
    let k = kit();
    let mut ch = Changes::new();
    let founder = origin("ou_zhang", "张三", Source::System);
    let p = create(
        &k.svc,
        &mut ch,
        &founder,
        "两融系统升级",
        person("ou_li", "李四"),
        &StageTemplate::default_five(),
    )
    .unwrap();
    k.svc.store.commit(&ch).unwrap();
    let before = outbox(&k.svc).len();
    let stranger = origin("ou_wang", "王五", Source::Message(MessageId("om_1".to_owned())));
    let mut ch = Changes::new();
    let got = act(
        &k.svc,
        &mut ch,
        &stranger,
        p.id,
        ProjectAction::Advance { note: None },
        &k.svc.policy,
    )
    .unwrap();
    let text = got.unwrap_err();
    assert!(text.contains("李四"), "{text}");
    assert!(ch.is_empty(), "a refusal stages no write");
    assert_eq!(k.svc.store.get_project(p.id).unwrap().unwrap(), p);
    assert_eq!(outbox(&k.svc).len(), before);
    let missing = act(
        &k.svc,
        &mut ch,
        &stranger,
        ProjectId(99),
        ProjectAction::Advance { note: None },
        &k.svc.policy,
    )
    .unwrap();
    assert!(missing.unwrap_err().contains("XM-99"));
    assert!(ch.is_empty());
}

#[test]
fn the_owner_moves_the_project_with_audit_card_refresh_and_next_check_in_one_change() {
    let k = kit();
    let mut ch = Changes::new();
    let founder = origin("ou_zhang", "张三", Source::System);
    let p = create(
        &k.svc,
        &mut ch,
        &founder,
        "两融系统升级",
        person("ou_li", "李四"),
        &StageTemplate::default_five(),
    )
    .unwrap();
    k.svc.store.commit(&ch).unwrap();
    let click = origin("ou_li", "", Source::Card(MessageId("om_card".to_owned())));
    let mut ch = Changes::new();
    let (before, after) = act(
        &k.svc,
        &mut ch,
        &click,
        p.id,
        ProjectAction::Advance { note: None },
        &k.svc.policy,
    )
    .unwrap()
    .unwrap();
    k.svc.store.commit(&ch).unwrap();
    assert_eq!(before, p);
    assert_eq!(after.current, p.current + 1);
    let audit = k.svc.store.audit_of_watched(Watched::Project(p.id)).unwrap();
    let last = audit.last().unwrap();
    assert_eq!(last.source, Source::Card(MessageId("om_card".to_owned())));
    // The actor's name comes from the project's own roles when the origin has none.
    assert_eq!(last.actor, person("ou_li", "李四"));
    assert!(
        outbox(&k.svc)
            .iter()
            .any(|r| matches!(r.intent, Intent::RefreshProjectCard { project } if project == p.id.0))
    );
    assert!(
        k.svc
            .store
            .watched_scheduled(Watched::Project(p.id))
            .unwrap()
            .is_some()
    );
}
