//! `/督办 对齐 DB-n` and `/项目 对齐 XM-n`: who may is checked first, then the OKRs fetched
//! before the lock are shown as a picker card; a click on it stores the choice (audited), the
//! record's card redrawn, and the picker replaced by a receipt.

use serde_json::Value;

use super::super::Service;
use super::super::items::{not_found, person_on_item, visible};
use super::super::origin::Origin;
use super::super::projects::{person_on_project, stage_project};
use super::super::reply::{Replies, refresh_card};
use super::fetch::OkrFetched;
use crate::card::callback::okr::AlignPick;
use crate::card::okr::{AlignTarget, align_picker, aligned_card};
use crate::card::{self, ToastKind};
use crate::domain::ids::{ItemId, ProjectId};
use crate::feishu::event::CardActionEvent;
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

/// `/督办 对齐 DB-n`.
///
/// # Errors
/// sled errors.
pub(crate) fn align_item(
    svc: &Service,
    ch: &mut Changes,
    o: &Origin,
    id: ItemId,
    fetched: Option<OkrFetched>,
    replies: &mut Replies<'_>,
) -> Result<(), StoreError> {
    let Some(item) = visible(svc, o, id)? else {
        return replies.card(svc, ch, &not_found(id, o.p2p()));
    };
    let actor = person_on_item(&o.who.open_id.0, &item, Some(&o.who));
    if let Err(text) = item.may_align(&actor, &svc.policy) {
        return replies.card(svc, ch, &card::error_card("不能对齐", &text, None));
    }
    picker(
        svc,
        ch,
        replies,
        fetched,
        (AlignTarget::Item(id), item.version, &item.title),
        item.alignment.as_ref(),
    )
}

/// `/项目 对齐 XM-n`.
///
/// # Errors
/// sled errors.
pub(crate) fn align_project(
    svc: &Service,
    ch: &mut Changes,
    o: &Origin,
    id: ProjectId,
    fetched: Option<OkrFetched>,
    replies: &mut Replies<'_>,
) -> Result<(), StoreError> {
    let Some(p) = svc.store.get_project(id)? else {
        let text = format!("没有找到 {id}，请检查编号，或发送「/项目 列表」查看。");
        return replies.card(
            svc,
            ch,
            &card::error_card("没有找到项目", &text, Some("/项目 列表")),
        );
    };
    if let Err(text) = p.may_align(&o.who.open_id, &svc.policy.admins) {
        return replies.card(svc, ch, &card::error_card("不能对齐", &text, None));
    }
    picker(
        svc,
        ch,
        replies,
        fetched,
        (AlignTarget::Project(id), p.version, &p.name),
        p.alignment.as_ref(),
    )
}

/// The OKR picker for `target` (its version and title), or why it cannot be shown.
fn picker(
    svc: &Service,
    ch: &mut Changes,
    replies: &mut Replies<'_>,
    fetched: Option<OkrFetched>,
    (target, version, title): (AlignTarget, u64, &str),
    current: Option<&crate::domain::okr::Alignment>,
) -> Result<(), StoreError> {
    let Some(fetched) = fetched else {
        return replies.card(svc, ch, &unread());
    };
    match fetched.okrs {
        Err(text) => replies.card(svc, ch, &card::error_card("无法读取 OKR", &text, None)),
        Ok(okrs) => {
            let c = align_picker(target, version, title, &fetched.owner, &okrs, current);
            replies.card(svc, ch, &c)
        }
    }
}

fn unread() -> Value {
    card::error_card(
        "无法读取 OKR",
        "这次没能读取 OKR，请稍后再发一次。",
        Some("/督办 对齐 DB-12"),
    )
}

/// A click on a picker: stale pickers are refused (version check), then who may is checked
/// again and the choice stored.
///
/// # Errors
/// Storage failures (nothing is committed).
pub(crate) async fn on_align_click(
    svc: &Service,
    pick: AlignPick,
    a: &CardActionEvent,
) -> Result<Value, StoreError> {
    let o = svc.click_origin(a).await;
    let _guard = match svc.lock_fresh(a).await? {
        Ok(g) => g,
        Err(refusal) => return Ok(refusal),
    };
    let now = svc.clock.now();
    let mut ch = Changes::new();
    let (what, alignment) = match pick.target {
        AlignTarget::Item(id) => {
            let Some(item) = svc.store.get_item(id)? else {
                return Ok(card::answer(ToastKind::Error, &format!("{id} 不存在")));
            };
            let actor = person_on_item(&o.who.open_id.0, &item, Some(&o.who));
            let (next, record) = match item.align(pick.alignment, &actor, &svc.policy, now, o.source.clone())
            {
                Ok(x) => x,
                Err(text) => return Ok(card::answer(ToastKind::Error, &text)),
            };
            svc.stage_item(&mut ch, &next)?;
            ch.push_audit(&svc.store, next.id, &record)?;
            refresh_card(svc, &mut ch, next.id.0, &next.chat_id.0)?;
            (format!("{} {}", next.id, next.title), next.alignment)
        }
        AlignTarget::Project(id) => {
            let Some(p) = svc.store.get_project(id)? else {
                return Ok(card::answer(ToastKind::Error, &format!("{id} 不存在")));
            };
            let actor = person_on_project(&p, &o.who);
            let (next, record) =
                match p.align(pick.alignment, &actor, &svc.policy.admins, now, o.source.clone()) {
                    Ok(x) => x,
                    Err(text) => return Ok(card::answer(ToastKind::Error, &text)),
                };
            ch.push_watched_audit(&svc.store, Watched::Project(id), &record)?;
            stage_project(svc, &mut ch, &p, &next)?;
            (format!("{} {}", next.id, next.name), next.alignment)
        }
    };
    svc.settle(&ch).await?;
    let Some(a) = alignment else {
        return Ok(card::answer(ToastKind::Error, "对齐没有保存"));
    };
    let text = format!("已对齐：{}", a.summary());
    Ok(card::answer_with_card(
        ToastKind::Success,
        &text,
        aligned_card(&what, &a),
    ))
}
