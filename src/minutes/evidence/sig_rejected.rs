//! Rejected, cancelled or struck out (pure).

use super::facts::{LineFacts, add};
use crate::minutes::scan::OwnerHow;
use crate::minutes::weights::Signal;

use super::{open_date_clause, open_field, record, verdict_noun};

/// Work held back or decided against, beside the shared `REJECTED` words: `场地都订满了，先不订`,
/// `等总部指标下发后再做，不指定人`, `排名附表（会议决定今年不编制）`, and nothing more to pick or
/// to send (`主持人由某某两人搭档，不再另选`, `名单不再另报`).
const HELD_BACK: &[&str] = &[
    "先不订",
    "先不办",
    "先不搞",
    "不指定人",
    "不指定负责人",
    "不编制",
    "不再编制",
    "不再另选",
    "不再另报",
    "不再另设",
    "不再另发",
    // `（这一条等结果公布后才启动，现在不用动）`, `这块不用动`: nothing to do now.
    "不用动",
    // `方案A的供应商沟通（不再进行）`, `…因预算原因今年不做`: called off for good.
    "不再进行",
    "不再开展",
    "不再推进",
    "今年不做",
    "今年不搞",
    "今年不开展",
    // `…在岗（会议提醒，非任务）`: the minutes say themselves it is no task.
    "非任务",
    "不是任务",
    "不是待办",
    "不作为任务",
    "不作为待办",
    // `…（见上表第3行），按新时间交`, `和上表第三行是一件事`: the table's row is that work's item.
    "见上表",
    "上表第",
    "以表格为准",
    // `下次会上再说，不定`: left to the next meeting.
    "会上再说",
    // `they're all in already, nothing to do`, `not in this window`.
    "nothing to do",
    "not in this window",
];

/// The rejected signal: the line calls the work off (not merely leaves its date open).
pub(super) fn rejected_signals(f: &LineFacts<'_>, lower: &str, out: &mut Vec<(Signal, i32)>) {
    // `时间另定`: the date is open, the task is not rejected.
    // `赵倩同志负责组织培训，具体时间另行通知`: the same, for work given to someone.
    // `孟庆林整理一版，暂不定时间`: no date yet, the work stands.
    let open_date: &[&str] = if f.scan.how == OwnerHow::Strong {
        &[
            "时间另定",
            "日期另定",
            "时间再定",
            "日期再定",
            "时间另行通知",
            "暂不定时间",
            "暂不定时限",
        ]
    } else {
        &[
            "时间另定",
            "日期另定",
            "时间再定",
            "日期再定",
            "暂不定时间",
            "暂不定时限",
        ]
    };
    let rejected_text = open_date.iter().fold(lower.to_owned(), |t, w| t.replace(w, ""));
    // `…，时间视存储到位情况另定`: only the date is left open.
    let rejected_text = open_date_clause::without_open_date_clauses(&rejected_text);
    // `负责人：X｜截止：另行通知｜事项：…`: a named owner's date field left open.
    let rejected_text = if f.scan.how == OwnerHow::Strong {
        open_field::without_open_date_field(&rejected_text)
    } else {
        rejected_text
    };
    // `…发群里，其他事项下周再议`: what is put off is the rest, not this.
    let rejected_text: String = rejected_text
        .split_inclusive(['，', ','])
        .filter(|c| !crate::minutes::scan::is_the_rest(c))
        .collect();
    // `梳理测评不通过客户的话术`: a verdict describing whom the work is for.
    let rejected_text = verdict_noun::without_verdict_nouns(&rejected_text);
    // `~~组织线下沙龙~~（取消）`: struck out, called off.
    if REJECTED
        .iter()
        .chain(HELD_BACK)
        .any(|w| rejected_text.contains(w))
        || record::is_struck(f.raw)
        || super::left_open::whether_decided_later(lower)
        || nothing_apart(lower)
        || declined_clause(lower)
        // `韦海：抽检名单等新办法出来再定`: waiting, named or not, with no date of its own.
        || super::left_open::ends_waiting(lower, f.scan.deadline_text.as_deref())
    {
        add(out, Signal::Rejected);
    }
}

/// A clause that is only a no (`→ 不整改，…`, `—— 先放着，年底统一清理`, `：不做了，…`,
/// `大家认为太频繁，不搞`): the line turns the work down, whatever follows as the reason.
const DECLINED: &[&str] = &[
    "不做了",
    "不搞了",
    "不搞",
    "不改了",
    "先不改",
    "不整改",
    "先放着",
    "不再列",
    "不列了",
    "不弄了",
    "不用做了",
    "不需要了",
    // `（不做）`, `（暂不调整）`: an aside saying no.
    "不做",
    "不调整",
];

/// Whether a clause of `lower` (parted at commas, stops, colons and arrows) is a no alone.
fn declined_clause(lower: &str) -> bool {
    lower
        .split([
            '，', ',', '。', '；', ';', '：', ':', '→', '—', '（', '(', '）', ')',
        ])
        .map(|c| c.trim().trim_end_matches(['.', '!', '！', '~', '～']))
        .any(|c| {
            DECLINED.iter().any(|w| {
                c.strip_suffix(w).is_some_and(|head| {
                    // `那就不搞`, `这个先放着`: a few words of lead-in at most.
                    head.chars().count() <= 2
                })
            })
        })
}

/// Words saying nothing is to be done apart (`不单独排`, `不用另写材料`, `不用单独报`).
const APART: &[&str] = &[
    "不单独",
    "不用单独",
    "不必单独",
    "不需单独",
    "无需单独",
    "不用另",
    "不必另",
    "不需要另",
    "无需另",
];

/// `元旦值班按行政部统一安排，不单独排`, `出了结果在周会上通报一下就行，不用另写材料`: a clause
/// opening with no separate work, in a sentence of plain clauses (not one of `；` parts, where
/// another part may still give work).
fn nothing_apart(lower: &str) -> bool {
    !lower.contains(['；', ';'])
        && lower
            .split(['，', ',', '。', '（', '('])
            .any(|c| APART.iter().any(|w| c.trim_start().starts_with(w)))
}

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
    // `放到7月中旬的经营分析会上讨论，今天不展开`: left for later; `考核排名不作调整`: nothing to do.
    "不展开",
    "不作调整",
    "不做调整",
    // `元旦期间不组织客户活动`: decided against, nothing to do.
    "不组织",
    "不举办",
    "维持现行",
    // `…纳入明年规划，本次不单独安排`, `推迟至明年，本季度不做安排`, `会议原则同意，具体另议`.
    "不安排",
    // `合肥那一项…后再指定整改人，本周不布置`: not given out yet.
    "不布置",
    // `…由某某直接跟进，不另设负责人`: no one more is named.
    "不另设",
    "不做安排",
    "不单独安排",
    "另议",
    // `各组按既定节奏推进，本周不另行布置新任务`: no work given.
    "不另行布置",
    "不布置新",
    // `月报改成双周报的事先不急，年后再说`: put off, no one's work now.
    "先不急",
    "后再说",
    "回头再说",
    // `…是否纳入 — parked, 下季度再讨论`, `先搁置`: put off, not asked now.
    "再讨论",
    "搁置",
    "parked",
    "on hold",
    // `员工这块先别动，等方案批了再沟通`: held back for now, whatever the verb held.
    "先别动",
    "先不动",
    "先别改",
    "先别加",
    "先别做",
    "先不做",
    "先别碰",
    "暂时不动",
    "先放一放",
    "先放放",
    // `（三季度，本次不排期）`: not scheduled now.
    "不排期",
    // `…作为明年的改进方向，这次不单列任务`, `（常规值守，不单列）`: no item of its own.
    "不单列",
    "不单独列",
    "不单独立项",
    // `…费用没批下来，这项取消`, `cancelled, merged into January release`: called off.
    "这项取消",
    "此项取消",
    "该项取消",
    "cancelled",
    "canceled",
    // `| Status: Won't Do`, `Status: Backlog`: an issue tracker's row not taken up now.
    "won't do",
    "won't fix",
    "won’t do",
    "won’t fix",
    "wontfix",
    "status: backlog",
    "status：backlog",
    // `我觉得可以先聊聊，但这次不定`: not decided now.
    "这次不定",
    "本次不定",
    // `— owner TBD，下周会上再定`: who and whether are left to the next meeting.
    "会上再定",
    // `方案出来后再上会，本次不做决定`: nothing decided, nothing given.
    "不做决定",
    "不作决定",
    "暂不决定",
];

#[cfg(test)]
mod tests {
    use super::{declined_clause, nothing_apart};

    #[test]
    fn a_clause_that_is_only_a_no_turns_the_line_down() {
        assert!(declined_clause("展架摆放不齐 → 不整改，下月统一换新"));
        assert!(declined_clause("失联客户名单 —— 先放着，年中再清"));
        assert!(declined_clause("宣传视频：不做了，集团明年统一拍"));
        assert!(declined_clause("有人提议每周办一次，大家觉得太密，不搞"));
        assert!(declined_clause("视频号要不要改成日更？→ 先不改，看两个月数据"));
        assert!(declined_clause("- [ ] 客户满意度回访（不做）"));
        // Work that only mentions a no, or a no with more work after it.
        assert!(!declined_clause("对逾期不整改的营业部在月度会上通报，某某负责"));
        assert!(!declined_clause("活动不搞一刀切，各营业部自定方案，月底前报"));
    }

    #[test]
    fn nothing_to_do_apart_is_read_clause_by_clause() {
        assert!(nothing_apart("春节值班：按办公室统一排班，不单独排。"));
        assert!(nothing_apart("结果出来后在例会上说一下就行，不用另写报告。"));
        assert!(!nothing_apart(
            "请韦海周五前起草回函；第三问引用上次的材料，不用另行准备"
        ));
        assert!(!nothing_apart("韦海周五前把单独排班表发群里。"));
    }
}
