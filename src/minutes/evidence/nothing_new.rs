//! A meeting saying there is nothing new to do this time (`本周无新增待办`, `节前最后一次会，没有新事项。`,
//! `本月不新增推广任务`, `本次没有需要新增跟进的事项`), whoever the rest of the line names: one reading
//! for every wording, read by the done signals.

/// Fixed wordings of "nothing new".
const NOTHING_NEW: &[&str] = &[
    "无新增待办",
    "无新增事项",
    "无新增任务",
    "无新增工作",
    "没有新增待办",
    "没有新的待办",
    "暂无新增",
    "暂无待办",
    "无待办事项",
    "no new action",
    "没有新事项",
    "无新事项",
    "没有新的事项",
    "没有新增事项",
    // `你按现在的节奏来就行，我这边没有新的要求`: a one-to-one talk with nothing new asked.
    "没有新的要求",
    "没有新的安排",
];

/// Whether `lower` (the line, lower-cased) says there is nothing new to do.
pub(super) fn says_nothing_new(lower: &str) -> bool {
    NOTHING_NEW.iter().any(|w| lower.contains(w)) || adds_no_new_work(lower) || says_nothing_to_follow(lower)
}

/// `本月不新增推广任务`, `不再新增工作事项`: no new work this time.
fn adds_no_new_work(lower: &str) -> bool {
    ["不新增", "不再新增"].iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let after: String = lower
                .get(i + w.len()..)
                .unwrap_or_default()
                .chars()
                .take(6)
                .collect();
            ["任务", "事项", "待办", "工作"].iter().any(|k| after.contains(k))
        })
    })
}

/// `本次没有需要新增跟进的事项`, `暂无需要跟进的待办`: a negation (`没有`, `暂无`, `无`) then, within
/// a few characters, `事项`/`待办`/`任务` with `新增`, `需要` or `新的` between them: the
/// meeting says there is nothing to do. `没有跟进的事项逐一督办` (no such word between) is work.
fn says_nothing_to_follow(lower: &str) -> bool {
    ["没有", "暂无", "无"].iter().any(|neg| {
        lower.match_indices(neg).any(|(at, _)| {
            let rest: String = lower[at + neg.len()..].chars().take(10).collect();
            // `本周没有新增工作安排`: a plan of work, the same.
            ["事项", "待办", "任务", "工作安排", "安排"].iter().any(|noun| {
                rest.find(noun).is_some_and(|end| {
                    let between = &rest[..end];
                    ["新增", "需要", "新的"].iter().any(|w| between.contains(w))
                })
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::says_nothing_new;

    #[test]
    fn nothing_new_in_every_wording() {
        assert!(says_nothing_new("本周无新增待办，下周例会照常"));
        assert!(says_nothing_new("节前最后一次会，没有新事项。"));
        assert!(says_nothing_new("本月不新增推广任务"));
        assert!(says_nothing_new("本次没有需要新增跟进的事项"));
        assert!(!says_nothing_new("没有跟进的事项逐一督办"));
        assert!(says_nothing_new("本周没有新增工作安排，各组按既定计划执行"));
        assert!(!says_nothing_new("没有安排的营业部由某某统一排班"));
        assert!(!says_nothing_new("柳青周五前补齐新增客户名单"));
    }
}
