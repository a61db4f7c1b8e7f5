//! `/督办 类别 DB-n 突发` and the class a new item starts with.

use super::super::Service;
use super::super::items::{person_on_item, visible};
use super::super::origin::Origin;
use super::super::reply::{Replies, refresh_card};
use crate::card;
use crate::command::CreateItem;
use crate::domain::ids::{ItemId, ProjectId};
use crate::domain::item::ItemClass;
use crate::domain::okr::Alignment;
use crate::domain::priority::Priority;
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// The example shown with a refusal.
const EXAMPLE: &str = "/督办 类别 DB-12 突发";

/// Changes item `id`'s class (the 督办人 or an admin); audited, card redrawn.
///
/// # Errors
/// sled errors.
pub(crate) fn set_class(
    svc: &Service,
    ch: &mut Changes,
    o: &Origin,
    id: ItemId,
    class: ItemClass,
    replies: &mut Replies<'_>,
) -> Result<(), StoreError> {
    let Some(item) = visible(svc, o, id)? else {
        return replies.card(svc, ch, &super::super::items::not_found(id, o.p2p()));
    };
    let actor = person_on_item(&o.who.open_id.0, &item, Some(&o.who));
    match item.set_class(class, &actor, &svc.policy, svc.clock.now(), o.source.clone()) {
        Err(text) => replies.card(svc, ch, &card::error_card("类别没有修改", &text, Some(EXAMPLE))),
        Ok((next, record)) => {
            svc.stage_item(ch, &next)?;
            ch.push_audit(&svc.store, next.id, &record)?;
            refresh_card(svc, ch, next.id.0, &next.chat_id.0)?;
            let text = format!(
                "{} 的类别已由“{}”改为“{}”",
                next.id,
                item.class.label(),
                next.class.label()
            );
            replies.text(svc, ch, &text)
        }
    }
}

/// The class and alignment a new item starts with: the class typed, else 突发 for a P0 created
/// outside a project when `[okr] p0_is_urgent` says so, else 承诺; the alignment of the first
/// project it is created in (`#XM-n` of the same group) that has one.
///
/// # Errors
/// sled errors.
pub(crate) fn initial(
    svc: &Service,
    c: &CreateItem,
    chat: &crate::domain::ids::ChatId,
) -> Result<(ItemClass, Option<Alignment>), StoreError> {
    let mut in_project = false;
    let mut alignment = None;
    for tag in &c.tags {
        let Some(pid) = ProjectId::parse(tag) else {
            continue;
        };
        let Some(p) = svc.store.get_project(pid)? else {
            continue;
        };
        if &p.chat_id != chat {
            continue;
        }
        in_project = true;
        if alignment.is_none() {
            alignment = p.alignment;
        }
    }
    let class = match c.class {
        Some(class) => class,
        None if svc.cfg.okr.p0_is_urgent && c.priority == Priority::P0 && !in_project => ItemClass::Urgent,
        None => ItemClass::default(),
    };
    Ok((class, alignment))
}
