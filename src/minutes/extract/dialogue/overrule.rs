//! `这个我来吧。` — `你下周要去培训，还是让小鄂来。` (pure): the chair gives the work someone
//! just took on to another; the offer is no item of its own (the new owner's work follows).

/// Words that give work to another instead (`还是让…来`, `还是由…做`, `换个人`).
const INSTEAD: &[&str] = &[
    "还是让",
    "还是由",
    "还是请",
    "还是交给",
    "换个人",
    "换人来",
    "另找人",
];

/// Whether `s` gives the work to someone else instead.
pub(super) fn gives_instead(s: &str) -> bool {
    INSTEAD.iter().any(|w| s.contains(w))
}

/// Whether `s` says only that (`浩宇你下周有事，还是让小鄂来。`): its last clause ends on the one
/// taking over, with no work nor date of its own after.
pub(super) fn only_instead(s: &str) -> bool {
    let t = s.trim_end_matches(['。', '！', '!', '，', ',', ' ', '吧', '啦']);
    gives_instead(s)
        && t.rsplit(['，', ',', '；', ';'])
            .next()
            .is_some_and(|last| gives_instead(last) && (t.ends_with('来') || t.ends_with("负责")))
}

#[cfg(test)]
mod tests {
    use super::{gives_instead, only_instead};

    #[test]
    fn work_given_to_another_instead() {
        assert!(gives_instead("你手上已经很满了，还是让小王来，他熟。"));
        assert!(only_instead("你下周要出差，还是让小王来吧。"));
        assert!(!only_instead("还是让小王来，周五前给我。"));
        assert!(!gives_instead("这个我来吧。"));
    }
}
