//! THE item action, for `/督办 完成 DB-3` and the 完成 button alike: the item as the origin
//! may see it → the domain transition ([`Item::apply`], which checks who may) → the stored
//! item with its reminder moved and its mirror row queued → audit → live card PATCH. Nothing
//! is written before the transition succeeded. The caller answers (a reply in chat, or a toast
//! and the card for a click) and commits.

use super::super::Service;
use super::super::origin::{Origin, Via};
use super::super::reply::refresh_card;
use crate::domain::audit::Source;
use crate::domain::ids::{ItemId, OpenId, Person};
use crate::domain::supervision::{Action, Actor, Item, NewItem};
use crate::feishu::feishu_uuid;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// A carried-out item action.
#[derive(Debug)]
pub(crate) struct Acted {
    /// The item before.
    pub(crate) before: Item,
    /// The item after.
    pub(crate) after: Item,
    /// Who acted, with the best name known.
    pub(crate) actor: Person,
}

/// Why an item action was not carried out (nothing was written).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refused {
    /// No such item where the origin is (another group's, or not the sender's in 1:1).
    NotFound(ItemId),
    /// The domain refused (who may, or the item's state), in plain Chinese.
    Denied(String),
}

/// Applies `action` to item `id` for origin `o`, staging everything that follows in `ch`.
///
/// # Errors
/// sled errors.
pub(crate) fn act(
    svc: &Service,
    ch: &mut Changes,
    o: &Origin,
    id: ItemId,
    action: Action,
) -> Result<Result<Acted, Refused>, StoreError> {
    let Some(item) = visible(svc, o, id)? else {
        return Ok(Err(Refused::NotFound(id)));
    };
    let actor = Actor {
        person: person_on_item(&o.who.open_id.0, &item, Some(&o.who)),
    };
    let (next, record) = match item.apply(action, &actor, &svc.policy, svc.clock.now(), o.source.clone()) {
        Ok(x) => x,
        Err(e) => return Ok(Err(Refused::Denied(e.to_string()))),
    };
    svc.stage_item(ch, &next)?;
    ch.push_audit(&svc.store, next.id, &record)?;
    refresh_card(svc, ch, next.id.0, &next.chat_id.0)?;
    Ok(Ok(Acted {
        before: item,
        after: next,
        actor: actor.person,
    }))
}

/// The item if the origin may see it: a click is on the item's own card; in a group, items of
/// that group; in a 1:1 chat, items the sender takes part in (or any, for an admin).
pub(crate) fn visible(svc: &Service, o: &Origin, id: ItemId) -> Result<Option<Item>, StoreError> {
    let Some(item) = svc.store.get_item(id)? else {
        return Ok(None);
    };
    let who = &o.who.open_id;
    let ok = match o.via {
        Via::Card { .. } | Via::System => true,
        Via::Message { p2p: true } => {
            &item.creator.open_id == who
                || &item.owner.open_id == who
                || item.assistants.iter().any(|a| &a.open_id == who)
                || svc.policy.admins.contains(who)
        }
        Via::Message { p2p: false } => item.chat_id == o.chat,
    };
    Ok(ok.then_some(item))
}

/// A person with the best name known: from the item's roles, else `fallback` (this message's
/// sender or the clicker as named), else the open_id alone.
pub(crate) fn person_on_item(open_id: &str, item: &Item, fallback: Option<&Person>) -> Person {
    let all = std::iter::once(&item.creator)
        .chain(std::iter::once(&item.owner))
        .chain(item.assistants.iter());
    if let Some(p) = all
        .into_iter()
        .find(|p| p.open_id.0 == open_id && !p.name.is_empty())
    {
        return p.clone();
    }
    fallback.cloned().unwrap_or_else(|| Person {
        open_id: OpenId(open_id.to_owned()),
        name: String::new(),
    })
}

/// Records a new item: the item, its first reminder and mirror row, and its creation record
/// (with `note`). Its card is queued separately ([`post_card`]), after whatever the caller
/// links to it first.
///
/// # Errors
/// sled errors.
pub(crate) fn record_new(
    svc: &Service,
    ch: &mut Changes,
    new: NewItem,
    source: Source,
    note: Option<String>,
) -> Result<Item, StoreError> {
    let id = ch.next_item_id(&svc.store)?;
    let item = Item::create(id, new, svc.clock.now());
    let mut record = item.creation_record(source);
    if note.is_some() {
        record.note = note;
    }
    ch.put_new_item(&svc.store, &item)?;
    svc.file_new_item(ch, &item)?;
    svc.stage_new_item(ch, &item)?;
    ch.push_audit(&svc.store, item.id, &record)?;
    Ok(item)
}

/// Queues a new item's live card: a reply to `reply_to` when given, else posted in its group.
///
/// # Errors
/// sled errors.
pub(crate) fn post_card(
    svc: &Service,
    ch: &mut Changes,
    item: &Item,
    reply_to: Option<&str>,
    uuid_key: &str,
) -> Result<(), StoreError> {
    let intent = Intent::PostItemCard {
        item: item.id.0,
        chat_id: item.chat_id.0.clone(),
        reply_to: reply_to.map(str::to_owned),
        uuid: feishu_uuid(&format!("card:{}:{uuid_key}", item.id.0)),
    };
    ch.outbox_push(
        &svc.store,
        &OutboxRecord::new(intent, Some(item.chat_id.0.clone())),
    )?;
    Ok(())
}
