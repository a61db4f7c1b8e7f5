//! Why each line of minutes was or was not taken as an action item (pure): the debug view of
//! `duban minutes --explain FILE`.

use std::fmt::Write as _;

use crate::command::when::format_rfc3339;
use crate::minutes::item::ActionItem;
use crate::minutes::lexical::{self, BAND, DROP_BELOW, Reading, TAKE_FROM};
use crate::minutes::weights::{Signal, THRESHOLD, label};

/// What the extractor made of one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A heading; the section it opens (行动, 决定, 情况, 其他).
    Heading(&'static str),
    /// 参会人员, 会议时间, a speaker line …
    Meta,
    /// A table's header row (or a row of a table without task and owner columns).
    TableHeader,
    /// A table row that is an item.
    TableItem,
    /// A table row that is not (finished, empty, separator).
    TableSkipped,
    /// A labelled block's title or field line.
    BlockLine,
    /// The end of a labelled block that gave an item.
    BlockItem,
    /// A labelled block whose conclusion rejects it.
    BlockRejected,
    /// A labelled block with neither owner nor deadline.
    BlockEmpty,
    /// An indented detail under an item.
    Detail,
    /// A ticked checkbox.
    DoneCheckbox,
    /// Scored: an item.
    Item,
    /// Scored: not an item (recorded as a decision under a decision heading).
    NotItem,
}

/// One line's trace.
#[derive(Debug, Clone, PartialEq)]
pub struct LineTrace {
    /// 1-based line number.
    pub line: usize,
    /// The line as written (trimmed).
    pub text: String,
    /// The decision.
    pub verdict: Verdict,
    /// The signals that fired, with their weights (scored lines only).
    pub signals: Vec<(Signal, i32)>,
    /// The item made from the line, if any.
    pub item: Option<ActionItem>,
    /// The second reading's probability and heaviest features (scored lines only).
    pub reading: Option<Reading>,
}

impl LineTrace {
    /// The sum of the weights.
    pub fn score(&self) -> i32 {
        self.signals.iter().map(|(_, w)| w).sum()
    }
}

fn verdict_label(v: &Verdict) -> String {
    match v {
        Verdict::Heading(s) => format!("标题（{s}）"),
        Verdict::Meta => "会议信息".to_owned(),
        Verdict::TableHeader => "表头".to_owned(),
        Verdict::TableItem => "待办（表格行）".to_owned(),
        Verdict::TableSkipped => "跳过（表格行）".to_owned(),
        Verdict::BlockLine => "字段块".to_owned(),
        Verdict::BlockItem => "待办（字段块）".to_owned(),
        Verdict::BlockRejected => "跳过（结论否决）".to_owned(),
        Verdict::BlockEmpty => "跳过（字段块无负责人和时限）".to_owned(),
        Verdict::Detail => "跳过（下级说明）".to_owned(),
        Verdict::DoneCheckbox => "跳过（已勾选）".to_owned(),
        Verdict::Item => "待办".to_owned(),
        Verdict::NotItem => "不是待办".to_owned(),
    }
}

/// The trace as text: per line its number, score, decision and the line; under a scored line
/// the signals; under an item what it became.
pub fn render(traces: &[LineTrace]) -> String {
    let mut out = format!(
        "阈值 {THRESHOLD}：得分达到阈值的行是待办。二读：按已标注纪要拟合的字词模型给出的概率；\
         得分在 {} 至 {} 之间（对话轮次和问句除外）时，规则取的行概率低于 {DROP_BELOW} 不取，\
         规则不取的行概率达到 {TAKE_FROM} 且没有反向理由时取。\n",
        BAND.0, BAND.1
    );
    for t in traces {
        let score = if t.signals.is_empty() {
            "   ".to_owned()
        } else {
            format!("{:>3}", t.score())
        };
        let _ = writeln!(
            out,
            "{:>4} {score} {:<10} {}",
            t.line,
            verdict_label(&t.verdict),
            t.text
        );
        if !t.signals.is_empty() {
            let reasons: Vec<String> = t
                .signals
                .iter()
                .map(|(s, w)| format!("{}{w:+}", label(*s)))
                .collect();
            let _ = writeln!(out, "         理由：{}", reasons.join("，"));
        }
        if let Some(r) = &t.reading {
            let top: Vec<String> = r
                .top
                .iter()
                .map(|(f, w)| format!("{}{w:+.2}", lexical::label(f)))
                .collect();
            let _ = writeln!(out, "         二读：{:.2}（{}）", r.p, top.join("，"));
        }
        if let Some(item) = &t.item {
            // As the item is proposed: a department written as owner is its unit.
            let mut item = item.clone();
            crate::minutes::assign::units_apart(&mut item);
            let owners: Vec<&str> = item.owners.iter().map(|o| o.name()).collect();
            let due = item.deadline.map_or_else(
                || match &item.deadline_text {
                    Some(t) => format!("截止待定（“{t}”无法确定）"),
                    None => "截止待定".to_owned(),
                },
                |d| format_rfc3339(d.at),
            );
            let owners = if owners.is_empty() {
                "负责人待定".to_owned()
            } else {
                owners.join("、")
            };
            let owners = if item.units.is_empty() {
                owners
            } else {
                format!("{owners}（{}）", item.units.join("、"))
            };
            let _ = writeln!(out, "         → {} ｜ {owners} ｜ {due}", item.text);
        }
    }
    out
}
