//! The evidence a line of minutes shows (pure): which [`Signal`]s fire, and its score.

use crate::minutes::layout::{Marker, Section};
use crate::minutes::scan::{OwnerHow, Scan, has_task_verb};
use crate::minutes::weights::{Signal, THRESHOLD, weight};

/// Modal and request words (`要`, `需`, `请` …), checked after [`NOT_MODAL`] words are removed.
const MODAL: &[&str] = &[
    "要", "需", "须", "请", "责成", "务必", "应当", "确保", "负责", "牵头", "跟进", "落实", "给到", "对齐",
    "to ", "will ", "please",
];
/// Words holding a modal character that ask for nothing (`要求`, `需求`, `重要`).
const NOT_MODAL: &[&str] = &[
    "要求",
    "需求",
    "重要",
    "主要",
    "概要",
    "摘要",
    "必要",
    "需要一",
    "只要",
];
/// Single-character task verbs that the scanner's list leaves out (`出`, `给`, `交`, `发`).
const SHORT_VERBS: &[&str] = &[
    "出",
    "给",
    "交",
    "发",
    "报",
    "做",
    "收",
    "定",
    "改",
    "拿",
    "写",
    "查",
    "建",
    "办",
    "签",
    "约",
    "订",
    "沟通",
    "值守",
    "值班",
    "碰头",
    "定稿",
    "补",
    "抽取",
    "抽查",
    "核对",
    "finalize",
    "renew",
    "check",
    "confirm",
    "fix",
    "schedule",
    "organi",
    "prepare",
    "send",
    "update",
    "review",
    "submit",
    "refresh",
    "draft",
    "set up",
    "sign",
    "调整",
    "归档",
    "验证",
    "校准",
    "排出",
    "优化",
    "整改",
    "上报",
    "盘点",
    "回访",
    "拜访",
    "设计",
    "谈判",
    "redline",
    "benchmark",
    "follow up",
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
    "顺利完成",
    "all closed",
    "done",
    "completed",
    "on track",
    "passed",
    "was delayed",
    "delayed by",
];
/// Figures and comparisons.
const FIGURES: &[&str] = &["%", "％", "百分点", "万元", "亿元", "万户", "yoy"];
/// Decisions that are not tasks.
const REJECTED: &[&str] = &[
    "不通过",
    "不同意",
    "暂不",
    "否决",
    "驳回",
    "不予",
    "暂缓",
    "不采纳",
    "不立项",
    "rejected",
    "另行通知",
    "再议",
    "再评估",
    "再研究",
    "另定",
    "未作安排",
    "不作安排",
    "未安排",
    "改期",
    "postponed",
];
/// Conversation and reported speech that assign nothing.
const CHATTER: &[&str] = &[
    "我这边",
    "我们这边",
    "大概",
    "可能",
    "辛苦了",
    "辛苦大家",
    "散会",
    "谢谢",
    "大家",
    "我来",
    "说下",
    "说上",
    "说这",
    "说那",
    "说我",
    "说他",
    "说她",
    "提到",
    "介绍了",
    "表示",
    "认为",
    "汇报了",
    "通报了",
    "讨论了",
    "汇报：",
    "介绍：",
    "通报：",
    "说：",
    "补充，",
    "如有",
    // Closings and acknowledgements.
    "先到这",
    "就到这",
    "到这里吧",
];
/// Acknowledgements (`好的。`, `收到，`): small talk where they open a sentence or a clause, not
/// inside one (`这个是好的`, `收到后三天内反馈`).
const ACKS: &[&str] = &["好的", "收到", "没问题", "明白"];
/// The opening of a meeting and who attended it (`召开了…会，马总主持，…参加`, `人到齐了，我们
/// 开始`, `陈浩你先说说数据`): a record of the meeting, not a task.
const MEETING_RECORD: &[&str] = &[
    "召开了",
    "召开的",
    "主持，",
    "主持；",
    "主持：",
    "主持:",
    "参加。",
    "参加，",
    "参会：",
    "参会:",
    "参会人",
    "出席",
    "列席",
    "人到齐",
    "我们开始",
    "先说说",
    "先说一下",
    "先介绍",
    "先讲",
    "主要聊",
    "主要说",
    "主要讨论",
    "记录：",
    "记录 ",
];
/// An open item put off to a new date (`延期，原定5月15日，改为5月22日完成`): still to do.
const RESCHEDULED: &[&str] = &["延期", "顺延", "推迟至", "推迟到", "延后至", "延至", "改为"];
/// A request opening a clause (`请将整改报告报…`, `请于周五前…`): the readers are asked to act.
const REQUESTS: &[&str] = &["请将", "请把", "请于", "请在"];
/// Labels of a note under a list or a table (`说明：…才能排期`, `备注：`): an explanation.
const NOTE_LABELS: &[&str] = &["说明：", "说明:", "备注：", "备注:", "注：", "注:", "note:"];
/// Standing rules.
const STANDING: &[&str] = &[
    "每月",
    "每周",
    "每天",
    "每日",
    "每季",
    "每两周",
    "每双周",
    "每半月",
    "每个月",
    "每隔",
    "定期",
    "常态化",
    "长期",
    "下次会议",
    "下次例会",
    // Carried on as before, not a new task.
    "按惯例",
    "按原计划",
    "照旧",
    "照常",
    "例行",
    "沿用",
    "固定议程",
];
/// A question that asks someone to commit (`月内报给总部没问题吧？`) is not small talk.
const NOT_CHATTER: &[&str] = &[
    "没问题吧",
    "没问题吗",
    "没问题？",
    "给大家",
    "发大家",
    "告知大家",
    "告诉大家",
    "提醒大家",
];
/// Words before a figure that make it a target, not a report (`不少于20笔`).
const TARGET_WORDS: &[&str] = &[
    "不少于",
    "不低于",
    "不超过",
    "不高于",
    "至少",
    "达到",
    "控制在",
    "提升至",
    "提高到",
    "降至",
    "降到",
    // A threshold that selects (`维持担保比例低于140%的名单`), not a figure reported.
    "低于",
    "高于",
    "超过",
];
/// Something settled at the meeting, not a task (`升级窗口确定为8月8日`).
const SETTLED: &[&str] = &[
    "确定为",
    "定为",
    "定于",
    "联系人：",
    "联络人：",
    "期间为",
    // Who holds a role (`检查组由卢俊杰任组长，施雨桐为组员`).
    "任组长",
    "任副组长",
    "为组员",
    "任组员",
    "担任",
];
/// Words with `已` that do not report completion (`对已开户客户…`).
const NOT_DONE: &[&str] = &[
    "已开户",
    "已有",
    "已持仓",
    "已签约客户",
    "已入职",
    "已注册",
    "已上市",
];
/// Units after a figure (`3笔`, `1.2万`, `62人`).
const FIGURE_UNITS: &[char] = &['万', '亿', '户', '笔', '%', '倍'];

/// Whether the text reports a figure.
fn has_figures(lower: &str) -> bool {
    // A target (`不少于20笔`, `覆盖率达到100%`) is asked for, not reported: it goes first.
    let mut rest = lower.to_owned();
    for w in TARGET_WORDS {
        while let Some(i) = rest.find(w) {
            let after = rest.get(i + w.len()..).unwrap_or_default();
            let figure: usize = after
                .char_indices()
                .take_while(|(_, c)| {
                    c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '％') || FIGURE_UNITS.contains(c)
                })
                .map(|(_, c)| c.len_utf8())
                .sum();
            rest.replace_range(i..i + w.len() + figure, " ");
        }
    }
    // `每家营业部抽30户` is a quota; `这6户客户` points back at figures already given.
    let rest: String = rest
        .split_inclusive(['，', ',', '；', ';', '。'])
        .filter(|clause| !clause.trim_start().starts_with('每'))
        .collect();
    let rest = without_references(&rest);
    let lower = rest.as_str();
    if FIGURES.iter().any(|w| lower.contains(w)) {
        return true;
    }
    let chars: Vec<char> = lower.chars().collect();
    chars.windows(2).any(|w| {
        w.first().is_some_and(char::is_ascii_digit) && w.get(1).is_some_and(|c| FIGURE_UNITS.contains(c))
    })
}

/// The text without `这6户`, `那2笔`, `该3家`: a demonstrative and the figure it points back at.
fn without_references(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if matches!(c, '这' | '那' | '该' | '此') && chars.peek().is_some_and(char::is_ascii_digit) {
            while chars
                .peek()
                .is_some_and(|d| d.is_ascii_digit() || FIGURE_UNITS.contains(d))
            {
                chars.next();
            }
        }
    }
    out
}

/// Whether an acknowledgement (`好的`, `收到`) opens the text or one of its clauses.
fn has_ack(lower: &str) -> bool {
    ACKS.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            lower
                .get(..i)
                .and_then(|b| b.trim_end().chars().next_back())
                .is_none_or(|c| "，。！？,.!?：:嗯哦啊行好".contains(c))
        })
    })
}

/// Whether the text gives a span of time (`11月1日至12月15日`, `9点至17点`): a period, not a
/// deadline.
fn is_period(lower: &str) -> bool {
    lower.match_indices(['至', '到']).any(|(i, _)| {
        let before = lower.get(..i).and_then(|b| b.chars().next_back());
        let after = lower.get(i + '至'.len_utf8()..).and_then(|a| a.chars().next());
        before.is_some_and(|c| "日号点时月".contains(c)) && after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// Whether the text reports something finished.
fn is_done(lower: &str) -> bool {
    if DONE.iter().any(|w| lower.contains(w)) {
        return true;
    }
    let mut rest = lower.to_owned();
    for w in NOT_DONE {
        rest = rest.replace(w, "");
    }
    // `对已准入私募产品的管理人`: 已 describing a noun (a 的 close after it) reports nothing.
    rest.match_indices('已').any(|(i, _)| {
        let after: String = rest.get(i..).unwrap_or_default().chars().take(8).collect();
        let clause_end = after.find(['，', '。', ',', '；']).unwrap_or(after.len());
        !after.get(..clause_end).unwrap_or_default().contains('的')
    })
}

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
    if is_done(&lower) {
        add(Signal::Done);
    }
    if has_figures(&lower) {
        add(Signal::Figures);
    }
    // `时间另定`: the date is open, the task is not rejected.
    let rejected_text = ["时间另定", "日期另定"]
        .iter()
        .fold(lower.clone(), |t, w| t.replace(w, ""));
    // `…发群里，其他事项下周再议`: what is put off is the rest, not this.
    let rejected_text: String = rejected_text
        .split_inclusive(['，', ','])
        .filter(|c| {
            !["其他", "其余", "其它"]
                .iter()
                .any(|w| c.trim_start().starts_with(w))
        })
        .collect();
    if REJECTED.iter().any(|w| rejected_text.contains(w)) {
        add(Signal::Rejected);
    }
    let mut chat_text = lower.clone();
    // The speaker taking the work on (`我来汇总`) is not small talk.
    let own: &[&str] = if f.scan.by_speaker {
        &["我这边", "我们这边", "我来"]
    } else {
        &[]
    };
    // `会议认为，…要求X…`: the meeting's finding, not hearsay.
    for w in NOT_CHATTER.iter().chain(own).chain(&["会议认为"]) {
        chat_text = chat_text.replace(w, "");
    }
    if CHATTER.iter().any(|w| chat_text.contains(w)) || has_ack(&chat_text) {
        add(Signal::Chatter);
    }
    if lower
        .split(['，', ',', '：', ':'])
        .any(|clause| REQUESTS.iter().any(|w| clause.trim_start().starts_with(w)))
    {
        add(Signal::Request);
    }
    if RESCHEDULED.iter().any(|w| lower.contains(w)) && f.scan.deadline.is_some() {
        add(Signal::Rescheduled);
    }
    if MEETING_RECORD.iter().any(|w| lower.contains(w)) {
        add(Signal::MeetingRecord);
    }
    if NOTE_LABELS.iter().any(|w| lower.trim_start().starts_with(w)) {
        add(Signal::Note);
    }
    // `财务委员会将于12月下旬审议预算`: a date announced for no one here.
    if SETTLED.iter().any(|w| lower.contains(w)) || (lower.contains("将于") && f.scan.how == OwnerHow::None)
    {
        add(Signal::Settled);
    }
    if STANDING.iter().any(|w| lower.contains(w)) {
        add(Signal::Standing);
    }
    if is_period(&lower) {
        add(Signal::Period);
    }
    // A person named in the line (not a `张三：` label) and a dated deadline, nothing against.
    if matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named)
        && f.scan.deadline.is_some()
        && out.iter().all(|(_, w)| *w > 0)
    {
        out.push((Signal::OwnerAndDeadline, weight(Signal::OwnerAndDeadline)));
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
