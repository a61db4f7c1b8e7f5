//! The roll-up card, rendered at send time from the batch and its children's current state.

use super::super::Service;
use super::super::reply::{Says, under_or_post};
use crate::card;
use crate::domain::batch::Batch;
use crate::domain::batch::rollup::{Child, Rollup, rollup};
use crate::domain::ids::BatchId;
use crate::feishu::Outgoing;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::batches::RollupCard;
use crate::store::outbox::Changes;

/// Batch `b`'s roll-up as it is now.
///
/// # Errors
/// sled errors.
pub(crate) fn rollup_of(svc: &Service, b: &Batch) -> Result<Rollup, StoreError> {
    let items = svc.store.batch_child_items(b)?;
    let mut reports = Vec::with_capacity(items.len());
    for (_, item) in &items {
        let r = match item {
            Some(i) => svc.store.item_target(i.id)?.and_then(|t| t.report),
            None => None,
        };
        reports.push(r);
    }
    let children: Vec<Child<'_>> = items
        .iter()
        .zip(&reports)
        .map(|((unit, item), report)| Child {
            unit,
            item: item.as_ref(),
            report: report.as_ref(),
        })
        .collect();
    Ok(rollup(b, &children, svc.clock.now(), &svc.calendar))
}

/// The roll-up card of batch `id` as it is now (`reposted`: it replaces an earlier card).
pub(super) fn card_of(
    svc: &Service,
    id: BatchId,
    reposted: bool,
) -> Result<Option<(Batch, serde_json::Value)>, StoreError> {
    let Some(b) = svc.store.get_batch(id)? else {
        return Ok(None);
    };
    let r = rollup_of(svc, &b)?;
    let c = card::rollup_card(&b, &r, reposted, svc.clock.now());
    Ok(Some((b, c)))
}

/// [`Intent::PostRollup`] and [`Intent::RefreshRollup`], rendered.
///
/// # Errors
/// sled errors.
pub(crate) fn render_rollup(svc: &Service, intent: &Intent) -> Result<Option<Outgoing>, StoreError> {
    Ok(match intent {
        Intent::PostRollup {
            batch,
            chat_id,
            reply_to,
            uuid,
        } => {
            // A post when a card is already recorded is the re-post before Feishu's window closes.
            let reposted = svc.store.rollup_card(BatchId(*batch))?.is_some();
            card_of(svc, BatchId(*batch), reposted)?
                .map(|(_, c)| under_or_post(reply_to.as_deref(), chat_id, Says::Card(&c), uuid))
        }
        Intent::RefreshRollup { batch } => {
            let id = BatchId(*batch);
            let Some(posted) = svc.store.rollup_card(id)? else {
                return Ok(None);
            };
            card_of(svc, id, posted.reposted)?
                .map(|(b, c)| Outgoing::patch_card(&posted.message_id, Some(&b.chat_id.0), &c))
        }
        _ => None,
    })
}

/// The roll-up card was posted: remember its message, to PATCH it.
///
/// # Errors
/// sled errors.
pub(crate) fn rollup_delivered(svc: &Service, batch: u64, mid: &str) -> Result<(), StoreError> {
    let earlier = svc.store.rollup_card(BatchId(batch))?;
    if earlier.as_ref().is_some_and(|e| e.message_id == mid) {
        // The same post delivered again (its uuid answered with the same message).
        return Ok(());
    }
    let card = RollupCard {
        message_id: mid.to_owned(),
        posted_ms: svc.clock.now().as_millisecond(),
        reposted: earlier.is_some(),
        repost_queued: false,
    };
    let (Some(old), Some(b)) = (earlier, svc.store.get_batch(BatchId(batch))?) else {
        return svc.store.set_rollup_card(BatchId(batch), &card);
    };
    // The re-post: later updates go to the new card; the old one says where to look (in the
    // same transaction).
    let note = card::replaced_rollup_card(&b, svc.clock.now());
    let out = Outgoing::patch_card(&old.message_id, Some(&b.chat_id.0), &note);
    let mut ch = Changes::new();
    ch.put_rollup_card(&svc.store, BatchId(batch), &card)?;
    let rec = OutboxRecord::new(Intent::Message(out), Some(b.chat_id.0));
    ch.outbox_push(&svc.store, &rec)?;
    svc.store.commit(&ch)?;
    svc.wake.outbox.notify_one();
    tracing::info!(
        batch,
        mid,
        "下达: the roll-up was posted anew; later updates go to the new card"
    );
    Ok(())
}

/// `/督办 下达 查看 XD-3`: the roll-up as it is now, as a reply.
///
/// # Errors
/// sled errors.
pub(crate) fn show(
    svc: &Service,
    id: BatchId,
    replies: &mut super::super::reply::Replies<'_>,
    ch: &mut crate::store::outbox::Changes,
) -> Result<(), StoreError> {
    match card_of(svc, id, false)? {
        Some((_, c)) => replies.card(svc, ch, &c),
        None => {
            let e = card::error_card(
                "没有找到下达",
                &format!("没有找到 {id}，请检查编号。"),
                Some("/督办 下达 查看 XD-3"),
            );
            replies.card(svc, ch, &e)
        }
    }
}
