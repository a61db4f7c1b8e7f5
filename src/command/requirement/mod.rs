//! `/需求` subcommands (pure, alias `/req`): parse, render (the inverse) and JSON.
//!
//! ```text
//! /需求 <标题>                     submission; fields on the same or following lines:
//!   提出单位/营业部/单位：…  场景：…  期望上线时间/期望上线/上线时间：…  优先级：…
//!   联系人：@…  说明/描述/备注：…   (a line without a key continues 说明)
//! /需求 新建                       open the form card
//! /需求 受理 XQ-5 [XM-3|新建项目 [@负责人]]
//! /需求 合并 XQ-5 XQ-2             XQ-5 duplicates XQ-2
//! /需求 驳回 XQ-5 原因
//! /需求 待补充 XQ-5 需要补充什么
//! /需求 补充 XQ-5 补充内容
//! /需求 查看 XQ-5
//! /需求 列表 [待受理|我的|全部]     (default: not closed)
//! /需求 看板 | /需求 帮助 (also a bare `/需求`)
//! ```
//!
//! A mention outside a 联系人 field (e.g. on the title line) is the 联系人 when none is given.

use std::fmt;

use serde_json::{Value, json};

use crate::command::cursor::{Cursor, grammar_text, join};
use crate::command::lexer::Token;
use crate::command::project::{example_of, lookup, trim_punct};
use crate::command::render_parts::{Renderer, format_deadline, free_text, words};
use crate::command::spec::REQUIREMENT_COMMANDS;
use crate::command::when::{DeadlineError, format_rfc3339, parse_deadline};
use crate::command::{Context, MAX_TITLE_CHARS, Mention};
use crate::domain::deadline::Deadline;
use crate::domain::ids::{Person, ProjectId, RequirementId};
use crate::domain::priority::Priority;

/// A `/需求` subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReqCmd {
    /// Submit a requirement.
    Submit(NewReq),
    /// `新建`: open the form card.
    Form,
    /// `受理`.
    Accept {
        /// The requirement.
        id: RequirementId,
        /// Where it goes.
        target: AcceptTarget,
    },
    /// `合并`: `id` duplicates `into`.
    Merge {
        /// The duplicate.
        id: RequirementId,
        /// The surviving one.
        into: RequirementId,
    },
    /// `驳回`.
    Reject {
        /// The requirement.
        id: RequirementId,
        /// Why (required).
        reason: String,
    },
    /// `待补充`: ask the submitter.
    AskInfo {
        /// The requirement.
        id: RequirementId,
        /// What is missing.
        what: String,
    },
    /// `补充`: the submitter adds details.
    Supplement {
        /// The requirement.
        id: RequirementId,
        /// The details.
        text: String,
    },
    /// `查看`.
    Show(RequirementId),
    /// `列表`.
    List(ReqFilter),
    /// `看板`.
    Board,
    /// `帮助`.
    Help,
}

/// Where `受理` puts a requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AcceptTarget {
    /// Accepted, no project yet.
    None,
    /// Into an existing project.
    Project(ProjectId),
    /// `新建项目`: a new project named after the requirement (owner: the one mentioned, else the
    /// manager), default template.
    NewProject {
        /// 负责人.
        owner: Option<Person>,
    },
}

/// Which requirements `列表` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReqFilter {
    /// Not closed: 待受理, 待补充, 已受理 (the default).
    #[default]
    Open,
    /// `待受理` (and 待补充).
    Pending,
    /// `我的`: submitted by me or with me as contact.
    Mine,
    /// `全部`.
    All,
}

/// A requirement as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReq {
    /// 标题.
    pub title: String,
    /// 提出单位 / 营业部.
    pub unit: Option<String>,
    /// 场景.
    pub scenario: Option<String>,
    /// 期望上线时间.
    pub expected: Option<Deadline>,
    /// 优先级 (default P2).
    pub priority: Priority,
    /// 联系人.
    pub contact: Option<Person>,
    /// 说明.
    pub description: Option<String>,
}

/// Why a `/需求` line could not be understood.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RequirementParseError {
    /// A short unknown word followed by a requirement number.
    UnknownSubcommand {
        /// The word.
        word: String,
    },
    /// No title.
    MissingTitle,
    /// A title over [`MAX_TITLE_CHARS`].
    TitleTooLong {
        /// Its length.
        chars: usize,
    },
    /// 期望上线时间 refused.
    BadDeadline(#[source] DeadlineError),
    /// 优先级 not understood.
    BadPriority {
        /// What was typed.
        input: String,
    },
    /// 联系人 without a mention.
    BadContact,
    /// No requirement number.
    MissingId {
        /// The subcommand.
        command: &'static str,
    },
    /// Not a requirement number.
    BadId {
        /// The subcommand.
        command: &'static str,
        /// What was typed.
        input: String,
    },
    /// `受理` followed by something that is neither `XM-3` nor `新建项目`.
    BadTarget {
        /// What was typed.
        input: String,
    },
    /// A required text (原因 / 补充内容 / 需要补充什么) is missing.
    MissingText {
        /// The subcommand.
        command: &'static str,
    },
    /// `列表` filter unknown.
    UnknownFilter {
        /// The word.
        word: String,
    },
    /// Words left over.
    TrailingInput {
        /// The subcommand.
        command: &'static str,
        /// The leftovers.
        junk: String,
    },
}

impl RequirementParseError {
    /// A correct example line from [`REQUIREMENT_COMMANDS`].
    pub fn example(&self) -> &'static str {
        let zh = match self {
            Self::MissingId { command }
            | Self::MissingText { command }
            | Self::TrailingInput { command, .. } => command,
            Self::BadId { command, .. } => command,
            Self::BadTarget { .. } => "受理",
            Self::UnknownFilter { .. } => "列表",
            Self::UnknownSubcommand { .. } => "帮助",
            Self::MissingTitle
            | Self::TitleTooLong { .. }
            | Self::BadDeadline(_)
            | Self::BadPriority { .. }
            | Self::BadContact => "",
        };
        example_of(REQUIREMENT_COMMANDS, zh)
    }

    /// A short title naming what was wrong (`期望上线时间没看懂`), for the refusal card.
    pub fn title(&self) -> &'static str {
        match self {
            Self::UnknownSubcommand { .. } => "没有这个需求指令",
            Self::MissingTitle => "缺少需求标题",
            Self::TitleTooLong { .. } => "需求标题太长",
            Self::BadDeadline(_) => "期望上线时间没看懂",
            Self::BadPriority { .. } => "优先级没看懂",
            Self::BadContact => "联系人没看懂",
            Self::MissingId { .. } => "缺少需求编号",
            Self::BadId { .. } => "需求编号没看懂",
            Self::BadTarget { .. } => "受理到哪个项目没看懂",
            Self::MissingText { command } => match *command {
                "驳回" => "缺少驳回原因",
                "待补充" => "缺少要补充的内容",
                _ => "缺少补充内容",
            },
            Self::UnknownFilter { .. } => "列表范围没看懂",
            Self::TrailingInput { .. } => "指令后面有多余的内容",
        }
    }

    /// What was wrong, without the example (the refusal card shows the example once, apart).
    pub fn message(&self) -> String {
        self.problem()
    }

    fn problem(&self) -> String {
        match self {
            Self::UnknownSubcommand { word } => format!("没有“{word}”这个需求指令，可用的指令见下方帮助"),
            Self::MissingTitle => "请写明需求标题；也可以发送“/需求 新建”打开填写表单".to_owned(),
            Self::TitleTooLong { chars } => {
                format!("需求标题有{chars}个字，最多{MAX_TITLE_CHARS}个字；详细内容请另起一行写“说明：…”")
            }
            Self::BadDeadline(e) => format!("期望上线时间有问题：{e}"),
            Self::BadPriority { input } => {
                format!("优先级“{input}”看不懂，请写 P0、P1、P2、P3，或 紧急、高、中、低")
            }
            Self::BadContact => "联系人请 @ 一位同事".to_owned(),
            Self::MissingId { command } => format!("“{command}”需要写明需求编号，例如 XQ-5"),
            Self::BadId { command, input } => {
                format!("“{input}”不是需求编号；“{command}”后面请写需求编号，例如 XQ-5")
            }
            Self::BadTarget { input } => {
                format!("“{input}”看不懂；受理时可以写项目编号（如 XM-3）或“新建项目”，也可以不写")
            }
            Self::MissingText { command } => match *command {
                "驳回" => "驳回时请写明原因，提出人会看到".to_owned(),
                "待补充" => "请写明需要提出人补充什么".to_owned(),
                _ => "请写上补充的内容".to_owned(),
            },
            Self::UnknownFilter { word } => format!("需求列表不支持“{word}”，可以写：待受理、我的、全部"),
            Self::TrailingInput { command, junk } => {
                format!("“{command}”后面多了“{junk}”，请删去多余的内容")
            }
        }
    }
}

impl fmt::Display for RequirementParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let example = self.example().replace('\n', " ⏎ ");
        write!(f, "{}。正确的写法例如：{example}", self.problem())
    }
}

/// A field of the submission form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Unit,
    Scenario,
    Expected,
    Priority,
    Contact,
    Description,
}

const FIELDS: &[(&str, Field)] = &[
    ("提出单位", Field::Unit),
    ("营业部", Field::Unit),
    ("单位", Field::Unit),
    ("分支机构", Field::Unit),
    ("场景", Field::Scenario),
    ("业务场景", Field::Scenario),
    ("期望上线时间", Field::Expected),
    ("期望上线", Field::Expected),
    ("上线时间", Field::Expected),
    ("期望时间", Field::Expected),
    ("优先级", Field::Priority),
    ("联系人", Field::Contact),
    ("说明", Field::Description),
    ("描述", Field::Description),
    ("备注", Field::Description),
];

/// A token starting a field (`场景：…`), with the text glued after the colon.
fn field_start(token: &Token) -> Option<(Field, Option<Token>)> {
    let (key, _) = token.bare()?.split_once(':')?;
    let field = FIELDS.iter().find(|(k, _)| *k == key)?.1;
    Some((field, token.tail(key.chars().count() + 1)))
}

/// Parses what follows `/需求`.
pub(crate) fn parse(lines: Vec<Vec<Token>>, ctx: &Context<'_>) -> Result<ReqCmd, RequirementParseError> {
    let flat: Vec<Token> = lines.concat();
    let Some(first) = flat.first() else {
        return Ok(ReqCmd::Help);
    };
    let Some(spec) = first.bare().and_then(|w| lookup(REQUIREMENT_COMMANDS, w)) else {
        if looks_like_unknown_subcommand(&flat) {
            return Err(RequirementParseError::UnknownSubcommand {
                word: first.as_text().chars().take(20).collect(),
            });
        }
        return submit(&lines, ctx).map(ReqCmd::Submit);
    };
    let zh = spec.zh;
    let mut c = Cursor::new(flat.get(1..).unwrap_or(&[]).to_vec(), zh);
    let text = |c: &mut Cursor| {
        c.rest_text()
            .ok_or(RequirementParseError::MissingText { command: zh })
    };
    let cmd = match zh {
        "新建" => ReqCmd::Form,
        "受理" => {
            let id = req_id(&mut c, zh)?;
            ReqCmd::Accept {
                id,
                target: target(&mut c)?,
            }
        }
        "合并" => ReqCmd::Merge {
            id: req_id(&mut c, zh)?,
            into: req_id(&mut c, zh)?,
        },
        "驳回" => ReqCmd::Reject {
            id: req_id(&mut c, zh)?,
            reason: text(&mut c)?,
        },
        "待补充" => ReqCmd::AskInfo {
            id: req_id(&mut c, zh)?,
            what: text(&mut c)?,
        },
        "补充" => ReqCmd::Supplement {
            id: req_id(&mut c, zh)?,
            text: text(&mut c)?,
        },
        "查看" => ReqCmd::Show(req_id(&mut c, zh)?),
        "列表" => ReqCmd::List(filter(&mut c)?),
        "看板" => ReqCmd::Board,
        _ => return Ok(ReqCmd::Help),
    };
    if !c.rest().is_empty() {
        return Err(RequirementParseError::TrailingInput {
            command: zh,
            junk: join(c.rest()),
        });
    }
    Ok(cmd)
}

/// `删除 XQ-3`: a short word and an explicit `XQ-` number, nothing else.
fn looks_like_unknown_subcommand(tokens: &[Token]) -> bool {
    match tokens {
        [
            Token::Word {
                text: w,
                quoted: false,
                ..
            },
            Token::Word {
                text: id,
                quoted: false,
                ..
            },
        ] => {
            let short = w.chars().count() <= 4 || (w.is_ascii() && w.len() <= 12);
            short
                && id.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("XQ"))
                && RequirementId::parse(trim_punct(id)).is_some()
        }
        _ => false,
    }
}

fn req_id(c: &mut Cursor, command: &'static str) -> Result<RequirementId, RequirementParseError> {
    let Some(token) = c.peek() else {
        return Err(RequirementParseError::MissingId { command });
    };
    match token.bare().map(trim_punct).and_then(RequirementId::parse) {
        Some(id) => {
            c.advance(1);
            Ok(id)
        }
        None => Err(RequirementParseError::BadId {
            command,
            input: token.as_text().chars().take(20).collect(),
        }),
    }
}

fn target(c: &mut Cursor) -> Result<AcceptTarget, RequirementParseError> {
    let Some(token) = c.peek().cloned() else {
        return Ok(AcceptTarget::None);
    };
    c.advance(1);
    let word = token.bare().map(trim_punct).unwrap_or_default();
    if matches!(word, "新建项目" | "新项目" | "new") {
        return Ok(AcceptTarget::NewProject {
            owner: c.next_mention(),
        });
    }
    let is_project = word.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("XM"));
    match ProjectId::parse(word).filter(|_| is_project) {
        Some(p) => Ok(AcceptTarget::Project(p)),
        None => Err(RequirementParseError::BadTarget {
            input: token.as_text().chars().take(20).collect(),
        }),
    }
}

fn filter(c: &mut Cursor) -> Result<ReqFilter, RequirementParseError> {
    let Some(token) = c.peek() else {
        return Ok(ReqFilter::Open);
    };
    let f = match token.bare().unwrap_or_default().to_ascii_lowercase().as_str() {
        "待受理" | "pending" => ReqFilter::Pending,
        "我的" | "mine" => ReqFilter::Mine,
        "全部" | "all" => ReqFilter::All,
        "未关闭" | "open" => ReqFilter::Open,
        _ => {
            return Err(RequirementParseError::UnknownFilter {
                word: token.as_text().chars().take(20).collect(),
            });
        }
    };
    c.advance(1);
    Ok(f)
}

/// A submission: title tokens up to the first field, then `key：value` fields.
fn submit(lines: &[Vec<Token>], ctx: &Context<'_>) -> Result<NewReq, RequirementParseError> {
    let mut title: Vec<Token> = Vec::new();
    let mut fields: Vec<(Field, Vec<Token>)> = Vec::new();
    // A mention outside a 联系人 field is the contact (the first one).
    let mut loose_contact: Option<Person> = None;
    for (n, line) in lines.iter().enumerate() {
        let starts_with_field = line.first().and_then(field_start).is_some();
        if n > 0 && !starts_with_field {
            // A line without a key continues 说明, in order.
            fields.push((Field::Description, line.clone()));
            continue;
        }
        for token in line {
            if let Some((field, glued)) = field_start(token) {
                fields.push((field, glued.into_iter().collect()));
                continue;
            }
            let in_contact = fields.last().is_some_and(|(f, _)| *f == Field::Contact);
            match (token, fields.last_mut()) {
                (Token::Mention(p), _) if !in_contact => {
                    loose_contact.get_or_insert_with(|| p.clone());
                }
                (_, Some((_, value))) => value.push(token.clone()),
                (_, None) => title.push(token.clone()),
            }
        }
    }
    let mut description: Vec<String> = Vec::new();
    let mut req = NewReq {
        title: String::new(),
        unit: None,
        scenario: None,
        expected: None,
        priority: Priority::default(),
        contact: None,
        description: None,
    };
    let words = title;
    req.title = join(&words);
    if req.title.is_empty() {
        return Err(RequirementParseError::MissingTitle);
    }
    let chars = req.title.chars().count();
    if chars > MAX_TITLE_CHARS {
        return Err(RequirementParseError::TitleTooLong { chars });
    }
    for (field, value) in fields {
        let text = join(&value);
        let text = text.trim();
        let grammar = grammar_text(&value);
        let grammar = grammar.trim();
        match field {
            Field::Unit => req.unit = non_empty(text),
            Field::Scenario => req.scenario = non_empty(text),
            Field::Description => description.extend(non_empty(text)),
            Field::Priority if !text.is_empty() => {
                req.priority =
                    Priority::parse(grammar).ok_or_else(|| RequirementParseError::BadPriority {
                        input: text.chars().take(20).collect(),
                    })?;
            }
            Field::Priority => {}
            Field::Expected if !text.is_empty() => {
                req.expected = Some(
                    parse_deadline(grammar, ctx.now, ctx.calendar)
                        .map_err(RequirementParseError::BadDeadline)?,
                );
            }
            Field::Expected => {}
            Field::Contact => match value.as_slice() {
                [Token::Mention(p)] => req.contact = Some(p.clone()),
                [] => {}
                _ => return Err(RequirementParseError::BadContact),
            },
        }
    }
    if req.contact.is_none() {
        req.contact = loose_contact;
    }
    req.description = non_empty(&description.join("\n"));
    Ok(req)
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Renders `cmd` as a `/需求` line (or lines) plus its mentions.
pub(crate) fn render(cmd: &ReqCmd) -> (String, Vec<Mention>) {
    let mut r = Renderer::default();
    let plain = |t: &str| free_text(t, |_| false);
    let body = match cmd {
        ReqCmd::Submit(new) => {
            let mut text = free_text(&new.title, |w| lookup(REQUIREMENT_COMMANDS, w).is_some());
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
        let person = crate::command::json::person;
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
