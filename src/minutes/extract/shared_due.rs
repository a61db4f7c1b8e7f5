//! One deadline said for several people's work (pure): `甲负责…；乙负责…，均两周内完成` — the
//! `均`/`都` before the deadline gives it to the work before it on the line too.

/// Whether `deadline_text` in `sentence` comes right after `均`/`都`/`皆`/`一律` (perhaps with
/// `于`/`在` between): it is the deadline of every piece of work the line names.
pub(super) fn is_shared_due(sentence: &str, deadline_text: &str) -> bool {
    if deadline_text.is_empty() {
        return false;
    }
    let Some(at) = sentence.find(deadline_text) else {
        return false;
    };
    let before = sentence[..at].trim_end();
    let before = before
        .strip_suffix('于')
        .or_else(|| before.strip_suffix('在'))
        .unwrap_or(before);
    ["均", "都", "皆", "一律"].iter().any(|w| before.ends_with(w))
}

/// Whether the sentence says nothing but the shared deadline (`均本周内完成。`, `都在周五前交`,
/// written after `；`): it dates the work before it and is no work of its own.
pub(super) fn only_shared_due(sentence: &str, deadline_text: &str) -> bool {
    if !is_shared_due(sentence, deadline_text) {
        return false;
    }
    let rest = sentence.replacen(deadline_text, "", 1);
    let rest = rest
        .trim()
        .trim_end_matches(['。', '；', ';', '.', '，', ',', '！']);
    let rest = ["均", "都", "皆", "一律", "于", "在"]
        .iter()
        .fold(rest.to_owned(), |r, w| r.replacen(w, "", 1));
    let rest = rest.trim();
    rest.is_empty() || ["完成", "办结", "到位", "交", "提交", "报送", "落实"].contains(&rest)
}

#[cfg(test)]
mod tests {
    use super::{is_shared_due, only_shared_due};

    #[test]
    fn a_shared_deadline_alone_is_no_work() {
        assert!(only_shared_due("均本周内完成。", "本周内"));
        assert!(only_shared_due("都在周五前提交", "周五前"));
        assert!(!only_shared_due("乙负责编制清单，均两周内完成。", "两周内"));
        assert!(!only_shared_due("本周内完成。", "本周内"));
    }

    #[test]
    fn a_deadline_after_both_is_shared() {
        assert!(is_shared_due("乙负责编制清单，均两周内完成。", "两周内"));
        assert!(is_shared_due("乙负责编制清单，均于3月20日前完成。", "3月20日前"));
        assert!(is_shared_due("乙负责编制清单，都在周五前交。", "周五前"));
        assert!(!is_shared_due("乙负责编制清单，两周内完成。", "两周内"));
        assert!(!is_shared_due("乙负责编制均衡方案，周五前交。", "周五前"));
    }
}
