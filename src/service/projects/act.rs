//! THE project action, for `/项目 推进 XM-1` and the 推进 button alike: the project → the
//! domain transition ([`Project::apply`], which checks who may) → audit → the stored project
//! with its card PATCH, reminder check, mirror row and the closed loop of its linked
//! requirements. Also creation, templates and the project card.

use serde_json::Value;

use super::super::Service;
use super::super::origin::Origin;
use super::super::requirements::follows_project;
use super::super::watched::watch;
use crate::card;
use crate::domain::ids::{ItemId, Person, ProjectId};
use crate::domain::project::{Project, ProjectAction, StageTemplate};
use crate::domain::supervision::{Actor, Item, Policy};
use crate::feishu::feishu_uuid;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

/// The configured template called `name` (the default one when `None`).
pub(crate) fn template(svc: &Service, name: Option<&str>) -> Option<StageTemplate> {
    let t = &svc.cfg.projects.templates;
    match name {
        Some(n) => StageTemplate::find(t, n)
            .cloned()
            .or_else(|| (n == StageTemplate::DEFAULT_NAME && t.is_empty()).then(StageTemplate::default_five)),
        None => Some(
            StageTemplate::find(t, StageTemplate::DEFAULT_NAME)
                .or_else(|| t.first())
                .cloned()
                .unwrap_or_else(StageTemplate::default_five),
        ),
    }
}

/// The open 督办 items of `p`, for its card.
pub(crate) fn open_items(svc: &Service, p: &Project) -> Result<Vec<Item>, StoreError> {
    let mut out = Vec::new();
    for id in &p.items {
        if let Some(i) = svc.store.get_item(*id)?
            && i.is_open()
        {
            out.push(i);
        }
    }
    Ok(out)
}

pub(crate) fn card_now(svc: &Service, p: &Project) -> Result<Value, StoreError> {
    Ok(card::project::project_card(
        p,
        &open_items(svc, p)?,
        svc.clock.now(),
        &svc.calendar,
    ))
}

/// Creates a project (command or 受理 新建项目) by the origin's person and queues its live
/// card in the origin's chat (under the command, when there is one).
///
/// # Errors
/// sled errors.
pub(crate) fn create(
    svc: &Service,
    ch: &mut Changes,
    o: &Origin,
    name: &str,
    owner: Person,
    template: &StageTemplate,
) -> Result<Project, StoreError> {
    let (chat, creator, source, reply_to) = (&o.chat, o.who.clone(), o.source.clone(), o.reply_to.as_deref());
    let id = ch.next_project_id(&svc.store)?;
    let p = Project::create(id, chat.clone(), name, owner, template, svc.clock.now())
        .created_by(creator)
        .in_unit(svc.unit_of_chat(chat));
    ch.put_new_project(&svc.store, &p);
    ch.push_watched_audit(&svc.store, Watched::Project(id), &p.creation_record(source))?;
    watch(svc, ch, &p)?;
    let intent = Intent::PostProjectCard {
        project: id.0,
        chat_id: chat.0.clone(),
        reply_to: reply_to.map(str::to_owned),
        uuid: feishu_uuid(&format!("pcard:{}:{}", id.0, reply_to.unwrap_or(""))),
    };
    ch.outbox_push(&svc.store, &OutboxRecord::new(intent, Some(chat.0.clone())))?;
    Ok(p)
}

/// Stores a changed project with everything that follows from it: card PATCH, reminder
/// check, mirror row, and the closed loop of its linked requirements.
pub(crate) fn stage(
    svc: &Service,
    ch: &mut Changes,
    before: &Project,
    after: &Project,
) -> Result<(), StoreError> {
    ch.put_project(&svc.store, after);
    watch(svc, ch, after)?;
    let rec = OutboxRecord::new(
        Intent::RefreshProjectCard { project: after.id.0 },
        Some(after.chat_id.0.clone()),
    );
    ch.outbox_push(&svc.store, &rec)?;
    for rid in &after.requirements {
        if let Some(r) = svc.store.get_requirement(*rid)? {
            follows_project(svc, ch, &r, before, after)?;
        }
    }
    Ok(())
}

/// Applies `action` to project `id` for origin `o` under `policy` (who counts as an admin)
/// and stages the result: `Ok((before, after))`, or the refusal text with nothing written.
///
/// # Errors
/// sled errors.
pub(crate) fn act(
    svc: &Service,
    ch: &mut Changes,
    o: &Origin,
    id: ProjectId,
    action: ProjectAction,
    policy: &Policy,
) -> Result<Result<(Project, Project), String>, StoreError> {
    let Some(p) = svc.store.get_project(id)? else {
        return Ok(Err(format!("没有找到项目 {id}，请发送「/项目 列表」查看。")));
    };
    let actor = Actor {
        person: person_on_project(&p, &o.who),
    };
    match p.apply(action, &actor, policy, svc.clock.now(), o.source.clone()) {
        Ok((next, record)) => {
            ch.push_watched_audit(&svc.store, Watched::Project(id), &record)?;
            stage(svc, ch, &p, &next)?;
            Ok(Ok((p, next)))
        }
        Err(e) => Ok(Err(e.to_string())),
    }
}

/// `who` with the best name the project knows.
pub(crate) fn person_on_project(p: &Project, who: &Person) -> Person {
    if !who.name.is_empty() {
        return who.clone();
    }
    std::iter::once(&p.owner)
        .chain(p.creator.as_ref())
        .chain(p.stages.iter().filter_map(|s| s.owner.as_ref()))
        .find(|x| x.open_id == who.open_id && !x.name.is_empty())
        .cloned()
        .unwrap_or_else(|| who.clone())
}

impl Service {
    /// The open items linked to a project (for tests and the integrator).
    ///
    /// # Errors
    /// sled errors.
    pub fn project_items(&self, id: ProjectId) -> Result<Vec<ItemId>, StoreError> {
        Ok(self.store.get_project(id)?.map(|p| p.items).unwrap_or_default())
    }
}
