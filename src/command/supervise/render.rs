//! `/督办` back to text (pure): the inverse of parsing, see [`crate::command::render`].

use crate::command::ast::{AppraisalCmd, BehaviourCmd, CreateItem, ListFilter, SuperviseCmd, UnitsCmd};
use crate::command::grammar::{Renderer, format_deadline, free_text, words};
use crate::command::mention::Mention;
use crate::command::spec::SuperviseSub;
use crate::domain::board::Period;
use crate::domain::priority::Priority;

/// Renders `s` as a `/督办` line plus the mentions its `@_user_N` placeholders stand for.
pub(crate) fn render(s: &SuperviseCmd) -> (String, Vec<Mention>) {
    let mut r = Renderer::default();
    let body = match s {
        SuperviseCmd::Create(item) => r.create(item),
        SuperviseCmd::List(filter) => {
            let arg = match filter {
                ListFilter::Open => String::new(),
                ListFilter::Mine => "我的".to_owned(),
                ListFilter::CreatedByMe => "我发起的".to_owned(),
                ListFilter::Overdue => "逾期".to_owned(),
                ListFilter::ThisWeek => "本周".to_owned(),
                ListFilter::Person(p) => r.mention(p),
                ListFilter::All => "全部".to_owned(),
            };
            words(&["列表", &arg])
        }
        SuperviseCmd::Show(id) => format!("查看 {id}"),
        SuperviseCmd::Progress { id, percent, note } => {
            let pct = percent.map(|p| format!("{p}%")).unwrap_or_default();
            let note = note.as_deref().map_or_else(String::new, |n| {
                free_text(n, |first| percent.is_none() && first.ends_with('%'))
            });
            words(&["进展", &id.to_string(), &pct, &note])
        }
        SuperviseCmd::Done { id, note } => words(&["完成", &id.to_string(), &opt_text(note.as_deref())]),
        SuperviseCmd::Accept { id } => format!("验收 {id}"),
        SuperviseCmd::Reject { id, reason } => {
            words(&["退回", &id.to_string(), &free_text(reason, |_| false)])
        }
        SuperviseCmd::Extend { id, deadline, reason } => {
            let reason = reason
                .as_deref()
                .map_or_else(String::new, |n| free_text(n, looks_timey));
            words(&["延期", &id.to_string(), &format_deadline(deadline), &reason])
        }
        SuperviseCmd::Nudge { id } => format!("催办 {id}"),
        SuperviseCmd::Reassign { id, to } => {
            let to = r.mention(to);
            format!("转交 {id} {to}")
        }
        SuperviseCmd::RepeatStop { id } => format!("重复 停止 {id}"),
        SuperviseCmd::Cancel { id, reason } => {
            words(&["取消", &id.to_string(), &opt_text(reason.as_deref())])
        }
        SuperviseCmd::Class { id, class } => format!("类别 {id} {}", class.label()),
        SuperviseCmd::Align { id } => format!("对齐 {id}"),
        SuperviseCmd::Help => "帮助".to_owned(),
        SuperviseCmd::Issue(b) => {
            let owners: Vec<String> = b.owners.iter().map(|p| r.mention(p)).collect();
            let target = b.target.as_ref().map_or(String::new(), |t| format!("指标：{t}"));
            let priority = if b.priority == Priority::default() {
                String::new()
            } else {
                format!("优先级：{}", b.priority)
            };
            words(&[
                "下达",
                &b.title,
                &format!("对象：{}", b.selector),
                &format!("截止：{}", format_deadline(&b.deadline)),
                &target,
                &priority,
                &owners.join(" "),
            ])
        }
        SuperviseCmd::IssueShow(id) => format!("下达 查看 {id}"),
        SuperviseCmd::IssueList => "下达 列表".to_owned(),
        SuperviseCmd::IssueCancel { id, reason } => words(&["下达 取消", &id.to_string(), reason]),
        SuperviseCmd::IssueExtend { id, deadline, reason } => words(&[
            "下达 延期",
            &id.to_string(),
            &format_deadline(deadline),
            &opt_text(reason.as_deref()),
        ]),
        SuperviseCmd::Report { id, value, note } => {
            words(&["汇报", &id.to_string(), value, &opt_text(note.as_deref())])
        }
        SuperviseCmd::BindUnit(b) => {
            let heads: Vec<String> = b.heads.iter().map(|p| r.mention(p)).collect();
            words(&[
                "绑定单位",
                &b.name,
                b.kind.as_deref().unwrap_or(""),
                b.region.as_deref().unwrap_or(""),
                &heads.join(" "),
            ])
        }
        SuperviseCmd::Units(UnitsCmd::List) => "单位 列表".to_owned(),
        SuperviseCmd::Units(UnitsCmd::Unbind { name }) => format!("单位 解绑 {name}"),
        SuperviseCmd::Board => "晾晒".to_owned(),
        SuperviseCmd::OrgBoard => "晾晒 全部门".to_owned(),
        SuperviseCmd::UnitStats { period } => words(&["统计", period.label(), "按单位"]),
        SuperviseCmd::Export { period } => words(&["导出", period.map_or("", Period::label)]),
        SuperviseCmd::Appraisal(a) => r.appraisal(a),
        SuperviseCmd::Behaviour(b) => r.behaviour(b),
        SuperviseCmd::Stats { period, person } => {
            let who = person.as_ref().map_or_else(String::new, |p| r.mention(p));
            let period = if *period == Period::default() {
                ""
            } else {
                period.label()
            };
            words(&["统计", period, &who])
        }
    };
    (format!("/督办 {body}"), r.mentions)
}

impl Renderer {
    /// `考评 …`.
    fn appraisal(&mut self, a: &AppraisalCmd) -> String {
        match a {
            AppraisalCmd::Show { window, person } => {
                let who = person.as_ref().map_or_else(String::new, |p| self.mention(p));
                words(&["考评", window.label(), &who])
            }
            AppraisalCmd::Export { window, unit } => {
                words(&["考评", "导出", window.label(), unit.as_deref().unwrap_or("")])
            }
            AppraisalCmd::Push { window } => words(&["考评", "推送", window.label()]),
        }
    }

    /// `标杆 …` / `负面 …`.
    fn behaviour(&mut self, b: &BehaviourCmd) -> String {
        match b {
            BehaviourCmd::Record {
                kind,
                subject,
                code,
                item,
                note,
            } => {
                let who = self.mention(subject);
                let item = item.map(|i| i.to_string()).unwrap_or_default();
                let note = note.as_deref().map_or_else(String::new, |n| {
                    free_text(n, |w| item.is_empty() && w.to_ascii_lowercase().starts_with("db"))
                });
                words(&[kind.label(), &who, code, &item, &note])
            }
            BehaviourCmd::Comment { kind, id, text } => {
                words(&[kind.label(), "备注", &id.to_string(), &free_text(text, |_| false)])
            }
        }
    }

    /// A creation: the one-line form, then any `key：value` lines.
    fn create(&mut self, item: &CreateItem) -> String {
        let mut parts = Vec::new();
        if let Some(title) = &item.title {
            parts.push(free_text(title, is_subcommand));
        }
        parts.push(self.mention(&item.owner));
        for a in &item.assistants {
            parts.push(self.mention(a));
        }
        parts.push(format_deadline(&item.deadline));
        if item.priority != Priority::default() {
            parts.push(item.priority.to_string());
        }
        parts.extend(item.tags.iter().map(|t| format!("#{t}")));
        if let Some(class) = item.class {
            parts.push(format!("#{}", class.label()));
        }
        if let Some(r) = &item.repeat {
            parts.push(format!("重复：{r}"));
        }
        let mut text = parts.join(" ");
        let fields = [
            ("资源投入", &item.resources),
            ("场景", &item.scenario),
            ("说明", &item.description),
        ];
        for (key, value) in fields {
            if let Some(v) = value {
                text.push_str(&format!("\n{key}：{v}"));
            }
        }
        text
    }
}

fn opt_text(text: Option<&str>) -> String {
    text.map_or_else(String::new, |t| free_text(t, |_| false))
}

/// Whether a title's first word would be read as a subcommand (its word, alias or English).
fn is_subcommand(word: &str) -> bool {
    SuperviseSub::from_word(word).is_some()
}

/// A word that might continue a deadline written just before it (`18:00`, `前`, `下午`).
fn looks_timey(word: &str) -> bool {
    word.chars()
        .any(|c| c.is_ascii_digit() || "前之内后点时分半刻早晚午上下今明天周星期礼拜月日号年".contains(c))
}
