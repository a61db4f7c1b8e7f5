//! `/项目 …` from a chat message: queries answered with a card, creation, and every other
//! subcommand through the project [`act`] path; and the `#XM-n` tags of a new item.

use serde_json::Value;

use super::super::Service;
use super::super::origin::Origin;
use super::super::reply::Replies;
use super::act::{act, create, open_items, template as find_template};
use super::texts::movement_text;
use crate::card;
use crate::command::{ProjectCmd, ProjectFilter};
use crate::domain::ids::{ChatId, OpenId, Person, ProjectId};
use crate::domain::project::{Project, ProjectAction, ProjectStatus, StageTemplate};
use crate::domain::supervision::Item;
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

/// `/项目 …` from a chat message.
pub(crate) fn command(
    svc: &Service,
    cmd: ProjectCmd,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let now = svc.clock.now();
    let (chat, p2p, sender) = (&o.chat, o.p2p(), &o.who);
    let (id, action) = match cmd {
        ProjectCmd::Help => return replies.card(svc, ch, &card::project::project_help_card()),
        // Routed with the OKRs fetched before the lock (intake); here nothing was fetched.
        ProjectCmd::Align { id } => return super::super::okr::align_project(svc, ch, o, id, None, replies),
        ProjectCmd::Create {
            name,
            owner,
            template,
        } => {
            let Some(t) = find_template(svc, template.as_deref()) else {
                let names: Vec<String> = svc
                    .cfg
                    .projects
                    .templates
                    .iter()
                    .map(|t| t.name.clone())
                    .collect();
                let text = format!(
                    "没有名为“{}”的项目模板。可用模板：{}",
                    template.unwrap_or_default(),
                    if names.is_empty() {
                        StageTemplate::DEFAULT_NAME.to_owned()
                    } else {
                        names.join("、")
                    }
                );
                return replies.card(svc, ch, &card::error_card("模板不存在", &text, None));
            };
            create(svc, ch, o, &name, owner, &t)?;
            return Ok(());
        }
        ProjectCmd::Show(id) => {
            let Some(p) = svc.store.get_project(id)? else {
                return replies.card(svc, ch, &project_not_found(id));
            };
            let history = svc.store.audit_of_watched(Watched::Project(id))?;
            let c =
                card::project::project_detail_card(&p, &open_items(svc, &p)?, &history, now, &svc.calendar);
            return replies.card(svc, ch, &c);
        }
        ProjectCmd::List(filter) => {
            let (title, list) = list(svc, filter, chat, p2p, &sender.open_id, now)?;
            return replies.card(svc, ch, &card::project::project_list_card(&title, &list, now));
        }
        ProjectCmd::Board { all } => {
            let (scope, list) = if all || p2p {
                ("全部门", svc.store.all_projects()?)
            } else {
                ("本群", svc.store.projects_in_chat(chat)?)
            };
            let c = card::project::project_board_card(
                &list,
                now,
                &svc.calendar,
                svc.cfg.projects.stalled_workdays,
                scope,
            );
            return replies.card(svc, ch, &c);
        }
        ProjectCmd::Plan {
            id,
            stage,
            owner,
            planned_end,
        } => (
            id,
            ProjectAction::Plan {
                stage,
                owner,
                planned_end,
            },
        ),
        ProjectCmd::Advance { id, note } => (id, ProjectAction::Advance { note }),
        ProjectCmd::Rollback { id, reason } => (id, ProjectAction::Rollback { reason }),
        ProjectCmd::Link { id, item } => {
            if svc.store.get_item(item)?.is_none() {
                let e = card::error_card("没有找到事项", &format!("没有找到 {item}，请检查编号。"), None);
                return replies.card(svc, ch, &e);
            }
            (id, ProjectAction::LinkItem(item))
        }
        ProjectCmd::Unlink { id, item } => (id, ProjectAction::UnlinkItem(item)),
        ProjectCmd::Cancel { id, reason } => (id, ProjectAction::Cancel { reason }),
    };
    match act(svc, ch, o, id, action, &svc.policy)? {
        Ok((before, after)) => replies.text(svc, ch, &movement_text(&before, &after, now)),
        Err(text) => replies.card(svc, ch, &card::error_card("操作没有生效", &text, None)),
    }
}

fn list(
    svc: &Service,
    filter: ProjectFilter,
    chat: &ChatId,
    p2p: bool,
    me: &OpenId,
    now: jiff::Timestamp,
) -> Result<(String, Vec<Project>), StoreError> {
    let mine = |p: &Project| p.is_owner(me) || p.is_creator(me) || p.is_stage_owner(me);
    let pool: Vec<Project> = if p2p {
        svc.store
            .all_projects()?
            .into_iter()
            .filter(|p| mine(p))
            .collect()
    } else {
        svc.store.projects_in_chat(chat)?
    };
    let scope = if p2p { "我参与的" } else { "本群" };
    type Keep<'k> = Box<dyn Fn(&Project) -> bool + 'k>;
    let (title, keep): (String, Keep<'_>) = match filter {
        ProjectFilter::Active => (
            format!("{scope}进行中的项目"),
            Box::new(|p: &Project| p.status == ProjectStatus::Active),
        ),
        ProjectFilter::Mine => ("我负责的项目".to_owned(), Box::new(move |p: &Project| mine(p))),
        ProjectFilter::Late => (
            format!("{scope}延期的项目"),
            Box::new(move |p: &Project| p.is_late(now)),
        ),
        ProjectFilter::All => (
            format!("{scope}全部项目（含已完成、已取消）"),
            Box::new(|_: &Project| true),
        ),
    };
    Ok((title, pool.into_iter().filter(|p| keep(p)).collect()))
}

/// Links a new 督办 item to the projects tagged `#XM-n` on its creation line. Members of
/// the project's own group may link; elsewhere the project's roles apply.
pub(crate) fn link_tagged_projects(
    svc: &Service,
    ch: &mut Changes,
    item: &Item,
    sender: &Person,
    replies: &mut Replies<'_>,
) -> Result<(), StoreError> {
    for tag in &item.tags {
        let Some(pid) = ProjectId::parse(tag) else {
            continue;
        };
        let same_group = svc
            .store
            .get_project(pid)?
            .is_some_and(|p| p.chat_id == item.chat_id);
        let mut policy = svc.policy.clone();
        if same_group {
            policy.admins.push(sender.open_id.clone());
        }
        let o = Origin::system(item.chat_id.clone(), sender.clone());
        if let Err(text) = act(svc, ch, &o, pid, ProjectAction::LinkItem(item.id), &policy)? {
            replies.text(
                svc,
                ch,
                &format!("{} 已创建，但未能关联到 {pid}：{text}", item.id),
            )?;
        }
    }
    Ok(())
}

fn project_not_found(id: ProjectId) -> Value {
    card::error_card(
        "没有找到项目",
        &format!("没有找到 {id}，请检查编号，或发送「/项目 列表」查看。"),
        Some("/项目 列表"),
    )
}
