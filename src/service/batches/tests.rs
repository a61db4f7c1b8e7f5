//! The fan-out gives each unit exactly one item, also when two ticks read the same plan.

use crate::domain::batch::{Batch, NewBatch};
use crate::domain::ids::ChatId;
use crate::domain::priority::Priority;
use crate::domain::unit::{UnitDecl, UnitRegistry};
use crate::outbox_record::Intent;
use crate::service::testkit::{GROUP, kit_with, now, outbox, person};
use crate::store::outbox::Changes;

const UNITS: [&str; 3] = ["杭州营业部", "宁波营业部", "温州营业部"];

#[tokio::test]
async fn two_ticks_that_read_the_same_plan_give_each_unit_one_item_and_one_card() {
    let kit = kit_with(|s| {
        let decls: Vec<UnitDecl> = UNITS
            .iter()
            .enumerate()
            .map(|(i, name)| UnitDecl {
                name: (*name).to_owned(),
                kind: None,
                region: Some("华东片区".to_owned()),
                chat_id: Some(format!("oc_u{i}")),
                heads: vec![format!("ou_head{i}")],
            })
            .collect();
        s.units = UnitRegistry::from_decls(&["华东片区".to_owned()], &decls).unwrap();
    });
    let svc = &kit.svc;
    let mut ch = Changes::new();
    let id = ch.next_batch_id(&svc.store).unwrap();
    let new = NewBatch {
        title: "反洗钱自查".to_owned(),
        chat_id: ChatId(GROUP.to_owned()),
        issuer: person("ou_boss", "赵督办"),
        selector: "全部营业部".to_owned(),
        units: UNITS.iter().map(|u| (*u).to_owned()).collect(),
        deadline: "2026-03-20T10:00:00Z".parse().unwrap(),
        deadline_has_time: false,
        target: None,
        priority: Priority::P2,
        tags: vec![],
        resources: None,
        scenario: None,
        description: None,
        owners: None,
    };
    ch.put_new_batch(&svc.store, &Batch::create(id, new, now()).unwrap())
        .unwrap();
    svc.store.commit(&ch).unwrap();

    // Both ticks read the plan (every unit to do) while the service lock is held elsewhere —
    // as a stepping-down leader's round and the next leader's first one can — then take
    // turns, unit by unit, once it is let go.
    let held = svc.exclusive().await;
    let (a, b, ()) = tokio::join!(svc.batches_tick(), svc.batches_tick(), async move {
        drop(held);
    });
    a.unwrap();
    b.unwrap();

    let children = svc.store.batch_children(id).unwrap();
    assert_eq!(children.len(), 3, "{children:?}");
    for n in 1..=3 {
        assert!(
            svc.store
                .get_item(crate::domain::ids::ItemId(n))
                .unwrap()
                .is_some()
        );
    }
    assert!(
        svc.store
            .get_item(crate::domain::ids::ItemId(4))
            .unwrap()
            .is_none(),
        "no unit got a second item"
    );
    let cards = outbox(svc)
        .into_iter()
        .filter(|r| matches!(r.intent, Intent::PostItemCard { .. }))
        .count();
    assert_eq!(cards, 3, "one card per unit");
}
