//! The requirement intake SLA: a requirement not triaged within `sla_workdays` working days
//! nudges the managers once per working day, where its triage card went — under that card in
//! the manager chat, or to each manager 1:1.

use jiff::Timestamp;

use super::super::Service;
use super::super::reply::{Says, under_or_post};
use super::engine::{Due, Watch};
use crate::calendar::CalendarError;
use crate::domain::ids::ChatId;
use crate::domain::project_nudge::{WatchState, next_requirement_check, requirement_due_now};
use crate::domain::requirement::Requirement;
use crate::domain::schedule::ReminderPolicy;
use crate::domain::time::local;
use crate::feishu::{Outgoing, feishu_uuid};
use crate::mirror::MirrorTable;
use crate::store::StoreError;
use crate::store::projects::Watched;

impl Watch for Requirement {
    fn key(&self) -> Watched {
        Watched::Requirement(self.id)
    }

    fn chat(&self) -> &ChatId {
        &self.chat_id
    }

    fn row(&self) -> (MirrorTable, String) {
        (MirrorTable::Requirements, self.id.to_string())
    }

    fn next_check(
        &self,
        svc: &Service,
        state: &WatchState,
        now: Timestamp,
        policy: &ReminderPolicy,
    ) -> Result<Option<Timestamp>, CalendarError> {
        next_requirement_check(
            self,
            state,
            now,
            policy,
            &svc.calendar,
            svc.cfg.requirements.sla_workdays,
        )
    }

    fn due(
        &self,
        svc: &Service,
        state: &mut WatchState,
        now: Timestamp,
        policy: &ReminderPolicy,
    ) -> Result<Due, StoreError> {
        let sla = svc.cfg.requirements.sla_workdays;
        if !requirement_due_now(self, state, now, policy, &svc.calendar, sla).unwrap_or(false) {
            return Ok(Due::default());
        }
        state.nudged_on = Some(local(now).date());
        let managers: Vec<String> = svc
            .cfg
            .requirements
            .managers
            .iter()
            .map(|m| format!("<at user_id=\"{m}\"></at>"))
            .collect();
        let text = format!(
            "{} 需求 {}「{}」提交已超过{sla}个工作日，仍未受理，请尽快处理（受理 / 合并 / 驳回 / 待补充）。",
            managers.join(" "),
            self.id,
            self.title
        );
        let uuid = feishu_uuid(&format!("rsla:{}:{}", self.id.0, local(now).date()));
        // Where the triage card went: the manager chat, or each manager 1:1.
        let outs = match &svc.cfg.requirements.manager_chat {
            Some(chat) => {
                let card = svc.store.watched_card(self.key())?;
                vec![under_or_post(card.as_deref(), chat, Says::Text(&text), &uuid)]
            }
            None => svc
                .cfg
                .requirements
                .managers
                .iter()
                .map(|m| Outgoing::send_text_to_user(m, &text, &feishu_uuid(&format!("{uuid}:{m}"))))
                .collect(),
        };
        Ok(Due {
            outs,
            store_state: true,
            refresh: None,
            mirror: false,
        })
    }
}
