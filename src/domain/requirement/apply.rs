//! [`Requirement::apply`] (a person's action) and [`Requirement::follow_project`] (the loop
//! closing when the project ends): the only ways a requirement changes, each with its audit
//! record.

use jiff::Timestamp;

use super::action::ReqAction;
use super::closed_loop::{LoopStatus, loop_status};
use super::error::RequirementError;
use super::record::{Feedback, ReqStatus, Requirement, Supplement, stars};
use super::triage::triage_refusal;
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::ids::{OpenId, Person, ProjectId, RequirementId};
use crate::domain::item::Actor;
use crate::domain::project::{Project, ProjectStatus};
use crate::domain::text::opt_text;

impl Requirement {
    /// Performs `action` by `actor` at `now`. `managers` are the configured requirement managers
    /// (with the names known, for refusals: [`who_triages`](super::triage::who_triages));
    /// `project` is the linked project (needed for 效果反馈; others ignore it).
    ///
    /// # Errors
    /// A [`RequirementError`] when the status does not allow it, the actor may not do it, or
    /// its arguments are invalid; the requirement is then unchanged.
    pub fn apply(
        &self,
        action: ReqAction,
        actor: &Actor,
        managers: &[Person],
        project: Option<&Project>,
        now: Timestamp,
        source: Source,
    ) -> Result<(Self, AuditRecord), RequirementError> {
        let who = &actor.person.open_id;
        let verb = action.label();
        let key = action.key();
        let wrong = RequirementError::WrongState {
            action: verb,
            status: self.status.label(),
        };
        let manager = managers.iter().any(|m| m.open_id == *who);
        let triage = matches!(
            action,
            ReqAction::Accept { .. }
                | ReqAction::Merge { .. }
                | ReqAction::Reject { .. }
                | ReqAction::AskInfo { .. }
        );
        if triage && !manager {
            return Err(triage_refusal(verb, managers));
        }
        if !triage && !self.is_submitter(who) {
            let contact = self
                .contact
                .as_ref()
                .filter(|c| c.open_id != self.submitter.open_id)
                .map(|c| format!("或联系人（{}）", c.name))
                .unwrap_or_default();
            return Err(RequirementError::Forbidden {
                action: verb,
                who: format!("需求提出人（{}）{contact}", self.submitter.name),
            });
        }
        let mut next = self.clone();
        let mut note = None;
        match action {
            ReqAction::Accept { project } => {
                let relink = match self.status {
                    ReqStatus::Accepted => project.is_some() && project != self.project,
                    // A closed one (its project cancelled) is taken up again in another project.
                    ReqStatus::Closed { .. } => project.is_some(),
                    _ => false,
                };
                if !self.status.is_open() && !relink {
                    return Err(wrong);
                }
                next.status = ReqStatus::Accepted;
                next.project = project.or(self.project);
                next.info_request = None;
            }
            ReqAction::Merge { into } => {
                if !self.status.is_open() {
                    return Err(wrong);
                }
                if into == self.id {
                    return Err(RequirementError::SelfMerge);
                }
                next.status = ReqStatus::Merged;
                next.merged_into = Some(into);
                next.info_request = None;
            }
            ReqAction::Reject { reason } => {
                if !(self.status.is_open() || self.status == ReqStatus::Accepted) {
                    return Err(wrong);
                }
                let reason = opt_text(Some(reason)).ok_or(RequirementError::MissingText {
                    action: verb,
                    what: "原因",
                })?;
                next.status = ReqStatus::Rejected {
                    reason: reason.clone(),
                };
                next.info_request = None;
                note = Some(reason);
            }
            ReqAction::AskInfo { what } => {
                if !self.status.is_open() {
                    return Err(wrong);
                }
                let what = opt_text(Some(what)).ok_or(RequirementError::MissingText {
                    action: verb,
                    what: "需要补充的内容",
                })?;
                next.status = ReqStatus::NeedsInfo;
                next.info_request = Some(what.clone());
                note = Some(what);
            }
            ReqAction::Supplement { text } => {
                if !(self.status.is_open() || self.status == ReqStatus::Accepted) {
                    return Err(wrong);
                }
                let text = opt_text(Some(text)).ok_or(RequirementError::MissingText {
                    action: verb,
                    what: "补充的内容",
                })?;
                if self.status == ReqStatus::NeedsInfo {
                    next.status = ReqStatus::Submitted;
                    next.info_request = None;
                }
                next.supplements.push(Supplement {
                    text: text.clone(),
                    at: now,
                });
                note = Some(text);
            }
            ReqAction::Feedback { rating, comment } => {
                let stage = loop_status(self, project);
                if stage != LoopStatus::Launched {
                    return Err(if self.status == ReqStatus::Accepted {
                        RequirementError::FeedbackTooEarly {
                            status: stage.label(),
                        }
                    } else {
                        wrong
                    });
                }
                if !(1..=5).contains(&rating) {
                    return Err(RequirementError::BadRating { rating });
                }
                let comment = opt_text(comment);
                next.feedback = Some(Feedback {
                    rating,
                    comment: comment.clone(),
                    at: now,
                });
                note = comment;
            }
        }
        if triage && next.triaged_at.is_none() {
            next.triaged_at = Some(now);
        }
        next.updated_at = now;
        next.version = self.version.saturating_add(1);
        let record = AuditRecord {
            at: now,
            actor: actor.person.clone(),
            action: key.to_owned(),
            source,
            changes: self.diff(&next),
            note,
        };
        Ok((next, record))
    }

    /// Closes an accepted requirement whose project `p` has ended: 已上线 when `p` was
    /// completed, 已关闭 (naming the project) when it was cancelled; the audit record is the
    /// system's. `None` when nothing changes (not linked to `p`, not accepted, `p` still active).
    pub fn follow_project(&self, p: &Project, now: Timestamp) -> Option<(Self, AuditRecord)> {
        if self.status != ReqStatus::Accepted || self.project != Some(p.id) {
            return None;
        }
        let (status, action, note) = match p.status {
            ProjectStatus::Active => return None,
            ProjectStatus::Done => (
                ReqStatus::Launched,
                "r_launch",
                format!("关联项目 {} 已完成", p.id),
            ),
            ProjectStatus::Cancelled => {
                let reason = format!("关联项目 {} 已取消", p.id);
                (
                    ReqStatus::Closed {
                        reason: reason.clone(),
                    },
                    "r_close",
                    reason,
                )
            }
        };
        let mut next = self.clone();
        next.status = status;
        next.updated_at = now;
        next.version = self.version.saturating_add(1);
        let record = AuditRecord {
            at: now,
            actor: Person {
                open_id: OpenId("system".to_owned()),
                name: "督办机器人".to_owned(),
            },
            action: action.to_owned(),
            source: Source::System,
            changes: self.diff(&next),
            note: Some(note),
        };
        Some((next, record))
    }

    fn diff(&self, next: &Self) -> Vec<Change> {
        let mut out = Vec::new();
        if self.status != next.status {
            out.push(Change::new("status", self.status.label(), next.status.label()));
        }
        if self.project != next.project {
            let p = |p: Option<ProjectId>| p.map(|p| p.to_string()).unwrap_or_default();
            out.push(Change::new("project", p(self.project), p(next.project)));
        }
        if self.merged_into != next.merged_into {
            let r = |r: Option<RequirementId>| r.map(|r| r.to_string()).unwrap_or_default();
            out.push(Change::new(
                "merged_into",
                r(self.merged_into),
                r(next.merged_into),
            ));
        }
        if self.feedback != next.feedback {
            let f = |f: &Option<Feedback>| f.as_ref().map(|f| stars(f.rating)).unwrap_or_default();
            out.push(Change::new("feedback", f(&self.feedback), f(&next.feedback)));
        }
        out
    }
}
