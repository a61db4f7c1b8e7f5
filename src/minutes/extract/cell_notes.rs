//! Work noted inside a timetable's cell (pure): `| 4月9日 | 红利策略 | 滕某 | 预告海报待出（邬某，
//! 4月3日前） |`. A schedule's rows are no tasks, but a remark cell that names a member and a day
//! in its brackets is one: it is written out as a line of its own after the table
//! (`- 邬某：预告海报待出，4月3日前`).

use super::matrix_table::{cells, rule};
use crate::domain::ids::Person;

/// Headers of a column of remarks about a row (what is ready, what is still to come).
const NOTE_HEADS: &[&str] = &["物料", "备注", "准备", "筹备", "说明", "进展", "情况", "状态"];

/// Headers that make a table a task table of its own (its rows read by the table rules).
const OWNER_HEADS: &[&str] = &["负责", "责任", "牵头", "承办", "落实", "跟进", "owner", "Owner"];

/// `text（某某，4月3日前）` with 某某 a member: the note as a to-do line (`某某：text，4月3日前`).
fn noted_work(cell: &str, members: &[Person]) -> Option<String> {
    let inner = cell.strip_suffix('）')?;
    let (work, aside) = inner.rsplit_once('（')?;
    let (who, when) = aside.split_once(['，', ','])?;
    (work.chars().count() >= 2
        && members.iter().any(|m| m.name == who.trim())
        && when
            .chars()
            .any(|c| c.is_ascii_digit() || "今明本下月周".contains(c)))
    .then(|| format!("{}：{}，{}", who.trim(), work.trim(), when.trim()))
}

/// `lines` with the work noted in a timetable's remark cells written after the table.
pub(super) fn lift_cell_notes(lines: Vec<String>, members: &[Person]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut notes: Vec<String> = Vec::new();
    let mut columns: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let row = cells(line);
        match &row {
            Some(r) if lines.get(i + 1).and_then(|l| cells(l)).is_some_and(|u| rule(&u)) => {
                // A header: its remark columns, unless someone's column makes it a task table.
                columns = if r.iter().any(|h| OWNER_HEADS.iter().any(|w| h.contains(w))) {
                    Vec::new()
                } else {
                    (0..r.len())
                        .filter(|c| NOTE_HEADS.iter().any(|w| r[*c].contains(w)))
                        .collect()
                };
            }
            Some(r) if !rule(r) => notes.extend(
                columns
                    .iter()
                    .filter_map(|c| r.get(*c))
                    .filter_map(|cell| noted_work(cell, members)),
            ),
            Some(_) => {}
            None => {
                out.extend(notes.drain(..).map(|n| format!("- {n}")));
                columns.clear();
            }
        }
        out.push(line.clone());
    }
    out.extend(notes.drain(..).map(|n| format!("- {n}")));
    out
}

#[cfg(test)]
mod tests {
    use crate::minutes::extract::testkit::{due_by_end_of, dues, owners, run, texts};

    #[test]
    fn a_timetables_remark_naming_someone_and_a_day_is_work() {
        let ex = run(
            "直播排期\n\
             | 日期 | 主题 | 主讲 | 物料 |\n\
             |---|---|---|---|\n\
             | 3月12日 | 节后行情 | 朱晨 | 已备 |\n\
             | 3月17日 | 可转债入门 | 洪雁 | 讲义待审核（洪雁，3月13日前提交） |\n\
             \n\
             其他：无\n",
            &["朱晨", "洪雁"],
        );
        let t = texts(&ex);
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(t[0].contains("讲义待审核"), "{t:?}");
        assert_eq!(owners(&ex), [vec!["洪雁"]]);
        assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
    }
}
