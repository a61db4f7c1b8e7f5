//! A verdict word used to describe a thing, not to rule (pure): `测评不通过客户的回访话术`,
//! `审核不通过的材料`, `不通过率` — the work is about those who failed, not refused.

/// Verdict words that may describe a noun.
const VERDICTS: &[&str] = &["不通过", "未通过", "驳回"];

/// What may follow a verdict that describes a noun: `的`, or a noun for people, items or a ratio.
const NOUNS: &[&str] = &[
    "的", "客户", "人员", "用户", "名单", "项", "件", "笔", "率", "原因", "案例", "者", "材料",
];

/// `lower` without the verdict words that only describe a noun (`不通过客户` → `客户`).
pub(super) fn without_verdict_nouns(lower: &str) -> String {
    let mut out = lower.to_owned();
    for v in VERDICTS {
        let mut at = 0;
        while let Some(i) = out.get(at..).and_then(|r| r.find(v)).map(|i| i + at) {
            let after = out.get(i + v.len()..).unwrap_or_default();
            if NOUNS.iter().any(|n| after.starts_with(n)) {
                out.replace_range(i..i + v.len(), "");
                at = i;
            } else {
                at = i + v.len();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_verdict_nouns;

    #[test]
    fn a_verdict_describing_a_noun_is_no_ruling() {
        assert_eq!(
            without_verdict_nouns("梳理测评不通过客户的回访话术"),
            "梳理测评客户的回访话术"
        );
        assert_eq!(without_verdict_nouns("审核未通过的材料退回"), "审核的材料退回");
        assert_eq!(without_verdict_nouns("评审结论：不通过。"), "评审结论：不通过。");
        assert_eq!(without_verdict_nouns("不通过，下季度再报"), "不通过，下季度再报");
    }
}
