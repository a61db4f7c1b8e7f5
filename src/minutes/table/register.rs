//! A register of cases already dealt with (pure): a table that records each case's outcome
//! (`| 编号 | 提交人 | 类型 | 问题 | 结果 |`) with no column saying when anything is due nor what
//! comes next is a log of what happened, not a list of work; and a cell whose aside says the
//! case is settled (`退回修改（已改）`) closes its row.

/// Whether the header is a register's: a column for the outcome or verdict of each case
/// (`结果`, `审核意见`, `result`), no deadline column and no next-step column.
pub(super) fn is_register(
    cs: &[String],
    task: usize,
    deadline: Option<usize>,
    next_step: Option<usize>,
) -> bool {
    const OUTCOME: &[&str] = &[
        "结果",
        "结论",
        "审核意见",
        "审批意见",
        "处理意见",
        "result",
        "outcome",
        "verdict",
    ];
    deadline.is_none()
        && next_step.is_none()
        && cs.iter().enumerate().any(|(i, c)| {
            let c = c.trim().to_lowercase();
            i != task && OUTCOME.iter().any(|w| c.contains(w))
        })
}

/// The aside closing a cell (`退回修改（已改）`, `补充材料(已补)`): what the aside says, for the
/// caller to read as a state.
pub(super) fn closing_aside(cell: &str) -> Option<&str> {
    cell.trim()
        .strip_suffix(['）', ')'])
        .and_then(|t| t.rsplit_once(['（', '(']))
        .map(|(_, aside)| aside)
}
