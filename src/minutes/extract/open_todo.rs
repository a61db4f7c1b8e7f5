//! An owner-less to-do among assigned ones (pure): under a to-do heading (`待办`, `行动项`,
//! `Action items`) or a kanban column of work not started (`【待开始】`, `[To Do]`) whose other
//! lines name their owners with `@`, a line of work naming no one (`· 展台物料采购 · 待定`,
//! `梳理展台物料清单`) is still a to-do: nobody has taken it yet, and the card shows it without an
//! owner to pick. The line is read as a task-tagged line (`【任务】…`); a done or dropped line
//! (`（已完成）`, `取消`) is left alone, and so is a column of done work (`【已完成】`).

/// Headings over a list of to-dos, read alone on their line.
const TODO_HEADS: &[&str] = &[
    "待办",
    "待办事项",
    "待办清单",
    "后续待办",
    "行动项",
    "后续行动",
    "todo",
    "to do",
    "to-do",
    "action items",
    "action item",
];
/// Kanban columns of work not started, read inside brackets (`【进行中】` reports work under
/// way, a status section of its own).
const OPEN_COLUMNS: &[&str] = &[
    "待开始",
    "未开始",
    "待处理",
    "计划中",
    "待办",
    "待认领",
    "todo",
    "to do",
    "backlog",
];
/// Words and marks that close or drop a line of work (`[x] …`, `✅ …` ticked off).
const CLOSED: &[&str] = &[
    "已完成",
    "已结束",
    "已取消",
    "取消",
    "暂缓",
    "不做",
    "done",
    "[x]",
    "☑",
    "✅",
    "✔",
    "✓",
    "~~",
];

const BRACKETS: &[(char, char)] = &[('【', '】'), ('[', ']'), ('〔', '〕')];

/// The word inside a bracketed tag standing alone (`【进行中】` → `进行中`).
fn tag(line: &str) -> Option<String> {
    let t = line.trim();
    BRACKETS.iter().find_map(|(o, c)| {
        let inner = t.strip_prefix(*o)?.strip_suffix(*c)?;
        (!inner.contains([*o, *c]) && (1..=12).contains(&inner.chars().count()))
            .then(|| inner.trim().to_lowercase())
    })
}

/// Whether `line` opens a list of to-dos.
fn opens(line: &str) -> bool {
    let bare = line.trim().trim_end_matches(['：', ':']).to_lowercase();
    TODO_HEADS.contains(&bare.as_str()) || tag(line).is_some_and(|t| OPEN_COLUMNS.contains(&t.as_str()))
}

/// Whether `line` is a heading of any kind: a bracketed tag alone or a short bare line without
/// punctuation (`章节`, `总结`).
fn is_heading(line: &str) -> bool {
    let t = line.trim();
    tag(t).is_some()
        || (!t.is_empty()
            && t.chars().count() <= 6
            && !t.starts_with(['@', '·', '-', '*', '•'])
            && !t.contains(['，', '。', '；', '@', ' ', '·']))
}

/// The bullet before a list line's text (`· `, `- `, `1. `), and the text.
fn split_bullet(line: &str) -> (&str, &str) {
    let body = line
        .trim_start()
        .trim_start_matches(['·', '-', '*', '•', '・'])
        .trim_start();
    let at = line.len() - body.len();
    (&line[..at], body)
}

/// Rewrites every owner-less line of work in a list of assigned to-dos (see the module's text).
pub(super) fn mark_open_todos(lines: &mut [String]) {
    let mut n = 0;
    while n < lines.len() {
        if !opens(&lines[n]) {
            n += 1;
            continue;
        }
        let start = n + 1;
        let mut end = start;
        // `本纪要由AI生成` under the list is the tool's footer, past the list's end.
        while end < lines.len()
            && !is_heading(&lines[end])
            && !crate::minutes::layout::is_generated_note(&lines[end])
        {
            end += 1;
        }
        let assigned = lines[start..end]
            .iter()
            .any(|l| l.contains('@') && !CLOSED.iter().any(|c| l.to_lowercase().contains(c)));
        if assigned {
            for line in &mut lines[start..end] {
                let (bullet, body) = split_bullet(line);
                let work = body.chars().filter(|c| crate::minutes::scan::is_cjk(*c)).count() >= 4;
                // A table row (`| 营业部 | 85 |`) is a record of figures, not a line of work.
                if work
                    && !body.contains(['@', '：', ':', '【', '|', '｜', '\t'])
                    && !CLOSED.iter().any(|c| body.to_lowercase().contains(c))
                {
                    *line = format!("{bullet}【任务】{body}");
                }
            }
        }
        n = end;
    }
}

#[cfg(test)]
mod tests {
    use super::mark_open_todos;

    fn marked(text: &str) -> Vec<String> {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        mark_open_todos(&mut lines);
        lines
    }

    #[test]
    fn an_unassigned_line_among_assigned_to_dos_is_tagged() {
        let l = marked("【待开始】\n· 排版 @某某 · 周五\n· 展台物料采购 · 待定\n\n【已完成】\n· 物料清点\n");
        assert_eq!(l[2], "· 【任务】展台物料采购 · 待定");
        assert_eq!(l[5], "· 物料清点");
        let l = marked(
            "待办\n@某某 周五前提交方案\n梳理展台物料清单\n@某某 核对名单（已完成）\n章节\n00:01 进展说明\n",
        );
        assert_eq!(l[2], "【任务】梳理展台物料清单");
        assert_eq!(l[5], "00:01 进展说明");
    }

    #[test]
    fn a_list_with_no_one_assigned_is_left_alone() {
        let l = marked("待办\n梳理展台物料清单\n核对名单\n");
        assert_eq!(l[1], "梳理展台物料清单");
        let l = marked("待办\n@某某 周五前提交方案\n[x] 核对展台物料清单\n| 营业部 | 展台数 |\n");
        assert_eq!(l[2], "[x] 核对展台物料清单");
        assert_eq!(l[3], "| 营业部 | 展台数 |");
    }
}
