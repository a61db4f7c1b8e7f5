//! [`Item::apply`]: the one way an item changes. It checks the permissions table first
//! ([`Item::may`]), performs the transition and returns the new item with its [`AuditRecord`],
//! whose changes are the user-visible field differences.

use jiff::Timestamp;

use super::action::Action;
use super::error::TransitionError;
use super::policy::{Actor, Policy};
use super::record::{ExtensionRequest, Item, Rejection};
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::ids::Person;
use crate::domain::status::Status;
use crate::domain::text::opt_text;
use crate::domain::time::format_datetime;

impl Item {
    /// Performs `action` by `actor` at `now`.
    ///
    /// # Errors
    /// A [`TransitionError`] when the action does not apply in this status, the actor may not
    /// perform it, or its arguments are invalid; the item is then unchanged.
    pub fn apply(
        &self,
        action: Action,
        actor: &Actor,
        policy: &Policy,
        now: Timestamp,
        source: Source,
    ) -> Result<(Self, AuditRecord), TransitionError> {
        let kind = action.kind();
        let wrong_state = TransitionError::WrongState {
            action: kind,
            status: self.status,
        };
        self.may(kind, &actor.person.open_id, policy)?;
        let roles = self.role_of(&actor.person.open_id, policy);

        let mut next = self.clone();
        let mut note: Option<String> = None;
        use Status::{Cancelled, Done, InProgress, Pending, Submitted};
        match (self.status, action) {
            (Pending, Action::Acknowledge) => next.acknowledge(now),
            (InProgress | Submitted | Done | Cancelled, Action::Acknowledge) => {
                return Err(wrong_state);
            }

            (Pending | InProgress, Action::Progress { percent, note: n }) => {
                let n = opt_text(n);
                if let Some(p) = percent.filter(|p| *p > 100) {
                    return Err(TransitionError::InvalidPercent { percent: p });
                }
                if percent.is_none() && n.is_none() {
                    return Err(TransitionError::EmptyProgress);
                }
                if roles.owner {
                    next.acknowledge(now);
                }
                if let Some(p) = percent {
                    next.progress = p;
                }
                if n.is_some() {
                    next.latest_note.clone_from(&n);
                }
                note = n;
            }
            (Submitted | Done | Cancelled, Action::Progress { .. }) => return Err(wrong_state),

            (Pending | InProgress, Action::Submit { note: n }) => {
                let n = opt_text(n);
                next.acknowledge(now);
                next.extension = None;
                next.rejection = None;
                next.progress = 100;
                if n.is_some() {
                    next.latest_note.clone_from(&n);
                }
                next.submitted_at = Some(now);
                if policy.require_acceptance {
                    next.status = Submitted;
                } else {
                    next.status = Done;
                    next.completed_at = Some(now);
                }
                note = n;
            }
            (Submitted | Done | Cancelled, Action::Submit { .. }) => return Err(wrong_state),

            (Submitted, Action::Accept) => {
                next.status = Done;
                next.completed_at = Some(now);
            }
            (Pending | InProgress | Done | Cancelled, Action::Accept) => return Err(wrong_state),

            (Submitted, Action::Reject { reason }) => {
                let Some(reason) = opt_text(Some(reason)) else {
                    return Err(TransitionError::MissingReason { action: kind });
                };
                next.status = InProgress;
                next.submitted_at = None;
                next.rejection = Some(Rejection {
                    reason: reason.clone(),
                    by: actor.person.clone(),
                    at: now,
                });
                note = Some(reason);
            }
            (Pending | InProgress | Done | Cancelled, Action::Reject { .. }) => {
                return Err(wrong_state);
            }

            (
                Pending | InProgress,
                Action::RequestExtension {
                    deadline,
                    has_time,
                    reason,
                },
            ) => {
                if let Some(ext) = &self.extension {
                    return Err(TransitionError::ExtensionPending {
                        requested: ext.deadline,
                    });
                }
                if deadline <= self.deadline || deadline <= now {
                    return Err(TransitionError::ExtensionNotLater {
                        current: self.deadline,
                    });
                }
                next.acknowledge(now);
                let reason = opt_text(reason);
                next.extension = Some(ExtensionRequest {
                    deadline,
                    has_time,
                    reason: reason.clone(),
                    requested_by: actor.person.clone(),
                    requested_at: now,
                });
                note = reason;
            }
            (Submitted | Done | Cancelled, Action::RequestExtension { .. }) => {
                return Err(wrong_state);
            }

            (Pending | InProgress, Action::ApproveExtension) => {
                let Some(ext) = self.extension.clone() else {
                    return Err(TransitionError::NoExtensionPending);
                };
                next.original_deadline.get_or_insert(self.deadline);
                next.deadline = ext.deadline;
                next.deadline_has_time = ext.has_time;
                next.extension = None;
                next.extension_count = next.extension_count.saturating_add(1);
            }
            (Submitted | Done | Cancelled, Action::ApproveExtension) => return Err(wrong_state),

            (Pending | InProgress, Action::RejectExtension { reason }) => {
                if self.extension.is_none() {
                    return Err(TransitionError::NoExtensionPending);
                }
                next.extension = None;
                note = opt_text(reason);
            }
            (Submitted | Done | Cancelled, Action::RejectExtension { .. }) => {
                return Err(wrong_state);
            }

            (Pending | InProgress, Action::Nudge) => {
                if let Some(last) = self.last_nudged_at {
                    let again_at = last.saturating_add(policy.nudge_cooldown).unwrap_or(last);
                    if now < again_at {
                        return Err(TransitionError::NudgeTooSoon { again_at });
                    }
                }
                next.nudge_count = next.nudge_count.saturating_add(1);
                next.last_nudged_at = Some(now);
            }
            (Submitted | Done | Cancelled, Action::Nudge) => return Err(wrong_state),

            (Pending | InProgress, Action::Reassign { to }) => {
                if to.open_id == self.owner.open_id {
                    return Err(TransitionError::SameOwner { name: to.name });
                }
                next.assistants.retain(|p| p.open_id != to.open_id);
                next.owner = to;
                next.status = Pending;
                next.acknowledged_at = None;
                next.extension = None;
            }
            (Submitted | Done | Cancelled, Action::Reassign { .. }) => return Err(wrong_state),

            (Pending | InProgress | Submitted, Action::Cancel { reason }) => {
                next.status = Cancelled;
                next.extension = None;
                note = opt_text(reason);
            }
            (Done | Cancelled, Action::Cancel { .. }) => return Err(wrong_state),

            (
                Pending | InProgress | Submitted,
                Action::SetDeadline {
                    deadline,
                    has_time,
                    reason,
                },
            ) => {
                if deadline <= now {
                    return Err(TransitionError::DeadlineNotFuture { deadline });
                }
                if deadline == self.deadline && has_time == self.deadline_has_time {
                    return Err(TransitionError::SameDeadline { deadline });
                }
                next.original_deadline.get_or_insert(self.deadline);
                next.deadline = deadline;
                next.deadline_has_time = has_time;
                // A pending request is answered by the new deadline.
                next.extension = None;
                note = opt_text(reason);
            }
            (Done | Cancelled, Action::SetDeadline { .. }) => return Err(wrong_state),
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

    /// Marks a 待签收 item as acknowledged (no-op otherwise).
    fn acknowledge(&mut self, now: Timestamp) {
        if self.status == Status::Pending {
            self.status = Status::InProgress;
            self.acknowledged_at = Some(now);
        }
    }

    /// The user-visible field changes from `self` to `next`.
    fn diff(&self, next: &Self, now: Timestamp) -> Vec<Change> {
        let mut out = Vec::new();
        if self.status != next.status {
            out.push(Change::new("status", self.status.label(), next.status.label()));
        }
        if self.progress != next.progress {
            out.push(Change::new(
                "progress",
                format!("{}%", self.progress),
                format!("{}%", next.progress),
            ));
        }
        if self.latest_note != next.latest_note {
            out.push(Change::new(
                "latest_note",
                self.latest_note.clone().unwrap_or_default(),
                next.latest_note.clone().unwrap_or_default(),
            ));
        }
        if self.deadline != next.deadline {
            out.push(Change::new(
                "deadline",
                format_datetime(self.deadline, now),
                format_datetime(next.deadline, now),
            ));
        }
        if self.owner != next.owner {
            out.push(Change::new("owner", &self.owner.name, &next.owner.name));
        }
        if self.assistants != next.assistants {
            out.push(Change::new(
                "assistants",
                names(&self.assistants),
                names(&next.assistants),
            ));
        }
        let ext = |e: &Option<ExtensionRequest>| {
            e.as_ref()
                .map(|e| format!("申请延至{}", format_datetime(e.deadline, now)))
                .unwrap_or_default()
        };
        if self.extension != next.extension {
            out.push(Change::new(
                "extension",
                ext(&self.extension),
                ext(&next.extension),
            ));
        }
        if self.nudge_count != next.nudge_count {
            out.push(Change::new(
                "nudge_count",
                self.nudge_count.to_string(),
                next.nudge_count.to_string(),
            ));
        }
        out
    }
}

fn names(people: &[Person]) -> String {
    let v: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    v.join("、")
}
