//! Rejected, cancelled or struck out (pure).

use super::facts::{LineFacts, add};
use crate::minutes::scan::OwnerHow;
use crate::minutes::weights::Signal;

use super::words::REJECTED;
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
];

/// The rejected signal: the line calls the work off (not merely leaves its date open).
pub(super) fn rejected_signals(f: &LineFacts<'_>, lower: &str, out: &mut Vec<(Signal, i32)>) {
    // `时间另定`: the date is open, the task is not rejected.
    // `赵倩同志负责组织培训，具体时间另行通知`: the same, for work given to someone.
    let open_date: &[&str] = if f.scan.how == OwnerHow::Strong {
        &["时间另定", "日期另定", "时间另行通知"]
    } else {
        &["时间另定", "日期另定"]
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
        // `韦海：抽检名单等新办法出来再定`: waiting, named or not, with no date of its own.
        || super::left_open::ends_waiting(lower, f.scan.deadline_text.as_deref())
    {
        add(out, Signal::Rejected);
    }
}
