//! `/督办 导出 [本月|上月|本季度]`: the items as an xlsx file, sent 1:1 to the asker. Admins get
//! every item; a 督办人 (anyone who has created items) gets the items they created; anyone
//! else is told who may. The period selects items by creation time.

use super::Service;
use super::reply::Replies;
use crate::card;
use crate::domain::board::Period;
use crate::domain::ids::Person;
use crate::domain::supervision::Item;
use crate::feishu::event::MessageEvent;
use crate::feishu::feishu_uuid;
use crate::feishu::files::MAX_FILE_BYTES;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;

impl Service {}

pub(crate) fn export_items(
    svc: &Service,
    period: Option<Period>,
    msg: &MessageEvent,
    sender: &Person,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let now = svc.clock.now();
    let admin = svc.policy.admins.contains(&sender.open_id);
    let all = svc.store.all_items()?;
    let created = all.iter().any(|i| i.creator.open_id == sender.open_id);
    if !admin && !created {
        let c = card::error_card(
            "只有管理员和督办人可以导出",
            "导出督办事项仅限管理员（全部事项）和督办人（自己发起的事项）。如需导出，请联系管理员。",
            Some("/督办 导出 本月"),
        );
        return replies.card(svc, ch, &c);
    }
    let range = period.map(|p| p.range(now));
    let items: Vec<Item> = all
        .into_iter()
        .filter(|i| admin || i.creator.open_id == sender.open_id)
        .filter(|i| range.is_none_or(|(a, b)| i.created_at >= a && i.created_at < b))
        .collect();
    let label = period.map_or("全部", Period::label);
    let scope = if admin {
        "督办事项"
    } else {
        "你发起的督办事项"
    };
    let mut with_units = Vec::with_capacity(items.len());
    for it in items.iter().cloned() {
        let unit = svc.store.unit_of_item(it.id)?;
        with_units.push((it, unit));
    }
    let bytes = match crate::export::items_table(&with_units, now, &svc.calendar).to_xlsx() {
        Ok(b) if b.len() <= MAX_FILE_BYTES => b,
        Ok(_) => {
            let c = card::error_card(
                "导出文件太大",
                "文件超过飞书 30 MB 的上限，请缩小范围（例如「本月」），或请管理员用 duban export 导出。",
                Some("/督办 导出 本月"),
            );
            return replies.card(svc, ch, &c);
        }
        Err(e) => {
            tracing::error!(error.message = %e, "xlsx export failed");
            let c = card::error_card(
                "导出失败",
                "生成 Excel 文件时出错，请稍后再试。",
                Some("/督办 导出 本月"),
            );
            return replies.card(svc, ch, &c);
        }
    };
    use base64::Engine as _;
    let file_name = format!(
        "督办事项-{label}-{}.xlsx",
        crate::domain::time::local(now).strftime("%Y%m%d-%H%M")
    );
    let intent = Intent::SendFile {
        open_id: sender.open_id.0.clone(),
        file_name,
        file_type: "xls".to_owned(),
        data: base64::engine::general_purpose::STANDARD.encode(&bytes),
        file_key: None,
        uuid: feishu_uuid(&format!("export:{}", msg.message_id)),
    };
    ch.outbox_push(&svc.store, &OutboxRecord::new(intent, None))?;
    replies.text(
        svc,
        ch,
        &format!(
            "已导出{label}{scope} {} 条，Excel 文件稍后私信发给你。",
            items.len()
        ),
    )
}
