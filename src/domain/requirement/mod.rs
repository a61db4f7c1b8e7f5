//! Requirements (pure): what a branch office (营业部) asks the head office to build, its triage
//! by the configured requirement managers, and the closed loop shown back to the submitter.
//!
//! Lifecycle: 待受理 (`Submitted`) → 已受理 (`Accepted`, optionally linked to a project) /
//! 已合并 (`Merged` into another requirement) / 已驳回 (`Rejected`, reason required); a manager
//! may ask for details (待补充, `NeedsInfo`), and the submitter's 补充 puts it back in the queue.
//! An accepted requirement follows its project to a closed end (see [`Requirement::follow_project`]):
//! 已上线 (`Launched`) when the project is completed, 已关闭 (`Closed`, with the reason) when it is
//! cancelled; a manager may 受理 a closed one again into another project.
//!
//! | action | who | when |
//! | --- | --- | --- |
//! | 受理 / 合并 / 驳回 / 待补充 | requirement managers | 待受理, 待补充 (驳回 also 已受理; 受理 also re-links an accepted or closed one) |
//! | 补充 | the submitter or the contact person | 待受理, 待补充, 已受理 |
//! | 效果反馈 (rating 1–5) | the submitter or the contact person | accepted and its project at 效果反馈 or done, or 已上线 |
//!
//! - `record`: [`Requirement`] as stored, [`ReqStatus`], [`NewRequirement`], supplements and
//!   the rating ([`stars`]);
//! - `action`: [`ReqAction`]; `error`: [`RequirementError`];
//! - `triage`: who triages ([`who_triages`], [`triage_refusal`]) and the intake SLA
//!   ([`triage_overdue`]);
//! - `closed_loop`: [`LoopStatus`], what the submitter sees ([`loop_status`]);
//! - `apply`: [`Requirement::apply`] and [`Requirement::follow_project`].

mod action;
mod apply;
mod closed_loop;
mod error;
mod record;
mod triage;

pub use self::action::{ReqAction, action_label};
pub use self::closed_loop::{LoopStatus, loop_status};
pub use self::error::RequirementError;
pub use self::record::{Feedback, NewRequirement, ReqStatus, Requirement, Supplement, stars};
pub use self::triage::{triage_overdue, triage_refusal, who_triages};

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
