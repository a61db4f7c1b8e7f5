//! A title that names the minutes a list of work (pure): `日志平台扩容第二阶段待办（4月8日）`,
//! `年终结算准备会 · 任务清单`, `**风控委员会 行动项**` — the lines below it are read as under an
//! action heading until a heading says otherwise.

/// Words a title ends with when what follows is the work to do.
const LIST_WORDS: &[&str] = &[
    "待办",
    "待办事项",
    "待办清单",
    "任务清单",
    "工作清单",
    "行动项",
    "任务分工",
    "工作分工",
    "action items",
];

/// Whether `title` (the first line) names what follows a list of work, a date after it aside.
pub(super) fn names_todo_list(title: &str) -> bool {
    let t = title.trim().trim_matches(['*', '#', ' ']).trim();
    // `…待办（4月8日）`, `…待办 2026-04-08`: the date after the words.
    let t = match t.rfind(['（', '(']) {
        Some(i) if t.ends_with(['）', ')']) => t.get(..i).unwrap_or(t),
        _ => t,
    };
    let t = t
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ' ' | '月' | '日'))
        .trim();
    let lower = t.to_lowercase();
    t.chars().count() <= 40 && LIST_WORDS.iter().any(|w| lower.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::names_todo_list;

    #[test]
    fn a_title_naming_a_list_of_work() {
        assert!(names_todo_list("网点改造第一阶段待办（5月6日）"));
        assert!(names_todo_list("年终决算准备会 · 任务清单"));
        assert!(names_todo_list("**产品委员会 行动项**"));
        assert!(!names_todo_list(
            "公文流转周会：OA待办积压37件，平均办理时长4.2天。"
        ));
        assert!(!names_todo_list("待办事项跟进周会（5月6日）"));
    }
}
