//! Who triages requirements (the configured managers, named as far as known) and the triage
//! card: rendered now, and PATCHed wherever it was posted.

use serde_json::Value;

use super::super::Service;
use crate::card::requirement::requirement_card;
use crate::domain::ids::{OpenId, Person, RequirementId};
use crate::domain::project::Project;
use crate::domain::requirement::Requirement;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

/// The configured requirement managers, with the names learned so far.
pub(crate) fn managers(svc: &Service) -> Vec<Person> {
    svc.cfg
        .requirements
        .managers
        .iter()
        .map(|m| svc.known_person(m))
        .collect()
}

pub(crate) fn is_manager(svc: &Service, who: &OpenId) -> bool {
    svc.cfg.requirements.managers.contains(&who.0)
}

/// PATCHes every triage card of `r` (one per manager when they went 1:1; a card not posted
/// yet renders the latest state when it is).
pub(crate) fn refresh_triage_cards(
    svc: &Service,
    ch: &mut Changes,
    r: RequirementId,
) -> Result<(), StoreError> {
    let n = svc.store.watched_cards(Watched::Requirement(r))?.len().max(1);
    for nth in 0..n {
        let rec = OutboxRecord::new(Intent::RefreshRequirementCard { req: r.0, nth }, None);
        ch.outbox_push(&svc.store, &rec)?;
    }
    Ok(())
}

pub(crate) fn linked_project(svc: &Service, r: &Requirement) -> Result<Option<Project>, StoreError> {
    match r.project {
        Some(p) => svc.store.get_project(p),
        None => Ok(None),
    }
}

/// The triage card of `id` now (`None`: unknown).
pub(crate) fn card_now(svc: &Service, id: RequirementId) -> Result<Option<Value>, StoreError> {
    let Some(r) = svc.store.get_requirement(id)? else {
        return Ok(None);
    };
    let p = linked_project(svc, &r)?;
    Ok(Some(requirement_card(&r, p.as_ref(), svc.clock.now())))
}
