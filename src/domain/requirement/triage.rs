//! Triage (受理 / 合并 / 驳回 / 待补充) by the requirement managers: who may, the refusal that
//! names them, and the intake SLA.

use jiff::Timestamp;

use super::error::RequirementError;
use super::record::{ReqStatus, Requirement};
use crate::calendar::{Calendar, DayRule};
use crate::domain::ids::Person;
use crate::domain::time::local;

/// Whether `req` waits for triage (待受理) longer than `sla_workdays` working days: it was
/// submitted (or last supplemented) on day D, and today is after the `sla_workdays`-th working
/// day following D. False when the calendar has no data for the span (never guessed).
pub fn triage_overdue(req: &Requirement, now: Timestamp, cal: &Calendar, sla_workdays: u32) -> bool {
    if req.status != ReqStatus::Submitted {
        return false;
    }
    let since = req
        .supplements
        .last()
        .map_or(req.created_at, |s| s.at.max(req.created_at));
    cal.count_between(local(since).date(), local(now).date(), DayRule::Working)
        .is_ok_and(|n| n > sla_workdays)
}
/// Who triages, named: `需求管理员（孙管理员、钱经理）`; managers whose name is not known are
/// counted (`需求管理员（孙管理员等2人）`, `需求管理员（共2人）`).
pub fn who_triages(managers: &[Person]) -> String {
    let named: Vec<&str> = managers
        .iter()
        .map(|m| m.name.trim())
        .filter(|n| !n.is_empty())
        .collect();
    match (named.len(), managers.len()) {
        (0, n) => format!("需求管理员（共{n}人）"),
        (k, n) if k == n => format!("需求管理员（{}）", named.join("、")),
        (_, n) => format!("需求管理员（{}等{n}人）", named.join("、")),
    }
}

/// The refusal of a triage `verb` by someone who is not a manager.
pub fn triage_refusal(verb: &'static str, managers: &[Person]) -> RequirementError {
    if managers.is_empty() {
        RequirementError::NoManagers { action: verb }
    } else {
        RequirementError::Forbidden {
            action: verb,
            who: who_triages(managers),
        }
    }
}
