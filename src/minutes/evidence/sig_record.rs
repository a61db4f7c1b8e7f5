//! The meeting's own record (pure): attendance, headers, signatures, rotas, notes, and what is
//! settled or left for others.

use super::facts::{LineFacts, add};
use crate::minutes::scan::OwnerHow;
use crate::minutes::weights::Signal;

use super::clues::is_next_meeting;
use super::words::{MEETING_RECORD, NOTE_LABELS, SETTLED};
use super::{
    appointed, attend_object, chair_line, check_mark, dated_head, named_head, record, rota, title_date,
};

/// The meeting-record, note and settled signals.
pub(super) fn record_signals(
    f: &LineFacts<'_>,
    lower: &str,
    lower_next: &str,
    carried: bool,
    out: &mut Vec<(Signal, i32)>,
) {
    let named: Vec<String> = f.scan.owners.iter().map(|o| o.name().to_owned()).collect();
    // `监事列席经营会议的安排，由某某统筹，两周内回复`: attendance as the topic of work given
    // to someone by a date, not the record of who came.
    let attendance_work = f.scan.how == OwnerHow::Strong && f.scan.deadline.is_some();
    if MEETING_RECORD.iter().any(|w| {
        lower.contains(w)
                // `出席委员：…` is still a record.
                && !(attendance_work
                    && ["列席", "出席"].contains(w)
                    && !lower.split_once(['：', ':']).is_some_and(|(head, _)| head.contains(w)))
                // `联系对方确认出席`: attendance to arrange.
                && !(["列席", "出席"].contains(w) && attend_object::attendance_arranged(lower, w))
                // `请某某牵头成立工作小组，某某、某某参加`: members of a group set up, not the
                // meeting's attendance.
                && !(w.starts_with("参加")
                    && lower.find("牵头").is_some_and(|i| lower.find(w).is_some_and(|j| i < j)))
                // `7. 培训记录 ■不合格`: the item checked, not the recorder.
                && !check_mark::verdict_follows(lower, w)
    }) || is_next_meeting(lower_next, f.scan.how)
        // `保障期结束，今天把情况总结一下`: what the meeting itself is for.
        || ["今天把情况总结", "今天总结一下", "今天复盘一下", "今天回顾一下"]
            .iter()
            .any(|w| lower.contains(w))
        || chair_line::names_chair_and_attendees(lower)
        || record::is_roll_call(f.raw, &named)
        || dated_head::is_dated_header(f.raw)
        || dated_head::is_unit_signature(f.raw)
        || dated_head::is_titled_dated_header(f.raw)
        || title_date::is_title_then_date(f.raw)
        || appointed::only_appoints(lower)
        || named_head::is_named_head(f.raw)
        || rota::is_rota(f.raw)
        || rota::is_sub_meeting_head(f.raw)
    {
        add(out, Signal::MeetingRecord);
    }
    // `> 三、报送要求：各营业部于3月13日前报送…`: a notice quoted in the minutes asks no one
    // here (the minutes say who follows it up).
    // (Quoted minutes a reply keeps in force, `>> 5. …`, are read as they are.)
    let quoted = f.raw.trim_start().starts_with(['>', '＞'])
        && !f.raw.trim_start().starts_with(">>")
        && lower.contains('各')
        && f.scan.owners.iter().all(|o| o.person().is_none());
    if NOTE_LABELS.iter().any(|w| lower.trim_start().starts_with(w)) || quoted {
        add(out, Signal::Note);
    }
    // `财务委员会将于12月下旬审议预算`: a date announced for no one here.
    // `开业时间待消防验收通过后确定`: left open until something else happens, for no one here.
    // `四季度方案由总部另行下发`: someone else sends it later.
    let open_for_none = f.scan.how == OwnerHow::None
        && (lower.contains("将于")
            || lower.contains("后确定")
            // `复测时间待测评机构确定`: left for someone else to settle.
            || lower
                .trim_end_matches(['。', '.', '；'])
                .rsplit(['，', ','])
                .next()
                .is_some_and(|c| c.contains('待') && c.ends_with("确定"))
            || (lower.contains("另行下发") && f.scan.deadline.is_none()));
    // `人力资源部（联系人：殷佳禾）于10月30日前报送…`: a unit's contact in brackets, given a
    // date, does that work (`联系人：韦海 电话：…` alone only says whom to call).
    let contact_due = |w: &str| {
        w.starts_with('联')
            && f.scan.deadline.is_some()
            && !f.scan.owners.is_empty()
            && (lower.contains(&format!("（{w}")) || lower.contains(&format!("({w}")))
    };
    if (SETTLED.iter().any(|w| lower.contains(w) && !contact_due(w)) && !carried) || open_for_none {
        add(out, Signal::Settled);
    }
}
