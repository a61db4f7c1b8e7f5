//! `/需求` back to text (the inverse of parsing) and to JSON (pure).

use serde_json::{Value, json};

use crate::command::grammar::{Renderer, format_deadline, free_text, person_json, words};
use crate::command::mention::Mention;
use crate::command::spec::RequirementSub;
use crate::command::when::format_rfc3339;
use crate::domain::priority::Priority;

use super::ast::{AcceptTarget, ReqCmd, ReqFilter};

/// Renders `cmd` as a `/需求` line (or lines) plus its mentions.
pub(crate) fn render(cmd: &ReqCmd) -> (String, Vec<Mention>) {
    let mut r = Renderer::default();
    let plain = |t: &str| free_text(t, |_| false);
    let body = match cmd {
        ReqCmd::Submit(new) => {
            let mut text = free_text(&new.title, |w| RequirementSub::from_word(w).is_some());
            let fields = [
                ("提出单位", new.unit.clone()),
                ("场景", new.scenario.clone()),
                ("期望上线时间", new.expected.as_ref().map(format_deadline)),
                (
                    "优先级",
                    (new.priority != Priority::default()).then(|| new.priority.to_string()),
                ),
                ("联系人", new.contact.as_ref().map(|p| r.mention(p))),
                ("说明", new.description.clone()),
            ];
            for (key, value) in fields {
                if let Some(v) = value {
                    text.push_str(&format!("\n{key}：{v}"));
                }
            }
            text
        }
        ReqCmd::Form => "新建".to_owned(),
        ReqCmd::Accept { id, target } => {
            let t = match target {
                AcceptTarget::None => String::new(),
                AcceptTarget::Project(p) => p.to_string(),
                AcceptTarget::NewProject { owner } => {
                    let owner = owner.as_ref().map(|p| r.mention(p)).unwrap_or_default();
                    words(&["新建项目", &owner])
                }
            };
            words(&["受理", &id.to_string(), &t])
        }
        ReqCmd::Merge { id, into } => format!("合并 {id} {into}"),
        ReqCmd::Reject { id, reason } => words(&["驳回", &id.to_string(), &plain(reason)]),
        ReqCmd::AskInfo { id, what } => words(&["待补充", &id.to_string(), &plain(what)]),
        ReqCmd::Supplement { id, text } => words(&["补充", &id.to_string(), &plain(text)]),
        ReqCmd::Show(id) => format!("查看 {id}"),
        ReqCmd::List(f) => {
            let w = match f {
                ReqFilter::Open => "",
                ReqFilter::Pending => "待受理",
                ReqFilter::Mine => "我的",
                ReqFilter::All => "全部",
            };
            words(&["列表", w])
        }
        ReqCmd::Board => "看板".to_owned(),
        ReqCmd::Help => "帮助".to_owned(),
    };
    (format!("/需求 {body}"), r.mentions)
}

impl ReqCmd {
    /// The command as JSON: `{"command": "req.<alias>", …}`.
    pub fn to_json(&self) -> Value {
        let person = person_json;
        match self {
            Self::Submit(n) => json!({
                "command": "req.submit",
                "title": n.title,
                "unit": n.unit,
                "scenario": n.scenario,
                "expected": n.expected.as_ref().map(|d| format_rfc3339(d.at)),
                "has_time": n.expected.as_ref().map(|d| d.has_time),
                "priority": n.priority.to_string(),
                "contact": n.contact.as_ref().map(person),
                "description": n.description,
            }),
            Self::Form => json!({"command": "req.new"}),
            Self::Accept { id, target } => {
                let (kind, project, owner) = match target {
                    AcceptTarget::None => ("none", None, None),
                    AcceptTarget::Project(p) => ("project", Some(p.to_string()), None),
                    AcceptTarget::NewProject { owner } => ("new_project", None, owner.as_ref().map(person)),
                };
                json!({"command": "req.accept", "id": id.to_string(), "target": kind, "project": project, "owner": owner})
            }
            Self::Merge { id, into } => {
                json!({"command": "req.merge", "id": id.to_string(), "into": into.to_string()})
            }
            Self::Reject { id, reason } => {
                json!({"command": "req.reject", "id": id.to_string(), "reason": reason})
            }
            Self::AskInfo { id, what } => {
                json!({"command": "req.askinfo", "id": id.to_string(), "what": what})
            }
            Self::Supplement { id, text } => {
                json!({"command": "req.supplement", "id": id.to_string(), "text": text})
            }
            Self::Show(id) => json!({"command": "req.show", "id": id.to_string()}),
            Self::List(f) => {
                let name = match f {
                    ReqFilter::Open => "open",
                    ReqFilter::Pending => "pending",
                    ReqFilter::Mine => "mine",
                    ReqFilter::All => "all",
                };
                json!({"command": "req.list", "filter": name})
            }
            Self::Board => json!({"command": "req.board"}),
            Self::Help => json!({"command": "req.help"}),
        }
    }
}
