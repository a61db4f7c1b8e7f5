//! `/例会` subcommands (pure, alias `/meeting-series`): the parsed [`SeriesCmd`], its parser
//! (dispatch on [`SeriesSub`](crate::command::spec::SeriesSub)) and its errors.
//!
//! ```text
//! /例会 新建 <名称> <周期> [@参会人…] [提纲：<链接>] [看板：<链接>]
//! /例会 列表   |   /例会 查看 HYS-1
//! /例会 暂停|恢复|取消 HYS-1
//! /例会 改期 HYS-1 下周二 14:00        (the next occurrence only)
//! /例会 帮助                            (also a bare `/例会`)
//! ```

mod ast;
mod error;
mod parse;

pub use self::ast::{NewSeries, SeriesCmd, is_link};
pub use self::error::SeriesParseError;
pub(crate) use self::parse::parse;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
