//! Projects (pure): a work package moving through a pipeline of stages (需求对接 → 产品设计 →
//! 开发评审 → 测试升级 → 效果反馈 by default), with an owner, per-stage owners and planned dates,
//! and linked 督办 items and requirements.
//!
//! [`Project::apply`] is the only way a project changes; it returns the new project and its
//! [`AuditRecord`](crate::domain::audit::AuditRecord). Who may do what:
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
//!
//! - `status`: [`ProjectStatus`] (stored) and [`StageState`] (derived);
//! - `stage`: [`StageTemplate`] and [`Stage`];
//! - `record`: [`Project`] as stored, creation, late and stalled facts, [`Project::find_stage`];
//! - `roles`: who owns, created or runs a stage of a project;
//! - `action`: [`ProjectAction`] and [`ProjectActionKind`]; `error`: [`ProjectError`];
//! - `apply`: [`Project::apply`].

mod action;
mod align;
mod apply;
mod error;
mod record;
mod roles;
mod stage;
mod status;

pub use self::action::{ProjectAction, ProjectActionKind};
pub use self::error::{MAX_NAME_CHARS, ProjectError};
pub use self::record::{Project, Rollback};
pub use self::stage::{Stage, StageTemplate};
pub use self::status::{ProjectStatus, StageState};

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
