//! THE requirement action, for `/需求 受理 XQ-1` and the 受理 button alike: the requirement →
//! (受理 新建项目: the manager check, then the new project) → the domain transition
//! ([`Requirement::apply`], which checks who may) → the stored requirement with its audit
//! record, triage card PATCHes, SLA check and mirror row → the submitter told when the loop
//! moved. Also the managers and the triage card.

use serde_json::Value;

use super::super::Service;
use super::super::origin::Origin;
use super::super::{projects, watched};
use super::closing::loop_moved;
use crate::card::requirement::requirement_card;
use crate::domain::audit::{AuditRecord, Change};
use crate::domain::ids::{OpenId, Person, RequirementId};
use crate::domain::project::{Project, ProjectStatus, StageTemplate};
use crate::domain::requirement::{ReqAction, ReqStatus, Requirement, triage_refusal};
use crate::domain::supervision::Actor;
use crate::mirror::MirrorTable;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

/// The configured requirement managers, with the names learned so far.
pub(in crate::service) fn managers(svc: &Service) -> Vec<Person> {
    svc.req_cfg
        .managers
        .iter()
        .map(|m| svc.known_person(m))
        .collect()
}

pub(in crate::service) fn is_manager(svc: &Service, who: &OpenId) -> bool {
    svc.req_cfg.managers.contains(&who.0)
}

/// PATCHes every triage card of `r` (one per manager when they went 1:1; a card not posted
/// yet renders the latest state when it is).
pub(in crate::service) fn refresh_triage_cards(svc: &Service, ch: &mut Changes, r: RequirementId) -> Result<(), StoreError> {
    let n = svc.store.watched_cards(Watched::Requirement(r))?.len().max(1);
    for nth in 0..n {
        let rec = OutboxRecord::new(Intent::RefreshRequirementCard { req: r.0, nth }, None);
        ch.outbox_push(&svc.store, &rec)?;
    }
    Ok(())
}

pub(in crate::service) fn linked_project(svc: &Service, r: &Requirement) -> Result<Option<Project>, StoreError> {
    match r.project {
        Some(p) => svc.store.get_project(p),
        None => Ok(None),
    }
}

/// The triage card of `id` now (`None`: unknown).
pub(in crate::service) fn card_now(svc: &Service, id: RequirementId) -> Result<Option<Value>, StoreError> {
    let Some(r) = svc.store.get_requirement(id)? else {
        return Ok(None);
    };
    let p = linked_project(svc, &r)?;
    Ok(Some(requirement_card(&r, p.as_ref(), svc.clock.now())))
}

/// Stores a changed requirement with its audit record, triage card PATCH, SLA check and
/// mirror row, and tells the submitter when the loop moved.
pub(in crate::service) fn stage(
    svc: &Service,
    ch: &mut Changes,
    before: &Requirement,
    after: &Requirement,
    record: &AuditRecord,
) -> Result<(), StoreError> {
    ch.put_requirement(&svc.store, after);
    ch.push_watched_audit(&svc.store, Watched::Requirement(after.id), record)?;
    watched::watch(svc, ch, after)?;
    refresh_triage_cards(svc, ch, after.id)?;
    let bp = linked_project(svc, before)?;
    let ap = linked_project(svc, after)?;
    loop_moved(svc, ch, before, after, bp.as_ref(), ap.as_ref())
}

/// Applies a requirement action (a new project first for 受理 新建项目); `Err` carries the
/// refusal text.
pub(in crate::service) fn act(
    svc: &Service,
    ch: &mut Changes,
    id: RequirementId,
    action: Option<ReqAction>,
    new_project_owner: Option<Person>,
    o: &Origin,
) -> Result<Result<Requirement, String>, StoreError> {
    let Some(r) = svc.store.get_requirement(id)? else {
        return Ok(Err(format!("没有找到需求 {id}，请发送「/需求 列表」查看。")));
    };
    let managers = managers(svc);
    let actor = Actor {
        person: o.who.clone(),
    };
    let mut created = None;
    let action = match action {
        Some(a) => a,
        None => {
            // 受理 into a new project: check the decision first, then create the project.
            if !is_manager(svc, &o.who.open_id) {
                return Ok(Err(triage_refusal("受理", &managers).to_string()));
            }
            if !(r.status.is_open() || matches!(r.status, ReqStatus::Closed { .. })) {
                return Ok(Err(format!("需求当前为“{}”，不能受理", r.status.label())));
            }
            // Without an @-named owner, the manager who accepted leads the new project.
            let owner = new_project_owner.unwrap_or_else(|| o.who.clone());
            let t = projects::template(svc, None).unwrap_or_else(StageTemplate::default_five);
            let p = projects::create(svc, ch, o, &r.title, owner, &t)?;
            let id = p.id;
            created = Some(p);
            ReqAction::Accept { project: Some(id) }
        }
    };
    let target = match &action {
        ReqAction::Accept { project: Some(pid) } => match created.or(svc.store.get_project(*pid)?) {
            Some(p) if p.status != ProjectStatus::Active => {
                return Ok(Err(format!(
                    "项目 {pid} {}，不能再纳入需求：请关联进行中的项目，或写“新建项目”。",
                    p.status.label()
                )));
            }
            Some(p) => Some(p),
            None => return Ok(Err(format!("没有找到项目 {pid}，请检查编号。"))),
        },
        _ => None,
    };
    if let ReqAction::Merge { into } = &action
        && svc.store.get_requirement(*into)?.is_none()
    {
        return Ok(Err(format!("没有找到需求 {into}，请检查编号。")));
    }
    let project = linked_project(svc, &r)?;
    let now = svc.clock.now();
    let (next, record) = match r.apply(action, &actor, &managers, project.as_ref(), now, o.source.clone())
    {
        Ok(x) => x,
        Err(e) => return Ok(Err(e.to_string())),
    };
    ch.put_requirement(&svc.store, &next);
    if let Some(p) = target
        && !p.requirements.contains(&next.id)
    {
        let mut after = p.clone();
        after.requirements.push(next.id);
        after.updated_at = now;
        after.version = p.version.saturating_add(1);
        let rec = AuditRecord {
            at: now,
            actor: o.who.clone(),
            action: "p_link_req".to_owned(),
            source: o.source.clone(),
            changes: vec![Change::new("requirements", "", next.id.to_string())],
            note: Some(next.title.clone()),
        };
        ch.push_watched_audit(&svc.store, Watched::Project(p.id), &rec)?;
        // Not `stage_project`: the requirement's own loop change is told below, once.
        ch.put_project(&svc.store, &after);
        let refresh = OutboxRecord::new(
            Intent::RefreshProjectCard { project: p.id.0 },
            Some(p.chat_id.0.clone()),
        );
        ch.outbox_push(&svc.store, &refresh)?;
        svc.queue_mirror(ch, MirrorTable::Projects, &p.id.to_string())?;
    }
    stage(svc, ch, &r, &next, &record)?;
    Ok(Ok(next))
}

