//! A note over a table saying its rows are no tasks of this meeting (pure): `（本表供各部门参考，
//! 不作为本次会议布置的任务）`, `以下清单仅供参考`, `（不纳入督办）` — an attachment, a draft
//! breakdown, another body's list; the work the meeting gives is written apart from it.

/// Whether the line before a table's header (`lines[n]`), or the one before that (a caption
/// then a heading, or a heading then a caption), says the table holds no tasks of this meeting.
pub(crate) fn table_for_reference(lines: &[String], n: usize) -> bool {
    lines
        .iter()
        .take(n)
        .rev()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .take(2)
        .take_while(|l| !l.starts_with('|'))
        .any(says_no_tasks)
}

/// `不作为本次会议布置的任务`, `仅供参考`, `不纳入督办`, `不列入待办`.
fn says_no_tasks(line: &str) -> bool {
    let not_given = line.split("不作为").skip(1).any(|rest| {
        let rest: String = rest.chars().take(14).collect();
        ["任务", "待办", "督办", "工作安排", "会议要求"]
            .iter()
            .any(|w| rest.contains(w))
    });
    not_given
        || [
            "仅供参考",
            "仅作参考",
            "仅供了解",
            "不纳入督办",
            "不纳入跟踪",
            "不列入待办",
            "不作跟踪",
            "不单独跟踪",
            "for reference only",
        ]
        .iter()
        .any(|w| line.to_lowercase().contains(w))
}

#[cfg(test)]
mod tests {
    use super::table_for_reference;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    #[test]
    fn a_note_over_a_table_that_it_is_for_reference_makes_it_no_tasks() {
        let l = lines(
            "附件：明年重点工作分解（讨论稿）\n\n（汇总自各部门报送，供编制计划时参考，不作为本次会议布置的任务。）\n\n| 序号 | 重点工作 | 牵头部门 | 时间 |",
        );
        assert!(table_for_reference(&l, 4));
        let l = lines("以下为其他分公司的做法，仅供参考：\n| 事项 | 负责人 | 完成时间 |");
        assert!(table_for_reference(&l, 1));
        // A plain heading or a lead-in giving the work: a table of tasks.
        let l = lines("三、任务分工\n\n会议要求各部门按下表落实。\n| 事项 | 负责人 | 完成时间 |");
        assert!(!table_for_reference(&l, 3));
        // A note far above (three lines up) is about something else.
        let l = lines("（以上仅供参考）\n四、下一步\n会议要求：\n| 事项 | 负责人 |");
        assert!(!table_for_reference(&l, 3));
    }
}
