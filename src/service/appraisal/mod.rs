//! `/督办 考评 …`, `/督办 标杆 …`, `/督办 负面 …` (issue 18): the 考评 pack of a person, its
//! export, its push into Feishu Performance, and the 标杆 / 负面 records. 1:1 chats only;
//! who may see what is [`crate::domain::appraisal::Access`]. A refusal never tells whether
//! anything exists: the same words whoever is asked about.
//!
//! - `mod.rs`: the dispatch, the pack (gathering the facts) and its card;
//! - `records`: recording and commenting on behaviour records;
//! - `export`: the xlsx (a summary sheet and one sheet per person);
//! - `push`: the Feishu Performance push (unconfirmed endpoint, behind `[performance] push`).

mod export;
mod push;
mod records;

use std::collections::HashMap;

use super::Service;
use super::origin::Origin;
use super::reply::Replies;
use crate::card;
use crate::command::{AppraisalCmd, BehaviourCmd};
use crate::domain::appraisal::{Access, AlignedOkr, ItemFacts, Pack, Window, pack};
use crate::domain::ids::{ItemId, OpenId, Person};
use crate::domain::schedule::overdue_chases;
use crate::domain::supervision::Item;
use crate::feishu::event::MessageEvent;
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// The refusal for someone else's pack or records: the same whether or not anything exists.
pub(super) const NOT_ALLOWED: &str =
    "考评材料和标杆/负面记录仅本人、其上级和管理员可以查看。如需查看，请联系管理员在配置中登记上级关系。";

/// The aligned OKR of each item: where the OKR alignment (issue 18, `/督办 对齐`) plugs in.
/// Until that is wired, no item is aligned and the pack shows no OKR section.
pub(crate) fn aligned_okrs(
    _svc: &Service,
    _items: &[Item],
) -> Result<HashMap<ItemId, AlignedOkr>, StoreError> {
    Ok(HashMap::new())
}

impl Service {
    /// The access rules of the 考评 commands.
    pub(super) fn appraisal_access(&self) -> Access {
        Access {
            leaders: self.cfg.appraisal.appraisal.leaders.clone(),
            admins: self.policy.admins.clone(),
        }
    }
}

/// Answers `/督办 考评 …`.
///
/// # Errors
/// sled errors.
pub(crate) fn appraisal(
    svc: &Service,
    cmd: AppraisalCmd,
    o: &Origin,
    msg: &MessageEvent,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    if !o.p2p() {
        return group_refusal(svc, "考评", "/督办 考评 本季度", replies, ch);
    }
    match cmd {
        AppraisalCmd::Show { window, person } => show(svc, window, person, o, replies, ch),
        AppraisalCmd::Export { window, unit } => {
            export::export(svc, window, unit.as_deref(), o, msg, replies, ch)
        }
        AppraisalCmd::Push { window } => push::request(svc, window, o, msg, replies, ch),
    }
}

/// Answers `/督办 标杆 …` / `/督办 负面 …`.
///
/// # Errors
/// sled errors.
pub(crate) fn behaviour(
    svc: &Service,
    cmd: BehaviourCmd,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    if !o.p2p() {
        let word = match &cmd {
            BehaviourCmd::Record { kind, .. } | BehaviourCmd::Comment { kind, .. } => kind.label(),
        };
        let example = format!("/督办 {word} @张三 B01 DB-12 说明");
        return group_refusal(svc, word, &example, replies, ch);
    }
    records::behaviour(svc, cmd, o, replies, ch)
}

/// The answer in a group: nothing about anyone, an example for the 1:1 chat.
fn group_refusal(
    svc: &Service,
    word: &str,
    example: &str,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let e = card::error_card(
        "请在与督办机器人的私聊中使用",
        &format!(
            "「{word}」涉及个人考评信息，只能在与督办机器人的私聊（单聊）中使用，不会在群里显示。请打开与机器人的单聊后发送："
        ),
        Some(example),
    );
    replies.card(svc, ch, &e)
}

/// `考评 [期间] [@某人]`.
fn show(
    svc: &Service,
    window: Window,
    person: Option<Person>,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let who = person.unwrap_or_else(|| o.who.clone());
    if !svc.appraisal_access().may_see(&o.who.open_id, &who.open_id) {
        let e = card::error_card("不能查看他人的考评材料", NOT_ALLOWED, Some("/督办 考评 本季度"));
        return replies.card(svc, ch, &e);
    }
    let all = svc.store.all_items()?;
    let p = pack_of(svc, &who, window, &all)?;
    replies.card(svc, ch, &card::appraisal::pack_card(&p, svc.clock.now()))
}

/// The pack of `who` over `window`, from `all` (every item: one read serves many people).
pub(super) fn pack_of(svc: &Service, who: &Person, window: Window, all: &[Item]) -> Result<Pack, StoreError> {
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
    let aligned = aligned_okrs(svc, &owned)?;
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
pub(super) fn person_named(svc: &Service, id: &OpenId, all: &[Item]) -> Person {
    let from_items = all.iter().rev().find_map(|i| {
        std::iter::once(&i.owner)
            .chain(std::iter::once(&i.creator))
            .chain(i.assistants.iter())
            .find(|p| &p.open_id == id && !p.name.is_empty())
            .cloned()
    });
    from_items.unwrap_or_else(|| svc.known_person(&id.0))
}
