//! `/督办 下达 <事项> 对象：… 截止：… [指标：…]`: who may, which units, the batch and its
//! roll-up card. Nothing is written when anything is refused.

use super::super::Service;
use super::super::origin::Origin;
use super::super::reply::Replies;
use crate::card;
use crate::command::IssueBatch;
use crate::command::spec::SuperviseSub;
use crate::domain::batch::{Batch, NewBatch, Owners, may_issue, units_without_heads};
use crate::domain::ids::BatchId;
use crate::domain::unit::select_units;
use crate::feishu::event::MessageEvent;
use crate::feishu::feishu_uuid;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;

const EXAMPLE: &str = SuperviseSub::Issue.spec().example;

/// Records a 下达 and queues its roll-up card (the fan-out follows in the scheduler).
///
/// # Errors
/// sled errors.
pub(crate) fn issue(
    svc: &Service,
    b: IssueBatch,
    o: &Origin,
    msg: &MessageEvent,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let refuse = |title: &str, text: &str| card::error_card(title, text, Some(EXAMPLE));
    if let Err(e) = may_issue(&o.who.open_id, &svc.policy.admins, &svc.cfg.issuers) {
        return replies.card(svc, ch, &refuse("不能下达", &e.to_string()));
    }
    let reg = svc.unit_registry();
    let units = match select_units(&reg, &b.selector) {
        Ok(u) => u,
        Err(e) => return replies.card(svc, ch, &refuse("下达对象没看懂", &e.to_string())),
    };
    let owners = b.owners.split_first().map(|(first, rest)| Owners {
        owner: first.clone(),
        assistants: rest.to_vec(),
    });
    if owners.is_none() {
        let missing = units_without_heads(&units);
        if !missing.is_empty() {
            let e = crate::domain::batch::BatchError::NoHeads {
                units: missing.iter().map(|s| (*s).to_owned()).collect(),
            };
            return replies.card(svc, ch, &refuse("有单位没有负责人", &e.to_string()));
        }
    }
    let new = NewBatch {
        title: b.title,
        chat_id: o.chat.clone(),
        issuer: o.who.clone(),
        selector: b.selector,
        units: units.iter().map(|u| u.name.clone()).collect(),
        deadline: b.deadline.at,
        deadline_has_time: b.deadline.has_time,
        target: b.target,
        priority: b.priority,
        tags: Vec::new(),
        resources: None,
        scenario: None,
        description: None,
        owners,
    };
    let id: BatchId = ch.next_batch_id(&svc.store)?;
    let batch = match Batch::create(id, new, svc.clock.now()) {
        Ok(b) => b,
        Err(e) => return replies.card(svc, ch, &refuse("没有下达", &e.to_string())),
    };
    ch.put_new_batch(&svc.store, &batch)?;
    let intent = Intent::PostRollup {
        batch: batch.id.0,
        chat_id: batch.chat_id.0.clone(),
        reply_to: Some(msg.message_id.clone()),
        uuid: feishu_uuid(&format!("rollup:{}:{}", batch.id.0, msg.message_id)),
    };
    ch.outbox_push(
        &svc.store,
        &OutboxRecord::new(intent, Some(batch.chat_id.0.clone())),
    )?;
    Ok(())
}
