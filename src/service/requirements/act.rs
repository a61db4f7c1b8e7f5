//! THE requirement action, for `/需求 受理 XQ-1` and the 受理 button alike: the requirement →
//! (受理 新建项目: the manager check, then the new project) → the domain transition
//! ([`Requirement::apply`], which checks who may) → the stored requirement with its audit
//! record, triage card PATCHes, SLA check and mirror row → the submitter told when the loop
//! moved. Also the managers and the triage card.

use super::super::Service;
use super::super::origin::Origin;
use super::super::projects::{create as create_project, template};
use super::super::watched::watch;
use super::closing::loop_moved;
use super::triage::{is_manager, linked_project, managers, refresh_triage_cards};
use crate::domain::audit::{AuditRecord, Change};
use crate::domain::ids::{Person, RequirementId};
use crate::domain::project::{ProjectStatus, StageTemplate};
use crate::domain::requirement::{ReqAction, ReqStatus, Requirement, triage_refusal};
use crate::domain::supervision::Actor;
use crate::mirror::MirrorTable;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

/// Stores a changed requirement with its audit record, triage card PATCH, SLA check and
/// mirror row, and tells the submitter when the loop moved.
pub(crate) fn stage(
    svc: &Service,
    ch: &mut Changes,
    before: &Requirement,
    after: &Requirement,
    record: &AuditRecord,
) -> Result<(), StoreError> {
    ch.put_requirement(&svc.store, after);
    ch.push_watched_audit(&svc.store, Watched::Requirement(after.id), record)?;
    watch(svc, ch, after)?;
    refresh_triage_cards(svc, ch, after.id)?;
    let bp = linked_project(svc, before)?;
    let ap = linked_project(svc, after)?;
    loop_moved(svc, ch, before, after, bp.as_ref(), ap.as_ref())
}

/// Applies a requirement action (a new project first for 受理 新建项目); `Err` carries the
/// refusal text.
pub(crate) fn act(
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
            let t = template(svc, None).unwrap_or_else(StageTemplate::default_five);
            let p = create_project(svc, ch, o, &r.title, owner, &t)?;
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
    let (next, record) = match r.apply(action, &actor, &managers, project.as_ref(), now, o.source.clone()) {
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
