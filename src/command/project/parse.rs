//! The `/项目` parser (pure): the first word is looked up in [`PROJECT_COMMANDS`] and
//! dispatched on its [`ProjectSub`] key with an exhaustive `match`.
//!
//! [`PROJECT_COMMANDS`]: crate::command::spec::PROJECT_COMMANDS

use crate::command::context::Context;
use crate::command::grammar::{Cursor, MAX_TITLE_CHARS, Token, clip, join};
use crate::command::spec::ProjectSub;
use crate::command::when::parse_deadline;
use crate::domain::ids::{ItemId, ProjectId};

use super::ast::{ProjectCmd, ProjectFilter};
use super::error::ProjectParseError;

/// Parses what follows `/项目` (one entry per line; lines are joined: every subcommand is one line).
pub(crate) fn parse(lines: Vec<Vec<Token>>, ctx: &Context<'_>) -> Result<ProjectCmd, ProjectParseError> {
    let flat: Vec<Token> = lines.concat();
    let Some(first) = flat.first() else {
        return Ok(ProjectCmd::Help);
    };
    let Some(key) = first.bare().and_then(ProjectSub::from_word) else {
        return Err(ProjectParseError::UnknownSubcommand {
            word: clip(&first.as_text()),
        });
    };
    let mut c = Cursor::new(flat.get(1..).unwrap_or(&[]).to_vec(), key.spec().zh);
    let cmd = match key {
        ProjectSub::Create => create(&mut c)?,
        ProjectSub::Plan => plan(&mut c, ctx)?,
        ProjectSub::Advance => ProjectCmd::Advance {
            id: c.next_id(ProjectId::parse)?,
            note: c.rest_text(),
        },
        ProjectSub::Rollback => ProjectCmd::Rollback {
            id: c.next_id(ProjectId::parse)?,
            reason: c.rest_text().ok_or(ProjectParseError::MissingReason)?,
        },
        ProjectSub::Link => ProjectCmd::Link {
            id: c.next_id(ProjectId::parse)?,
            item: item_id(&mut c)?,
        },
        ProjectSub::Unlink => ProjectCmd::Unlink {
            id: c.next_id(ProjectId::parse)?,
            item: item_id(&mut c)?,
        },
        ProjectSub::Show => ProjectCmd::Show(c.next_id(ProjectId::parse)?),
        ProjectSub::List => ProjectCmd::List(filter(&mut c)?),
        ProjectSub::Board => {
            let all = c
                .peek()
                .and_then(Token::bare)
                .is_some_and(|w| w == "全部" || w.eq_ignore_ascii_case("all"));
            if all {
                c.advance(1);
            }
            ProjectCmd::Board { all }
        }
        ProjectSub::Cancel => ProjectCmd::Cancel {
            id: c.next_id(ProjectId::parse)?,
            reason: c.rest_text(),
        },
        ProjectSub::Align => ProjectCmd::Align {
            id: c.next_id(ProjectId::parse)?,
        },
        ProjectSub::Help => return Ok(ProjectCmd::Help),
    };
    c.finish()?;
    Ok(cmd)
}

/// The `DB-` number of `关联` / `取消关联`.
fn item_id(c: &mut Cursor) -> Result<ItemId, ProjectParseError> {
    c.next_id(ItemId::parse)
        .map_err(|e| ProjectParseError::MissingItem { command: e.command() })
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
    let id = c.next_id(ProjectId::parse)?;
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
    match c.next_choice(FILTERS) {
        Ok(filter) => Ok(filter.unwrap_or_default()),
        Err(word) => Err(ProjectParseError::UnknownFilter { word: clip(&word) }),
    }
}

/// The words of `列表`'s filters.
const FILTERS: &[(&str, ProjectFilter)] = &[
    ("我的", ProjectFilter::Mine),
    ("mine", ProjectFilter::Mine),
    ("进行中", ProjectFilter::Active),
    ("active", ProjectFilter::Active),
    ("延期", ProjectFilter::Late),
    ("late", ProjectFilter::Late),
    ("全部", ProjectFilter::All),
    ("all", ProjectFilter::All),
];
