//! `/督办 考评 …`, `/督办 标杆 …`, `/督办 负面 …` (issue 18): the 考评 pack of a person, its
//! export, its push into Feishu Performance, and the 标杆 / 负面 records. 1:1 chats only;
//! who may see what is [`crate::domain::appraisal::Access`]. A refusal never tells whether
//! anything exists: the same words whoever is asked about.
//!
//! - `mod.rs`: the dispatch and the pack's card;
//! - `pack`: the refusal words, the access rules, the pack's facts, the OKR alignment's plug;
//! - `records`: recording and commenting on behaviour records;
//! - `export`: the xlsx (a summary sheet and one sheet per person);
//! - `push`: the Feishu Performance push (unconfirmed endpoint, behind `[performance] push`).

mod export;
mod pack;
mod push;
mod records;

use super::Service;
use super::origin::Origin;
use super::reply::Replies;
use crate::card;
use crate::command::{AppraisalCmd, BehaviourCmd};
use crate::domain::appraisal::Window;
use crate::domain::ids::Person;

use self::pack::{NOT_ALLOWED, pack_of};
use crate::feishu::event::MessageEvent;
use crate::store::StoreError;
use crate::store::outbox::Changes;

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
    let all = svc.store.all_items()?;
    let who = match person {
        None => o.who.clone(),
        Some(p) => {
            let name = p.name.clone();
            match self::pack::resolve(svc, p, &all) {
                Some(p) => p,
                // Someone who may see nobody else's pack learns nothing, not even whether the name is known.
                None if !svc.appraisal_access().is_manager(&o.who.open_id) => {
                    let e =
                        card::error_card("不能查看他人的考评材料", NOT_ALLOWED, Some("/督办 考评 本季度"));
                    return replies.card(svc, ch, &e);
                }
                None => {
                    let e = self::pack::unknown_name(&name, "/督办 考评 本季度 @张三");
                    return replies.card(svc, ch, &e);
                }
            }
        }
    };
    if !svc.appraisal_access().may_see(&o.who.open_id, &who.open_id) {
        let e = card::error_card("不能查看他人的考评材料", NOT_ALLOWED, Some("/督办 考评 本季度"));
        return replies.card(svc, ch, &e);
    }
    let p = pack_of(svc, &who, window, &all)?;
    replies.card(svc, ch, &card::appraisal::pack_card(&p, svc.clock.now()))
}
