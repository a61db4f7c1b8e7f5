//! What the item flow says after an action: the chat reply to a command, the toast and the
//! group notice of a click, and the not-found card.

use serde_json::Value;

use super::super::reply::at;
use crate::card;
use crate::domain::ids::{ItemId, Person};
use crate::domain::status::Status;
use crate::domain::supervision::{Action, Item};
use crate::domain::time::format_datetime;

/// The not-found card of `/督办 … DB-n` (in a 1:1 chat: not one of the sender's items).
pub(crate) fn not_found(id: ItemId, p2p: bool) -> Value {
    let msg = if p2p {
        format!("没有找到你参与的 {id}。请检查编号，或发送「/督办 列表」查看。")
    } else {
        format!("本群没有 {id}。它可能属于其他群，请在对应的群里操作，或发送「/督办 列表」查看本群事项。")
    };
    card::error_card("没有找到事项", &msg, Some("/督办 列表"))
}

/// The chat reply after a successful command.
pub(crate) fn confirmation(before: &Item, after: &Item, actor: &Person, now: jiff::Timestamp) -> String {
    let id = after.id;
    let title = &after.title;
    match (before.status, after.status) {
        (_, Status::Cancelled) => format!("{id}「{title}」已取消。"),
        (Status::Submitted, Status::Done) => {
            format!("{} {id}「{title}」已验收通过，辛苦了！", at(&after.owner))
        }
        (Status::Submitted, Status::InProgress) => format!(
            "{} {id}「{title}」被退回：{}",
            at(&after.owner),
            after.latest_note.clone().unwrap_or_default()
        ),
        (_, Status::Submitted) => format!("{} {id}「{title}」已提交完成，请验收。", at(&after.creator)),
        (s, Status::Done) if s != Status::Done => format!("{id}「{title}」已完成。"),
        _ if before.owner.open_id != after.owner.open_id => {
            format!(
                "{} {id}「{title}」已转交给你，截止 {}。",
                at(&after.owner),
                format_datetime(after.deadline, now)
            )
        }
        _ if after.extension.is_some() && before.extension.is_none() => format!(
            "{} {} 申请将 {id}「{title}」的截止时间延至 {}，请在事项卡片上批准或拒绝。",
            at(&after.creator),
            if actor.name.is_empty() {
                "主办".to_owned()
            } else {
                actor.name.clone()
            },
            after
                .extension
                .as_ref()
                .map(|e| format_datetime(e.deadline, now))
                .unwrap_or_default()
        ),
        _ if after.nudge_count > before.nudge_count => format!(
            "{} 请尽快处理 {id}「{title}」（截止 {}）。",
            at(&after.owner),
            format_datetime(after.deadline, now)
        ),
        _ if after.progress != before.progress || after.latest_note != before.latest_note => {
            format!("已记录 {id} 的进展：{}%。", after.progress)
        }
        _ => format!("{id} 已更新。"),
    }
}

/// The toast of a successful click.
pub(crate) fn success_text(action: &Action, item: &Item) -> String {
    match action {
        Action::Acknowledge => format!("已签收 {}", item.id),
        Action::Progress { .. } => format!("进展已更新：{}%", item.progress),
        Action::Submit { .. } if item.status == Status::Done => "已完成".to_owned(),
        Action::Submit { .. } => "已提交，等待督办人验收".to_owned(),
        Action::Accept => "已验收通过".to_owned(),
        Action::Reject { .. } => "已退回".to_owned(),
        Action::RequestExtension { .. } => "延期申请已提交".to_owned(),
        Action::ApproveExtension => "已批准延期".to_owned(),
        Action::RejectExtension { .. } => "已拒绝延期".to_owned(),
        Action::Nudge => "已催办".to_owned(),
        Action::Reassign { .. } => "已转交".to_owned(),
        Action::Cancel { .. } => "已取消".to_owned(),
        Action::SetDeadline { .. } => format!(
            "截止时间已调整为{}",
            crate::domain::time::format_instant(item.deadline)
        ),
    }
}

/// A chat notice for clicks that need someone else to act.
pub(crate) fn notice_text(
    before: &Item,
    after: &Item,
    action: &Action,
    now: jiff::Timestamp,
) -> Option<String> {
    let (id, title) = (after.id, &after.title);
    match action {
        Action::Submit { .. } if after.status == Status::Submitted => Some(format!(
            "{} {id}「{title}」已提交完成，请验收。",
            at(&after.creator)
        )),
        Action::Reject { reason } => Some(format!("{} {id}「{title}」被退回：{reason}", at(&after.owner))),
        Action::RequestExtension { deadline, .. } => Some(format!(
            "{} 主办申请将 {id}「{title}」的截止时间延至 {}，请在事项卡片上批准或拒绝。",
            at(&after.creator),
            format_datetime(*deadline, now)
        )),
        Action::ApproveExtension => Some(format!(
            "{} {id} 的延期已批准，新的截止时间：{}。",
            at(&after.owner),
            format_datetime(after.deadline, now)
        )),
        Action::RejectExtension { .. } => Some(format!("{} {id} 的延期申请未获批准。", at(&after.owner))),
        Action::Nudge => Some(format!(
            "{} 请尽快处理 {id}「{title}」（截止 {}）。",
            at(&after.owner),
            format_datetime(after.deadline, now)
        )),
        Action::Reassign { to } if to.open_id != before.owner.open_id => {
            Some(format!("{} {id}「{title}」已转交给你。", at(&after.owner)))
        }
        _ => None,
    }
}
