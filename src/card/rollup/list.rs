//! `/督办 下达 列表` (pure): the batches, open ones first (newest first within each group),
//! one row each with its deadline, its 签收/已完成/逾期 counts and its state.

use jiff::Timestamp;
use serde_json::Value;

use crate::card::fmt::{font, format_datetime, header, md_text, rows_card, truncate};
use crate::domain::batch::Batch;
use crate::domain::batch::rollup::{ChildState, Rollup};

/// Rows shown before "还有N个下达…".
pub const MAX_BATCH_ROWS: usize = 30;
const TITLE_MAX: usize = 40;

/// Where a batch stands, for the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BatchState {
    /// Units are still working on it.
    Open,
    /// Every unit's item is closed (已全部完成).
    Settled,
    /// Cancelled by the issuer.
    Cancelled,
}

/// One batch of the list with its roll-up.
#[derive(Debug, Clone, Copy)]
pub struct BatchLine<'a> {
    /// The batch.
    pub batch: &'a Batch,
    /// Its roll-up now.
    pub rollup: &'a Rollup,
    /// Open, settled or cancelled.
    pub state: BatchState,
}

/// The list of `lines` under `title` at `now`.
pub fn batch_list_card(title: &str, lines: &[BatchLine<'_>], now: Timestamp) -> Value {
    let mut sorted: Vec<&BatchLine<'_>> = lines.iter().collect();
    sorted.sort_by_key(|l| (l.state, std::cmp::Reverse(l.batch.id)));
    let open = lines.iter().filter(|l| l.state == BatchState::Open).count();
    let late: u32 = lines
        .iter()
        .filter(|l| l.state == BatchState::Open)
        .map(|l| l.rollup.count(ChildState::Overdue))
        .sum();
    let mut tags: Vec<(String, &str)> = vec![(format!("进行中{open}个"), "blue")];
    if late > 0 {
        tags.push((format!("逾期{late}个单位"), "red"));
    }
    let tag_refs: Vec<(&str, &str)> = tags.iter().map(|(t, c)| (t.as_str(), *c)).collect();
    let hdr = header(
        &truncate(title, 60),
        if late > 0 { "red" } else { "blue" },
        None,
        &tag_refs,
    );
    rows_card(
        hdr,
        title,
        sorted.iter().map(|l| row(l, now)),
        sorted.len(),
        MAX_BATCH_ROWS,
        "这里还没有下达。\n管理员和登记的督办人可以发送 `/督办 下达 事项 对象：全部营业部 截止：下周五` 下达，或发送 `/督办 帮助` 查看用法。",
        |n| format!("还有{n}个下达未显示…发送 `/督办 下达 查看 XD-编号` 查看某一个。"),
    )
}

fn row(l: &BatchLine<'_>, now: Timestamp) -> String {
    let (b, r) = (l.batch, l.rollup);
    let late = r.count(ChildState::Overdue);
    let counts = format!(
        "签收 {}/{} · 已完成 {} · 逾期 {}",
        r.acknowledged,
        r.total,
        r.count(ChildState::Done),
        if late > 0 {
            font("red", &late.to_string())
        } else {
            "0".to_owned()
        }
    );
    let state = match l.state {
        BatchState::Open => "进行中".to_owned(),
        BatchState::Settled => font("green", "已全部完成"),
        BatchState::Cancelled => font("grey", "已取消"),
    };
    format!(
        "**{}** {} · {state}\n截止 {} · {counts} · 共{}个单位",
        b.id,
        md_text(&b.title, TITLE_MAX),
        format_datetime(b.deadline, now),
        b.units.len()
    )
}
