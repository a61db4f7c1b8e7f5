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
//! Chinese word, an alias, or its English alias); the row's key ([`spec::SuperviseSub`]) is
//! what the parser dispatches on, with an exhaustive `match`:
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
//! `command/project/` and `command/requirement/` and tabled in [`spec::PROJECT_COMMANDS`]
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

//! # Layout
//!
//! `spec/` holds the command tables (one enum of subcommand keys per family, one row per key);
//! `grammar/` the toolkit every family shares (lexer, cursor, forms, renderer parts);
//! `supervise/`, `project/`, `requirement/` and `minutes.rs` one family each (parse, render,
//! JSON); `ast.rs` the parsed [`Command`], `context.rs` the parser's [`Context`], `error.rs`
//! the [`ParseError`] every family's error folds into, `parse.rs` the entry point [`parse`] and
//! `prefix.rs` the command words. This file only declares and re-exports.

mod addressed;
mod ast;
mod context;
mod error;
pub(crate) mod grammar;
mod json;
mod mention;
mod minutes;
mod parse;
mod prefix;
mod project;
pub mod render;
mod requirement;
pub mod series;
pub mod spec;
mod supervise;
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
pub mod when;

pub use self::addressed::{mentions_bot, parse_addressed};
pub use self::ast::{
    AppraisalCmd, BehaviourCmd, BindUnit, Command, CreateItem, IssueBatch, ListFilter, SuperviseCmd, UnitsCmd,
};
pub use self::context::Context;
pub use self::error::{BATCH_CANCEL_EXAMPLE, BATCH_EXTEND_EXAMPLE, MINUTES_EXAMPLE, ParseError};
pub use self::grammar::{MAX_MENTIONS, MAX_TAGS, MAX_TITLE_CHARS};
pub use self::mention::Mention;
pub use self::minutes::MinutesCmd;
pub use self::parse::parse;
pub use self::project::{ProjectCmd, ProjectFilter, ProjectParseError};
pub use self::render::{cli_mentions, render};
pub use self::requirement::{AcceptTarget, NewReq, ReqCmd, ReqFilter, RequirementParseError};
pub use self::series::{NewSeries, SeriesCmd, SeriesParseError};
pub use self::spec::{CommandSpec, Key, ProjectSub, RequirementSub, SeriesSub, SuperviseSub};
pub use self::supervise::RepeatParseError;
