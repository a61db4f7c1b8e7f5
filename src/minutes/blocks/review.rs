//! A request under review described before its conclusion (pure): `【需求A】投顾组合调仓提醒` or
//! `① 收益互换估值自动化` over `内容：…` or `现状：…`, then `结论：…`. The description belongs to the
//! request, whose title stays its work; it neither opens a block of its own nor ends this one.

use super::Block;
use super::words::label;

/// Keys that describe a request under review (what it is, how things stand now).
const DESCRIPTION: &[&str] = &["内容", "需求内容", "现状", "现状描述", "问题描述", "概述", "简介"];

impl Block {
    /// Whether `line` describes a request (`内容：…`, `现状：…`), bold marks aside.
    pub(crate) fn is_description(line: &str) -> bool {
        let line = line.replace("**", "");
        label(&line).is_some_and(|l| DESCRIPTION.contains(&l))
    }

    /// Whether `line` describes this block's request: a review block (not a general one) still
    /// without its conclusion and its owner.
    pub(crate) fn takes_description(&self, line: &str) -> bool {
        !self.general && self.conclusion.is_empty() && self.lead.is_empty() && Self::is_description(line)
    }
}
