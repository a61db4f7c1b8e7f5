//! `/督办 下达 列表 | 取消 XD-3 原因 | 延期 XD-3 <新截止时间> [原因]`, and the roll-up card's
//! 取消下达 / 全部延期 forms, which go through the same [`cancel`] and [`extend`]: the batch
//! changes in the domain ([`Batch::cancel`], [`Batch::extend`], issuer or admin only), then
//! every open unit item goes through the item [`act`] path (its card redrawn, its reminders
//! moved or stopped, the reason in its audit trail), and the roll-up is marked for a refresh.
//! Nothing is written when anything is refused.

use super::super::Service;
use super::super::items::act;
use super::super::origin::{Origin, Via};
use super::super::reply::Replies;
use super::rollup::rollup_of;
use crate::card::{self, BatchLine, BatchState};
use crate::command::{BATCH_CANCEL_EXAMPLE, BATCH_EXTEND_EXAMPLE};
use crate::domain::batch::{Batch, BatchStatus};
use crate::domain::deadline::Deadline;
use crate::domain::ids::BatchId;
use crate::domain::supervision::Action;
use crate::domain::time::format_instant;
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// A refusal: the card's title and text (nothing was written).
pub(crate) type Refusal = (&'static str, String);

/// The batch, or the refusal naming the number.
fn find(svc: &Service, id: BatchId) -> Result<Result<Batch, Refusal>, StoreError> {
    Ok(svc
        .store
        .get_batch(id)?
        .ok_or_else(|| ("没有找到下达", format!("没有找到 {id}，请检查编号。"))))
}

/// `o` acting on each child item (the audit keeps `o`'s source; a click or command in the
/// issuing chat may act on items of other groups).
fn on_children(o: &Origin) -> Origin {
    Origin {
        via: Via::System,
        ..o.clone()
    }
}

/// Cancels batch `id` for `o` with `reason`: the batch, then every open unit item. The text
/// says what was done.
///
/// # Errors
/// sled errors.
pub(crate) fn cancel(
    svc: &Service,
    ch: &mut Changes,
    o: &Origin,
    id: BatchId,
    reason: &str,
) -> Result<Result<String, Refusal>, StoreError> {
    let b = match find(svc, id)? {
        Ok(b) => b,
        Err(r) => return Ok(Err(r)),
    };
    let next = match b.cancel(&o.who.open_id, reason, &svc.policy.admins, svc.clock.now()) {
        Ok(n) => n,
        Err(e) => return Ok(Err(("不能取消下达", e.to_string()))),
    };
    let reason = next.cancel_reason.clone().unwrap_or_default();
    ch.put_batch(&svc.store, &next)?;
    let child = on_children(o);
    let mut cancelled = 0usize;
    for (unit, item) in svc.store.batch_children(id)? {
        if !svc.store.get_item(item)?.is_some_and(|i| i.is_open()) {
            continue;
        }
        let action = Action::Cancel {
            reason: Some(format!("下达 {id} 已取消：{reason}")),
        };
        match act(svc, ch, &child, item, action)? {
            Ok(_) => cancelled += 1,
            Err(e) => tracing::warn!(batch = %id, unit, ?e, "取消下达: a unit item was not cancelled"),
        }
    }
    svc.mark_batch_now(ch, id)?;
    Ok(Ok(format!(
        "已取消下达 {id}「{}」，{cancelled}个单位未完成的事项已一并取消（原因：{reason}）。",
        next.title
    )))
}

/// Moves batch `id`'s deadline to `deadline` for `o`: the batch, then every open unit item due
/// earlier (an item already due later, by an approved extension, keeps its deadline).
///
/// # Errors
/// sled errors.
pub(crate) fn extend(
    svc: &Service,
    ch: &mut Changes,
    o: &Origin,
    id: BatchId,
    deadline: Deadline,
    reason: Option<&str>,
) -> Result<Result<String, Refusal>, StoreError> {
    let b = match find(svc, id)? {
        Ok(b) => b,
        Err(r) => return Ok(Err(r)),
    };
    let now = svc.clock.now();
    let next = match b.extend(
        &o.who.open_id,
        deadline.at,
        deadline.has_time,
        &svc.policy.admins,
        now,
    ) {
        Ok(n) => n,
        Err(e) => return Ok(Err(("不能延期下达", e.to_string()))),
    };
    ch.put_batch(&svc.store, &next)?;
    let child = on_children(o);
    let why = reason.map(str::trim).filter(|r| !r.is_empty());
    let note = match why {
        Some(r) => format!("下达 {id} 统一延期：{r}"),
        None => format!("下达 {id} 统一延期"),
    };
    let (mut moved, mut kept) = (0usize, 0usize);
    for (unit, item) in svc.store.batch_children(id)? {
        let Some(it) = svc.store.get_item(item)? else {
            continue;
        };
        if !it.is_open() {
            continue;
        }
        if it.deadline >= deadline.at {
            kept += 1;
            continue;
        }
        let action = Action::SetDeadline {
            deadline: deadline.at,
            has_time: deadline.has_time,
            reason: Some(note.clone()),
        };
        match act(svc, ch, &child, item, action)? {
            Ok(_) => moved += 1,
            Err(e) => tracing::warn!(batch = %id, unit, ?e, "延期下达: a unit item kept its deadline"),
        }
    }
    svc.mark_batch_now(ch, id)?;
    let kept = if kept > 0 {
        format!("；{kept}个单位的截止时间本已更晚，保持不变")
    } else {
        String::new()
    };
    Ok(Ok(format!(
        "已将下达 {id}「{}」的截止时间延至 {}，{moved}个单位未完成的事项已同步调整{kept}。",
        next.title,
        format_instant(deadline.at)
    )))
}

/// `/督办 下达 取消 XD-3 原因`.
///
/// # Errors
/// sled errors.
pub(crate) fn cancel_command(
    svc: &Service,
    o: &Origin,
    id: BatchId,
    reason: &str,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    match cancel(svc, ch, o, id, reason)? {
        Ok(text) => replies.text(svc, ch, &text),
        Err((title, text)) => {
            let e = card::error_card(title, &text, Some(BATCH_CANCEL_EXAMPLE));
            replies.card(svc, ch, &e)
        }
    }
}

/// `/督办 下达 延期 XD-3 <新截止时间> [原因]`.
///
/// # Errors
/// sled errors.
pub(crate) fn extend_command(
    svc: &Service,
    o: &Origin,
    id: BatchId,
    deadline: Deadline,
    reason: Option<&str>,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    match extend(svc, ch, o, id, deadline, reason)? {
        Ok(text) => replies.text(svc, ch, &text),
        Err((title, text)) => {
            let e = card::error_card(title, &text, Some(BATCH_EXTEND_EXAMPLE));
            replies.card(svc, ch, &e)
        }
    }
}

/// `/督办 下达 列表`: in a group, the batches issued there; in a 1:1 chat, every batch for an
/// admin, else the sender's own.
///
/// # Errors
/// sled errors.
pub(crate) fn list(
    svc: &Service,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let (title, batches) = if !o.p2p() {
        ("本群的下达", svc.store.batches_in_chat(&o.chat)?)
    } else if svc.policy.admins.contains(&o.who.open_id) {
        ("全部下达", svc.store.all_batches()?)
    } else {
        let mine = svc
            .store
            .all_batches()?
            .into_iter()
            .filter(|b| b.issuer.open_id == o.who.open_id)
            .collect();
        ("我发出的下达", mine)
    };
    let mut rolled = Vec::with_capacity(batches.len());
    for b in &batches {
        let state = if b.status == BatchStatus::Cancelled {
            BatchState::Cancelled
        } else if svc.store.is_open_batch(b.id)? {
            BatchState::Open
        } else {
            BatchState::Settled
        };
        rolled.push((rollup_of(svc, b)?, state));
    }
    let lines: Vec<BatchLine<'_>> = batches
        .iter()
        .zip(&rolled)
        .map(|(batch, (rollup, state))| BatchLine {
            batch,
            rollup,
            state: *state,
        })
        .collect();
    let c = card::batch_list_card(title, &lines, svc.clock.now());
    replies.card(svc, ch, &c)
}
