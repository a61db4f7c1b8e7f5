//! `/督办` subcommands (pure): the first word is looked up in the table
//! ([`SuperviseSub::from_word`]) and dispatched on its key with an exhaustive `match`, one
//! small parser per subcommand; creation (the row without a word) is in `create.rs`, the
//! inverse (back to text) in `render.rs`.

mod appraisal;
mod batch;
mod create;
mod issue;
mod render;
mod repeat;
mod repeat_error;
mod units;

use crate::command::ast::{ListFilter, SuperviseCmd};
use crate::command::context::Context;
use crate::command::error::ParseError;
use crate::command::grammar::{Cursor, Token};
use crate::command::spec::SuperviseSub;
use crate::command::when::parse_deadline;
use crate::domain::appraisal::BehaviourKind;
use crate::domain::board::Period;
use crate::domain::ids::ItemId;

pub(crate) use self::render::render;
pub use self::repeat_error::RepeatParseError;

use self::create::{Prefer, Search, find_deadline};

/// A first word this short that is not a subcommand, followed by at most an item number, is
/// taken as a mistyped subcommand rather than a creation.
const MAX_UNKNOWN_CJK_CHARS: usize = 4;
const MAX_UNKNOWN_ASCII_CHARS: usize = 12;

/// Parses what follows `/督办` (one entry per non-blank line; the first may be empty).
pub(crate) fn parse(lines: Vec<Vec<Token>>, ctx: &Context<'_>) -> Result<SuperviseCmd, ParseError> {
    let flat: Vec<Token> = lines.concat();
    let Some(first) = flat.first() else {
        return Ok(SuperviseCmd::Help);
    };
    let key = match first.bare().and_then(SuperviseSub::from_word) {
        Some(key) => key,
        None if looks_like_unknown_subcommand(&flat, ctx) => {
            return Err(ParseError::UnknownSubcommand {
                word: first.as_text(),
            });
        }
        None => SuperviseSub::Create,
    };
    let mut cursor = Cursor::new(flat.get(1..).unwrap_or(&[]).to_vec(), key.spec().zh);
    let result = subcommand(key, &lines, &mut cursor, ctx);
    match result {
        // `/督办 完成 三季度报告 @张三 周五前` is a creation whose title starts with a verb.
        Err(ParseError::MissingItemId { .. } | ParseError::BadItemId { .. })
            if flat.iter().any(|t| matches!(t, Token::Mention(_))) && key != SuperviseSub::Reassign =>
        {
            create::parse(&lines, ctx).map(SuperviseCmd::Create).or(result)
        }
        // `/督办 重复 核对报表 @张三 周五前`: a title that starts with the word 重复.
        Err(ParseError::Repeat(RepeatParseError::NotStop))
            if flat.iter().any(|t| matches!(t, Token::Mention(_))) =>
        {
            create::parse(&lines, ctx).map(SuperviseCmd::Create).or(result)
        }
        // `/督办 统计三季度报表 @张三 周五前` and the like are creations too.
        Err(
            ParseError::UnknownPeriod { .. }
            | ParseError::UnknownExportPeriod { .. }
            | ParseError::TrailingInput { .. },
        ) if matches!(
            key,
            SuperviseSub::Stats | SuperviseSub::Board | SuperviseSub::Export
        ) =>
        {
            create::parse(&lines, ctx).map(SuperviseCmd::Create).or(result)
        }
        other => other,
    }
}

fn looks_like_unknown_subcommand(tokens: &[Token], ctx: &Context<'_>) -> bool {
    let (Some(word), rest) = (
        tokens.first().and_then(Token::bare),
        tokens.get(1..).unwrap_or(&[]),
    ) else {
        return false;
    };
    let n = word.chars().count();
    let short = if word.is_ascii() {
        word.chars().all(|c| c.is_ascii_alphabetic()) && n <= MAX_UNKNOWN_ASCII_CHARS
    } else {
        n <= MAX_UNKNOWN_CJK_CHARS
    };
    let rest_is_id = match rest {
        [] => true,
        [t] => t.bare().and_then(ItemId::parse).is_some(),
        _ => false,
    };
    short
        && rest_is_id
        && !word.starts_with('#')
        && crate::domain::priority::Priority::parse(word).is_none()
        && parse_deadline(word, ctx.now, ctx.calendar).is_err()
}

/// Dispatches on the row's key: every subcommand has its arm (no fallback), and each but
/// creation and help must consume every word.
fn subcommand(
    key: SuperviseSub,
    lines: &[Vec<Token>],
    c: &mut Cursor,
    ctx: &Context<'_>,
) -> Result<SuperviseCmd, ParseError> {
    let cmd = match key {
        SuperviseSub::Create => return create::parse(lines, ctx).map(SuperviseCmd::Create),
        SuperviseSub::List => SuperviseCmd::List(list_filter(c)?),
        SuperviseSub::Show => SuperviseCmd::Show(item_id(c)?),
        SuperviseSub::Progress => progress(c)?,
        SuperviseSub::Done => SuperviseCmd::Done {
            id: item_id(c)?,
            note: c.rest_text(),
        },
        SuperviseSub::Accept => SuperviseCmd::Accept { id: item_id(c)? },
        SuperviseSub::Reject => SuperviseCmd::Reject {
            id: item_id(c)?,
            reason: c.rest_text().ok_or(ParseError::MissingReason)?,
        },
        SuperviseSub::Extend => extend(c, ctx)?,
        SuperviseSub::Nudge => SuperviseCmd::Nudge { id: item_id(c)? },
        SuperviseSub::Reassign => SuperviseCmd::Reassign {
            id: item_id(c)?,
            to: c.next_mention().ok_or(ParseError::MissingPerson)?,
        },
        SuperviseSub::Repeat => repeat::stop(c)?,
        SuperviseSub::Cancel => SuperviseCmd::Cancel {
            id: item_id(c)?,
            reason: c.rest_text(),
        },
        SuperviseSub::Board => board(c),
        SuperviseSub::Class => SuperviseCmd::Class {
            id: item_id(c)?,
            class: class_word(c)?,
        },
        SuperviseSub::Align => SuperviseCmd::Align { id: item_id(c)? },
        SuperviseSub::Stats => stats(c)?,
        SuperviseSub::Appraisal => SuperviseCmd::Appraisal(appraisal::appraisal(c)?),
        SuperviseSub::Commend => SuperviseCmd::Behaviour(appraisal::behaviour(c, BehaviourKind::Commend)?),
        SuperviseSub::Fault => SuperviseCmd::Behaviour(appraisal::behaviour(c, BehaviourKind::Fault)?),
        SuperviseSub::Export => export(c)?,
        SuperviseSub::Issue if batch::is_batch_word(c) => batch::parse(c, ctx)?,
        SuperviseSub::Issue => {
            let all: Vec<Token> = lines.concat();
            return issue::parse(all.get(1..).unwrap_or(&[]), ctx).map(SuperviseCmd::Issue);
        }
        SuperviseSub::Report => SuperviseCmd::Report {
            id: item_id(c)?,
            value: match c.peek().map(Token::as_text) {
                Some(v) => {
                    c.advance(1);
                    v
                }
                None => return Err(ParseError::MissingReportValue),
            },
            note: c.rest_text(),
        },
        SuperviseSub::BindUnit => SuperviseCmd::BindUnit(units::bind(c)?),
        SuperviseSub::Units => SuperviseCmd::Units(units::units(c)?),
        // 帮助 ignores whatever follows: asking for help is never an error.
        SuperviseSub::Help => return Ok(SuperviseCmd::Help),
    };
    c.finish()?;
    Ok(cmd)
}

/// The item number (`DB-12`, `12`, `db12`).
fn item_id(c: &mut Cursor) -> Result<ItemId, ParseError> {
    Ok(c.next_id(ItemId::parse)?)
}

/// `承诺` / `挑战` / `突发` (also with a leading `#`).
fn class_word(c: &mut Cursor) -> Result<crate::domain::item::ItemClass, ParseError> {
    let Some(token) = c.peek() else {
        return Err(ParseError::BadClass { input: String::new() });
    };
    let text = token.as_text();
    let class = token
        .bare()
        .map(|w| w.trim_start_matches('#'))
        .and_then(crate::domain::item::ItemClass::parse)
        .ok_or(ParseError::BadClass { input: text })?;
    c.advance(1);
    Ok(class)
}

fn list_filter(c: &mut Cursor) -> Result<ListFilter, ParseError> {
    if let Some(p) = c.next_mention() {
        return Ok(ListFilter::Person(p));
    }
    match c.next_choice(LIST_FILTERS) {
        Ok(filter) => Ok(filter.unwrap_or_default()),
        Err(word) => Err(ParseError::UnknownFilter { word }),
    }
}

/// The words of `列表`'s filters (besides `@某人`).
const LIST_FILTERS: &[(&str, ListFilter)] = &[
    ("我的", ListFilter::Mine),
    ("mine", ListFilter::Mine),
    ("我发起的", ListFilter::CreatedByMe),
    ("created", ListFilter::CreatedByMe),
    ("逾期", ListFilter::Overdue),
    ("overdue", ListFilter::Overdue),
    ("本周", ListFilter::ThisWeek),
    ("week", ListFilter::ThisWeek),
    ("全部", ListFilter::All),
    ("all", ListFilter::All),
    ("未完成", ListFilter::Open),
    ("open", ListFilter::Open),
];

/// `进展 DB-12 [60%] [说明]`.
fn progress(c: &mut Cursor) -> Result<SuperviseCmd, ParseError> {
    let id = item_id(c)?;
    let percent = match c.peek().and_then(Token::bare).and_then(|w| w.strip_suffix('%')) {
        Some(number) if number.parse::<f64>().is_ok() => {
            let input = format!("{number}%");
            let p = number
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= 100 && number.chars().all(|ch| ch.is_ascii_digit()))
                .ok_or(ParseError::BadPercent { input })?;
            c.advance(1);
            Some(p)
        }
        Some(_) | None => None,
    };
    let note = c.rest_text();
    if percent.is_none() && note.is_none() {
        return Err(ParseError::MissingProgress);
    }
    Ok(SuperviseCmd::Progress { id, percent, note })
}

/// `延期 DB-12 <新截止时间> [原因]`: the earliest group of words that reads as a deadline.
fn extend(c: &mut Cursor, ctx: &Context<'_>) -> Result<SuperviseCmd, ParseError> {
    let id = item_id(c)?;
    let rest = c.rest().to_vec();
    let usable: Vec<bool> = rest.iter().map(|t| t.bare().is_some()).collect();
    match find_deadline(&rest, &usable, Prefer::First, ctx) {
        Search::Found { deadline, start, len } => {
            let mut others: Vec<Token> = rest.get(..start).unwrap_or(&[]).to_vec();
            others.extend_from_slice(rest.get(start + len..).unwrap_or(&[]));
            let mut reason = Cursor::new(others, "延期");
            c.advance(rest.len());
            Ok(SuperviseCmd::Extend {
                id,
                deadline,
                reason: reason.rest_text(),
            })
        }
        Search::Refused(e) => Err(ParseError::BadDeadline(e)),
        Search::Nothing => Err(ParseError::ExtendNeedsDeadline),
    }
}

/// `导出 [本月|上月|本季度]`.
fn export(c: &mut Cursor) -> Result<SuperviseCmd, ParseError> {
    let Some(token) = c.peek() else {
        return Ok(SuperviseCmd::Export { period: None });
    };
    match token.bare().and_then(Period::parse) {
        Some(p) => {
            c.advance(1);
            Ok(SuperviseCmd::Export { period: Some(p) })
        }
        None => Err(ParseError::UnknownExportPeriod {
            word: token.as_text(),
        }),
    }
}

/// The words that make `晾晒` and `统计` firm-wide, by unit.
pub(crate) const ORG_WORDS: [&str; 3] = ["全部门", "按单位", "by-unit"];

fn is_org_word(t: &Token) -> bool {
    t.bare()
        .is_some_and(|w| ORG_WORDS.iter().any(|o| o.eq_ignore_ascii_case(w)))
}

/// `晾晒 [全部门|按单位]`.
fn board(c: &mut Cursor) -> SuperviseCmd {
    if c.peek().is_some_and(is_org_word) {
        c.advance(1);
        return SuperviseCmd::OrgBoard;
    }
    SuperviseCmd::Board
}

/// `统计 [本月|上月|本季度] [@某人 | 按单位]`, in any order.
fn stats(c: &mut Cursor) -> Result<SuperviseCmd, ParseError> {
    let mut period = None;
    let mut person = None;
    let mut by_unit = false;
    loop {
        if person.is_none()
            && !by_unit
            && let Some(p) = c.next_mention()
        {
            person = Some(p);
            continue;
        }
        let Some(token) = c.peek() else { break };
        if !by_unit && person.is_none() && is_org_word(token) {
            by_unit = true;
            c.advance(1);
            continue;
        }
        if period.is_some() {
            break;
        }
        match token.bare().and_then(Period::parse) {
            Some(p) => {
                period = Some(p);
                c.advance(1);
            }
            None if token.bare().is_some() => {
                return Err(ParseError::UnknownPeriod {
                    word: token.as_text(),
                });
            }
            None => break,
        }
    }
    if by_unit {
        return Ok(SuperviseCmd::UnitStats {
            period: period.unwrap_or_default(),
        });
    }
    Ok(SuperviseCmd::Stats {
        period: period.unwrap_or_default(),
        person,
    })
}
