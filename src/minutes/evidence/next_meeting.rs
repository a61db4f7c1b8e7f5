//! Marks of work that is not a task now (pure): the next meeting's time still open
//! (`下次跟踪会时间待定`), a routine duty marked as such (`…按日报执行（常规）`), an English
//! standing rule (`… (standing rule)`).

/// `下次跟踪会时间待定`, `下次碰头会另行通知`: when the next meeting is, not work.
pub(super) fn next_meeting_open(lower: &str) -> bool {
    lower.split(['，', ',', '；', '。']).any(|clause| {
        clause.find("下次").is_some_and(|at| {
            let rest = clause.get(at..).unwrap_or_default();
            rest.contains('会')
                && ["待定", "另行通知", "另定", "再定"]
                    .iter()
                    .any(|w| rest.contains(w))
        })
    })
}

/// `（常规）`, `(常规)`, `（例行）`, `(standing rule)`: a duty marked routine.
pub(super) fn marked_routine(lower: &str) -> bool {
    [
        "（常规）",
        "(常规)",
        "（常规工作）",
        "（例行）",
        "(例行)",
        "standing rule",
        "standing item",
    ]
    .iter()
    .any(|w| lower.contains(w))
}
