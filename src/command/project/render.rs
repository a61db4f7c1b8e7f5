//! `/项目` back to text (the inverse of parsing) and to JSON (pure).

use serde_json::{Value, json};

use crate::command::grammar::{Renderer, format_deadline, free_text, person_json, words};
use crate::command::mention::Mention;
use crate::command::when::format_rfc3339;
use crate::domain::deadline::Deadline;

use super::ast::{ProjectCmd, ProjectFilter};

/// Renders `cmd` as a `/项目` line plus its mentions (the inverse of parsing).
pub(crate) fn render(cmd: &ProjectCmd) -> (String, Vec<Mention>) {
    let mut r = Renderer::default();
    let plain = |t: &str| free_text(t, |_| false);
    let body = match cmd {
        ProjectCmd::Create {
            name,
            owner,
            template,
        } => {
            let owner = r.mention(owner);
            words(&[
                "新建",
                &plain(name),
                &owner,
                template.as_deref().unwrap_or_default(),
            ])
        }
        ProjectCmd::Plan {
            id,
            stage,
            owner,
            planned_end,
        } => {
            let owner = owner.as_ref().map(|p| r.mention(p)).unwrap_or_default();
            let when = planned_end.as_ref().map(format_deadline).unwrap_or_default();
            words(&["计划", &id.to_string(), stage, &owner, &when])
        }
        ProjectCmd::Advance { id, note } => words(&[
            "推进",
            &id.to_string(),
            &note.as_deref().map(plain).unwrap_or_default(),
        ]),
        ProjectCmd::Rollback { id, reason } => words(&["退回", &id.to_string(), &plain(reason)]),
        ProjectCmd::Link { id, item } => format!("关联 {id} {item}"),
        ProjectCmd::Unlink { id, item } => format!("取消关联 {id} {item}"),
        ProjectCmd::Show(id) => format!("查看 {id}"),
        ProjectCmd::List(f) => words(&["列表", filter_word(*f)]),
        ProjectCmd::Board { all } => words(&["看板", if *all { "全部" } else { "" }]),
        ProjectCmd::Cancel { id, reason } => words(&[
            "取消",
            &id.to_string(),
            &reason.as_deref().map(plain).unwrap_or_default(),
        ]),
        ProjectCmd::Align { id } => format!("对齐 {id}"),
        ProjectCmd::Help => "帮助".to_owned(),
    };
    (format!("/项目 {body}"), r.mentions)
}

fn filter_word(f: ProjectFilter) -> &'static str {
    match f {
        ProjectFilter::Active => "",
        ProjectFilter::Mine => "我的",
        ProjectFilter::Late => "延期",
        ProjectFilter::All => "全部",
    }
}

impl ProjectCmd {
    /// The command as JSON: `{"command": "project.<alias>", …}` (see [`crate::command::json`]).
    pub fn to_json(&self) -> Value {
        let person = person_json;
        let deadline = |d: &Option<Deadline>| d.as_ref().map(|d| format_rfc3339(d.at));
        match self {
            Self::Create {
                name,
                owner,
                template,
            } => json!({
                "command": "project.new", "name": name, "owner": person(owner), "template": template,
            }),
            Self::Plan {
                id,
                stage,
                owner,
                planned_end,
            } => json!({
                "command": "project.plan",
                "id": id.to_string(),
                "stage": stage,
                "owner": owner.as_ref().map(person),
                "planned_end": deadline(planned_end),
                "has_time": planned_end.as_ref().map(|d| d.has_time),
            }),
            Self::Advance { id, note } => {
                json!({"command": "project.advance", "id": id.to_string(), "note": note})
            }
            Self::Rollback { id, reason } => {
                json!({"command": "project.rollback", "id": id.to_string(), "reason": reason})
            }
            Self::Link { id, item } => {
                json!({"command": "project.link", "id": id.to_string(), "item": item.to_string()})
            }
            Self::Unlink { id, item } => {
                json!({"command": "project.unlink", "id": id.to_string(), "item": item.to_string()})
            }
            Self::Show(id) => json!({"command": "project.show", "id": id.to_string()}),
            Self::List(f) => {
                let name = match f {
                    ProjectFilter::Active => "active",
                    ProjectFilter::Mine => "mine",
                    ProjectFilter::Late => "late",
                    ProjectFilter::All => "all",
                };
                json!({"command": "project.list", "filter": name})
            }
            Self::Board { all } => json!({"command": "project.board", "all": all}),
            Self::Cancel { id, reason } => {
                json!({"command": "project.cancel", "id": id.to_string(), "reason": reason})
            }
            Self::Align { id } => json!({"command": "project.align", "id": id.to_string()}),
            Self::Help => json!({"command": "project.help"}),
        }
    }
}
