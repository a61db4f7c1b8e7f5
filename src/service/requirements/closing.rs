//! The requirement's closed loop: the submitter's status card whenever the loop status moves,
//! the 效果反馈 request at 上线, and a linked project's change carried over to its requirements.

use super::super::Service;
use super::super::watched::watch;
use super::triage::refresh_triage_cards;
use crate::card::requirement::{feedback_card, requirement_status_card};
use crate::domain::project::Project;
use crate::domain::requirement::{LoopStatus, Requirement, loop_status};
use crate::feishu::{Outgoing, feishu_uuid};
use crate::mirror::MirrorTable;
use crate::outbox_record::OutboxRecord;
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

/// Sends the submitter's status card when the closed-loop status moved from (`before`,
/// `before_p`) to (`after`, `after_p`), and the 效果反馈 request when it reached 上线.
pub(crate) fn loop_moved(
    svc: &Service,
    ch: &mut Changes,
    before: &Requirement,
    after: &Requirement,
    before_p: Option<&Project>,
    after_p: Option<&Project>,
) -> Result<(), StoreError> {
    let was = loop_status(before, before_p);
    let now_s = loop_status(after, after_p);
    if was == now_s && before.status == after.status {
        return Ok(());
    }
    svc.queue_mirror(ch, MirrorTable::Requirements, &after.id.to_string())?;
    let chat = &after.chat_id.0;
    let stamp = after_p.map_or(after.version, |p| p.version);
    let c = requirement_status_card(after, after_p, svc.clock.now());
    let uuid = feishu_uuid(&format!(
        "rstatus:{}:{}:{stamp}:{}",
        after.id.0,
        after.version,
        now_s.label()
    ));
    ch.outbox_push(
        &svc.store,
        &OutboxRecord::message(Outgoing::send_card_to_chat(chat, &c, &uuid)),
    )?;
    if now_s == LoopStatus::Launched && was != LoopStatus::Launched && after.feedback.is_none() {
        let uuid = feishu_uuid(&format!("rfeedback:{}:{stamp}", after.id.0));
        let c = feedback_card(after);
        ch.outbox_push(
            &svc.store,
            &OutboxRecord::message(Outgoing::send_card_to_chat(chat, &c, &uuid)),
        )?;
    }
    Ok(())
}

/// A linked project changed from `before_p` to `after_p`: the requirement closes with it
/// (已上线 / 已关闭, see [`Requirement::follow_project`]) and the submitter is told when
/// the loop moved.
pub(crate) fn follows_project(
    svc: &Service,
    ch: &mut Changes,
    r: &Requirement,
    before_p: &Project,
    after_p: &Project,
) -> Result<(), StoreError> {
    let Some((next, record)) = r.follow_project(after_p, svc.clock.now()) else {
        return loop_moved(svc, ch, r, r, Some(before_p), Some(after_p));
    };
    ch.put_requirement(&svc.store, &next);
    ch.push_watched_audit(&svc.store, Watched::Requirement(next.id), &record)?;
    watch(svc, ch, &next)?;
    refresh_triage_cards(svc, ch, next.id)?;
    loop_moved(svc, ch, r, &next, Some(before_p), Some(after_p))
}
