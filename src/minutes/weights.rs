//! The extractor's evidence weights (data, hand-set on the tuning set `src/minutes/corpus/`).
//!
//! Every list item or sentence of the minutes is scored: the weights of the signals it shows are
//! added, and it becomes an action item when the sum reaches [`THRESHOLD`]. `duban minutes
//! --explain FILE` prints each line's score, the signals that fired and the decision.
//!
//! Weights fitted to the labelled sets (logistic regression, `quality/fit`: `cargo test -p
//! duban-core --lib minutes::quality::fit -- --ignored --nocapture`) did no better on minutes
//! left out of the fit than this table (2026-12-05; the figures are in that module's doc).
//! Beside this table, the second reading (`minutes/lexical`, fitted to the same sets) reads each
//! scored line by its characters and overrules the sum near the threshold when it is sure.

/// One piece of evidence for or against a line being an action item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Signal {
    /// An open checkbox (`- [ ]`, `□`, `☐`).
    OpenCheckbox,
    /// A `TODO：` / `待办：` / `Action:` label.
    TodoLabel,
    /// Under an action heading (待办, 下一步, 行动项, 任务分工, 后续安排 …).
    ActionSection,
    /// Under a decision heading (会议决定, 结论, 决议 …).
    DecisionSection,
    /// Under a status or record heading (会议情况, 上周事项, 会议总结, 章节, Highlights …).
    StatusSection,
    /// A list item (bullet, number, circled number).
    ListItem,
    /// An owner stated as such (`张三负责`, `由李四牵头`, `@王五`, `责任人：…`).
    OwnerStrong,
    /// An owner named in the line (`张三：…`, `李白你…`, `，甄宓，`, `——曹丕、甄宓`).
    OwnerNamed,
    /// A deadline the parser accepts.
    Deadline,
    /// A deadline word with no date (尽快, 待定, TBD).
    VagueDeadline,
    /// A task verb (提交, 完成, 梳理, 出, 给到 …).
    TaskVerb,
    /// A modal or request word (要, 需, 须, 请, 务必, 负责 …).
    Modal,
    /// Completion or status words (已完成, 已上线, 已关闭, 无需, 不另行安排 …).
    Done,
    /// Figures and comparisons (%, 同比, 环比, 户, 万元 …).
    Figures,
    /// A decision that is not a task (不通过, 暂不决定, 不同意 …).
    Rejected,
    /// Conversation or reported speech with no assignment (我这边, 大概, X说, 认为 …).
    Chatter,
    /// A standing rule, not a one-off task (每月, 每周, 定期, 常态化).
    Standing,
    /// Something settled at the meeting, not a task (确定为, 定于, 改为).
    Settled,
    /// An owner and a dated deadline in the same line (`易建下周一前把排班表调整好`): together
    /// they read as an assignment even without a list, a heading or a known verb.
    OwnerAndDeadline,
    /// A span of time (`11月1日至12月15日`), not a deadline.
    Period,
    /// The meeting's opening or attendance (`召开了…会，马总主持`, `人到齐了，我们开始`), a
    /// duty rota (`10月1日：主班 张三，副班 李四`) or the head of one of several meetings.
    MeetingRecord,
    /// A note under a list or table (`说明：…`, `备注：…`).
    Note,
    /// A request opening a clause (`请将整改报告报…`, `请于周五前…`).
    Request,
    /// An open item put off to a new date (`延期，改为5月22日完成`).
    Rescheduled,
    /// Marked as not tracked on its own (`（不单独跟踪）`, `（常规要求）`, `（日常工作）`).
    NotTracked,
    /// A proposal reported from the meeting (`某某提出…，建议…`, `某某认为…，建议…`): an
    /// opinion given, not work given.
    Proposal,
}

/// The weight of each signal.
pub const WEIGHTS: &[(Signal, i32)] = &[
    (Signal::OpenCheckbox, 4),
    (Signal::TodoLabel, 4),
    (Signal::ActionSection, 3),
    (Signal::DecisionSection, 1),
    (Signal::StatusSection, -3),
    (Signal::ListItem, 1),
    (Signal::OwnerStrong, 3),
    (Signal::OwnerNamed, 2),
    (Signal::Deadline, 2),
    (Signal::VagueDeadline, 1),
    (Signal::TaskVerb, 1),
    (Signal::Modal, 1),
    (Signal::Done, -6),
    (Signal::Figures, -2),
    (Signal::Rejected, -6),
    (Signal::Chatter, -2),
    (Signal::Standing, -2),
    (Signal::Settled, -2),
    (Signal::OwnerAndDeadline, 1),
    (Signal::Period, -3),
    (Signal::MeetingRecord, -3),
    (Signal::Note, -2),
    (Signal::Request, 3),
    (Signal::Rescheduled, 3),
    (Signal::NotTracked, -9),
    (Signal::Proposal, -6),
];

/// The score from which a line is an action item.
pub const THRESHOLD: i32 = 5;

/// The weight of `signal`.
pub fn weight(signal: Signal) -> i32 {
    #[cfg(test)]
    if let Some(w) = trial::weight(signal) {
        return w;
    }
    WEIGHTS.iter().find(|(s, _)| *s == signal).map_or(0, |(_, w)| *w)
}

/// The score from which a line is an action item: [`THRESHOLD`] (or a trial's, in tests).
pub fn threshold() -> i32 {
    #[cfg(test)]
    if let Some(t) = trial::threshold() {
        return t;
    }
    THRESHOLD
}

/// Other weights tried in place of the table, on this thread only (tests: the fitting tool in
/// `quality/fit.rs` runs the real extractor with fitted weights).
#[cfg(test)]
pub(crate) mod trial {
    use std::cell::RefCell;

    use super::Signal;

    /// The weights and the threshold tried.
    type Trial = (Vec<(Signal, i32)>, i32);

    thread_local! {
        static TRIAL: RefCell<Option<Trial>> = const { RefCell::new(None) };
    }

    /// Runs `f` with `weights` (a signal not listed weighs 0) and `threshold` in force.
    pub(crate) fn with<T>(weights: &[(Signal, i32)], threshold: i32, f: impl FnOnce() -> T) -> T {
        TRIAL.with(|t| *t.borrow_mut() = Some((weights.to_vec(), threshold)));
        let out = f();
        TRIAL.with(|t| *t.borrow_mut() = None);
        out
    }

    pub(super) fn weight(signal: Signal) -> Option<i32> {
        TRIAL.with(|t| {
            t.borrow()
                .as_ref()
                .map(|(w, _)| w.iter().find(|(s, _)| *s == signal).map_or(0, |(_, w)| *w))
        })
    }

    pub(super) fn threshold() -> Option<i32> {
        TRIAL.with(|t| t.borrow().as_ref().map(|(_, th)| *th))
    }
}

/// The signal's name as shown by `--explain`.
pub fn label(signal: Signal) -> &'static str {
    match signal {
        Signal::OpenCheckbox => "未勾选的复选框",
        Signal::TodoLabel => "待办标签",
        Signal::ActionSection => "行动类小节",
        Signal::DecisionSection => "决定类小节",
        Signal::StatusSection => "情况/回顾类小节",
        Signal::ListItem => "列表项",
        Signal::OwnerStrong => "明确的负责人",
        Signal::OwnerNamed => "点名的人",
        Signal::Deadline => "截止时间",
        Signal::VagueDeadline => "无具体日期的时限",
        Signal::TaskVerb => "任务动词",
        Signal::Modal => "要求/情态词",
        Signal::Done => "已完成/状态词",
        Signal::Figures => "数字与比较",
        Signal::Rejected => "否决/暂不",
        Signal::Chatter => "闲谈/转述",
        Signal::Standing => "常规要求",
        Signal::Settled => "已定的安排",
        Signal::OwnerAndDeadline => "负责人与截止时间同在",
        Signal::Period => "时间段而非截止时间",
        Signal::MeetingRecord => "会议开场/出席记录",
        Signal::Note => "说明/备注",
        Signal::Request => "请求句",
        Signal::Rescheduled => "延期待办",
        Signal::NotTracked => "注明不单独跟踪",
        Signal::Proposal => "转述的建议",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_signal_has_one_weight() {
        let mut seen = std::collections::HashSet::new();
        for (s, _) in WEIGHTS {
            assert!(seen.insert(*s), "{s:?} twice");
        }
        assert_eq!(seen.len(), 26);
        assert!(weight(Signal::Done) < 0 && weight(Signal::OwnerStrong) > 0);
    }
}
