//! Brackets in a line of minutes, and a helper's word after a name (pure).

/// Whether `text` opens a bracket (`（`, `(`) or a title or quotation mark (`《`, `“`, `「`, `『`)
/// it does not close: a sentence mark inside (`《期权也能当保险？》`) ends no sentence.
pub(super) fn unclosed(text: &str) -> bool {
    let open = |o: &[char], c: &[char]| {
        text.chars().fold(0i32, |d, ch| {
            if o.contains(&ch) {
                d + 1
            } else if c.contains(&ch) {
                (d - 1).max(0)
            } else {
                d
            }
        }) > 0
    };
    open(&['（', '('], &['）', ')'])
        || [('《', '》'), ('“', '”'), ('「', '」'), ('『', '』')]
            .iter()
            .any(|&(o, c)| open(&[o], &[c]))
}

/// Whether the words after a name (` 配合，…`) say that person helps rather than owns work.
pub(super) fn helps(after_name: &str) -> bool {
    ["配合", "协助", "协办", "支持", "support"]
        .iter()
        .any(|w| after_name.trim_start().starts_with(w))
}

/// Whether the clause after a name is only a reviewer's verb (`评审`, `审核`, `复核`): that person
/// checks the work just named (`某甲写需求说明书，某乙评审，3月6日前`), a second hand on it.
pub(super) fn checks_only(after_name: &str) -> bool {
    let clause = after_name
        .split(['，', ',', '；', '。'])
        .next()
        .unwrap_or_default()
        .trim();
    ["评审", "审核", "复核", "把关", "校对", "审定"].contains(&clause)
}

#[cfg(test)]
mod tests {
    use super::unclosed;

    #[test]
    fn an_open_bracket_is_unclosed_until_closed() {
        assert!(unclosed("体检预约（责任人：岳明；"));
        assert!(!unclosed("工牌制作（责任人：孟冬）；"));
        assert!(!unclosed("先做这个；"));
    }
}
