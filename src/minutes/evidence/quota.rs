//! A quota in a task (pure): `营业部沙龙邀约30户`, `走访20家`, `回访不少于50户` under a to-do heading —
//! the count after a verb of reaching people says how much work to do, it reports no figure
//! (`已回访30户` does).

/// Verbs of reaching or serving people whose count is the work's size.
const REACH: &[&str] = &[
    "邀约", "邀请", "走访", "拜访", "回访", "陪访", "联系", "触达", "外呼", "约见", "面谈", "签约", "开发",
    "培训",
];

/// `lower` without the quotas after a verb of reaching people (not after `已`, a report).
pub(super) fn without_quotas(lower: &str) -> String {
    let mut out = lower.to_owned();
    for verb in REACH {
        while let Some(i) = out.find(verb) {
            let done = out.get(..i).is_some_and(|b| b.ends_with(['已', '共', '累']));
            let after = out.get(i + verb.len()..).unwrap_or_default();
            let count: usize = after
                .char_indices()
                .take_while(|(_, c)| c.is_ascii_digit() || "户家人位名场次".contains(*c))
                .map(|(_, c)| c.len_utf8())
                .sum();
            let digits = after.chars().next().is_some_and(|c| c.is_ascii_digit());
            let end = i + verb.len() + if digits && !done { count } else { 0 };
            out.replace_range(i..end, " ");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_quotas;

    #[test]
    fn a_count_after_a_verb_of_reaching_people_is_a_quota() {
        assert!(!without_quotas("营业部沙龙邀约30户").contains("30户"));
        assert!(!without_quotas("重点客户走访20家").contains("20家"));
        assert!(without_quotas("本月已回访30户").contains("30户"));
        assert!(without_quotas("客户资产50万以上").contains("50万"));
    }
}
