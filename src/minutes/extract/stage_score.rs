//! The scoring stage of the walk (pure): the line's signals and score, decided per sentence when
//! one of several is a task, and the item it makes (or the decision it records).

use crate::minutes::evidence::{self, LineFacts};
use crate::minutes::explain::Verdict;
use crate::minutes::item::ActionItem;
use crate::minutes::layout::{Marker, Section, strip_todo_label};
use crate::minutes::scan::{OwnerHow, Scan, push_unique};
use crate::minutes::weights::Signal;

use super::sentence::{
    self, has_task_text, is_department_only, is_thin, split_sentences, topic_of, topic_of_question,
};
use super::walk::{Here, Walk};
use super::writer::echoes;
use super::{refines, to_item};

/// A sentence scanned and scored: what was found, the signals, the sentence.
type Scored<'s> = (Scan, Vec<(Signal, i32)>, &'s str);

/// The signals of `raw` (scanned as `scan`) in `section`, under `marker`.
fn facts(section: Section, marker: Marker, scan: &Scan, raw: &str, todo_label: bool) -> Vec<(Signal, i32)> {
    evidence::signals(&LineFacts {
        section,
        marker,
        todo_label,
        scan,
        raw,
    })
}

impl Walk<'_, '_> {
    /// Scores the line's `body` (scanned as `scan`; `label`: it carried a `TODO` tag) and keeps
    /// what it asks for. `question`: the one another speaker just asked.
    pub(super) fn score(
        &mut self,
        here: &Here<'_>,
        body: &str,
        label: bool,
        scan: Scan,
        question: Option<&str>,
    ) {
        let &Here {
            n,
            trimmed,
            marker,
            indent,
            ..
        } = here;
        let has_owner = scan.how != OwnerHow::None;
        let has_deadline = scan.deadline_text.is_some();
        // An indented detail under an item adds nothing unless it names its own owner or date.
        // `1. 组织培训 —— 某某` then `（1）培训后闭卷测试…`: a sub-point one level down.
        let prev = n
            .checked_sub(1)
            .and_then(|p| self.lines.get(p))
            .map(|l| l.as_ref());
        let subpoint = self.last_item_indent.is_some() && super::subpoint::is_subpoint(trimmed, prev);
        let detail =
            (indent > 0 && marker != Marker::None && self.last_item_indent.is_some_and(|i| i < indent))
                || subpoint;
        if detail && !has_owner && !has_deadline {
            self.tr.note(n, trimmed, Verdict::Detail, Vec::new(), None);
            return;
        }
        // `1. 某某牵头，完成尽职调查工作计划，` then `（1）4月24日前报质控部；`: the sub-point
        // under the undated item just above, with no one of its own, says when it is due.
        if subpoint
            && !has_owner
            && scan.deadline.is_some()
            && self.item_from.as_ref().is_some_and(|(at, _)| *at + 1 == n)
            && let Some(item) = self
                .ex
                .items
                .last_mut()
                .filter(|i| i.deadline.is_none() && i.deadline_text.is_none() && !i.owners.is_empty())
        {
            item.deadline = scan.deadline;
            item.deadline_text.clone_from(&scan.deadline_text);
            self.tr.note(n, trimmed, Verdict::Detail, Vec::new(), Some(item));
            return;
        }
        if self.sentences(here, body, label) {
            return;
        }
        let section = self.section;
        let signals = facts(section, marker, &scan, body, label);
        // The first line of several is the title (`【晨会】2月24日 节后开门红`) unless it asks for
        // work (`短会结论：…刘强、赵刚一起做，6月16日前完成。`).
        let lines = self.lines;
        let title = marker == Marker::None
            && lines.iter().position(|l| !l.trim().is_empty()) == Some(n)
            && lines.iter().skip(n + 1).any(|l| !l.trim().is_empty())
            && !signals
                .iter()
                .any(|(s, _)| matches!(s, Signal::TaskVerb | Signal::Modal));
        // `合规风控部 曹颖` (a letter's signature): a department and nothing to do.
        let signature =
            is_department_only(&scan.text) && !signals.iter().any(|(s, _)| *s == Signal::TaskVerb);
        if self.taken(trimmed, &signals) && has_task_text(&scan.text) && !signature && !title {
            self.last_item_indent = Some(indent);
            let mut item = to_item(scan.clone());
            if scan.by_speaker
                && let Some(q) = question
            {
                item.text = format!("{}：{}", topic_of_question(q), item.text);
            }
            if echoes(&self.ex.items, &item) {
                self.tr.note(n, trimmed, Verdict::Detail, signals, None);
                return;
            }
            self.emit(n, trimmed, signals, item);
        } else {
            if marker != Marker::None {
                self.open_line = Some(body.to_owned());
            }
            // `讲座课件改到下周二下班前交`: no one named, a new deadline for work listed above.
            if scan.how == OwnerHow::None
                && scan.deadline.is_some()
                && let Some(work) = super::revise::moved_work(body)
                && let Some(i) =
                    super::revise::revised_item(self.ex.items.iter().map(|i| i.text.as_str()), work)
                && let Some(item) = self.ex.items.get_mut(i)
            {
                item.deadline = scan.deadline;
                item.deadline_text.clone_from(&scan.deadline_text);
                self.tr.note(n, trimmed, Verdict::Detail, signals, Some(item));
                return;
            }
            if section == Section::Decision && !scan.text.is_empty() {
                self.ex.decisions.push(scan.text);
            }
            self.tr.note(n, trimmed, Verdict::NotItem, signals, None);
        }
    }

    /// Whether a scored line or sentence (`text`, as its trace shows it) is an action item: the
    /// hand-set score's decision, overruled by the second reading (`minutes/lexical`) when sure.
    /// Not in a transcript's turns nor on a question: there the turns that follow settle the
    /// work (`谁来？` answered by `我来吧。`), which the dialogue rules read.
    fn taken(&self, text: &str, signals: &[(Signal, i32)]) -> bool {
        if self.ctx.speaker.is_some() || text.trim_end().ends_with(['？', '?']) {
            return evidence::is_item(evidence::score(signals));
        }
        crate::minutes::lexical::decide(text, &self.tr.heading, signals, &self.tr.names)
    }

    /// Records line `n` (`text`) as an item and keeps it: who it is from (the speaker, else its
    /// first owner) is what the next lines may complete.
    fn emit(&mut self, n: usize, text: &str, signals: Vec<(Signal, i32)>, item: ActionItem) {
        self.tr.note(n, text, Verdict::Item, signals, Some(&item));
        let who = self.ctx.speaker.clone().or_else(|| item.owners.first().cloned());
        self.ex.items.push(item);
        self.item_from = Some((n, who));
    }

    /// Decides a line of several sentences per sentence when one of them is a task; whether it
    /// did. `李明远今天下班前把…确认，黄志强下周二负责上线…`: two people's own dated work, apart.
    fn sentences(&mut self, here: &Here<'_>, body: &str, label: bool) -> bool {
        let &Here {
            n, marker, indent, ..
        } = here;
        let section = self.section;
        let sentences: Vec<&str> = split_sentences(body)
            .into_iter()
            .flat_map(|s| sentence::split_assignments(s, &self.ctx))
            .collect();
        if sentences.len() <= 1 {
            return false;
        }
        let scored: Vec<Scored<'_>> = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                // `…大家同意。【待办】申屠磊：…`: a tagged sentence inside a paragraph.
                let (tagged, s) = strip_todo_label(s);
                let sc = self.ctx.scan(s);
                let sig = facts(section, marker, &sc, s, (label && i == 0) || tagged);
                (sc, sig, s)
            })
            .collect();
        if !scored
            .iter()
            .any(|(sc, sig, _)| evidence::is_item(evidence::score(sig)) && has_task_text(&sc.text))
        {
            return false;
        }
        // The items this line gives start here.
        let first = self.ex.items.len();
        // `三是结果汇总。司马光、欧阳修负责汇总，…`: the topic names the items after it.
        let topic = sentences.first().and_then(|s| topic_of(s)).or_else(|| {
            // `（一）营业部分类评价办法修订。由某某牵头，…`: a title, then who does it.
            let (first, (sc, _, s)) = (sentences.first()?, scored.get(1)?);
            let s = s.trim_start();
            let owned = sc.how != OwnerHow::None
                && (s.starts_with('由') || sc.owners.first().is_some_and(|o| s.starts_with(o.name())));
            owned.then(|| super::sentence::long_title(first)).flatten()
        });
        let label_head = sentences.first().and_then(|s| super::label_owner::head(s));
        // The sentence before, when it asked for work and gave it to no one.
        let mut plain: Option<&str> = None;
        // Whether that sentence only stated a problem or a need (no date, no one's work).
        let mut plain_remark = false;
        // The sentence before, when it said work was needed and the speaker gave it to no one.
        let mut needed: Option<&str> = None;
        // `夏总：问候短信是不是发了？伍佳：还没有，我明天上午发。`: the question answered.
        let mut asked: Option<&str> = None;
        // The sentence before was done work or a status (`…已提交（已完成）`).
        let mut done_before = false;
        // The sentence before, when it was no item: what `这个我来做吧` points back at.
        let mut said_before: Option<&str> = None;
        // `谁来写…？——某某负责，下周一前出初稿`: a sentence given to someone, answering the
        // who-question before it.
        let answers: Vec<bool> = scored
            .iter()
            .map(|(sc, sig, _)| evidence::is_item(evidence::score(sig)) && sc.how != OwnerHow::None)
            .collect();
        for (i, (sc, sig, s)) in scored.into_iter().enumerate() {
            let question = asked.take();
            let who_asked = question.is_some_and(super::who_asked::asks_who);
            if super::who_asked::asks_who(s) && answers.get(i + 1).is_some_and(|a| *a) {
                // The question names the work; its answer is the item.
                asked = Some(s);
                self.tr.note(n, s, Verdict::Detail, sig, None);
                continue;
            }
            let after_done = std::mem::replace(&mut done_before, super::thin_owner::is_done(&sig));
            if s.trim_end().ends_with(['？', '?']) {
                asked = Some(s.split_once(['：', ':']).map_or(s, |(_, q)| q));
            }
            if i == 0 && topic.is_some_and(|t| s.trim().trim_end_matches('。') == t) {
                self.tr.note(n, s, Verdict::NotItem, sig, None);
                continue;
            }
            if evidence::is_item(evidence::score(&sig)) && (has_task_text(&sc.text) || who_asked) {
                if question.is_some() && !who_asked && self.counter_date(n, &sc) {
                    self.tr.note(n, s, Verdict::Detail, sig, None);
                    continue;
                }
                let by_speaker = sc.by_speaker;
                let mut item = to_item(sc);
                if by_speaker && let Some(q) = &question {
                    item.text = format!("{}：{}", topic_of_question(q), item.text);
                } else if let Some(q) = question.filter(|q| s.contains('我') || q.contains('谁')) {
                    item.text = format!("{}：{}", topic_of_question(q), item.text);
                }
                if who_asked {
                    // `——某某负责，周四中午12点前。`: no work of its own but the question's.
                    item.text = item.text.trim_end_matches(['：', ':']).to_owned();
                }
                if let Some(t) = topic.filter(|t| !item.text.contains(t)) {
                    item.text = format!("{t}：{}", item.text);
                }
                // `组织…质量检查。此项由林海负责，8月底完成。`: a thin task is the one before.
                let handed = needed
                    .take()
                    .filter(|_| super::handed_work::handed_by_you(&item.text));
                if let Some(p) = plain.take().filter(|_| {
                    is_thin(&item.text)
                        || (plain_remark
                            && (super::handed_work::handed_by_you(&item.text)
                                    // `会议要求逐家分析原因。由某部牵头，形成专项报告，…`: who
                                    // leads the work the sentence before asked for.
                                    || s.trim_start().starts_with('由')))
                }) {
                    self.join_plain(p, &mut item);
                } else if let Some(p) = handed {
                    // `…要出两套方案。振宇你来起草，…`: the work named before it is handed over.
                    self.join_plain(super::handed_work::without_speaker(p), &mut item);
                } else if after_done && item.deadline.is_none() && is_thin(&item.text) {
                    // `…（已完成）。对接人：阮国栋。`: the contact of done work has none.
                    self.tr.note(n, s, Verdict::NotItem, sig, None);
                    continue;
                }
                if echoes(&self.ex.items, &item) {
                    self.tr.note(n, s, Verdict::Detail, sig, None);
                    continue;
                }
                // `…寄出；康明哲、田野配合提供租金数据。`: who helps with the work just named.
                if i > 0
                    && item.deadline.is_none()
                    && self.ex.items.len() > first
                    && super::helper_clause::helpers_lead(s, &item.owners)
                    && let Some(prev) = self.ex.items.last_mut()
                {
                    for o in &item.owners {
                        push_unique(&mut prev.owners, o.clone());
                    }
                    self.tr.note(n, s, Verdict::Detail, sig, Some(prev));
                    continue;
                }
                // `由财富管理部牵头，修订…。财富管理部负责人蒋文涛负责，3月27日前…`: the
                // person in charge of what a department leads, named in the next sentence.
                let item_from = &self.item_from;
                // `综合部：…，3月20日前。联系人：岳明。`: a thin contact owns that work by its date.
                let contact = item.deadline.is_none() && is_thin(&item.text);
                // `…统一在9月1日前上线合同系统。上线由某某负责。`: who does the work just named,
                // the words before 由 repeating it.
                if let Some(prev) = self.ex.items.last_mut().filter(|p| {
                    item_from.as_ref().is_some_and(|(at, _)| *at == n)
                        && !item.owners.is_empty()
                        && !item.owners.iter().any(crate::minutes::assign::is_unit)
                        && names_again_by(s, &p.text)
                }) {
                    prev.owners = item.owners;
                    if prev.deadline.is_none() {
                        prev.deadline = item.deadline;
                        prev.deadline_text = item.deadline_text;
                    }
                    self.tr.note(n, s, Verdict::Detail, sig, Some(prev));
                    continue;
                }
                // `监控平台里还有老节点，需要清理。某某负责，下一个工作日清理完。`: the work
                // asked of no one before is the thin owner's, by their date.
                let takes_up =
                    |p: &ActionItem| is_thin(&item.text) && p.owners.is_empty() && p.deadline.is_none();
                if let Some(prev) = self.ex.items.last_mut().filter(|p| {
                    item_from.as_ref().is_some_and(|(at, _)| *at == n)
                        && ((contact || !p.owners.is_empty()) || takes_up(p))
                        && p.owners.iter().all(crate::minutes::assign::is_unit)
                        && (p.deadline.is_none() || contact)
                        && !item.owners.is_empty()
                        && !item.owners.iter().any(crate::minutes::assign::is_unit)
                }) {
                    prev.owners = item.owners;
                    if item.deadline.is_some() || prev.deadline.is_none() {
                        prev.deadline = item.deadline;
                        prev.deadline_text = item.deadline_text;
                    }
                    self.tr.note(n, s, Verdict::Detail, sig, Some(prev));
                    continue;
                }
                // `佘婷负责更新差错台账；柏林负责编制报送复核清单，均两周内完成。`: both by then.
                if item.deadline.is_some()
                    && item
                        .deadline_text
                        .as_deref()
                        .is_some_and(|t| super::shared_due::is_shared_due(s, t))
                {
                    for before in self
                        .ex
                        .items
                        .iter_mut()
                        .skip(first)
                        .filter(|i| i.deadline.is_none())
                    {
                        before.deadline = item.deadline;
                        before.deadline_text.clone_from(&item.deadline_text);
                    }
                    // `…；柴某负责统计加班调休；均本周内完成。`: the last piece only dates them.
                    if i > 0
                        && item.owners.is_empty()
                        && self.ex.items.len() > first
                        && item
                            .deadline_text
                            .as_deref()
                            .is_some_and(|t| super::shared_due::only_shared_due(s, t))
                    {
                        self.tr.note(n, s, Verdict::Detail, sig, self.ex.items.last());
                        continue;
                    }
                }
                // `那我们可以把期限结构重新做一个测算…。霍总，这个我来做吧，周五前给鲍总。`: the
                // speaker takes on the work said just before.
                if by_speaker
                    && let Some(p) = said_before.filter(|_| super::thin_owner::points_back(&item.text))
                {
                    item.text = format!("{}：{}", p.trim_end_matches(['。', '；', '！']), item.text);
                }
                if i > 0
                    && item.owners.is_empty()
                    && let Some(o) = super::label_owner::inherited(
                        label_head,
                        self.ex.items.get(first).map(|p| p.owners.as_slice()),
                    )
                {
                    item.owners = o;
                }
                self.emit(n, s, sig, item);
            } else {
                // `某某整理需求说明，下周一前；某某配合。`: the helpers of the line's work.
                if i > 0
                    && self.ex.items.len() > first
                    && (super::helper_clause::helpers_only(s, &sc.owners)
                        || super::helper_clause::helpers_lead(s, &sc.owners))
                    && let Some(item) = self.ex.items.last_mut()
                {
                    for o in &sc.owners {
                        push_unique(&mut item.owners, o.clone());
                    }
                    self.tr.note(n, s, Verdict::Detail, sig, Some(item));
                    continue;
                }
                // `某某：A说明，2月27日前；更新B看板，3个工作日内。`: a later dated clause of a
                // line labelled with its person, naming no one, is that person's work too.
                if i > 0
                    && sc.how == OwnerHow::None
                    && sc.deadline.is_some()
                    && sig.iter().all(|(_, w)| *w > 0)
                    && has_task_text(&sc.text)
                    && let Some(owners) = super::label_owner::inherited(
                        label_head,
                        self.ex.items.get(first).map(|p| p.owners.as_slice()),
                    )
                {
                    let mut item = to_item(sc);
                    item.owners = owners;
                    self.emit(n, s, sig, item);
                    continue;
                }
                // `会议要求某某下周三前联系供应商…，同时把操作流程写成手册，月底前发群里`: more
                // dated work joined on (`同时`, `并`), no one of its own: the same owner's.
                if sc.how == OwnerHow::None
                    && sc.deadline.is_some()
                    && ["同时", "并且", "并", "此外还要", "还要"]
                        .iter()
                        .any(|w| s.trim_start().starts_with(w))
                    && self.item_from.as_ref().is_some_and(|(at, _)| *at == n)
                    && sig.iter().all(|(_, w)| *w > 0)
                    && has_task_text(&sc.text)
                    && let Some(owners) = self
                        .ex
                        .items
                        .last()
                        .map(|p| p.owners.clone())
                        .filter(|o| !o.is_empty())
                {
                    let mut item = to_item(sc);
                    item.owners = owners;
                    self.emit(n, s, sig, item);
                    continue;
                }
                // `…请邵华明天演示一下？邵华：可以，明天下午3点。`: the one asked names the hour.
                if matches!(sc.how, OwnerHow::Label | OwnerHow::Named)
                    && self.item_from.as_ref().is_some_and(|(at, _)| *at == n)
                    && let Some(item) = self.ex.items.last_mut()
                    && item.owners.first() == sc.owners.first()
                    && refines(item.deadline, sc.deadline)
                {
                    item.deadline = sc.deadline;
                    item.deadline_text.clone_from(&sc.deadline_text);
                }
                let asks = sig.iter().any(|(g, _)| *g == Signal::TaskVerb)
                    && sig.iter().all(|(_, w)| *w > 0)
                    && sc.how == OwnerHow::None;
                // `✘ 3. 备份链路带宽不足，夜间超时。某某联系运营商扩容，…前落实`: a list item's
                // first sentence states the problem its thin task after it works on.
                // `回访短信太长了，客户不看。某某你压缩一版，…`: so does a short remark opening
                // any line.
                let states = i == 0
                    && (matches!(marker, Marker::List | Marker::Open)
                        || (s.chars().count() <= 24 && !s.trim_end().ends_with(['？', '?'])))
                    && sc.how == OwnerHow::None
                    && sc.deadline.is_none()
                    && sig.iter().all(|(_, w)| *w > 0);
                said_before = Some(s);
                plain = (asks || states).then_some(s);
                plain_remark = states || (asks && sc.deadline.is_none() && !s.contains('你'));
                needed = super::handed_work::needs_work(s, &sc, &sig).then_some(s);
                self.tr.note(n, s, Verdict::NotItem, sig, None);
            }
        }
        self.last_item_indent = Some(indent);
        true
    }
}

/// `上线由某某负责。` after `…统一在9月1日前上线合同系统。`: a short sentence whose words before
/// 由 (one to six characters) repeat the work of `prev`, naming who leads it (not who helps).
fn names_again_by(sentence: &str, prev: &str) -> bool {
    let s = sentence.trim().trim_end_matches(['。', '；', ';']);
    s.split_once('由').is_some_and(|(head, rest)| {
        (1..=6).contains(&head.chars().count())
            && head.chars().all(crate::minutes::scan::is_cjk)
            && prev.contains(head)
            && rest.chars().count() <= 12
            && !["配合", "协助", "协办", "审核", "审定"]
                .iter()
                .any(|w| rest.contains(w))
    })
}
