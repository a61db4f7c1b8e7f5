//! The signals weighed against each other (pure): what one signal found says about another
//! (a reschedule explains its figures, a dated remainder is not finished work, …), and a named
//! owner with a deadline and nothing against.

use super::facts::LineFacts;
use crate::minutes::layout::Section;
use crate::minutes::scan::OwnerHow;
use crate::minutes::weights::{Signal, weight};

use super::clues::starts_with_clock;
use super::speech::{PROGRESS, SPEECH};
use super::{labelled, period_figure, progress, remaining, unit_head};

/// Settles the signals found so far against each other; adds owner-and-deadline last.
pub(super) fn settle_signals(f: &LineFacts<'_>, lower: &str, commits: bool, out: &mut Vec<(Signal, i32)>) {
    // `还差11户没联系上，延期至4月10日`: what is left says why it goes on, not a figure reported.
    if out.iter().any(|(s, _)| *s == Signal::Rescheduled) {
        out.retain(|(s, _)| *s != Signal::Figures);
    }
    // `视频已调取，通讯记录仍在核查，延至6月3日`: the part still open, put off to a day of its own
    // and someone's: open work carried over, whatever part of it is done.
    if out.iter().any(|(s, _)| *s == Signal::Rescheduled)
        && matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named)
        && progress::still_open(lower)
    {
        out.retain(|(s, _)| *s != Signal::Done);
    }
    // `报告已提交，分公司要求补充满意度数据，7月20日前补齐` (someone's): more asked for after what
    // is done, by a day of its own, is work carried over, even under a review of last time's items.
    if matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named)
        && f.scan.deadline.is_some()
        && f.scan
            .deadline_text
            .as_deref()
            .is_some_and(|t| progress::more_asked_by(lower, &t.to_lowercase()))
    {
        out.retain(|(s, _)| !matches!(s, Signal::Done | Signal::StatusSection));
    }
    // `礼品已到，还剩 40 户未发放，本周三前发完` (someone's): what is left, with a day of its own,
    // is work carried over — not finished work, a figure or a status report.
    if matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named | OwnerHow::Label)
        && f.scan.deadline.is_some()
        && f.scan.deadline_text.as_deref().is_some_and(|t| {
            let t = t.to_lowercase();
            remaining::left_with_a_day(lower, &t)
        })
    {
        out.retain(|(s, _)| !matches!(s, Signal::Done | Signal::Figures | Signal::StatusSection));
    }
    // `被检查单位：某某营业部（负责人某某）`: which unit, and who runs it; no work given.
    if f.scan.deadline_text.is_none() && unit_head::only_a_units_head(f.raw) {
        out.retain(|(s, _)| *s != Signal::OwnerStrong);
    }
    // `本周产品销售 2.3 亿元`: the period the figure is for, no one's deadline.
    if out.iter().any(|(s, _)| *s == Signal::Figures)
        && f.scan.how == OwnerHow::None
        && f.scan
            .deadline_text
            .as_deref()
            .is_some_and(|t| period_figure::period_of_a_figure(f.raw, t))
    {
        out.retain(|(s, _)| *s != Signal::Deadline);
    }
    // A person given a dated deadline is asked for work, even under a status heading
    // (`会议要求：钱明4月10日前提交…`, `向东、温婷下周一对齐口径`): the section's penalty goes when
    // nothing else in the line speaks against it.
    // Not a forecast (`进行中，预计下周完成`), nor a month named as a period (`4月业务回顾`), nor
    // someone speaking.
    // `进行中，12月15日前到货`: work carried over with a day to meet.
    let dated =
        f.scan.deadline.is_some() && progress::dated_under_way(lower, f.scan.deadline_text.as_deref());
    if f.section == Section::Status
        && f.scan.how != OwnerHow::None
        && f.scan.deadline.is_some()
        && f.scan
            .deadline_text
            .as_deref()
            .is_some_and(|t| !t.ends_with(['月', '年', '度']))
        && (commits || dated || !PROGRESS.iter().chain(SPEECH).any(|w| lower.contains(w)))
        // `09:31 监控告警触发，值班人员桂川确认后上报`: a timeline's entry, stamped with its hour.
        && !starts_with_clock(f.raw)
        // `· 认证材料 ｜ 张三 ｜ 截止 3/20` under `【进行中】`: a card with its people and its date.
        && (dated
            || super::card::names_field_on_a_card(f.raw)
            || out
                .iter()
                .any(|(s, _)| matches!(s, Signal::TaskVerb | Signal::Modal | Signal::OwnerStrong)))
        && out.iter().all(|(s, w)| *w > 0 || *s == Signal::StatusSection)
    {
        out.retain(|(s, _)| *s != Signal::StatusSection);
    }
    labelled::label_over_section(out, f.todo_label, f.scan.how);
    // A person named in the line (not a `张三：` label) and a dated deadline, nothing against.
    // `X在活动结束后五个工作日内报协会`: a time limit the parser refuses (counted from an event,
    // or vague) still says when the named person is to do it.
    if matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named)
        && (f.scan.deadline.is_some()
            || f.scan
                .deadline_text
                .as_deref()
                .is_some_and(|t| t.trim_end().ends_with(['内', '前']) || t.trim() == "尽快"))
        && out.iter().all(|(_, w)| *w > 0)
    {
        out.push((Signal::OwnerAndDeadline, weight(Signal::OwnerAndDeadline)));
    }
}
