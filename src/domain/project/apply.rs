//! [`Project::apply`]: the one way a project changes, with the permission each action needs
//! and the audit record of what changed.

use jiff::Timestamp;

use super::action::{ProjectAction, ProjectActionKind};
use super::error::{MAX_NAME_CHARS, ProjectError};
use super::record::{Project, Rollback};
use super::status::{ProjectStatus, StageState};
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::ids::{ItemId, Person};
use crate::domain::item::{Actor, Policy};
use crate::domain::text::opt_text;
use crate::domain::time::format_datetime;

impl Project {
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

fn ids(items: &[ItemId]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("、")
}
