//! Project card buttons and forms: `{"op": <op>, "project": <n>, "v": <version>}`; 退回 and
//! 更新阶段计划 are buttons that open their form in a 1:1 card:
//!
//! | op | form fields |
//! | --- | --- |
//! | `p_advance` | — (a button with a confirmation) |
//! | `p_rollback` | `reason` (text, required) |
//! | `p_plan` | `stage` (select, `"1"`…), `owner` (select_person, an open_id), `date` (date picker) |
//!
//! A person picked in a form arrives as an open_id only: the parsed [`Person`] has an empty
//! `name`, which the service fills from the chat's member list.

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use super::error::CallbackError;
use super::value::{form_text, future_date, id_field};
use crate::domain::ids::{OpenId, Person, ProjectId};
use crate::domain::project::{Project, ProjectAction};

/// The value of project op `op`, drawn for `p`'s current version.
pub(crate) fn project_value(op: &str, p: &Project) -> Value {
    json!({ "op": op, "project": p.id.0, "v": p.version })
}

/// Parses a project value (already decoded; `op` starts with `p_`).
pub(super) fn parse(
    op: &str,
    value: &Value,
    form: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Result<(ProjectId, ProjectAction), CallbackError> {
    let id = id_field(value, "project", ProjectId, ProjectId::parse).ok_or(CallbackError::Malformed)?;
    let field = |name: &str| form_text(form, name);
    let action = match op {
        "p_advance" => ProjectAction::Advance { note: field("note") },
        "p_rollback" => ProjectAction::Rollback {
            reason: field("reason").ok_or(CallbackError::MissingReason)?,
        },
        "p_plan" => ProjectAction::Plan {
            stage: field("stage").unwrap_or_default(),
            owner: field("owner").map(|id| Person {
                open_id: OpenId(id),
                name: String::new(),
            }),
            planned_end: field("date").map(|raw| future_date(&raw, now)).transpose()?,
        },
        other => {
            return Err(CallbackError::UnknownOp {
                op: other.chars().take(40).collect(),
            });
        }
    };
    Ok((id, action))
}
