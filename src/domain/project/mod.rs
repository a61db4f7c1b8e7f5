//! Projects (pure): a work package moving through a pipeline of stages (需求对接 → 产品设计 →
//! 开发评审 → 测试升级 → 效果反馈 by default), with an owner, per-stage owners and planned dates,
//! and linked 督办 items and requirements.
//!
//! [`Project::apply`] is the only way a project changes; it returns the new project and its
//! [`AuditRecord`]. Who may do what:
//!
//! | action | who | when |
//! | --- | --- | --- |
//! | 计划 (plan a stage) | project owner or creator, admin; a stage's own owner for its own date | active, stage not finished |
//! | 推进 (advance) | current stage's owner, project owner or creator, admin | active |
//! | 退回 (roll back, reason required) | project owner or creator, admin | active past the first stage, or done |
//! | 关联 / 取消关联 (link items) | project owner or creator, any stage owner, admin | not cancelled |
//! | 改名 (rename) | project owner or creator, admin | not cancelled |
//! | 取消 (cancel) | project owner or creator, admin | active |
//!
//! The creator (who sent `/项目 新建`, or the manager whose 受理 made the project) has the
//! owner's rights, as an item's 督办人 has.
//!
//! Stage status is derived, never stored: stages before `current` are done, `current` is the
//! current one (done too once the project is done), later ones pending.
//!
//! Invariants (checked by property tests): `current < stages.len()`; every stage before
//! `current` has `started_at` and `finished_at`; every stage after it has neither; the current
//! stage has `started_at`, and `finished_at` exactly when the project is done.

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError, DayRule};
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::deadline::Deadline;
use crate::domain::ids::{ChatId, ItemId, OpenId, Person, ProjectId, RequirementId};
use crate::domain::supervision::{Actor, Policy};
use crate::domain::time::{format_datetime, local};

/// The stage names of a pipeline, from configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageTemplate {
    /// The template's name, as typed in `/项目 新建 … <模板>` (`默认`).
    pub name: String,
    /// Stage names, in order (at least one).
    pub stages: Vec<String>,
}

impl StageTemplate {
    /// The name of the default template.
    pub const DEFAULT_NAME: &'static str = "默认";

    /// 需求对接 → 产品设计 → 开发评审 → 测试升级 → 效果反馈, named `默认`.
    pub fn default_five() -> Self {
        Self {
            name: Self::DEFAULT_NAME.to_owned(),
            stages: ["需求对接", "产品设计", "开发评审", "测试升级", "效果反馈"]
                .into_iter()
                .map(str::to_owned)
                .collect(),
        }
    }

    /// The template called `name` among `templates` (exact match, then ASCII case-insensitive).
    pub fn find<'a>(templates: &'a [Self], name: &str) -> Option<&'a Self> {
        let name = name.trim();
        templates
            .iter()
            .find(|t| t.name == name)
            .or_else(|| templates.iter().find(|t| t.name.eq_ignore_ascii_case(name)))
    }
}

/// A project's stored status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    /// 进行中
    Active,
    /// 已完成 (the last stage was confirmed)
    Done,
    /// 已取消
    Cancelled,
}

impl ProjectStatus {
    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Active => "进行中",
            Self::Done => "已完成",
            Self::Cancelled => "已取消",
        }
    }
}

/// One stage of a project's pipeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    /// The stage's name (`产品设计`).
    pub name: String,
    /// Who answers for the stage, once planned.
    pub owner: Option<Person>,
    /// The planned end.
    pub planned_end: Option<Timestamp>,
    /// Whether the planned end carries a clock time (else it is that day's 18:00).
    #[serde(default)]
    pub planned_has_time: bool,
    /// When the stage became current (the latest time, after a rollback).
    pub started_at: Option<Timestamp>,
    /// When the stage was confirmed.
    pub finished_at: Option<Timestamp>,
}

/// A stage's derived status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageState {
    /// 已完成 ✓
    Done,
    /// 当前 ▶
    Current,
    /// 未开始 ○
    Pending,
}

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

/// Something a person does to a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectAction {
    /// 计划: set a stage's owner and/or planned end.
    Plan {
        /// The stage: its name or its 1-based number.
        stage: String,
        /// The new owner.
        owner: Option<Person>,
        /// The new planned end.
        planned_end: Option<Deadline>,
    },
    /// 推进: confirm the current stage and move to the next (or complete the project).
    Advance {
        /// A remark.
        note: Option<String>,
    },
    /// 退回: back to the previous stage (or reopen the last stage of a done project).
    Rollback {
        /// Why (required).
        reason: String,
    },
    /// 关联: link a 督办 item.
    LinkItem(ItemId),
    /// 取消关联: unlink a 督办 item.
    UnlinkItem(ItemId),
    /// 改名.
    Rename(String),
    /// 取消.
    Cancel {
        /// Why.
        reason: Option<String>,
    },
}

/// A [`ProjectAction`] without its arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProjectActionKind {
    /// 计划
    Plan,
    /// 推进
    Advance,
    /// 退回
    Rollback,
    /// 关联
    LinkItem,
    /// 取消关联
    UnlinkItem,
    /// 改名
    Rename,
    /// 取消
    Cancel,
}

impl ProjectActionKind {
    /// Every kind.
    pub const ALL: [Self; 7] = [
        Self::Plan,
        Self::Advance,
        Self::Rollback,
        Self::LinkItem,
        Self::UnlinkItem,
        Self::Rename,
        Self::Cancel,
    ];

    /// The stable key used in audit records (`p_advance` …).
    pub fn key(self) -> &'static str {
        match self {
            Self::Plan => "p_plan",
            Self::Advance => "p_advance",
            Self::Rollback => "p_rollback",
            Self::LinkItem => "p_link",
            Self::UnlinkItem => "p_unlink",
            Self::Rename => "p_rename",
            Self::Cancel => "p_cancel",
        }
    }

    /// The Chinese verb.
    pub fn label(self) -> &'static str {
        match self {
            Self::Plan => "更新阶段计划",
            Self::Advance => "推进",
            Self::Rollback => "退回",
            Self::LinkItem => "关联事项",
            Self::UnlinkItem => "取消关联",
            Self::Rename => "修改名称",
            Self::Cancel => "取消项目",
        }
    }
}

impl ProjectAction {
    /// The kind.
    pub fn kind(&self) -> ProjectActionKind {
        match self {
            Self::Plan { .. } => ProjectActionKind::Plan,
            Self::Advance { .. } => ProjectActionKind::Advance,
            Self::Rollback { .. } => ProjectActionKind::Rollback,
            Self::LinkItem(_) => ProjectActionKind::LinkItem,
            Self::UnlinkItem(_) => ProjectActionKind::UnlinkItem,
            Self::Rename(_) => ProjectActionKind::Rename,
            Self::Cancel { .. } => ProjectActionKind::Cancel,
        }
    }
}

/// Why a project action was refused. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProjectError {
    /// The project is done or cancelled.
    #[error("项目{}，不能再{}", .status.label(), .action.label())]
    Closed {
        /// The refused action.
        action: ProjectActionKind,
        /// The project's status.
        status: ProjectStatus,
    },
    /// The actor may not do this.
    #[error("只有{who}可以{}", .action.label())]
    Forbidden {
        /// The refused action.
        action: ProjectActionKind,
        /// Who may, named.
        who: String,
    },
    /// 退回 on the first stage.
    #[error("项目还在第一个阶段（{stage}），无法再退回")]
    AtFirstStage {
        /// The first stage's name.
        stage: String,
    },
    /// 退回 without a reason.
    #[error("退回时请写明原因，例如：/项目 退回 XM-3 需求口径有变化")]
    MissingReason,
    /// No such stage.
    #[error("项目里没有“{input}”这个阶段，可选：{choices}")]
    UnknownStage {
        /// What was typed.
        input: String,
        /// The stages, numbered.
        choices: String,
    },
    /// Planning a stage that is already finished.
    #[error("“{stage}”阶段已经完成，不能再修改计划")]
    StageFinished {
        /// The stage's name.
        stage: String,
    },
    /// 计划 without an owner or a date.
    #[error("请写明阶段负责人（@某人）或计划完成时间，例如：/项目 计划 XM-3 产品设计 @李四 12月10日")]
    NothingToPlan,
    /// Linking an item twice.
    #[error("{item}已经关联到这个项目了")]
    AlreadyLinked {
        /// The item.
        item: ItemId,
    },
    /// Unlinking an item that is not linked.
    #[error("{item}没有关联到这个项目")]
    NotLinked {
        /// The item.
        item: ItemId,
    },
    /// A blank name, or one over the limit.
    #[error("项目名称不能为空，且最多{MAX_NAME_CHARS}个字")]
    BadName,
}

/// The longest project name, in characters.
pub const MAX_NAME_CHARS: usize = 100;

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
        }
    }

    /// The same project, created by `creator` (who is recorded as the creation's actor).
    #[must_use]
    pub fn created_by(mut self, creator: Person) -> Self {
        self.creator = Some(creator);
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

    /// Whether `who` owns the project.
    pub fn is_owner(&self, who: &OpenId) -> bool {
        self.owner.open_id == *who
    }

    /// Whether `who` created the project.
    pub fn is_creator(&self, who: &OpenId) -> bool {
        self.creator.as_ref().is_some_and(|c| c.open_id == *who)
    }

    /// `项目负责人（张三）、发起人（赵督办）[、extra]或管理员`: who may do what the owner may.
    fn owners_or_admin(&self, extra: Option<&str>) -> String {
        let mut who = vec![format!("项目负责人（{}）", self.owner.name)];
        match &self.creator {
            Some(c) if c.open_id != self.owner.open_id && !c.name.is_empty() => {
                who.push(format!("发起人（{}）", c.name));
            }
            Some(c) if c.open_id != self.owner.open_id => who.push("项目发起人".to_owned()),
            Some(_) | None => {}
        }
        who.extend(extra.map(str::to_owned));
        format!("{}或管理员", who.join("、"))
    }

    /// Whether `who` owns any stage.
    pub fn is_stage_owner(&self, who: &OpenId) -> bool {
        self.stages
            .iter()
            .any(|s| s.owner.as_ref().is_some_and(|o| o.open_id == *who))
    }

    /// Whether `who` owns the current stage.
    pub fn is_current_stage_owner(&self, who: &OpenId) -> bool {
        self.current_stage()
            .and_then(|s| s.owner.as_ref())
            .is_some_and(|o| o.open_id == *who)
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

    fn stage_name(&self, i: usize) -> String {
        self.stages.get(i).map(|s| s.name.clone()).unwrap_or_default()
    }

    /// Performs `action` by `actor` at `now`; `policy.admins` may do everything.
    ///
    /// # Errors
    /// A [`ProjectError`] when the project's status does not allow it, the actor may not do it,
    /// or its arguments are invalid; the project is then unchanged.
    pub fn apply(
        &self,
        action: ProjectAction,
        actor: &Actor,
        policy: &Policy,
        now: Timestamp,
        source: Source,
    ) -> Result<(Self, AuditRecord), ProjectError> {
        let kind = action.kind();
        let who = &actor.person.open_id;
        let admin = policy.admins.contains(who);
        // The creator may do what the owner may (like an item's 督办人).
        let owner = self.is_owner(who) || self.is_creator(who);
        let closed = ProjectError::Closed {
            action: kind,
            status: self.status,
        };
        let forbidden = |who: String| ProjectError::Forbidden { action: kind, who };
        let owner_or_admin = self.owners_or_admin(None);
        let mut next = self.clone();
        let mut note = None;
        match action {
            ProjectAction::Plan {
                stage,
                owner: new_owner,
                planned_end,
            } => {
                if self.status != ProjectStatus::Active {
                    return Err(closed);
                }
                let i = self.find_stage(&stage)?;
                let Some(st) = next.stages.get_mut(i) else {
                    return Err(ProjectError::NothingToPlan);
                };
                let own_stage = st.owner.as_ref().is_some_and(|o| o.open_id == *who);
                let allowed = admin || owner || (own_stage && new_owner.is_none());
                if !allowed {
                    return Err(forbidden(format!(
                        "{owner_or_admin}（阶段负责人可调整本阶段的计划时间）"
                    )));
                }
                if self.stage_state(i) == StageState::Done {
                    return Err(ProjectError::StageFinished {
                        stage: st.name.clone(),
                    });
                }
                if new_owner.is_none() && planned_end.is_none() {
                    return Err(ProjectError::NothingToPlan);
                }
                if let Some(o) = new_owner {
                    st.owner = Some(o);
                }
                if let Some(d) = planned_end {
                    st.planned_end = Some(d.at);
                    st.planned_has_time = d.has_time;
                }
            }
            ProjectAction::Advance { note: n } => {
                if self.status != ProjectStatus::Active {
                    return Err(closed);
                }
                if !(admin || owner || self.is_current_stage_owner(who)) {
                    let stage_owner = self
                        .current_stage()
                        .and_then(|s| s.owner.as_ref())
                        .map(|o| format!("当前阶段负责人（{}）、", o.name))
                        .unwrap_or_default();
                    return Err(forbidden(format!("{stage_owner}{owner_or_admin}")));
                }
                if let Some(cur) = next.stages.get_mut(self.current) {
                    cur.finished_at = Some(now);
                }
                if self.current + 1 < self.stages.len() {
                    next.current += 1;
                    if let Some(st) = next.stages.get_mut(next.current) {
                        st.started_at = Some(now);
                        st.finished_at = None;
                    }
                } else {
                    next.status = ProjectStatus::Done;
                }
                next.last_moved_at = now;
                next.last_rollback = None;
                note = opt_text(n);
            }
            ProjectAction::Rollback { reason } => {
                if self.status == ProjectStatus::Cancelled {
                    return Err(closed);
                }
                if !(admin || owner) {
                    return Err(forbidden(owner_or_admin));
                }
                let Some(reason) = opt_text(Some(reason)) else {
                    return Err(ProjectError::MissingReason);
                };
                if self.status == ProjectStatus::Done {
                    next.status = ProjectStatus::Active;
                } else if self.current == 0 {
                    return Err(ProjectError::AtFirstStage {
                        stage: self.stage_name(0),
                    });
                } else {
                    if let Some(cur) = next.stages.get_mut(self.current) {
                        cur.started_at = None;
                        cur.finished_at = None;
                    }
                    next.current -= 1;
                }
                if let Some(st) = next.stages.get_mut(next.current) {
                    st.finished_at = None;
                    st.started_at = Some(now);
                }
                next.last_moved_at = now;
                next.last_rollback = Some(Rollback {
                    reason: reason.clone(),
                    by: actor.person.clone(),
                    at: now,
                    from_stage: self.stage_name(self.current),
                });
                note = Some(reason);
            }
            ProjectAction::LinkItem(item) | ProjectAction::UnlinkItem(item) => {
                if self.status == ProjectStatus::Cancelled {
                    return Err(closed);
                }
                if !(admin || owner || self.is_stage_owner(who)) {
                    return Err(forbidden(self.owners_or_admin(Some("阶段负责人"))));
                }
                let linked = self.items.contains(&item);
                if kind == ProjectActionKind::LinkItem {
                    if linked {
                        return Err(ProjectError::AlreadyLinked { item });
                    }
                    next.items.push(item);
                } else {
                    if !linked {
                        return Err(ProjectError::NotLinked { item });
                    }
                    next.items.retain(|i| *i != item);
                }
            }
            ProjectAction::Rename(name) => {
                if self.status == ProjectStatus::Cancelled {
                    return Err(closed);
                }
                if !(admin || owner) {
                    return Err(forbidden(owner_or_admin));
                }
                let name = name.trim();
                if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
                    return Err(ProjectError::BadName);
                }
                name.clone_into(&mut next.name);
            }
            ProjectAction::Cancel { reason } => {
                if self.status != ProjectStatus::Active {
                    return Err(closed);
                }
                if !(admin || owner) {
                    return Err(forbidden(owner_or_admin));
                }
                next.status = ProjectStatus::Cancelled;
                note = opt_text(reason);
            }
        }
        next.updated_at = now;
        next.version = self.version.saturating_add(1);
        let record = AuditRecord {
            at: now,
            actor: actor.person.clone(),
            action: kind.key().to_owned(),
            source,
            changes: self.diff(&next, now),
            note,
        };
        Ok((next, record))
    }

    /// The user-visible changes from `self` to `next`.
    fn diff(&self, next: &Self, now: Timestamp) -> Vec<Change> {
        let mut out = Vec::new();
        if self.status != next.status {
            out.push(Change::new("status", self.status.label(), next.status.label()));
        }
        if self.current != next.current {
            out.push(Change::new(
                "stage",
                self.stage_name(self.current),
                next.stage_name(next.current),
            ));
        }
        for (a, b) in self.stages.iter().zip(&next.stages) {
            if a.owner != b.owner {
                let name = |p: &Option<Person>| p.as_ref().map(|p| p.name.clone()).unwrap_or_default();
                out.push(Change::new(
                    "stage_owner",
                    format!("{}：{}", a.name, name(&a.owner)),
                    format!("{}：{}", b.name, name(&b.owner)),
                ));
            }
            if a.planned_end != b.planned_end {
                let when = |t: Option<Timestamp>| t.map(|t| format_datetime(t, now)).unwrap_or_default();
                out.push(Change::new(
                    "planned_end",
                    format!("{}：{}", a.name, when(a.planned_end)),
                    format!("{}：{}", b.name, when(b.planned_end)),
                ));
            }
        }
        if self.items != next.items {
            out.push(Change::new("items", ids(&self.items), ids(&next.items)));
        }
        if self.name != next.name {
            out.push(Change::new("name", &self.name, &next.name));
        }
        out
    }
}

impl fmt::Display for StageState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Done => "已完成",
            Self::Current => "进行中",
            Self::Pending => "未开始",
        })
    }
}

fn ids(items: &[ItemId]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("、")
}

fn opt_text(s: Option<String>) -> Option<String> {
    s.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
