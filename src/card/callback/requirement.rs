//! Requirement card buttons and forms: `{"op": <op>, "req": <n>, "v": <version>}`
//! (`r_submit` carries no `req`). The triage card carries buttons only; each opens its form
//! in a 1:1 card:
//!
//! | op | form fields |
//! | --- | --- |
//! | `r_accept` | `project` (text: empty, `XM-3`, or `新建项目`) |
//! | `r_merge` | `into` (text, `XQ-2`, required) |
//! | `r_reject` | `reason` (text, required) |
//! | `r_ask_info` | `what` (text, required) |
//! | `r_supplement` | `text` (text, required) |
//! | `r_feedback` | `rating` (select `"1"`…`"5"`, required), `comment` (text) |
//! | `r_submit` | `title` (required), `unit`, `scenario`, `expected` (date picker), `priority` (select `P0`…`P3`), `contact` (select_person), `description` |

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use super::error::CallbackError;
use super::value::{form_text, future_date, id_field};
use crate::command::NewReq;
use crate::domain::ids::{OpenId, Person, ProjectId, RequirementId};
use crate::domain::priority::Priority;
use crate::domain::requirement::{ReqAction, Requirement};

/// The op of the submission form's button.
pub(crate) const SUBMIT_OP: &str = "r_submit";

/// A parsed requirement card interaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequirementCardAction {
    /// A domain action on a requirement (triage, supplement, feedback).
    Act {
        /// The requirement.
        req: RequirementId,
        /// The action.
        action: ReqAction,
    },
    /// 受理 into a new project (named after the requirement; the service creates it).
    AcceptIntoNewProject {
        /// The requirement.
        req: RequirementId,
    },
    /// The submission form was sent. A picked contact has an empty `name` (fill it from the
    /// chat's member list).
    Submit(NewReq),
}

/// The value of `op` on `r`, drawn for its current version.
pub(crate) fn requirement_value(op: &str, r: &Requirement) -> Value {
    json!({ "op": op, "req": r.id.0, "v": r.version })
}

/// The value of the submission form's button.
pub(crate) fn submit_value() -> Value {
    json!({ "op": SUBMIT_OP })
}

/// Parses a requirement value (already decoded; `op` starts with `r_`).
pub(super) fn parse(
    op: &str,
    value: &Value,
    form: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Result<RequirementCardAction, CallbackError> {
    let field = |name: &str| form_text(form, name);
    if op == SUBMIT_OP {
        return submission(form, now).map(RequirementCardAction::Submit);
    }
    let req = id_field(value, "req", RequirementId, RequirementId::parse).ok_or(CallbackError::Malformed)?;
    let bad = |raw: String, expected: &'static str| CallbackError::BadValue {
        input: raw.chars().take(40).collect(),
        expected,
    };
    let action = match op {
        "r_accept" => match field("project") {
            None => ReqAction::Accept { project: None },
            Some(t) if matches!(t.as_str(), "新建项目" | "新项目" | "新建") => {
                return Ok(RequirementCardAction::AcceptIntoNewProject { req });
            }
            Some(t) => ReqAction::Accept {
                project: Some(ProjectId::parse(&t).ok_or_else(|| bad(t, "项目编号（如 XM-3）或“新建项目”"))?),
            },
        },
        "r_merge" => {
            let t = field("into").ok_or(CallbackError::MissingField {
                field: "需求编号"
            })?;
            ReqAction::Merge {
                into: RequirementId::parse(&t).ok_or_else(|| bad(t, "需求编号（如 XQ-2）"))?,
            }
        }
        "r_reject" => ReqAction::Reject {
            reason: field("reason").ok_or(CallbackError::MissingReason)?,
        },
        "r_ask_info" => ReqAction::AskInfo {
            what: field("what").ok_or(CallbackError::MissingField {
                field: "需要补充什么",
            })?,
        },
        "r_supplement" => ReqAction::Supplement {
            text: field("text").ok_or(CallbackError::MissingField {
                field: "补充内容"
            })?,
        },
        "r_feedback" => {
            let raw = field("rating").unwrap_or_default();
            let rating = raw
                .parse::<u8>()
                .ok()
                .filter(|r| (1..=5).contains(r))
                .ok_or_else(|| {
                    if raw.is_empty() {
                        CallbackError::MissingField { field: "评分" }
                    } else {
                        bad(raw.clone(), "1到5星的评分")
                    }
                })?;
            ReqAction::Feedback {
                rating,
                comment: field("comment"),
            }
        }
        other => {
            return Err(CallbackError::UnknownOp {
                op: other.chars().take(40).collect(),
            });
        }
    };
    Ok(RequirementCardAction::Act { req, action })
}

fn submission(form: Option<&Map<String, Value>>, now: Timestamp) -> Result<NewReq, CallbackError> {
    let field = |name: &str| form_text(form, name);
    let title = field("title").ok_or(CallbackError::MissingField {
        field: "需求标题"
    })?;
    Ok(NewReq {
        title: title.chars().take(crate::command::MAX_TITLE_CHARS).collect(),
        unit: field("unit"),
        scenario: field("scenario"),
        expected: field("expected").map(|raw| future_date(&raw, now)).transpose()?,
        priority: field("priority")
            .and_then(|p| Priority::parse(&p))
            .unwrap_or_default(),
        contact: field("contact").map(|id| Person {
            open_id: OpenId(id),
            name: String::new(),
        }),
        description: field("description"),
    })
}
