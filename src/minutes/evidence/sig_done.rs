//! Finished, under way or reported (pure): what is done, forecast or told as done at the
//! meeting, and what no one tracks.

use super::facts::{LineFacts, add};
use crate::minutes::layout::Section;
use crate::minutes::scan::OwnerHow;
use crate::minutes::weights::Signal;

use super::clues::{is_done, not_tracked, without_mid_asides};
use super::{english, not_yet, owner_clause, progress, remaining, self_paced};

/// The signals of finished or reported work; whether part of the work is left with a day of
/// its own (`已完成 8 家，剩余 4 家本周五前补齐`).
pub(super) fn done_signals(f: &LineFacts<'_>, lower: &str, out: &mut Vec<(Signal, i32)>) -> bool {
    // What is finished before the clause giving someone dated work is its background.
    let from_owner = owner_clause::owner_clause_start(f, lower);
    // `提示已发，后续回访由某某跟进`: the next step after what is done, given to someone.
    let from_owner = from_owner.max(progress::next_step_start(lower, f.scan.how == OwnerHow::Strong));
    // `投诉处理——进行中（赵倩，预计下周完成）`: work under way and its forecast, a report.
    // `数据中台：赵倩牵头，按计划推进`: work reported under way with no date of its own, too.
    let under_way = [
        "进行中",
        "推进中",
        "处理中",
        "跟进中",
        "按计划推进",
        "正常推进",
        "有序推进",
    ];
    let dated_under_way =
        f.scan.deadline.is_some() && progress::dated_under_way(lower, f.scan.deadline_text.as_deref());
    let partly = (dated_under_way && progress::partly_done(lower))
        // `已完成 8 家，剩余 4 家本周五前补齐`: the rest, by a date.
        || (f.scan.deadline.is_some()
            && f.scan
                .deadline_text
                .as_deref()
                .is_some_and(|t| {
                    let t = t.to_lowercase();
                    remaining::left_with_a_day(lower, &t)
                }));
    let forecast = under_way.iter().any(|w| lower.contains(w))
        && (lower.contains("预计") || f.scan.deadline_text.is_none())
        && !dated_under_way;
    // `fill in the survey（已发群里）before 3月9日`: a done word in an aside about the thing, with
    // the dated work going on after it, says nothing of the work.
    // `Kevin: the backtest is done. Today: Nina to fix…, by Friday.`: the sentence of the date.
    let from_owner = from_owner.max(english::dated_sentence_start(
        lower,
        f.scan.deadline_text.as_deref(),
    ));
    let asides_out = if f.scan.deadline.is_some() {
        without_mid_asides(lower.get(from_owner..).unwrap_or(lower))
    } else {
        lower.get(from_owner..).unwrap_or(lower).to_owned()
    };
    let asides_out = english::without_done_by(&asides_out);
    // `伍某已完成培养考察，…，由俞晓芸负责准备政审材料，7月15日前报…` in a decision or action
    // section: what is finished before the clause holding the deadline is its background.
    // `梁颖珊：分解表已经做好，明天发片区群`: anywhere, a clause of someone's that opens with its
    // date is the next step after what is done.
    let acting = matches!(f.section, Section::Action | Section::Decision);
    let dated_after_done = f.scan.deadline.is_some()
        && f.scan
            .deadline_text
            .as_deref()
            .map(str::to_lowercase)
            .and_then(|dt| asides_out.find(&dt).map(|at| (at, dt)))
            .map(|(at, dt)| {
                let from = asides_out
                    .get(..at)
                    .and_then(|b| b.char_indices().rfind(|(_, c)| matches!(c, '，' | ',' | '；')))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                (from, from == at, dt)
            })
            .is_some_and(|(from, opens, dt)| {
                let tail = asides_out.get(from..).unwrap_or_default();
                from > 0
                    && !is_done(tail)
                    && !tail.contains("预计")
                    // (`方案上周已经发过，今天不再重复`: nothing to do.)
                    && !tail.contains('不')
                    && (acting
                        || (opens
                            && f.scan.how != OwnerHow::None
                            && ["明天", "今天", "今晚", "后天", "本周", "下周", "周"]
                                .iter()
                                .any(|w| dt.starts_with(w))))
            });
    // `季文轩确认了内核申请的时间表`: what was done at the meeting, reported with 了.
    let reported = f.scan.deadline.is_none()
        && [
            "确认了",
            "明确了",
            "讨论了",
            "通报了",
            "听取了",
            "审议了",
            "介绍了",
            // `某某同志就考核办法作了说明`: what was said at the meeting, reported.
            "作了说明",
            "做了说明",
            "作了讲话",
            "作了发言",
            "作了汇报",
            "做了汇报",
            "作了点评",
        ]
        .iter()
        .any(|w| lower.contains(w));
    let not_yet = not_yet::ends_not_yet(f.raw);
    let nothing_new = super::nothing_new::says_nothing_new(lower);
    if (is_done(&asides_out) && !dated_after_done && !partly)
        || forecast
        || reported
        || not_yet
        || nothing_new
        // `2. 某某 邀请函发送 ✅`: a sign-up list's entry ticked off.
        || super::check_mark::ticked_at_end(f.raw)
        // `某某休假，她的复核工作这周由某某代`: who stands in, a state of things.
        || super::away_cover::covers_while_away(lower)
    {
        add(out, Signal::Done);
    }
    // `各营业部组织学习，具体时间自定`: no one named, its timing theirs to choose.
    if not_tracked(lower) || (f.scan.how == OwnerHow::None && self_paced::left_to_doers(lower)) {
        add(out, Signal::NotTracked);
    }
    partly
}
