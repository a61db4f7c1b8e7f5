//! `/项目` subcommands (pure, alias `/project`): parse, render (the inverse) and JSON.
//!
//! ```text
//! /项目 新建 <名称> @负责人 [模板]        (名称 before the mention; one template word after)
//! /项目 计划 XM-3 <阶段名|序号> [@阶段负责人] [计划完成时间]   (at least one of the two)
//! /项目 推进 XM-3 [说明]
//! /项目 退回 XM-3 原因
//! /项目 关联 XM-3 DB-12   |   /项目 取消关联 XM-3 DB-12
//! /项目 查看 XM-3
//! /项目 列表 [我的|进行中|延期|全部]     (default 进行中)
//! /项目 看板 [全部]
//! /项目 取消 XM-3 [原因]
//! /项目 帮助                             (also a bare `/项目`)
//! ```

use std::fmt;

use serde_json::{Value, json};

use crate::command::cursor::{Cursor, join};
use crate::command::lexer::Token;
use crate::command::render_parts::{Renderer, format_deadline, free_text, words};
use crate::command::spec::{CommandSpec, PROJECT_COMMANDS};
use crate::command::when::{DeadlineError, format_rfc3339, parse_deadline};
use crate::command::{Context, MAX_TITLE_CHARS, Mention};
use crate::domain::deadline::Deadline;
use crate::domain::ids::{ItemId, Person, ProjectId};

/// A `/项目` subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectCmd {
    /// `新建`.
    Create {
        /// The name.
        name: String,
        /// 负责人.
        owner: Person,
        /// A configured template's name (default template when absent).
        template: Option<String>,
    },
    /// `计划`: a stage's owner and/or planned end.
    Plan {
        /// The project.
        id: ProjectId,
        /// Stage name or 1-based number, as typed.
        stage: String,
        /// New stage owner.
        owner: Option<Person>,
        /// New planned end.
        planned_end: Option<Deadline>,
    },
    /// `推进`.
    Advance {
        /// The project.
        id: ProjectId,
        /// A remark.
        note: Option<String>,
    },
    /// `退回`.
    Rollback {
        /// The project.
        id: ProjectId,
        /// Why (required).
        reason: String,
    },
    /// `关联`.
    Link {
        /// The project.
        id: ProjectId,
        /// The 督办 item.
        item: ItemId,
    },
    /// `取消关联`.
    Unlink {
        /// The project.
        id: ProjectId,
        /// The 督办 item.
        item: ItemId,
    },
    /// `查看`.
    Show(ProjectId),
    /// `列表`.
    List(ProjectFilter),
    /// `看板`; `all` = the whole department, else this group.
    Board {
        /// `全部`.
        all: bool,
    },
    /// `取消`.
    Cancel {
        /// The project.
        id: ProjectId,
        /// Why.
        reason: Option<String>,
    },
    /// `帮助`.
    Help,
}

/// Which projects `列表` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectFilter {
    /// `进行中` (the default).
    #[default]
    Active,
    /// `我的`: projects I own or own a stage of.
    Mine,
    /// `延期`: active projects whose current stage is past its plan.
    Late,
    /// `全部`: including done and cancelled ones.
    All,
}

/// Why a `/项目` line could not be understood.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProjectParseError {
    /// Not a `/项目` subcommand.
    UnknownSubcommand {
        /// The word.
        word: String,
    },
    /// `新建` without a name.
    MissingName,
    /// A name over [`MAX_TITLE_CHARS`] characters.
    NameTooLong {
        /// Its length.
        chars: usize,
    },
    /// `新建` without an @-mentioned owner.
    MissingOwner,
    /// No project number.
    MissingId {
        /// The subcommand.
        command: &'static str,
    },
    /// Not a project number.
    BadId {
        /// The subcommand.
        command: &'static str,
        /// What was typed.
        input: String,
    },
    /// `计划` without a stage.
    MissingStage,
    /// `计划` without an owner or a date.
    NothingToPlan,
    /// The date was refused.
    BadDeadline(#[source] DeadlineError),
    /// `退回` without a reason.
    MissingReason,
    /// `关联` without a `DB-` number.
    MissingItem {
        /// The subcommand.
        command: &'static str,
    },
    /// `列表` with an unknown filter.
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

impl ProjectParseError {
    /// A correct example line from [`PROJECT_COMMANDS`].
    pub fn example(&self) -> &'static str {
        let zh = match self {
            Self::MissingId { command }
            | Self::TrailingInput { command, .. }
            | Self::MissingItem { command } => command,
            Self::BadId { command, .. } => command,
            Self::MissingName | Self::NameTooLong { .. } | Self::MissingOwner => "新建",
            Self::MissingStage | Self::NothingToPlan | Self::BadDeadline(_) => "计划",
            Self::MissingReason => "退回",
            Self::UnknownFilter { .. } => "列表",
            Self::UnknownSubcommand { .. } => "帮助",
        };
        example_of(PROJECT_COMMANDS, zh)
    }

    /// A short title naming what was wrong (`计划完成时间没看懂`), for the refusal card.
    pub fn title(&self) -> &'static str {
        match self {
            Self::UnknownSubcommand { .. } => "没有这个项目指令",
            Self::MissingName => "缺少项目名称",
            Self::NameTooLong { .. } => "项目名称太长",
            Self::MissingOwner => "缺少项目负责人",
            Self::MissingId { .. } => "缺少项目编号",
            Self::BadId { .. } => "项目编号没看懂",
            Self::MissingStage => "缺少阶段",
            Self::NothingToPlan => "缺少阶段负责人或计划时间",
            Self::BadDeadline(_) => "计划完成时间没看懂",
            Self::MissingReason => "缺少退回原因",
            Self::MissingItem { .. } => "缺少事项编号",
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
            Self::UnknownSubcommand { word } => format!("没有“{word}”这个项目指令，可用的指令见下方帮助"),
            Self::MissingName => "请写明项目名称".to_owned(),
            Self::NameTooLong { chars } => format!("项目名称有{chars}个字，最多{MAX_TITLE_CHARS}个字"),
            Self::MissingOwner => "请 @ 一位项目负责人".to_owned(),
            Self::MissingId { command } => format!("“{command}”需要写明项目编号，例如 XM-3"),
            Self::BadId { command, input } => {
                format!("“{input}”不是项目编号；“{command}”后面请写项目编号，例如 XM-3")
            }
            Self::MissingStage => "请写明要计划的阶段（阶段名称或序号）".to_owned(),
            Self::NothingToPlan => "请 @ 阶段负责人，或写上计划完成时间（至少一项）".to_owned(),
            Self::BadDeadline(e) => format!("计划完成时间有问题：{e}"),
            Self::MissingReason => "退回时请写明原因".to_owned(),
            Self::MissingItem { command } => format!("“{command}”请写明督办事项编号，例如 DB-12"),
            Self::UnknownFilter { word } => {
                format!("项目列表不支持“{word}”，可以写：我的、进行中、延期、全部")
            }
            Self::TrailingInput { command, junk } => {
                format!("“{command}”后面多了“{junk}”，请删去多余的内容")
            }
        }
    }
}

impl fmt::Display for ProjectParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}。正确的写法例如：{}", self.problem(), self.example())
    }
}

/// The example of row `zh` in `table` (the first row when absent).
pub(crate) fn example_of(table: &'static [CommandSpec], zh: &str) -> &'static str {
    table
        .iter()
        .find(|s| s.zh == zh)
        .or(table.first())
        .map_or("", |s| s.example)
}

/// The row whose Chinese word or English alias is `word`.
pub(crate) fn lookup(table: &'static [CommandSpec], word: &str) -> Option<&'static CommandSpec> {
    table
        .iter()
        .filter(|s| !s.zh.is_empty())
        .find(|s| s.zh == word || s.en.eq_ignore_ascii_case(word))
}

/// Parses what follows `/项目` (one entry per line; lines are joined: every subcommand is one line).
pub(crate) fn parse(lines: Vec<Vec<Token>>, ctx: &Context<'_>) -> Result<ProjectCmd, ProjectParseError> {
    let flat: Vec<Token> = lines.concat();
    let Some(first) = flat.first() else {
        return Ok(ProjectCmd::Help);
    };
    let Some(spec) = first.bare().and_then(|w| lookup(PROJECT_COMMANDS, w)) else {
        return Err(ProjectParseError::UnknownSubcommand {
            word: first.as_text().chars().take(20).collect(),
        });
    };
    let mut c = Cursor::new(flat.get(1..).unwrap_or(&[]).to_vec(), spec.zh);
    let zh = spec.zh;
    let cmd = match zh {
        "新建" => create(&mut c)?,
        "计划" => plan(&mut c, ctx)?,
        "推进" => ProjectCmd::Advance {
            id: project_id(&mut c, zh)?,
            note: c.rest_text(),
        },
        "退回" => ProjectCmd::Rollback {
            id: project_id(&mut c, zh)?,
            reason: c.rest_text().ok_or(ProjectParseError::MissingReason)?,
        },
        "关联" => ProjectCmd::Link {
            id: project_id(&mut c, zh)?,
            item: item_id(&mut c, zh)?,
        },
        "取消关联" => ProjectCmd::Unlink {
            id: project_id(&mut c, zh)?,
            item: item_id(&mut c, zh)?,
        },
        "查看" => ProjectCmd::Show(project_id(&mut c, zh)?),
        "列表" => ProjectCmd::List(filter(&mut c)?),
        "看板" => {
            let all = c
                .peek()
                .and_then(Token::bare)
                .is_some_and(|w| w == "全部" || w.eq_ignore_ascii_case("all"));
            if all {
                c.advance(1);
            }
            ProjectCmd::Board { all }
        }
        "取消" => ProjectCmd::Cancel {
            id: project_id(&mut c, zh)?,
            reason: c.rest_text(),
        },
        _ => return Ok(ProjectCmd::Help),
    };
    if !c.rest().is_empty() {
        return Err(ProjectParseError::TrailingInput {
            command: zh,
            junk: join(c.rest()),
        });
    }
    Ok(cmd)
}

/// The next token as a project number.
fn project_id(c: &mut Cursor, command: &'static str) -> Result<ProjectId, ProjectParseError> {
    let Some(token) = c.peek() else {
        return Err(ProjectParseError::MissingId { command });
    };
    match token.bare().map(trim_punct).and_then(ProjectId::parse) {
        Some(id) => {
            c.advance(1);
            Ok(id)
        }
        None => Err(ProjectParseError::BadId {
            command,
            input: token.as_text().chars().take(20).collect(),
        }),
    }
}

fn item_id(c: &mut Cursor, command: &'static str) -> Result<ItemId, ProjectParseError> {
    let id = c
        .peek()
        .and_then(Token::bare)
        .map(trim_punct)
        .and_then(ItemId::parse);
    let Some(id) = id else {
        return Err(ProjectParseError::MissingItem { command });
    };
    c.advance(1);
    Ok(id)
}

/// Trailing punctuation people type after a number (`XM-3，`).
pub(crate) fn trim_punct(s: &str) -> &str {
    s.trim_end_matches([',', ':', '.', '、', '，', '。', ';'])
}

/// `新建 <名称…> @负责人 [模板]`.
fn create(c: &mut Cursor) -> Result<ProjectCmd, ProjectParseError> {
    let rest = c.rest().to_vec();
    c.advance(rest.len());
    let Some(at) = rest.iter().position(|t| matches!(t, Token::Mention(_))) else {
        return Err(if rest.is_empty() {
            ProjectParseError::MissingName
        } else {
            ProjectParseError::MissingOwner
        });
    };
    let Some(Token::Mention(owner)) = rest.get(at) else {
        return Err(ProjectParseError::MissingOwner);
    };
    let name = join(rest.get(..at).unwrap_or(&[]));
    if name.is_empty() {
        return Err(ProjectParseError::MissingName);
    }
    let chars = name.chars().count();
    if chars > MAX_TITLE_CHARS {
        return Err(ProjectParseError::NameTooLong { chars });
    }
    let after = rest.get(at + 1..).unwrap_or(&[]);
    let template = match after {
        [] => None,
        [Token::Word { text, .. }] => Some(text.clone()),
        more => {
            return Err(ProjectParseError::TrailingInput {
                command: "新建",
                junk: join(more),
            });
        }
    };
    Ok(ProjectCmd::Create {
        name,
        owner: owner.clone(),
        template,
    })
}

/// `计划 XM-3 <阶段> [@负责人] [时间]` (mention and time in either order).
fn plan(c: &mut Cursor, ctx: &Context<'_>) -> Result<ProjectCmd, ProjectParseError> {
    let id = project_id(c, "计划")?;
    let stage = match c.peek() {
        Some(Token::Word { text, .. }) => text.clone(),
        Some(Token::Mention(_)) | None => return Err(ProjectParseError::MissingStage),
    };
    c.advance(1);
    let rest = c.rest().to_vec();
    c.advance(rest.len());
    let mut owner = None;
    let mut date_words = Vec::new();
    for t in &rest {
        match t {
            Token::Mention(p) if owner.is_none() => owner = Some(p.clone()),
            Token::Mention(_) => {
                return Err(ProjectParseError::TrailingInput {
                    command: "计划",
                    junk: t.as_text(),
                });
            }
            Token::Word { text, .. } => date_words.push(text.as_str()),
        }
    }
    let planned_end = if date_words.is_empty() {
        None
    } else {
        let text = date_words.join(" ");
        match parse_deadline(&text, ctx.now, ctx.calendar) {
            Ok(d) => Some(d),
            Err(e) if e.is_not_a_time() => {
                return Err(ProjectParseError::TrailingInput {
                    command: "计划",
                    junk: text,
                });
            }
            Err(e) => return Err(ProjectParseError::BadDeadline(e)),
        }
    };
    if owner.is_none() && planned_end.is_none() {
        return Err(ProjectParseError::NothingToPlan);
    }
    Ok(ProjectCmd::Plan {
        id,
        stage,
        owner,
        planned_end,
    })
}

fn filter(c: &mut Cursor) -> Result<ProjectFilter, ProjectParseError> {
    let Some(token) = c.peek() else {
        return Ok(ProjectFilter::Active);
    };
    let word = token.bare().unwrap_or_default();
    let f = match word.to_ascii_lowercase().as_str() {
        "我的" | "mine" => ProjectFilter::Mine,
        "进行中" | "active" => ProjectFilter::Active,
        "延期" | "late" => ProjectFilter::Late,
        "全部" | "all" => ProjectFilter::All,
        _ => {
            return Err(ProjectParseError::UnknownFilter {
                word: token.as_text().chars().take(20).collect(),
            });
        }
    };
    c.advance(1);
    Ok(f)
}

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
        let person = crate::command::json::person;
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
            Self::Help => json!({"command": "project.help"}),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
