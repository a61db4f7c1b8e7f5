//! `/需求` subcommands (pure, alias `/req`): the parsed [`ReqCmd`] here, its parser in
//! `parse.rs` (dispatch on [`RequirementSub`]), the submission form in `submit.rs`, errors in
//! `error.rs`, render and JSON in `render.rs`.
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

mod ast;
mod error;
mod parse;
mod render;
mod submit;

pub use self::ast::{AcceptTarget, NewReq, ReqCmd, ReqFilter};
pub use self::error::RequirementParseError;
pub(crate) use self::parse::parse;
pub(crate) use self::render::render;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
