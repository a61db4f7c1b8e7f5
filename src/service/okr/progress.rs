//! The progress record written on 验收 (`[okr] write_progress = true`): when an item aligned
//! with an objective or key result becomes 已完成, one [`Intent::OkrProgress`] is queued in the
//! same commit as the acceptance, so it survives a restart and a redelivered event cannot
//! queue a second one (the item is 已完成 already). It is rendered when sent, from the item
//! as it is then, and dropped once the item's record is written (`store::okr`). A refusal for
//! good (the OKR scope, or the OKR edition without OpenAPI) is told once, in the item's group,
//! naming what is missing.

use super::super::Service;
use crate::domain::ids::ItemId;
use crate::domain::status::Status;
use crate::domain::supervision::Item;
use crate::domain::time::format_instant;
use crate::feishu::okr::{SCOPE_OKR_WRITE, okr_unavailable};
use crate::feishu::{FeishuError, Outgoing, feishu_uuid};
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// Queues the progress record when `after` is `before` accepted and aligned.
///
/// # Errors
/// sled errors.
pub(crate) fn queue_progress(
    svc: &Service,
    ch: &mut Changes,
    before: &Item,
    after: &Item,
) -> Result<(), StoreError> {
    if !svc.cfg.okr.write_progress
        || after.alignment.is_none()
        || after.status != Status::Done
        || before.status == Status::Done
    {
        return Ok(());
    }
    ch.outbox_push(
        &svc.store,
        &OutboxRecord::new(Intent::OkrProgress { item: after.id.0 }, None),
    )?;
    Ok(())
}

/// The request for item `item`'s progress record now (`None`: written already, no longer
/// aligned, or not 已完成).
///
/// # Errors
/// sled errors.
pub(crate) fn materialize_progress(svc: &Service, item: u64) -> Result<Option<Outgoing>, StoreError> {
    let id = ItemId(item);
    if svc.store.okr_progress_settled(id)? {
        return Ok(None);
    }
    let Some(it) = svc.store.get_item(id)? else {
        return Ok(None);
    };
    let Some(a) = &it.alignment else {
        return Ok(None);
    };
    if it.status != Status::Done {
        return Ok(None);
    }
    let (target, kind) = a.target();
    let mut lines = vec![format!("【督办 {}】{} 已验收完成", it.id, it.title)];
    lines.push(format!(
        "主办：{} · 督办人：{}",
        name(&it.owner.name),
        name(&it.creator.name)
    ));
    let deadline = it.original_deadline.unwrap_or(it.deadline);
    let mut dates = format!(
        "创建 {} · 截止 {}",
        format_instant(it.created_at),
        format_instant(deadline)
    );
    if it.original_deadline.is_some() {
        dates.push_str(&format!("（延期至 {}）", format_instant(it.deadline)));
    }
    if let Some(done) = it.completed_at {
        dates.push_str(&format!(" · 完成 {}", format_instant(done)));
    }
    lines.push(dates);
    if let Some(note) = &it.latest_note {
        lines.push(format!("验收说明：{note}"));
    }
    lines.push(format!("类别：{} · 对齐：{}", it.class.label(), a.label()));
    let url = format!(
        "https://applink.feishu.cn/client/chat/open?openChatId={}",
        it.chat_id
    );
    Ok(Some(Outgoing::okr_progress(
        target,
        kind,
        &format!("督办 {}", it.id),
        &url,
        &lines,
    )))
}

fn name(n: &str) -> &str {
    if n.is_empty() { "—" } else { n }
}

/// Feishu accepted item `item`'s progress record.
///
/// # Errors
/// sled errors.
pub(crate) fn progress_delivered(svc: &Service, item: u64) -> Result<(), StoreError> {
    svc.store.settle_okr_progress(ItemId(item), true)
}

/// Feishu refused item `item`'s progress record for good: noted, and said once in the item's
/// group — what is missing when Feishu named it (scope or edition), else the error.
///
/// # Errors
/// sled errors.
pub(crate) fn progress_failed(svc: &Service, item: u64, e: &FeishuError) -> Result<(), StoreError> {
    let id = ItemId(item);
    svc.store.settle_okr_progress(id, false)?;
    let Some(it) = svc.store.get_item(id)? else {
        return Ok(());
    };
    let why = okr_unavailable(e, SCOPE_OKR_WRITE).unwrap_or_else(|| e.to_string());
    let text = format!("{} 已验收，但没能写入飞书 OKR 进展：{why}", it.id);
    let out = Outgoing::send_text_to_chat(
        &it.chat_id.0,
        &text,
        &feishu_uuid(&format!("okrfail:{}", it.id.0)),
    );
    let mut ch = Changes::new();
    ch.outbox_push(&svc.store, &OutboxRecord::message(out))?;
    svc.store.commit(&ch)
}
