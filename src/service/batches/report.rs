//! `/督办 汇报 DB-12 24户 [说明]`: the owner (or a 协办, or an admin) reports a value against
//! the item's numeric target; the audit trail keeps every report, the item card and the
//! roll-up show the attainment.

use super::super::Service;
use super::super::items::visible;
use super::super::origin::Origin;
use super::super::reply::{Replies, refresh_card};
use crate::card;
use crate::command::spec::SuperviseSub;
use crate::domain::batch::Report;
use crate::domain::ids::ItemId;
use crate::store::StoreError;
use crate::store::outbox::Changes;

const EXAMPLE: &str = SuperviseSub::Report.spec().example;

/// Records a report on item `id`.
///
/// # Errors
/// sled errors.
pub(crate) fn report(
    svc: &Service,
    id: ItemId,
    value: &str,
    note: Option<String>,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let refuse = |title: &str, text: &str| card::error_card(title, text, Some(EXAMPLE));
    let Some(item) = visible(svc, o, id)? else {
        let e = refuse(
            "没有找到事项",
            &format!("没有找到 {id}，请检查编号，或在事项所在的群里汇报。"),
        );
        return replies.card(svc, ch, &e);
    };
    let Some(mut stored) = svc.store.item_target(id)? else {
        let e = refuse(
            "这个事项没有指标",
            &format!("{id} 没有数值指标，不需要汇报；汇报进展请用“/督办 进展 {id} 说明”。"),
        );
        return replies.card(svc, ch, &e);
    };
    let target = stored.target.clone();
    if !item.is_open() {
        let e = refuse(
            "事项已关闭",
            &format!("{id} 已经{}，不能再汇报。", item.status.label()),
        );
        return replies.card(svc, ch, &e);
    }
    if let Err(e) = Report::may_report(&item, &o.who.open_id, &svc.policy.admins) {
        return replies.card(svc, ch, &refuse("不能汇报", &e.to_string()));
    }
    let amount = match target.read_report(value) {
        Ok(a) => a,
        Err(e) => return replies.card(svc, ch, &refuse("汇报的数值没看懂", &e.to_string())),
    };
    let now = svc.clock.now();
    let rep = Report {
        value: amount,
        note,
        by: o.who.clone(),
        at: now,
    };
    let record = rep.audit_record(stored.report.as_ref(), &target, o.source.clone());
    stored.report = Some(rep);
    ch.put_item_target(&svc.store, id, &stored)?;
    let mut next = item;
    next.updated_at = now;
    next.version += 1;
    svc.stage_item(ch, &next)?;
    ch.push_audit(&svc.store, next.id, &record)?;
    refresh_card(svc, ch, next.id.0, &next.chat_id.0)?;
    let a = target.attainment(amount);
    let how = match (a.percent, a.met) {
        (Some(p), true) => format!("达成 {p}%，已达标"),
        (Some(p), false) => format!("达成 {p}%"),
        (None, true) => "已达标".to_owned(),
        (None, false) => "未达标".to_owned(),
    };
    let text = format!(
        "已记录 {id} 的汇报：{}（指标 {target}，{how}）",
        target.show(amount)
    );
    replies.text(svc, ch, &text)
}
