//! A submission (`/需求 新建` or the form card): the requirement recorded, its triage card
//! routed to the managers, and the submitter answered with where it went.

use super::super::Service;
use super::super::origin::Origin;
use super::super::watched::watch;
use super::triage::managers;
use crate::card::requirement::requirement_submitted_card;
use crate::command::NewReq;
use crate::domain::requirement::{NewRequirement, Requirement, who_triages};
use crate::feishu::{Outgoing, feishu_uuid};
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

/// Records a submission and sends the triage card to the managers (see `routed` below);
/// returns the requirement and where its triage card went, in words for the submitter.
pub(crate) fn submit(
    svc: &Service,
    ch: &mut Changes,
    new: NewReq,
    o: &Origin,
) -> Result<(Requirement, String), StoreError> {
    let id = ch.next_requirement_id(&svc.store)?;
    let r = Requirement::create(
        id,
        NewRequirement {
            chat_id: o.chat.clone(),
            title: new.title,
            unit: new.unit,
            scenario: new.scenario,
            expected: new.expected,
            priority: new.priority,
            contact: new.contact,
            description: new.description,
            submitter: o.who.clone(),
        },
        svc.clock.now(),
    );
    let org_unit = svc.unit_of_chat(&o.chat).or_else(|| {
        let named = r.unit.as_deref()?;
        svc.unit_registry().find(named).ok().map(|u| u.name.clone())
    });
    let r = r.in_unit(org_unit);
    ch.put_new_requirement(&svc.store, &r);
    ch.push_watched_audit(
        &svc.store,
        Watched::Requirement(id),
        &r.creation_record(o.source.clone()),
    )?;
    watch(svc, ch, &r)?;
    let key = o.reply_to.clone().unwrap_or_else(|| format!("{}", id.0));
    let managers = managers(svc);
    // Where the triage card goes: the manager chat; else each manager 1:1 (never the
    // submitting branch's own group); nowhere while no manager is configured.
    let routed = match &svc.cfg.requirements.manager_chat {
        Some(chat) if *chat == o.chat.0 => {
            // Submitted in the managers' own chat: the triage card answers the command.
            let intent = Intent::PostRequirementCard {
                req: id.0,
                chat_id: chat.clone(),
                reply_to: o.reply_to.clone(),
                uuid: feishu_uuid(&format!("rcard:{}:{key}", id.0)),
                to_user: false,
            };
            ch.outbox_push(&svc.store, &OutboxRecord::new(intent, Some(chat.clone())))?;
            return Ok((r, "需求管理员请在本群的受理卡片上处理。".to_owned()));
        }
        Some(chat) => {
            let intent = Intent::PostRequirementCard {
                req: id.0,
                chat_id: chat.clone(),
                reply_to: None,
                uuid: feishu_uuid(&format!("rcard:{}:{key}", id.0)),
                to_user: false,
            };
            ch.outbox_push(&svc.store, &OutboxRecord::new(intent, Some(chat.clone())))?;
            format!("已转给{}受理，受理结果会在本群通知。", who_triages(&managers))
        }
        None if managers.is_empty() => "还没有配置需求管理员，暂时无人受理：请系统管理员在配置文件的 \
             [requirements] managers 中填写需求管理员，配置后可用「/需求 列表 待受理」查看。"
            .to_owned(),
        None => {
            for m in &managers {
                let intent = Intent::PostRequirementCard {
                    req: id.0,
                    chat_id: m.open_id.0.clone(),
                    reply_to: None,
                    uuid: feishu_uuid(&format!("rcard:{}:{key}:{}", id.0, m.open_id)),
                    to_user: true,
                };
                ch.outbox_push(&svc.store, &OutboxRecord::new(intent, None))?;
            }
            format!("已单独发给{}受理，受理结果会在本群通知。", who_triages(&managers))
        }
    };
    // A command is answered with the submitted card; a submission by form is not: the
    // form itself turns into that card (the click's answer), so it shows once.
    if let Some(mid) = &o.reply_to {
        let c = requirement_submitted_card(&r, &routed, svc.clock.now());
        let uuid = feishu_uuid(&format!("rsubmitted:{}:{key}", id.0));
        let out = Outgoing::reply_card(mid, Some(&o.chat.0), &c, &uuid);
        ch.outbox_push(&svc.store, &OutboxRecord::message(out))?;
    }
    Ok((r, routed))
}
