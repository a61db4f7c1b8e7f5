//! The project as stored: creation, its stages as they stand at `now` (late, stalled), and
//! finding a stage by what the user typed.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::error::ProjectError;
use super::stage::{Stage, StageTemplate};
use super::status::{ProjectStatus, StageState};
use crate::calendar::{Calendar, CalendarError, DayRule};
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::ids::{ChatId, ItemId, Person, ProjectId, RequirementId};
use crate::domain::time::local;

/// A project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    /// `XM-n`.
    pub id: ProjectId,
    /// The group it was created in (its card lives there).
    pub chat_id: ChatId,
    /// The name.
    pub name: String,
    /// 负责人.
    pub owner: Person,
    /// The template's name it was created from.
    pub template: String,
    /// The pipeline (never empty).
    pub stages: Vec<Stage>,
    /// Index of the current stage.
    pub current: usize,
    /// Linked 督办 items, each once.
    pub items: Vec<ItemId>,
    /// Linked requirements, each once.
    pub requirements: Vec<RequirementId>,
    /// Stored status.
    pub status: ProjectStatus,
    /// Created.
    pub created_at: Timestamp,
    /// Last change of any kind.
    pub updated_at: Timestamp,
    /// Last stage movement (creation, 推进, 退回): drives the "stalled" flag.
    pub last_moved_at: Timestamp,
    /// Incremented on every change (optimistic concurrency in the store).
    pub version: u64,
    /// Who created it (`/项目 新建` or 受理 into a new project); like an item's 督办人 they
    /// may plan, move and cancel it. `None` for projects created before it was kept.
    #[serde(default)]
    pub creator: Option<Person>,
    /// The latest 退回, shown on the card until the project is advanced again.
    #[serde(default)]
    pub last_rollback: Option<Rollback>,
    /// The registered unit (单位) it belongs to: the unit whose group it was created in,
    /// fixed at creation. `None` outside a unit's group (and for projects from before units).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_unit: Option<String>,
    /// The OKR objective or key result the project is aligned with (`/项目 对齐`); items
    /// created in the project inherit it.
    #[serde(default)]
    pub alignment: Option<crate::domain::okr::Alignment>,
}

/// A 退回 of a project: why, by whom, when, and the stage it left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rollback {
    /// The reason given.
    pub reason: String,
    /// Who rolled it back.
    pub by: Person,
    /// When.
    pub at: Timestamp,
    /// The stage it was at before (for a done project: the last stage).
    pub from_stage: String,
}
impl Project {
    /// A new active project at its first stage (started now), version 1. A template without
    /// stages falls back to [`StageTemplate::default_five`].
    pub fn create(
        id: ProjectId,
        chat: ChatId,
        name: &str,
        owner: Person,
        template: &StageTemplate,
        now: Timestamp,
    ) -> Self {
        let fallback;
        let template = if template.stages.is_empty() {
            fallback = StageTemplate::default_five();
            &fallback
        } else {
            template
        };
        let mut stages: Vec<Stage> = template
            .stages
            .iter()
            .map(|name| Stage {
                name: name.clone(),
                owner: None,
                planned_end: None,
                planned_has_time: false,
                started_at: None,
                finished_at: None,
            })
            .collect();
        if let Some(first) = stages.first_mut() {
            first.started_at = Some(now);
        }
        Self {
            id,
            chat_id: chat,
            name: name.trim().to_owned(),
            owner,
            template: template.name.clone(),
            stages,
            current: 0,
            items: Vec::new(),
            requirements: Vec::new(),
            status: ProjectStatus::Active,
            created_at: now,
            updated_at: now,
            last_moved_at: now,
            version: 1,
            creator: None,
            last_rollback: None,
            org_unit: None,
            alignment: None,
        }
    }

    /// The same project, created by `creator` (who is recorded as the creation's actor).
    #[must_use]
    pub fn created_by(mut self, creator: Person) -> Self {
        self.creator = Some(creator);
        self
    }

    /// The same project, belonging to the registered unit `unit` (when there is one).
    #[must_use]
    pub fn in_unit(mut self, unit: Option<String>) -> Self {
        self.org_unit = unit;
        self
    }

    /// The audit record of the creation.
    pub fn creation_record(&self, source: Source) -> AuditRecord {
        AuditRecord {
            at: self.created_at,
            actor: self.creator.clone().unwrap_or_else(|| self.owner.clone()),
            action: "p_create".to_owned(),
            source,
            changes: vec![Change::new("stage", "", self.stage_name(self.current))],
            note: Some(format!("模板：{}", self.template)),
        }
    }

    /// The current stage.
    pub fn current_stage(&self) -> Option<&Stage> {
        self.stages.get(self.current)
    }

    /// The derived status of stage `index`.
    pub fn stage_state(&self, index: usize) -> StageState {
        if index < self.current || (index == self.current && self.status == ProjectStatus::Done) {
            StageState::Done
        } else if index == self.current {
            StageState::Current
        } else {
            StageState::Pending
        }
    }

    /// Whether the project is active and its current stage is past its planned end.
    pub fn is_late(&self, now: Timestamp) -> bool {
        self.status == ProjectStatus::Active
            && self
                .current_stage()
                .and_then(|s| s.planned_end)
                .is_some_and(|end| end < now)
    }

    /// Indexes of the stages that missed their plan: finished after their planned end, or (for
    /// the current stage of an active project) still open past it.
    pub fn late_stages(&self, now: Timestamp) -> Vec<usize> {
        self.stages
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                let Some(end) = s.planned_end else {
                    return false;
                };
                match (self.stage_state(*i), s.finished_at) {
                    (StageState::Done, Some(done)) => done > end,
                    (StageState::Current, _) => self.status == ProjectStatus::Active && end < now,
                    (StageState::Done | StageState::Pending, _) => false,
                }
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Working days since the last stage movement (0 for a project that is not active).
    ///
    /// # Errors
    /// [`CalendarError::NoData`] when the span touches a year without calendar data.
    pub fn stalled_workdays(&self, now: Timestamp, cal: &Calendar) -> Result<u32, CalendarError> {
        if self.status != ProjectStatus::Active {
            return Ok(0);
        }
        cal.count_between(
            local(self.last_moved_at).date(),
            local(now).date(),
            DayRule::Working,
        )
    }

    /// Finds a stage by name (exact, then contained) or by 1-based number.
    ///
    /// # Errors
    /// [`ProjectError::UnknownStage`] listing the stages.
    pub fn find_stage(&self, input: &str) -> Result<usize, ProjectError> {
        let t = input.trim();
        let by_number = t
            .trim_start_matches('第')
            .trim_end_matches("阶段")
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=self.stages.len()).contains(n))
            .map(|n| n - 1);
        by_number
            .or_else(|| self.stages.iter().position(|s| s.name == t))
            .or_else(|| {
                let hits: Vec<usize> = (0..self.stages.len())
                    .filter(|i| !t.is_empty() && self.stages.get(*i).is_some_and(|s| s.name.contains(t)))
                    .collect();
                match hits.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                }
            })
            .ok_or_else(|| ProjectError::UnknownStage {
                input: t.chars().take(20).collect(),
                choices: self.stage_choices(),
            })
    }

    /// `1.需求对接 2.产品设计 …`
    pub fn stage_choices(&self) -> String {
        self.stages
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}.{}", i + 1, s.name))
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub(super) fn stage_name(&self, i: usize) -> String {
        self.stages.get(i).map(|s| s.name.clone()).unwrap_or_default()
    }
}
