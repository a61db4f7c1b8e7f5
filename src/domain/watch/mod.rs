//! Reminders of watched projects and requirements (pure), on the reminder engine's
//! working-day rules:
//!
//! - a project whose current stage is past its planned end reminds the stage's owner (the
//!   project owner when the stage has none), at most once per working day, inside working hours;
//! - a project without stage movement for `stalled_after` working days is flagged in its group,
//!   again after each further `stalled_after` working days of standstill;
//! - a requirement not triaged within `sla_workdays` working days reminds the managers, at most
//!   once per working day.
//!
//! [`next_project_check`] / [`next_requirement_check`] give the next instant worth looking at
//! (the due index key); [`project_due_now`] / [`requirement_due_now`] say what to send then.
//! What was sent is kept in [`WatchState`], stored beside the project or requirement.
//!
//! This module was `domain::project_nudge`; that path still works (`pub use` in `domain`).

mod project;
mod requirement;
mod state;

pub use self::project::{ProjectCheck, mark_project_sent, next_project_check, project_due_now};
pub use self::requirement::{next_requirement_check, requirement_due_now};
pub use self::state::WatchState;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
