//! `/需求 …` from a chat message: queries answered with a card, submission, and every decision
//! through the requirement [`act`] path.

use serde_json::Value;

use super::super::Service;
use super::super::origin::Origin;
use super::super::reply::{Replies, at};
use super::act::act;
use super::submit::submit;
use super::triage::{card_now, is_manager};
use crate::card;
use crate::card::requirement::{requirement_board_card, requirement_form_card};
use crate::command::{AcceptTarget, ReqCmd, ReqFilter};
use crate::domain::ids::RequirementId;
use crate::domain::requirement::{ReqAction, ReqStatus, Requirement};
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

/// `/需求 …` from a chat message.
pub(crate) fn command(
    svc: &Service,
    cmd: ReqCmd,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let now = svc.clock.now();
    let sender = &o.who;
    let (id, action, owner) = match cmd {
        ReqCmd::Help => return replies.card(svc, ch, &card::requirement::requirement_help_card()),
        ReqCmd::Form => return replies.card(svc, ch, &requirement_form_card()),
        ReqCmd::Submit(new) => {
            submit(svc, ch, new, o)?;
            return Ok(());
        }
        ReqCmd::Show(id) => {
            return match card_now(svc, id)? {
                Some(c) => {
                    let history = svc.store.audit_of_watched(Watched::Requirement(id))?;
                    replies.card(svc, ch, &card::detail::record_card(c, &history, now))
                }
                None => replies.card(svc, ch, &req_not_found(id)),
            };
        }
        ReqCmd::List(filter) => {
            let list = list(svc, filter, o)?;
            let title = match filter {
                ReqFilter::Open => "未关闭的需求",
                ReqFilter::Pending => "待受理的需求",
                ReqFilter::Mine => "我提出的需求",
                ReqFilter::All => "全部需求",
            };
            return replies.card(svc, ch, &requirement_list_card(title, &list, now));
        }
        ReqCmd::Board => {
            let all = svc.store.all_requirements()?;
            return replies.card(svc, ch, &requirement_board_card(&all, now));
        }
        ReqCmd::Accept { id, target } => match target {
            AcceptTarget::None => (id, Some(ReqAction::Accept { project: None }), None),
            AcceptTarget::Project(p) => (id, Some(ReqAction::Accept { project: Some(p) }), None),
            AcceptTarget::NewProject { owner } => (id, None, owner),
        },
        ReqCmd::Merge { id, into } => (id, Some(ReqAction::Merge { into }), None),
        ReqCmd::Reject { id, reason } => (id, Some(ReqAction::Reject { reason }), None),
        ReqCmd::AskInfo { id, what } => (id, Some(ReqAction::AskInfo { what }), None),
        ReqCmd::Supplement { id, text } => (id, Some(ReqAction::Supplement { text }), None),
    };
    let label = action.as_ref().map_or("受理", ReqAction::label);
    match act(svc, ch, id, action, owner, o)? {
        Ok(r) => {
            let text = format!(
                "{} {}「{}」已{label}，当前状态：{}。",
                at(sender),
                r.id,
                r.title,
                r.status.label()
            );
            replies.text(svc, ch, &text)
        }
        Err(text) => replies.card(svc, ch, &card::error_card("操作没有生效", &text, None)),
    }
}

fn list(svc: &Service, filter: ReqFilter, o: &Origin) -> Result<Vec<Requirement>, StoreError> {
    let is_manager = is_manager(svc, &o.who.open_id);
    let manager_chat = svc.cfg.requirements.manager_chat.as_deref() == Some(o.chat.0.as_str());
    Ok(svc
        .store
        .all_requirements()?
        .into_iter()
        // Managers (and their chat) see every requirement; a branch group sees its own.
        .filter(|r| is_manager || manager_chat || r.chat_id == o.chat || r.is_submitter(&o.who.open_id))
        .filter(|r| match filter {
            ReqFilter::Open => r.status.is_open() || r.status == ReqStatus::Accepted,
            ReqFilter::Pending => r.status.is_open(),
            ReqFilter::Mine => r.is_submitter(&o.who.open_id),
            ReqFilter::All => true,
        })
        .collect())
}

fn req_not_found(id: RequirementId) -> Value {
    card::error_card(
        "没有找到需求",
        &format!("没有找到 {id}，请检查编号，或发送「/需求 列表」查看。"),
        Some("/需求 列表"),
    )
}

/// A plain list of requirements (newest first, at most 30 rows).
fn requirement_list_card(title: &str, reqs: &[Requirement], now: jiff::Timestamp) -> Value {
    use crate::card::fmt::{card as mk, header, markdown, md_text};
    let count = format!("共{}条", reqs.len());
    let hdr = header(title, "blue", None, &[(count.as_str(), "blue")]);
    if reqs.is_empty() {
        return mk(
            hdr,
            vec![markdown("暂时没有符合条件的需求。发送 `/需求 新建` 提交需求。")],
            title,
        );
    }
    let mut lines = Vec::new();
    for r in reqs.iter().rev().take(30) {
        let unit = r
            .unit
            .as_deref()
            .map(|u| format!(" · {}", md_text(u, 20)))
            .unwrap_or_default();
        lines.push(format!(
            "- {} {} · {}{unit} · {}",
            r.id,
            md_text(&r.title, 40),
            r.status.label(),
            crate::domain::time::format_datetime(r.created_at, now)
        ));
    }
    if reqs.len() > 30 {
        lines.push(format!("……另有{}条未列出", reqs.len() - 30));
    }
    mk(hdr, vec![markdown(&lines.join("\n"))], title)
}
