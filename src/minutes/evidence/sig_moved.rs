//! Dates moved (pure): work carried over to a new day, or a meeting or milestone moved.

use super::facts::{LineFacts, add};
use crate::minutes::scan::OwnerHow;
use crate::minutes::weights::Signal;

use super::carried;
use super::words::RESCHEDULED;

/// The rescheduled (or settled) signal; whether someone's unfinished work is given a new date.
pub(super) fn moved_signals(f: &LineFacts<'_>, lower: &str, out: &mut Vec<(Signal, i32)>) -> bool {
    // `2月份例会因春节顺延一周`: a meeting moved, not work carried on.
    // `SIT结束时间由10月23日顺延至10月30日`: a milestone's date moved, no one's work.
    // `会议最后，某某提醒下周例会改到周四`: who tells of the meeting moved does no work.
    let told = ["提醒", "通知", "告知"].iter().any(|w| lower.contains(w));
    const MEETINGS: &[&str] = &[
        "例会",
        "会议",
        "周会",
        "晨会",
        "早会",
        "月会",
        "评审会",
        "时间由",
        "日期由",
        "节点由",
    ];
    // `下周一晨会改为线下，地点三楼会议室`: the meeting itself is what changes, whoever says so.
    let meeting_changed = MEETINGS.iter().any(|m| lower.contains(&format!("{m}改")));
    let meeting_moved = ((f.scan.how == OwnerHow::None || told)
        && MEETINGS.iter().any(|m| lower.contains(m)))
        || meeting_changed;
    // `如果审批晚于3月25日，上线顺延到4月`: a contingency, nothing put off yet.
    let contingency = ["如果", "若", "一旦", "万一", "if "]
        .iter()
        .any(|w| lower.contains(w));
    // `考试（某某）——未完成，定于12月10日前组织`: someone's work not done, given a new date.
    let carried = matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named)
        && f.scan.deadline.is_some()
        && f.scan
            .deadline_text
            .as_deref()
            .is_some_and(|t| carried::not_done_then_due(lower, t));
    let moved_to = meeting_moved && ["改到", "改至", "改在"].iter().any(|w| lower.contains(w));
    if (RESCHEDULED.iter().any(|w| lower.contains(w)) || carried || moved_to)
        && f.scan.deadline.is_some()
        && !contingency
    {
        add(
            out,
            if meeting_moved {
                Signal::Settled
            } else {
                Signal::Rescheduled
            },
        );
    }
    carried
}
