//! What the 考评 commands share: the refusal words, the access rules, the pack of a person
//! (its facts gathered from the store) and the OKR alignment's plug.

use std::collections::HashMap;

use super::super::Service;
use crate::domain::appraisal::{Access, AlignedOkr, ItemFacts, Pack, Window, pack};
use crate::domain::ids::{ItemId, OpenId, Person};
use crate::domain::schedule::overdue_chases;
use crate::domain::supervision::Item;
use crate::store::StoreError;

/// The refusal for someone else's pack or records: the same whether or not anything exists.
pub(crate) const NOT_ALLOWED: &str =
    "考评材料和标杆/负面记录仅本人、其上级和管理员可以查看。如需查看，请联系管理员在配置中登记上级关系。";

impl Service {
    /// The access rules of the 考评 commands.
    pub(crate) fn appraisal_access(&self) -> Access {
        Access {
            leaders: self.cfg.appraisal.appraisal.leaders.clone(),
            admins: self.policy.admins.clone(),
        }
    }
}

/// The pack of `who` over `window`, from `all` (every item: one read serves many people).
pub(crate) fn pack_of(svc: &Service, who: &Person, window: Window, all: &[Item]) -> Result<Pack, StoreError> {
    let now = svc.clock.now();
    let owned: Vec<Item> = all
        .iter()
        .filter(|i| i.owner.open_id == who.open_id)
        .cloned()
        .collect();
    let mut facts = Vec::with_capacity(owned.len());
    for item in &owned {
        facts.push(ItemFacts {
            audit: svc.store.audit_of(item.id)?,
            overdue_chases: overdue_chases(&svc.store.nudge_state(item.id)?),
            batch: svc.store.batch_of_item(item.id)?,
            item: item.clone(),
        });
    }
    let aligned: HashMap<ItemId, AlignedOkr> = owned
        .iter()
        .filter_map(|item| Some((item.id, AlignedOkr::of(item)?)))
        .collect();
    let records = svc.store.behaviour_records_of(&who.open_id)?;
    let mut person = who.clone();
    if person.name.is_empty() {
        person.name = owned
            .last()
            .map(|i| i.owner.name.clone())
            .filter(|n| !n.is_empty())
            .or_else(|| records.last().map(|r| r.subject.name.clone()))
            .unwrap_or_else(|| svc.known_person(&who.open_id.0).name);
    }
    Ok(pack(
        &person,
        window,
        &facts,
        &aligned,
        &records,
        now,
        &svc.calendar,
    ))
}

/// The person behind `id` with the best name the items and records know.
pub(crate) fn person_named(svc: &Service, id: &OpenId, all: &[Item]) -> Person {
    let from_items = all.iter().rev().find_map(|i| {
        std::iter::once(&i.owner)
            .chain(std::iter::once(&i.creator))
            .chain(i.assistants.iter())
            .find(|p| &p.open_id == id && !p.name.is_empty())
            .cloned()
    });
    from_items.unwrap_or_else(|| svc.known_person(&id.0))
}

/// `p` as typed: a mention as it is; a bare name (no open_id) resolved to the one person of
/// that name the items or learned names know (`None`: nobody, or several).
pub(crate) fn resolve(svc: &Service, p: Person, all: &[Item]) -> Option<Person> {
    if !p.open_id.0.is_empty() {
        return Some(p);
    }
    let mut ids: Vec<OpenId> = all
        .iter()
        .flat_map(|i| {
            std::iter::once(&i.owner)
                .chain(std::iter::once(&i.creator))
                .chain(i.assistants.iter())
        })
        .filter(|q| q.name == p.name)
        .map(|q| q.open_id.clone())
        .collect();
    {
        let g = svc
            .people
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        ids.extend(
            g.names
                .iter()
                .filter(|(_, n)| **n == p.name)
                .map(|(id, _)| OpenId(id.clone())),
        );
    }
    ids.sort();
    ids.dedup();
    match ids.as_slice() {
        [one] => Some(Person {
            open_id: one.clone(),
            name: p.name,
        }),
        _ => None,
    }
}

/// The answer when a bare name matches nobody (or several people).
pub(crate) fn unknown_name(name: &str, example: &str) -> serde_json::Value {
    crate::card::error_card(
        &format!("没有找到“{name}”"),
        &format!(
            "没有找到唯一一位叫“{name}”的同事（可能没有参与过督办事项，或有重名）。请 @ 此人，或换用群聊里显示的姓名。"
        ),
        Some(example),
    )
}
