//! Command parsing (pure): `(text, mentions, now, calendar) -> Command`. No I/O, no clock.
//!
//! # Grammar
//!
//! A command starts with a prefix, after any leading mentions (the bot's `@_user_1`):
//! `/督办`, `／督办`, `/task` (English subcommand aliases), or `/help` / `/帮助` (help). The
//! prefix must be followed by a space, a mention or the end: `/督办事项` is not ours and parses
//! to `Ok(None)`. Input is normalised first (Unicode spaces, full-width `：，（）＃％` and
//! digits, “quotes”) by the lexer.
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

mod create;
mod cursor;
mod error;
mod json;
mod lexer;
mod minutes;
mod project;
pub mod render;
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
use crate::domain::ids::{ItemId, Person};
use crate::domain::priority::Priority;

pub use self::error::{MAX_MENTIONS, MAX_TAGS, MAX_TITLE_CHARS, MINUTES_EXAMPLE, ParseError};
pub use self::minutes::MinutesCmd;
pub use self::project::{ProjectCmd, ProjectFilter, ProjectParseError};
pub use self::render::{cli_mentions, render};
pub use self::requirement::{AcceptTarget, NewReq, ReqCmd, ReqFilter, RequirementParseError};
pub use self::when::Deadline;

/// A Feishu mention: the placeholder in the text and who it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The placeholder as it appears in the text (`@_user_1`).
    pub key: String,
    /// The person mentioned.
    pub person: Person,
}

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
    let (prefix_line, prefix) = loop {
        match flat.next() {
            Some((_, Token::Mention(_))) => {}
            Some((n, token)) => match token.bare().and_then(prefix_of) {
                Some(p) => break (n, p),
                None => return Ok(None),
            },
            None => return Ok(None),
        }
    };
    if prefix == Prefix::Help {
        return Ok(Some(Command::Supervise(SuperviseCmd::Help)));
    }
    // The first line holds what follows the prefix; later lines (blank ones dropped) follow.
    let mut rest: Vec<Vec<Token>> = vec![Vec::new()];
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

fn prefix_of(word: &str) -> Option<Prefix> {
    match word {
        "/督办" => Some(Prefix::Supervise),
        "/帮助" => Some(Prefix::Help),
        "/项目" => Some(Prefix::Project),
        "/需求" => Some(Prefix::Requirement),
        w if w.eq_ignore_ascii_case("/project") => Some(Prefix::Project),
        w if w.eq_ignore_ascii_case("/req") => Some(Prefix::Requirement),
        w if w.eq_ignore_ascii_case("/task") => Some(Prefix::Supervise),
        w if w.eq_ignore_ascii_case("/help") => Some(Prefix::Help),
        _ => None,
    }
}
