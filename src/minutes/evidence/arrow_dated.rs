//! A follow-up after an arrow that names no one but a date (pure): under a record of cases or
//! a log, `→ 季度差错分析报告报送合规部，4月10日前。`, `→ 组织结业考试，节后第一个工作日。` —
//! the arrow marks it as what is to be done about the record, and its date makes it a task,
//! whoever the meeting leaves it to (owners stay empty).

use super::arrow;
use super::facts::LineFacts;
use super::words::{DONE, SHORT_VERBS};
use crate::minutes::scan::has_task_verb;

/// Whether `f` opens with an arrow, names work by a task verb and is due on a date, and says
/// nothing of it being done already.
pub(super) fn dated_follow_up(f: &LineFacts<'_>) -> bool {
    if !arrow::opens_with_arrow(f.raw) || f.scan.deadline.is_none() {
        return false;
    }
    let text = f.scan.text.to_lowercase();
    let work = has_task_verb(&text) || SHORT_VERBS.iter().any(|v| text.contains(v));
    let done = DONE.iter().any(|w| f.raw.contains(w));
    let asked = f.raw.contains(['？', '?']);
    work && !done && !asked
}
