//! A sub-section heading numbered one level down (pure): `二、下半年工作安排` then `（一）数据标准`
//! — a topic of the planned work, not a report, whatever its own words (`数据`) suggest alone.

use crate::minutes::layout::Section;

/// Whether `trimmed` opens with a sub-section's number (`（一）`, `(二)`).
pub(super) fn is_sub_heading(trimmed: &str) -> bool {
    trimmed
        .trim_start()
        .strip_prefix(['（', '('])
        .and_then(|r| r.split_once(['）', ')']))
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c)))
}

/// Words by which a sub-heading reports what happened (`（一）完成情况`, `（二）上周进展`).
const REPORTS: &[&str] = &[
    "情况", "进展", "完成", "回顾", "上周", "上期", "上次", "上月", "总结", "汇报", "通报",
];

/// The section of a sub-heading (`name`, read alone as `own`) under a heading read as `parent`:
/// under an action section, a topic read as a status only by a weak word stays action.
pub(super) fn sub_section(parent: Section, name: &str, own: Section) -> Section {
    if parent == Section::Action && own == Section::Status && !REPORTS.iter().any(|w| name.contains(w)) {
        Section::Action
    } else {
        own
    }
}

#[cfg(test)]
mod tests {
    use super::{is_sub_heading, sub_section};
    use crate::minutes::layout::Section;

    #[test]
    fn a_topic_under_planned_work_stays_planned_work() {
        assert!(is_sub_heading("（一）数据标准"));
        assert!(!is_sub_heading("一、数据标准"));
        assert_eq!(
            sub_section(Section::Action, "数据标准", Section::Status),
            Section::Action
        );
        assert_eq!(
            sub_section(Section::Action, "完成情况", Section::Status),
            Section::Status
        );
        assert_eq!(
            sub_section(Section::Status, "数据标准", Section::Status),
            Section::Status
        );
    }
}
