//! A later line that moves the deadline of work already listed (pure): `因嘉宾调整，讲座课件改到
//! 下周二下班前交` after `某某负责投教讲座课件制作，本周五前完成` — the same work, due later.

/// Words that move a deadline (`改到`, `推迟到`, `延至`).
const MOVES: &[&str] = &[
    "改到",
    "改为",
    "改至",
    "推迟到",
    "推迟至",
    "延至",
    "延期至",
    "延后到",
    "顺延至",
    "调整到",
    "调整为",
    "提前到",
    "提前至",
];

/// The work named before a deadline-moving word in `line` (`讲座课件`), when there is one.
pub(super) fn moved_work(line: &str) -> Option<&str> {
    line.split(['，', ',', '。', '；', ';']).find_map(|clause| {
        let at = MOVES.iter().filter_map(|w| clause.find(w)).min()?;
        let work = clause[..at].trim();
        (work.chars().count() >= 4).then_some(work)
    })
}

/// The index of the last of `texts` sharing four characters in a row with `work`.
pub(super) fn revised_item<'t>(texts: impl DoubleEndedIterator<Item = &'t str>, work: &str) -> Option<usize> {
    let chars: Vec<char> = work.chars().collect();
    let pieces: Vec<String> = chars.windows(4).map(|w| w.iter().collect()).collect();
    let texts: Vec<&str> = texts.collect();
    texts
        .iter()
        .rposition(|t| pieces.iter().any(|p| t.contains(p.as_str())))
}

#[cfg(test)]
mod tests {
    use super::{moved_work, revised_item};

    #[test]
    fn a_moved_deadline_names_the_listed_work() {
        assert_eq!(
            moved_work("因场地调整，客户沙龙海报改到下周一前交。"),
            Some("客户沙龙海报")
        );
        assert_eq!(moved_work("海报改到周一。"), None);
        assert_eq!(moved_work("下周一前交海报。"), None);
        let texts = ["设计客户沙龙海报", "联系场地"];
        assert_eq!(revised_item(texts.iter().copied(), "客户沙龙海报"), Some(0));
        assert_eq!(revised_item(texts.iter().copied(), "年度培训计划"), None);
    }
}
