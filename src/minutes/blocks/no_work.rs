//! A conclusion that says nothing new is to be done (`结论：运行平稳，本月无新增工作安排`,
//! `意见：无需后续跟进`, `结论：暂无待办`) (pure).

/// Words that deny (`无`, `没有`, `无需`, `不需要`, `暂无`, `不再`).
const NEGATIONS: &[&str] = &["没有", "无需", "不需要", "不需", "暂无", "不再", "无"];
/// Words for work to do, one of which must follow a negation closely.
const WORK: &[&str] = &[
    "工作", "任务", "事项", "安排", "待办", "行动", "跟进", "动作", "部署",
];

/// Whether `value` says there is no (new) work: a negation with a work word at most four
/// characters after it (`无新增工作`, `没有新的任务`, `无需后续跟进`).
pub(super) fn says_no_work(value: &str) -> bool {
    let chars: Vec<char> = value.chars().collect();
    (0..chars.len()).any(|i| {
        let rest: String = chars[i..].iter().collect();
        NEGATIONS.iter().find(|n| rest.starts_with(*n)).is_some_and(|n| {
            let after: String = rest.chars().skip(n.chars().count()).take(6).collect();
            WORK.iter().any(|w| {
                after.find(w).is_some_and(|at| {
                    after[..at].chars().count() <= 4 && !after[..at].contains(['，', ',', '。', '；'])
                })
            })
        })
    })
}
