//! JSON view of a parsed command (pure), for `duban parse --json` and for logs.
//!
//! Shape: `{"command": "<English alias>", ...fields}`; people are `{"name", "open_id"}`, item
//! ids `"DB-12"`, deadlines RFC 3339 in +08:00 (with a separate `"has_time"`), priorities
//! `"P1"`; absent optional fields are `null`.

use serde_json::{Value, json};

use crate::command::ast::{
    AppraisalCmd, BehaviourCmd, Command, CreateItem, ListFilter, SuperviseCmd, UnitsCmd,
};
use crate::command::grammar::person_json as person;
use crate::command::minutes::MinutesCmd;
use crate::command::when::format_rfc3339;

impl Command {
    /// The command as JSON (see the module docs for the shape).
    pub fn to_json(&self) -> Value {
        let cmd = match self {
            Self::Supervise(cmd) => cmd,
            Self::Project(p) => return p.to_json(),
            Self::Requirement(r) => return r.to_json(),
            Self::Minutes(m) => return minutes_json(m),
            Self::Series(s) => return s.to_json(),
        };
        match cmd {
            SuperviseCmd::Create(c) if c.repeat.is_some() => {
                let mut v = Self::Supervise(SuperviseCmd::Create(CreateItem {
                    repeat: None,
                    ..c.clone()
                }))
                .to_json();
                v["repeat"] = json!(c.repeat);
                v
            }
            SuperviseCmd::Create(c) => json!({
                "command": "create",
                "title": c.title,
                "owner": person(&c.owner),
                "assistants": c.assistants.iter().map(person).collect::<Vec<_>>(),
                "deadline": format_rfc3339(c.deadline.at),
                "has_time": c.deadline.has_time,
                "priority": c.priority.to_string(),
                "tags": c.tags,
                "resources": c.resources,
                "scenario": c.scenario,
                "description": c.description,
            }),
            SuperviseCmd::List(filter) => {
                let (name, who) = match filter {
                    ListFilter::Open => ("open", None),
                    ListFilter::Mine => ("mine", None),
                    ListFilter::CreatedByMe => ("created", None),
                    ListFilter::Overdue => ("overdue", None),
                    ListFilter::ThisWeek => ("week", None),
                    ListFilter::Person(p) => ("person", Some(person(p))),
                    ListFilter::All => ("all", None),
                };
                match who {
                    Some(p) => json!({"command": "list", "filter": name, "person": p}),
                    None => json!({"command": "list", "filter": name}),
                }
            }
            SuperviseCmd::Show(id) => json!({"command": "show", "id": id.to_string()}),
            SuperviseCmd::Progress { id, percent, note } => {
                json!({"command": "progress", "id": id.to_string(), "percent": percent, "note": note})
            }
            SuperviseCmd::Done { id, note } => json!({"command": "done", "id": id.to_string(), "note": note}),
            SuperviseCmd::Accept { id } => json!({"command": "accept", "id": id.to_string()}),
            SuperviseCmd::Reject { id, reason } => {
                json!({"command": "reject", "id": id.to_string(), "reason": reason})
            }
            SuperviseCmd::Extend { id, deadline, reason } => json!({
                "command": "extend",
                "id": id.to_string(),
                "deadline": format_rfc3339(deadline.at),
                "has_time": deadline.has_time,
                "reason": reason,
            }),
            SuperviseCmd::Nudge { id } => json!({"command": "nudge", "id": id.to_string()}),
            SuperviseCmd::Reassign { id, to } => {
                json!({"command": "reassign", "id": id.to_string(), "to": person(to)})
            }
            SuperviseCmd::Cancel { id, reason } => {
                json!({"command": "cancel", "id": id.to_string(), "reason": reason})
            }
            SuperviseCmd::Class { id, class } => {
                json!({"command": "class", "id": id.to_string(), "class": class.label()})
            }
            SuperviseCmd::Align { id } => json!({"command": "align", "id": id.to_string()}),
            SuperviseCmd::RepeatStop { id } => json!({"command": "repeat_stop", "id": id.to_string()}),
            SuperviseCmd::Help => json!({"command": "help"}),
            SuperviseCmd::Board => json!({"command": "board"}),
            SuperviseCmd::OrgBoard => json!({"command": "board", "scope": "units"}),
            SuperviseCmd::UnitStats { period } => json!({
                "command": "stats",
                "period": period.en(),
                "scope": "units",
            }),
            SuperviseCmd::Export { period } => json!({
                "command": "export",
                "period": period.map(|p| p.en()),
            }),
            SuperviseCmd::Stats { period, person: who } => json!({
                "command": "stats",
                "period": period.en(),
                "person": who.as_ref().map(person),
            }),
            SuperviseCmd::Appraisal(a) => appraisal_json(a),
            SuperviseCmd::Behaviour(b) => behaviour_json(b),
            SuperviseCmd::Issue(b) => json!({
                "command": "issue",
                "title": b.title,
                "units": b.selector,
                "deadline": format_rfc3339(b.deadline.at),
                "has_time": b.deadline.has_time,
                "target": b.target.as_ref().map(ToString::to_string),
                "priority": b.priority.to_string(),
                "owners": b.owners.iter().map(person).collect::<Vec<_>>(),
            }),
            SuperviseCmd::IssueShow(id) => json!({"command": "issue", "show": id.to_string()}),
            SuperviseCmd::IssueList => json!({"command": "issue", "list": true}),
            SuperviseCmd::IssueCancel { id, reason } => {
                json!({"command": "issue", "cancel": id.to_string(), "reason": reason})
            }
            SuperviseCmd::IssueExtend { id, deadline, reason } => json!({
                "command": "issue",
                "extend": id.to_string(),
                "deadline": format_rfc3339(deadline.at),
                "has_time": deadline.has_time,
                "reason": reason,
            }),
            SuperviseCmd::Report { id, value, note } => {
                json!({"command": "report", "id": id.to_string(), "value": value, "note": note})
            }
            SuperviseCmd::BindUnit(b) => json!({
                "command": "bindunit",
                "name": b.name,
                "kind": b.kind,
                "region": b.region,
                "heads": b.heads.iter().map(person).collect::<Vec<_>>(),
            }),
            SuperviseCmd::Units(UnitsCmd::List) => json!({"command": "units", "list": true}),
            SuperviseCmd::Units(UnitsCmd::Unbind { name }) => {
                json!({"command": "units", "unbind": name})
            }
        }
    }
}

fn minutes_json(m: &MinutesCmd) -> Value {
    match m {
        MinutesCmd::Text(text) => json!({"command": "minutes", "text": text}),
        MinutesCmd::Link(url) => json!({"command": "minutes", "link": url}),
        MinutesCmd::FromReply => json!({"command": "minutes", "from_reply": true}),
    }
}

/// `考评 …` as JSON.
fn appraisal_json(a: &AppraisalCmd) -> Value {
    match a {
        AppraisalCmd::Show { window, person: who } => json!({
            "command": "appraisal",
            "period": window.label(),
            "person": who.as_ref().map(person),
        }),
        AppraisalCmd::Export { window, unit } => {
            json!({"command": "appraisal-export", "period": window.label(), "unit": unit})
        }
        AppraisalCmd::Push { window } => json!({"command": "appraisal-push", "period": window.label()}),
    }
}

/// `标杆 …` / `负面 …` as JSON.
fn behaviour_json(b: &BehaviourCmd) -> Value {
    match b {
        BehaviourCmd::Record {
            kind,
            subject,
            code,
            item,
            note,
        } => json!({
            "command": kind.label(),
            "person": person(subject),
            "code": code,
            "item": item.map(|i| i.to_string()),
            "note": note,
        }),
        BehaviourCmd::Comment { kind, id, text } => {
            json!({"command": kind.label(), "comment_on": id.to_string(), "text": text})
        }
    }
}
