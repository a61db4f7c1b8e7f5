//! `/督办 重复 停止 DB-n`: ends the series the item belongs to (督办人 or an admin). The current
//! occurrence stays open and is still due; its card says the series ended.

use super::super::Service;
use super::super::items::visible;
use super::super::origin::Origin;
use super::super::reply::{Replies, refresh_card};
use crate::card;
use crate::domain::audit::{AuditRecord, Change};
use crate::domain::ids::ItemId;
use crate::domain::repeat::Stopped;
use crate::domain::time::format_datetime;
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// Ends the series of item `id` for `o`, answering in `replies`.
///
/// # Errors
/// sled errors.
pub(crate) fn stop(
    svc: &Service,
    id: ItemId,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let now = svc.clock.now();
    let refuse = |title: &str, text: &str| {
        card::error_card(
            title,
            text,
            Some(crate::command::spec::SuperviseSub::Repeat.spec().example),
        )
    };
    let Some(item) = visible(svc, o, id)? else {
        let text = format!("没有找到 {id}，请检查编号（只能停止本群的事项）");
        return replies.card(svc, ch, &refuse("没有这个事项", &text));
    };
    let Some((_, mut series)) = svc.store.series_of_item(id)? else {
        let text = format!("{id} 不是重复事项，无需停止。要结束这个事项本身，请用“/督办 取消 {id}”");
        return replies.card(svc, ch, &refuse("不是重复事项", &text));
    };
    if let Some(s) = &series.stopped {
        let text = format!(
            "{} 所在的重复事项已于 {} 由 {} 停止",
            id,
            format_datetime(s.at, now),
            s.by.name
        );
        return replies.card(svc, ch, &refuse("重复已经停止", &text));
    }
    let Some(current) = svc.store.get_item(series.current)? else {
        return Ok(());
    };
    let roles = current.role_of(&o.who.open_id, &svc.policy);
    if !(roles.creator || roles.admin) {
        let who = if current.creator.name.is_empty() {
            "督办人".to_owned()
        } else {
            format!("督办人（{}）", current.creator.name)
        };
        let text = format!("只有{who}或管理员可以停止重复事项，主办和协办不能停止");
        return replies.card(svc, ch, &refuse("没有权限停止重复", &text));
    }
    series.stopped = Some(Stopped {
        by: o.who.clone(),
        at: now,
    });
    series.next_at = None;
    ch.put_repeat_series(&svc.store, &series)?;
    let rec = AuditRecord {
        at: now,
        actor: o.who.clone(),
        action: "repeat_stop".to_owned(),
        source: o.source.clone(),
        changes: vec![Change::new("重复", &series.rule, "已停止")],
        note: Some(format!("共 {} 期，自 {} 起", series.number, series.id)),
    };
    ch.push_audit(&svc.store, current.id, &rec)?;
    refresh_card(svc, ch, current.id.0, &current.chat_id.0)?;
    if current.id != id {
        refresh_card(svc, ch, id.0, &item.chat_id.0)?;
    }
    let tail = if current.is_open() {
        format!("当前一期 {} 仍需按期完成。", current.id)
    } else {
        "不再发起新的一期。".to_owned()
    };
    let text = format!(
        "已停止重复：{} {}（共 {} 期）。{tail}",
        series.id, current.title, series.number
    );
    replies.text(svc, ch, &text)
}
