//! Command parsing (pure): `(text, mentions, now, calendar) -> Command`. No I/O, no clock.
//!
//! # Grammar
//!
//! A command starts with a prefix, after any leading mentions (the bot's `@_user_1`):
//! `/督办`, `／督办`, `、督办` (what a Chinese input method types for `/`), `/task` (English
//! subcommand aliases), or `/help` / `/帮助` (help). A missing space is forgiven when what is
//! glued on is a subcommand word (`/督办列表`, `/督办帮助`, `/项目看板`), or, after a Chinese
//! command word, when the message goes on to mention someone or to more lines (`/督办整理合同
//! @张三 周五前`). Otherwise a glued word is not ours: `/督办事项`, `/tasks list` and chat that
//! merely contains 督办 parse to `Ok(None)`. Input is normalised for the grammar (Unicode
//! spaces, full-width `：，（）＃％` and digits, “quotes”) by the lexer; free text keeps what
//! was typed.
//!
//! The first word after the prefix picks a subcommand from [`spec::SUPERVISE_COMMANDS`] (the
//! Chinese word, or its English alias):
//!
//! ```text
//! /督办                               帮助
//! /督办 列表 [我的|我发起的|逾期|本周|@某人|全部]   (mine created overdue week all)
//! /督办 查看 DB-12 | 验收 DB-12 | 催办 DB-12
//! /督办 进展 DB-12 [60%] [说明]         (at least one of the two)
//! /督办 完成 DB-12 [说明]
//! /督办 退回 DB-12 原因
//! /督办 延期 DB-12 新截止时间 [原因]
//! /督办 转交 DB-12 @新主办
//! /督办 取消 DB-12 [原因]
//! /督办 晾晒 (看板)                    (board)
//! /督办 统计 [本月|上月|本季度] [@某人]   (stats [month|last-month|quarter])
//! /督办 导出 [本月|上月|本季度]           (export [month|last-month|quarter])
//! ```
//!
//! Anything else is a creation. One line, tokens in any order:
//! `/督办 完成三季度合规自查报告 @张三 @李四 下周五前 P1 #合规` — the first mention is the owner
//! (主办), the others assistants (协办); `P0`–`P3` or 紧急/高/中/低 the priority (default P2);
//! `#word` tags; one to three adjacent words that read as a deadline (the last such group wins;
//! failing that, the longest time-like tail of the last title word, never split inside digits);
//! the remaining words, in order, the title. A word in `"quotes"` is always title text.
//!
//! Or structured, over several lines: the first line `/督办 <title>`, then `key：value` lines
//! (several keys may share a line): 负责人/主办, 协办, 截止/截止时间/期限/完成时间, 优先级,
//! 资源投入/资源, 场景, 说明/描述/备注, 标签. A line that starts without a key continues the
//! description.
//!
//! `/项目` (alias `/project`) and `/需求` (alias `/req`) have their own grammars, documented in
//! `command/project.rs` and `command/requirement.rs` and tabled in [`spec::PROJECT_COMMANDS`]
//! and [`spec::REQUIREMENT_COMMANDS`]. A `/督办` creation may carry `#XM-3`: it stays a tag, and
//! the service links the item to that project.
//! `/纪要` (`/minutes`) followed by pasted minutes, a link, or nothing (in a reply) is a
//! [`Command::Minutes`]; see [`MinutesCmd`].
//!
//! A short unknown first word followed by nothing or an item number (`/督办 删除 DB-3`) is an
//! [`ParseError::UnknownSubcommand`], whose [`ParseError::wants_help`] asks for the help card.
//!
//! A message that speaks to the bot without a prefix — `@督办 帮助`, `@督办 列表 我的`,
//! `@督办 项目 列表`, or `列表` in a 1:1 chat — is read by [`parse_addressed`] (see
//! `command/addressed.rs`); the caller decides whether the message speaks to the bot.

mod addressed;
mod create;
mod cursor;
mod error;
mod json;
mod lexer;
mod mention;
mod minutes;
mod project;
pub mod render;
mod render_parts;
mod requirement;
pub mod spec;
mod supervise;
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
pub mod when;

use jiff::Timestamp;

use crate::calendar::Calendar;
use crate::command::lexer::Token;
use crate::domain::board::Period;
use crate::domain::deadline::Deadline;
use crate::domain::ids::{ItemId, Person};
use crate::domain::priority::Priority;

pub use self::addressed::{mentions_bot, parse_addressed};
pub use self::error::{MAX_MENTIONS, MAX_TAGS, MAX_TITLE_CHARS, MINUTES_EXAMPLE, ParseError};
pub use self::mention::Mention;
pub use self::minutes::MinutesCmd;
pub use self::project::{ProjectCmd, ProjectFilter, ProjectParseError};
pub use self::render::{cli_mentions, render};
pub use self::requirement::{AcceptTarget, NewReq, ReqCmd, ReqFilter, RequirementParseError};

/// What the parser needs to know besides the text.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The current instant (deadlines are relative to it).
    pub now: Timestamp,
    /// The working-day calendar.
    pub calendar: &'a Calendar,
    /// The message replies to another one: a creation may then omit the title (the caller takes
    /// it from the quoted message).
    pub is_reply: bool,
}

/// A parsed bot command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `/督办 …`
    Supervise(SuperviseCmd),
    /// `/项目 …` (alias `/project`).
    Project(ProjectCmd),
    /// `/需求 …` (alias `/req`).
    Requirement(ReqCmd),
    /// `/纪要 …` (`/minutes`): meeting minutes to turn into action items.
    Minutes(MinutesCmd),
}

/// A `/督办` subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuperviseCmd {
    /// Create an item.
    Create(CreateItem),
    /// `列表`: list items.
    List(ListFilter),
    /// `查看`: show one item.
    Show(ItemId),
    /// `进展`: report progress (at least one of percent and note is present).
    Progress {
        /// The item.
        id: ItemId,
        /// 0–100.
        percent: Option<u8>,
        /// What was done.
        note: Option<String>,
    },
    /// `完成`: the owner submits the item as done.
    Done {
        /// The item.
        id: ItemId,
        /// Optional remark.
        note: Option<String>,
    },
    /// `验收`: the supervisor accepts.
    Accept {
        /// The item.
        id: ItemId,
    },
    /// `退回`: the supervisor sends it back.
    Reject {
        /// The item.
        id: ItemId,
        /// Why (required).
        reason: String,
    },
    /// `延期`: ask for a new deadline.
    Extend {
        /// The item.
        id: ItemId,
        /// The new deadline.
        deadline: Deadline,
        /// Why.
        reason: Option<String>,
    },
    /// `催办`: nudge the owner.
    Nudge {
        /// The item.
        id: ItemId,
    },
    /// `转交`: change the owner.
    Reassign {
        /// The item.
        id: ItemId,
        /// The new owner.
        to: Person,
    },
    /// `取消`: cancel the item.
    Cancel {
        /// The item.
        id: ItemId,
        /// Why.
        reason: Option<String>,
    },
    /// `帮助`: show help.
    Help,
    /// `晾晒` (看板): the group's board.
    Board,
    /// `导出 [本月|上月|本季度]`: the items as an xlsx file sent 1:1 to the asker (all of
    /// them without a period; by creation time within it).
    Export {
        /// The period, if given.
        period: Option<Period>,
    },
    /// `统计 [本月|上月|本季度] [@某人]`: per-person statistics (default 本月).
    Stats {
        /// The period.
        period: Period,
        /// Only this person, when given.
        person: Option<Person>,
    },
}

/// A new item as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateItem {
    /// The title; `None` only when the message is a reply (taken from the quoted message).
    pub title: Option<String>,
    /// 主办: the first person mentioned.
    pub owner: Person,
    /// 协办: the other people mentioned, each once, in order.
    pub assistants: Vec<Person>,
    /// When it is due.
    pub deadline: Deadline,
    /// Priority (default P2).
    pub priority: Priority,
    /// Tags without the `#`, each once, in order.
    pub tags: Vec<String>,
    /// 资源投入.
    pub resources: Option<String>,
    /// 场景.
    pub scenario: Option<String>,
    /// 说明.
    pub description: Option<String>,
}

/// Which items `列表` shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ListFilter {
    /// Every open item of the chat (the default).
    #[default]
    Open,
    /// `我的`: items I own or assist.
    Mine,
    /// `我发起的`: items I created.
    CreatedByMe,
    /// `逾期`: overdue items.
    Overdue,
    /// `本周`: due this week.
    ThisWeek,
    /// `@某人`: items of that person.
    Person(Person),
    /// `全部`: including closed ones.
    All,
}

/// Which prefix started the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prefix {
    Supervise,
    Help,
    Project,
    Requirement,
}

/// Parses one chat message.
///
/// Returns `Ok(None)` when the message is not a command for this bot.
///
/// # Errors
/// [`ParseError`] when it is ours but wrong; its `Display` says what to type instead.
pub fn parse(text: &str, mentions: &[Mention], ctx: &Context<'_>) -> Result<Option<Command>, ParseError> {
    if let Some(minutes) = minutes::parse(text, mentions, ctx) {
        return minutes.map(|m| Some(Command::Minutes(m)));
    }
    let lines = lexer::lex(text, mentions);
    // Leading mentions (the bot) and blank lines before the prefix are skipped.
    let mut flat = lines
        .into_iter()
        .enumerate()
        .flat_map(|(n, line)| line.into_iter().map(move |t| (n, t)));
    let (prefix_line, prefix, glued, ascii) = loop {
        match flat.next() {
            Some((_, Token::Mention(_))) => {}
            Some((n, token)) => match token.bare().and_then(prefix_of) {
                Some((p, len)) => {
                    let ascii = token
                        .bare()
                        .and_then(|w| w.chars().nth(1))
                        .is_some_and(|c| c.is_ascii());
                    break (n, p, token.tail(len), ascii);
                }
                None => return Ok(None),
            },
            None => return Ok(None),
        }
    };
    let flat: Vec<(usize, Token)> = flat.collect();
    if let Some(word) = glued.as_ref().and_then(Token::bare)
        && !glued_is_ours(prefix, word, ascii, &flat, prefix_line)
    {
        return Ok(None);
    }
    if prefix == Prefix::Help {
        return Ok(Some(Command::Supervise(SuperviseCmd::Help)));
    }
    // The first line holds what follows the prefix; later lines (blank ones dropped) follow.
    let mut rest: Vec<Vec<Token>> = vec![glued.into_iter().collect()];
    let mut current = prefix_line;
    for (n, token) in flat {
        if n != current {
            rest.push(Vec::new());
            current = n;
        }
        if let Some(line) = rest.last_mut() {
            line.push(token);
        }
    }
    match prefix {
        Prefix::Project => project::parse(rest, ctx)
            .map(|c| Some(Command::Project(c)))
            .map_err(ParseError::Project),
        Prefix::Requirement => requirement::parse(rest, ctx)
            .map(|c| Some(Command::Requirement(c)))
            .map_err(ParseError::Requirement),
        Prefix::Supervise | Prefix::Help => supervise::parse(rest, ctx).map(|c| Some(Command::Supervise(c))),
    }
}

/// Command words after the slash, each with its prefix; ASCII ones match in any case.
const PREFIX_WORDS: &[(&str, Prefix)] = &[
    ("督办", Prefix::Supervise),
    ("帮助", Prefix::Help),
    ("项目", Prefix::Project),
    ("需求", Prefix::Requirement),
    ("project", Prefix::Project),
    ("task", Prefix::Supervise),
    ("help", Prefix::Help),
    ("req", Prefix::Requirement),
];

/// The prefix a word starts with, and its length in characters. The slash may be `/`
/// (full-width `／` is normalised to it) or `、`, which a Chinese input method types for `/`.
/// Whatever follows the command word in the same word is judged by [`glued_is_ours`].
fn prefix_of(word: &str) -> Option<(Prefix, usize)> {
    let after = word.strip_prefix('/').or_else(|| word.strip_prefix('、'))?;
    PREFIX_WORDS.iter().find_map(|(name, prefix)| {
        let head = after.get(..name.len())?;
        let matches = if name.is_ascii() {
            head.eq_ignore_ascii_case(name)
        } else {
            head == *name
        };
        matches.then(|| (*prefix, 1 + name.chars().count()))
    })
}

/// Whether a command word glued to more text (`/督办列表`, `/项目看板`, `/督办整理合同 @张三 周五前`)
/// is a command with a missing space: the rest is exactly a subcommand word, or (after a Chinese
/// command word) the message goes on to mention someone or to further lines, as a creation or a
/// submission does. `/督办事项 查看 DB-3` and `/tasks list` stay chat.
fn glued_is_ours(prefix: Prefix, word: &str, ascii: bool, after: &[(usize, Token)], line: usize) -> bool {
    let table = match prefix {
        Prefix::Supervise => spec::SUPERVISE_COMMANDS,
        Prefix::Project => spec::PROJECT_COMMANDS,
        Prefix::Requirement => spec::REQUIREMENT_COMMANDS,
        Prefix::Help => return false,
    };
    let subcommand = table
        .iter()
        .filter(|s| !s.zh.is_empty())
        .any(|s| s.zh == word || s.en.eq_ignore_ascii_case(word))
        || (prefix == Prefix::Supervise && word == "看板");
    let goes_on = after
        .iter()
        .any(|(n, t)| *n != line || matches!(t, Token::Mention(_)));
    subcommand || (!ascii && goes_on)
}
