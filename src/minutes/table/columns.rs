//! Which column of a table's header holds what (pure): the R of a RACI table, a column of people
//! by what they do, the planned day, a second column of people; and the work written in a
//! deadline cell after its date.

use crate::minutes::item::clean_title;
use crate::minutes::scan::has_task_verb;

/// The R column of a RACI table (`| 任务 | R | A | C | I |`, `R（负责）`), when the row also has
/// one of the A, C or I columns.
pub(super) fn raci_responsible(cs: &[String]) -> Option<usize> {
    let letter = |c: &str| {
        let c = c.trim();
        let head = c
            .split(['（', '(', '=', '：', ':', ' '])
            .next()
            .unwrap_or_default();
        (head.chars().count() == 1).then(|| head.to_ascii_uppercase())
    };
    let letters: Vec<Option<String>> = cs.iter().map(|c| letter(c)).collect();
    let others = letters
        .iter()
        .flatten()
        .filter(|l| matches!(l.as_str(), "A" | "C" | "I"))
        .count();
    letters
        .iter()
        .position(|l| l.as_deref() == Some("R"))
        .filter(|_| others >= 1)
}

/// `| 资料 | 提供人 | 时间 |`, `| 报告 | 撰写人 | 截止 |`: with no owner word, a column named for a
/// person doing something (a short verb and `人`) holds the owner.
pub(super) fn person_column(cs: &[String]) -> Option<usize> {
    // `时长`, `增长`: a length or a growth, not a head.
    const LENGTHS: &[&str] = &[
        "时长", "增长", "成长", "延长", "特长", "擅长", "家长", "周长", "较长",
    ];
    const NOT_OWNERS: &[&str] = &[
        "联系人",
        "审批人",
        "审核人",
        "复核人",
        "发起人",
        "提出人",
        "申请人",
        // `| 移交人 | 接收人 |`: who hands the work over has done their part.
        "移交人",
    ];
    cs.iter().position(|c| {
        let c = c.trim();
        let n = c.chars().count();
        ((3..=4).contains(&n) && c.ends_with('人') && !NOT_OWNERS.contains(&c))
            // `| 报告 | 分析师 | 计划发布 |`: the people's job.
            || ((2..=4).contains(&n) && c.ends_with(['师', '员']))
            // `| 网格长 |`, `| 组长 |`, `| 客户经理 |`: the head of a unit, by title.
            || ((2..=4).contains(&n) && (c.ends_with("经理") || (c.ends_with('长') && !LENGTHS.iter().any(|w| c.ends_with(w)))))
            // `| 需求 | 开发 | 测试 | 排期 |`: who builds it, by the part they play.
            || ["开发", "实施", "执行", "dev", "Dev"].contains(&c)
            // `| 选题 | 撰稿/制作 |`: who writes it (a timetable's `主讲` only gives a talk).
            || c.starts_with("撰稿")
            // `| 问询问题 | 答复起草 | 协助/复核 |`: who drafts the answer.
            || ((2..=4).contains(&n) && ["起草", "撰写", "编写"].iter().any(|w| c.ends_with(w)))
    })
}

/// `| 计划发布 |`, `| 计划上线 |`: when the work is planned is its date.
pub(super) fn planned_column(cs: &[String]) -> Option<usize> {
    cs.iter().position(|c| {
        let c = c.trim();
        c.starts_with("计划") && c.chars().count() <= 4 && !["计划内容", "计划事项", "计划"].contains(&c)
    })
}

/// `| 4月24日前完成场地对接 |` in the deadline column: the work written after the date
/// (`完成场地对接`), when it holds a task verb.
/// Under a header naming the next step too (`| 下一步/时限 |`, `with_work`), any words beside the
/// date are the work (`差异核销审批，6月30日前`).
pub(super) fn deadline_work(cell: &str, dl: &crate::minutes::scan::Scan, with_work: bool) -> Option<String> {
    let work = clean_title(cell, dl.deadline_text.as_deref());
    let work = work.trim_matches(|c: char| c.is_whitespace() || "，,。；（）()".contains(c));
    (work != cell.trim() && work.chars().count() >= 2 && (with_work || has_task_verb(work)))
        .then(|| work.to_owned())
}

/// A second column of people after the owner's (`| 实施负责人 | 回滚负责人 |`).
pub(super) fn second_person_column(cs: &[String], owner: Option<usize>) -> Option<usize> {
    let owner = owner?;
    cs.iter()
        .enumerate()
        .skip(owner + 1)
        .find(|(_, c)| ["负责人", "责任人"].iter().any(|w| c.contains(w)))
        .map(|(i, _)| i)
}

/// `| 带教导师 | 新员工 | 带教任务 |`: beside the owner's, a column of people by what they are
/// (`新员工`, `学员`, `组员`) names who works with the owner.
pub(super) fn people_column(cs: &[String], owner: Option<usize>) -> Option<usize> {
    let owner = owner?;
    cs.iter().enumerate().find_map(|(i, c)| {
        let c = c.trim();
        (i != owner
            && c.chars().count() <= 4
            && ["员工", "学员", "组员", "新人"].iter().any(|w| c.ends_with(w)))
        .then_some(i)
    })
}
