//! Project reminders: a stage past its planned end nudges its owner; a project without
//! movement is flagged in its group (rules in [`crate::domain::project_nudge`]). Each reminder
//! goes under the project's card when it has one.

use jiff::Timestamp;

use super::super::Service;
use super::super::reply::{Says, at, under_or_post};
use super::engine::{Due, Watch};
use crate::calendar::CalendarError;
use crate::domain::ids::ChatId;
use crate::domain::project::Project;
use crate::domain::project_nudge::{
    ProjectCheck, WatchState, mark_project_sent, next_project_check, project_due_now,
};
use crate::domain::schedule::ReminderPolicy;
use crate::domain::time::format_datetime;
use crate::feishu::feishu_uuid;
use crate::mirror::MirrorTable;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::projects::Watched;

impl Watch for Project {
    fn key(&self) -> Watched {
        Watched::Project(self.id)
    }

    fn chat(&self) -> &ChatId {
        &self.chat_id
    }

    fn row(&self) -> (MirrorTable, String) {
        (MirrorTable::Projects, self.id.to_string())
    }

    fn next_check(
        &self,
        svc: &Service,
        state: &WatchState,
        now: Timestamp,
        policy: &ReminderPolicy,
    ) -> Result<Option<Timestamp>, CalendarError> {
        let stalled_after = svc.cfg.projects.stalled_workdays;
        next_project_check(self, state, now, policy, &svc.calendar, stalled_after)
    }

    fn due(
        &self,
        svc: &Service,
        state: &mut WatchState,
        now: Timestamp,
        policy: &ReminderPolicy,
    ) -> Result<Due, StoreError> {
        let stalled_after = svc.cfg.projects.stalled_workdays;
        let checks =
            project_due_now(self, state, now, policy, &svc.calendar, stalled_after).unwrap_or_else(|e| {
                tracing::warn!(project = %self.id, error.message = %e, "cannot plan project reminders");
                Vec::new()
            });
        mark_project_sent(self, state, &checks, now);
        let card = svc.store.watched_card(self.key())?;
        let outs = checks
            .iter()
            .map(|c| {
                let (text, key) = says(self, c, now);
                under_or_post(
                    card.as_deref(),
                    &self.chat_id.0,
                    Says::Text(&text),
                    &feishu_uuid(&key),
                )
            })
            .collect();
        // The card shows 延期 / 停滞 now.
        let refresh = (!checks.is_empty()).then(|| {
            OutboxRecord::new(
                Intent::RefreshProjectCard { project: self.id.0 },
                Some(self.chat_id.0.clone()),
            )
        });
        Ok(Due {
            outs,
            store_state: true,
            refresh,
            mirror: true,
        })
    }
}

/// The text of reminder `c` of `p`, and its de-duplication key.
fn says(p: &Project, c: &ProjectCheck, now: Timestamp) -> (String, String) {
    match c {
        ProjectCheck::LateStage {
            stage,
            owner,
            planned_end,
        } => {
            let name = p.stages.get(*stage).map_or("", |s| s.name.as_str());
            (
                format!(
                    "{} {}「{}」的「{name}」阶段计划 {} 完成，目前已超期，请尽快推进；如需调整计划，请发送「/项目 计划 {} {name} 新的日期」。",
                    at(owner),
                    p.id,
                    p.name,
                    format_datetime(*planned_end, now),
                    p.id
                ),
                format!(
                    "plate:{}:{stage}:{}",
                    p.id.0,
                    crate::domain::time::local(now).date()
                ),
            )
        }
        ProjectCheck::Stalled { workdays } => {
            let stage = p.current_stage();
            let owner = stage.and_then(|s| s.owner.as_ref()).unwrap_or(&p.owner);
            (
                format!(
                    "{} 请关注：{}「{}」已经{workdays}个工作日没有推进（当前阶段：{}，负责人 {}）。推进后请发送「/项目 推进 {}」。",
                    at(&p.owner),
                    p.id,
                    p.name,
                    stage.map_or("", |s| s.name.as_str()),
                    at(owner),
                    p.id
                ),
                format!(
                    "pstall:{}:{}:{workdays}",
                    p.id.0,
                    p.last_moved_at.as_millisecond()
                ),
            )
        }
    }
}
