//! Standing duties and durations (pure): routines, recurring duties given to someone, and how
//! long something takes.

use super::facts::{LineFacts, add};
use crate::minutes::scan::OwnerHow;
use crate::minutes::weights::Signal;

use super::clues::{self, is_period};
use super::words::{self, STANDING};
use super::{left_open, next_meeting, takes_time};

/// The standing, recurring and period signals.
pub(super) fn standing_signals(
    f: &LineFacts<'_>,
    lower: &str,
    lower_next: &str,
    task_verb: bool,
    carried: bool,
    out: &mut Vec<(Signal, i32)>,
) {
    // `每周一上午报送监测表——莫晓负责`, `每天收盘后打电话 小秦负责`: a recurring duty given to a
    // named person is their work (without a deadline: it has no single due date).
    let duty = matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named) && task_verb;
    let recurring = duty
        && STANDING
            .iter()
            .any(|w| w.starts_with('每') && lower_next.contains(w));
    // Its recurrence says when (`每月10日前报送月报（赵倩）`), as a date without a day would.
    if recurring && f.scan.deadline.is_none() && f.scan.deadline_text.is_none() {
        add(out, Signal::VagueDeadline);
    }
    // `看板每日自动推送，两周内完成`: building what then recurs, by a date of its own.
    let builds = f.scan.deadline.is_some()
        && f.scan.deadline_text.as_deref().is_some_and(|t| !t.contains('每'))
        && left_open::one_off(lower);
    if STANDING
        .iter()
        .filter(|w| !((duty || builds) && w.starts_with('每')))
        // `尚未进行，按原计划…前完成`: open work keeping its date, not a routine.
        .filter(|w| !(carried && **w == "按原计划"))
        .any(|w| {
            if *w == "长期" {
                clues::standing_long(lower_next)
            } else {
                lower_next.contains(w)
            }
        })
        || (f.scan.how == OwnerHow::None && (words::by_the_rules(lower) || words::arranged_later(lower)))
        || next_meeting::marked_routine(lower)
        || (f.scan.how == OwnerHow::None && super::forbids::forbids(lower))
        || left_open::routine_field(lower)
        || (f.scan.how == OwnerHow::None && left_open::time_left_open(lower))
        || (f.scan.how == OwnerHow::None && next_meeting::next_meeting_open(lower))
    {
        add(out, Signal::Standing);
    }
    // `主要是到账太慢，要两个月。`: how long something takes, not when it is due.
    // (`冻结期 9月25日至10月8日，冻结通知由倪晓峰9月22日前发出`: beside a period, someone's own
    // stated limit is still a deadline.)
    let limited = f.scan.how == OwnerHow::Strong
        && f.scan.deadline.is_some()
        && f.scan
            .deadline_text
            .as_deref()
            .is_some_and(|t| t.ends_with(['前', '内']));
    if (is_period(lower) && !limited) || takes_time::takes_time(lower) {
        add(out, Signal::Period);
    }
}
