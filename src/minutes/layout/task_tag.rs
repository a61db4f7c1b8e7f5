//! Bracketed tags that open a line (pure): `【任务】…` says the line is work to do, `【决定】…`
//! says it records what was decided or reported, not who does what.

/// Tags a writer puts before a task (`【任务】`, `[跟进]`, `【行动】`, `[Task]`): the line is an
/// action item whatever section it sits in.
const TASK_TAGS: &[&str] = &[
    "任务",
    "行动",
    "跟进",
    "待跟进",
    "落实",
    "督办",
    "分工",
    "后续",
    "后续动作",
    "跟踪",
    "Task",
    "task",
    "Action Item",
    "Follow-up",
    "Follow up",
];

/// Tags a writer puts before a decision, a conclusion or a note (`【决定】`, `【结论】`,
/// `[Decision]`): a record of the meeting, not an assignment.
const RECORD_TAGS: &[&str] = &[
    "决定",
    "决议",
    "结论",
    "共识",
    "议定",
    "决策",
    "说明",
    "备注",
    "背景",
    "讨论",
    "信息",
    "通报",
    "进展",
    "现状",
    "Decision",
    "decision",
    "Decided",
    "Note",
    "note",
    "Info",
    "FYI",
    "Conclusion",
];

/// Whether `tag` (the text inside `【…】` or `[…]`) marks a task.
pub(crate) fn is_task_tag(tag: &str) -> bool {
    TASK_TAGS.contains(&tag.trim())
}

/// Whether `line` (its list number or bullet already off or not) opens with a record tag such
/// as `【决定】`, with text after it.
pub(crate) fn opens_with_record_tag(line: &str) -> bool {
    let s = line.trim_start().trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '.' | '、' | '-' | '*' | ' ' | '）' | ')')
    });
    [("【", "】"), ("[", "]")].iter().any(|(open, close)| {
        s.strip_prefix(open)
            .and_then(|r| r.split_once(close))
            .is_some_and(|(tag, rest)| RECORD_TAGS.contains(&tag.trim()) && !rest.trim().is_empty())
    })
}
