//! Requirement cards (pure): the manager's triage card, the submitter's status card, the
//! submission form, the feedback form, the board and the help card; and
//! [`parse_requirement_callback`] for their buttons and forms.

use serde_json::Value;

use crate::card::project::family_help_card;
use crate::command::spec::REQUIREMENT_COMMANDS;

/// The `/需求` help card, rendered from [`REQUIREMENT_COMMANDS`].
pub fn requirement_help_card() -> Value {
    family_help_card(
        "需求使用说明",
        "/需求",
        "/req",
        REQUIREMENT_COMMANDS,
        "各营业部、各部门都可以在群里提交需求，需求管理员受理后会进入项目跟踪，\
         每次进展都会通知提交的群。",
    )
}
