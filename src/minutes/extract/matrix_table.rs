//! Two tables whose work is not in one row's task cell (pure): a decisions table with a to-do
//! column (`| 议题 | 决议 | 待决 | 待办 |`, each to-do cell a line of its own: `江屿：7月17日前补充…`)
//! and a RACI matrix (`| 工作项 | 完成时限 | 石敬之 | 江屿 | … |`, letters in the people's columns:
//! those marked R do the work, left to right; A approves, C and I only hear of it). Each is written
//! as the to-do lines it holds (`【待办】江屿：云原生技术规范修订，9月30日`).

use crate::domain::ids::Person;

/// Headers of a column that holds the work to do after the meeting, one cell a task.
const TODO_HEADS: &[&str] = &[
    "待办",
    "待办事项",
    "行动项",
    "后续行动",
    "跟进事项",
    "落实事项",
    "下一步",
    "Action",
    "Action items",
    "Action Items",
    "action items",
];

/// Headers of a column that names who does a row's work (a usual task table: left to it).
const OWNER_HEADS: &[&str] = &[
    "负责人",
    "责任人",
    "主办",
    "牵头人",
    "承办人",
    "执行人",
    "Owner",
    "owner",
    "跟进人",
    "责任部门",
];

/// Headers of a date column.
const DUE_HEADS: &[&str] = &[
    "完成时限",
    "时限",
    "截止",
    "截止时间",
    "截止日期",
    "完成时间",
    "Deadline",
    "deadline",
    "Due",
    "due",
];

/// Cells that hold nothing.
fn empty(cell: &str) -> bool {
    ["", "—", "-", "——", "--", "/", "无", "暂无", "N/A", "n/a"].contains(&cell.trim())
}

/// A table row's cells (`| a | b |`), or nothing for a line that is no row.
pub(super) fn cells(line: &str) -> Option<Vec<&str>> {
    let t = line.trim();
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|').map(str::trim).collect())
}

/// Whether `row` is the line under a header (`|---|:--|`).
pub(super) fn rule(row: &[&str]) -> bool {
    row.iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// What a table's header says its rows are.
enum Shape {
    /// The column of to-dos.
    Todo(usize),
    /// The work column, the date column, and the people's columns (column, name).
    Raci(usize, Option<usize>, Vec<(usize, String)>),
}

fn shape(head: &[&str], members: &[Person]) -> Option<Shape> {
    let people: Vec<(usize, String)> = head
        .iter()
        .enumerate()
        .filter_map(|(i, c)| members.iter().find(|p| p.name == *c).map(|p| (i, p.name.clone())))
        .collect();
    let due = head.iter().position(|c| DUE_HEADS.contains(c));
    if people.len() >= 2 {
        let work = (0..head.len()).find(|i| Some(*i) != due && !people.iter().any(|(p, _)| p == i))?;
        return Some(Shape::Raci(work, due, people));
    }
    // A usual task table (a column of who, or of when) reads row by row elsewhere.
    let of_people_or_time = |c: &&str| {
        OWNER_HEADS.contains(c)
            || [
                "人",
                "时间",
                "日期",
                "时限",
                "截止",
                "节点",
                "owner",
                "Owner",
                "Responsible",
                "date",
                "Date",
            ]
            .iter()
            .any(|w| c.contains(w))
    };
    if head.iter().any(of_people_or_time) || due.is_some() {
        return None;
    }
    // The to-dos sit beside what was decided (`| 议题 | 决议 | 待决 | 待办 |`).
    let decided = head.iter().any(|c| {
        ["决议", "结论", "决定", "议定", "待决", "Decision", "decision"]
            .iter()
            .any(|w| c.contains(w))
    });
    let todo = head.iter().position(|c| TODO_HEADS.contains(c))?;
    (todo > 0 && decided).then_some(Shape::Todo(todo))
}

/// The to-do line a row stands for, if any.
fn row_line(shape: &Shape, row: &[&str]) -> Option<String> {
    match shape {
        Shape::Todo(col) => {
            let cell = row.get(*col)?;
            (!empty(cell)).then(|| format!("【待办】{cell}"))
        }
        Shape::Raci(work, due, people) => {
            let task = row.get(*work).filter(|c| !empty(c))?;
            let date = due.and_then(|d| row.get(d)).copied().unwrap_or_default();
            // `已发布`: the row's work is done.
            if date.starts_with('已') || ["完成", "关闭", "done", "Done"].contains(&date) {
                return None;
            }
            let doers: Vec<&str> = people
                .iter()
                .filter(|(i, _)| row.get(*i).is_some_and(|c| c.trim().eq_ignore_ascii_case("R")))
                .map(|(_, n)| n.as_str())
                .collect();
            let mut line = if doers.is_empty() {
                format!("【待办】{task}")
            } else {
                format!("【待办】{}：{task}", doers.join("、"))
            };
            if !empty(date) {
                line.push_str(&format!("，{date}"));
            }
            Some(line)
        }
    }
}

/// `lines` with each such table written as its to-do lines (other tables as they were).
pub(super) fn read_matrix_tables(lines: Vec<String>, members: &[Person]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut current: Option<Shape> = None;
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        i += 1;
        let Some(row) = cells(line) else {
            current = None;
            out.push(line.clone());
            continue;
        };
        if let Some(shape) = &current {
            if !rule(&row)
                && let Some(l) = row_line(shape, &row)
            {
                out.push(l);
            }
            continue;
        }
        // A header is the row above a rule.
        let under = lines.get(i).and_then(|l| cells(l)).is_some_and(|r| rule(&r));
        if under && let Some(s) = shape(&row, members) {
            current = Some(s);
            continue;
        }
        out.push(line.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::minutes::extract::testkit::{due_by_end_of, dues, owners, run, texts};

    #[test]
    fn a_to_do_column_gives_one_item_a_cell() {
        let ex = run(
            "架构评审委员会\n\
             | 议题 | 决议 | 待决 | 待办 |\n\
             |---|---|---|---|\n\
             | 1 交易网关重构 | 采用方案B | 旧网关是否保留 | 江屿：3月13日（周五）前补充双写一致性校验设计 |\n\
             | 2 微服务拆分 | 账户域先拆 | 下次再议 | — |\n\
             | 3 容灾演练 | 同意9月演练 | — | 邹文博牵头，江屿配合，3月20日前出演练方案 |\n",
            &["江屿", "邹文博"],
        );
        let t = texts(&ex);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].contains("双写一致性校验设计") && t[1].contains("演练方案"));
        assert_eq!(owners(&ex), [vec!["江屿"], vec!["邹文博", "江屿"]]);
        assert_eq!(
            dues(&ex),
            [due_by_end_of("2026-03-13"), due_by_end_of("2026-03-20")]
        );
    }

    #[test]
    fn a_raci_matrix_gives_the_work_to_those_marked_r() {
        let ex = run(
            "下半年重点工作分工（RACI）\n\
             | 工作项 | 完成时限 | 石敬之 | 江屿 | 花语辰 | 单一舟 |\n\
             |---|---|---|---|---|---|\n\
             | 云原生技术规范修订 | 3月31日 | A | R | C | I |\n\
             | 存量系统技术债盘点 | 4月10日 | A | C | R | R |\n\
             | 架构评审标准化清单 | 已发布 | A | R | C | C |\n",
            &["石敬之", "江屿", "花语辰", "单一舟"],
        );
        let t = texts(&ex);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].contains("技术规范修订") && t[1].contains("技术债盘点"));
        assert_eq!(owners(&ex), [vec!["江屿"], vec!["花语辰", "单一舟"]]);
        assert_eq!(
            dues(&ex),
            [due_by_end_of("2026-03-31"), due_by_end_of("2026-04-10")]
        );
    }
}
