//! Project and requirement cards rendered at send time, and the message ids their posts
//! teach.

use super::super::Service;
use super::super::projects::card_now as project_card;
use super::super::reply::{Says, under_or_post};
use super::super::requirements::card_now as requirement_card;
use crate::domain::ids::{ProjectId, RequirementId};
use crate::feishu::Outgoing;
use crate::outbox_record::Intent;
use crate::store::StoreError;
use crate::store::projects::Watched;

/// Renders project and requirement cards for the dispatcher.
pub(crate) fn materialize(svc: &Service, intent: &Intent) -> Result<Option<Outgoing>, StoreError> {
    Ok(match intent {
        Intent::PostProjectCard {
            project,
            chat_id,
            reply_to,
            uuid,
        } => {
            let Some(p) = svc.store.get_project(ProjectId(*project))? else {
                return Ok(None);
            };
            let c = project_card(svc, &p)?;
            Some(under_or_post(reply_to.as_deref(), chat_id, Says::Card(&c), uuid))
        }
        Intent::RefreshProjectCard { project } => {
            let id = ProjectId(*project);
            let (Some(p), Some(mid)) = (
                svc.store.get_project(id)?,
                svc.store.watched_card(Watched::Project(id))?,
            ) else {
                return Ok(None);
            };
            let c = project_card(svc, &p)?;
            Some(Outgoing::patch_card(&mid, Some(&p.chat_id.0), &c))
        }
        Intent::PostRequirementCard {
            req,
            chat_id,
            reply_to,
            uuid,
            to_user,
        } => {
            let Some(c) = requirement_card(svc, RequirementId(*req))? else {
                return Ok(None);
            };
            Some(if *to_user {
                Outgoing::send_card_to_user(chat_id, &c, uuid)
            } else {
                under_or_post(reply_to.as_deref(), chat_id, Says::Card(&c), uuid)
            })
        }
        Intent::RefreshRequirementCard { req, nth } => {
            let id = RequirementId(*req);
            let (Some(c), Some(mid)) = (
                requirement_card(svc, id)?,
                svc.store
                    .watched_cards(Watched::Requirement(id))?
                    .into_iter()
                    .nth(*nth),
            ) else {
                return Ok(None);
            };
            Some(Outgoing::patch_card(&mid, None, &c))
        }
        _ => None,
    })
}

/// Records a posted project or triage card's message id.
pub(crate) fn delivered(svc: &Service, intent: &Intent, mid: &str) -> Result<(), StoreError> {
    match intent {
        Intent::PostProjectCard { project, .. } => svc
            .store
            .set_watched_card(Watched::Project(ProjectId(*project)), mid),
        Intent::PostRequirementCard { req, .. } => svc
            .store
            .add_watched_card(Watched::Requirement(RequirementId(*req)), mid),
        _ => Ok(()),
    }
}
