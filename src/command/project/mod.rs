//! `/项目` subcommands (pure, alias `/project`): the parsed [`ProjectCmd`] here, its parser in
//! `parse.rs` (dispatch on [`ProjectSub`]), errors in `error.rs`, render and JSON in `render.rs`.
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

mod ast;
mod error;
mod parse;
mod render;

pub use self::ast::{ProjectCmd, ProjectFilter};
pub use self::error::ProjectParseError;
pub(crate) use self::parse::parse;
pub(crate) use self::render::render;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
