//! A count that is the object of the work (pure): `某某对7笔持续观察线索建立台账，6月12日前完成`,
//! `某某把3份合同退回` — what the person is to work on, not a figure reported.

/// Whether the only figure in `seg` (the words between the owner and the deadline) comes right
/// after a preposition opening the work (对, 把, 将, 就, 向, 为).
pub(super) fn count_is_object(seg: &str) -> bool {
    let chars: Vec<char> = seg.chars().collect();
    let digit = |c: &char| c.is_ascii_digit();
    let Some(first) = chars.iter().position(digit) else {
        return false;
    };
    let run_end = (first..chars.len())
        .find(|i| !chars.get(*i).is_some_and(digit))
        .unwrap_or(chars.len());
    let opened = first
        .checked_sub(1)
        .and_then(|i| chars.get(i))
        .is_some_and(|c| "对把将就向为".contains(*c));
    // `发送中，剩余约300户，9月22日前反馈`: what is left is the work still to do.
    let before: String = chars.get(..first).unwrap_or_default().iter().collect();
    let left = ["剩余", "还剩", "剩下", "尚余", "余下", "还有"]
        .iter()
        .any(|w| before.ends_with(w) || before.strip_suffix('约').is_some_and(|b| b.ends_with(w)));
    let others = chars.get(run_end..).unwrap_or_default().iter().any(digit);
    (opened || left) && !others
}

#[cfg(test)]
mod tests {
    use super::count_is_object;

    #[test]
    fn a_count_after_a_preposition_is_the_work() {
        assert!(count_is_object("对7笔持续观察线索建立跟踪台账，"));
        assert!(count_is_object("把12份合同退回经办人"));
        assert!(!count_is_object("上月新开户320户，"));
        assert!(!count_is_object("对7笔线索复核，已排除5笔，"));
        assert!(count_is_object("：发送中，剩余约300户，"));
        assert!(!count_is_object("：已发送12000户，剩余约300户，"));
    }
}
