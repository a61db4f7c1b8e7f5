//! The evidence a line of minutes shows (pure): which [`Signal`]s fire, and its score.

use crate::minutes::layout::{Marker, Section};
use crate::minutes::scan::{OwnerHow, Scan, has_task_verb};
use crate::minutes::weights::{Signal, THRESHOLD, weight};

/// Modal and request words (`要`, `需`, `请` …), checked after [`NOT_MODAL`] words are removed.
const MODAL: &[&str] = &[
    "要", "需", "须", "请", "务必", "应当", "确保", "负责", "牵头", "跟进", "落实", "给到", "对齐", "to ", "will ",
    "please",
];
/// Words holding a modal character that ask for nothing (`要求`, `需求`, `重要`).
const NOT_MODAL: &[&str] = &["要求", "需求", "重要", "主要", "概要", "摘要", "必要", "需要一", "只要"];
/// Single-character task verbs that the scanner's list leaves out (`出`, `给`, `交`, `发`).
const SHORT_VERBS: &[&str] = &[
    "出", "给", "交", "发", "报", "做", "收", "定", "改", "拿", "写", "查", "建", "办", "签", "约", "订",
    "finalize", "prepare", "send", "update", "review", "submit", "refresh", "draft", "set up", "sign",
];
/// Completion and status words.
const DONE: &[&str] = &[
    "已完成",
    "已上线",
    "已关闭",
    "已执行",
    "已修复",
    "已交齐",
    "已报送",
    "已提交",
    "已落实",
    "已办结",
    "已解决",
    "已到位",
    "已经",
    "已于",
    "已做完",
    "已签",
    "已发",
    "已通过",
    "已部署",
    "已结束",
    "已处理",
    "已整改",
    "已回收",
    "已收到",
    "已报",
    "已全部",
    "已按",
    "做完了",
    "完成了",
    "无需",
    "不另行安排",
    "不再跟踪",
    "不再单独",
    "按期完成",
    "均已",
    "全部完成",
    "顺利完成",
    "all closed",
    "done",
    "completed",
    "on track",
    "passed",
];
/// Figures and comparisons.
const FIGURES: &[&str] = &[
    "%", "％", "同比", "环比", "百分点", "万元", "亿元", "万户", "yoy", "mom", "增长", "下降", "上升",
];
/// Decisions that are not tasks.
const REJECTED: &[&str] = &[
    "不通过", "不同意", "暂不", "否决", "驳回", "不予", "暂缓", "不采纳", "不立项", "rejected",
];
/// Conversation that assigns nothing.
const CHATTER: &[&str] = &[
    "我这边", "我们这边", "大概", "可能", "辛苦", "散会", "收到", "好的", "没问题", "谢谢", "大家",
];

/// Where a line stands and what the scanner found in it.
pub(crate) struct LineFacts<'a> {
    pub(crate) section: Section,
    pub(crate) marker: Marker,
    pub(crate) todo_label: bool,
    pub(crate) scan: &'a Scan,
    /// The line as written (status words are looked for there, not only in the task text).
    pub(crate) raw: &'a str,
}

/// The signals `f` shows, each with its weight.
pub(crate) fn signals(f: &LineFacts<'_>) -> Vec<(Signal, i32)> {
    let mut out = Vec::new();
    let mut add = |s: Signal| out.push((s, weight(s)));
    if f.marker == Marker::Open {
        add(Signal::OpenCheckbox);
    }
    if f.todo_label {
        add(Signal::TodoLabel);
    }
    match f.section {
        Section::Action => add(Signal::ActionSection),
        Section::Decision => add(Signal::DecisionSection),
        Section::Status => add(Signal::StatusSection),
        Section::None | Section::Other => {}
    }
    if f.marker == Marker::List {
        add(Signal::ListItem);
    }
    match f.scan.how {
        OwnerHow::Strong => add(Signal::OwnerStrong),
        OwnerHow::Named | OwnerHow::Label => add(Signal::OwnerNamed),
        OwnerHow::None => {}
    }
    if f.scan.deadline.is_some() {
        add(Signal::Deadline);
    } else if f.scan.deadline_text.is_some() {
        add(Signal::VagueDeadline);
    }
    let lower = f.raw.to_lowercase();
    let text = f.scan.text.to_lowercase();
    if has_task_verb(&text) || SHORT_VERBS.iter().any(|v| text.contains(v)) {
        add(Signal::TaskVerb);
    }
    let mut modal_text = lower.clone();
    for w in NOT_MODAL {
        modal_text = modal_text.replace(w, "");
    }
    if MODAL.iter().any(|w| modal_text.contains(w)) {
        add(Signal::Modal);
    }
    if DONE.iter().any(|w| lower.contains(w)) {
        add(Signal::Done);
    }
    if FIGURES.iter().any(|w| lower.contains(w)) {
        add(Signal::Figures);
    }
    if REJECTED.iter().any(|w| lower.contains(w)) {
        add(Signal::Rejected);
    }
    if CHATTER.iter().any(|w| lower.contains(w)) {
        add(Signal::Chatter);
    }
    out
}

/// The sum of the weights.
pub(crate) fn score(signals: &[(Signal, i32)]) -> i32 {
    signals.iter().map(|(_, w)| w).sum()
}

/// Whether the score makes the line an action item.
pub(crate) fn is_item(score: i32) -> bool {
    score >= THRESHOLD
}
