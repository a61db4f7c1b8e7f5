//! Who-questions answered on the same line (pure): `谁来写“…”公众号长文？——某某负责，下周一前出初稿。`
//! — the question names the work, the answer gives it to someone; one item, not two.

/// `谁来报合规？`, `…谁负责?`: a sentence asking who will do the work.
pub(super) fn asks_who(sentence: &str) -> bool {
    let s = sentence.trim_end();
    s.ends_with(['？', '?']) && s.contains('谁')
}

#[cfg(test)]
mod tests {
    use super::asks_who;

    #[test]
    fn a_question_asking_who_is_told_from_others() {
        assert!(asks_who("本期活动方案谁来定？"));
        assert!(asks_who("- 宣传海报谁负责?"));
        assert!(!asks_who("海报什么时候能出？"));
        assert!(!asks_who("谁来都可以。"));
    }
}
