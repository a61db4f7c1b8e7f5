//! Work left to its doers to time (pure): `各营业部组织本部门学习，具体时间自定`, `请各部门自行安排
//! 回访，不做统一要求` — with no person named, when (or whether) it is done is theirs to choose:
//! nothing to track.

/// Whether `lower` leaves the timing of the work (or whether to do it) to whoever does it.
pub(super) fn left_to_doers(lower: &str) -> bool {
    // The timing's words only: `自行安排客户经理参加考试` is still the units' work.
    [
        "时间自定",
        "时间自行",
        "时间各自",
        "时间不限",
        "不做统一要求",
        "不作统一要求",
        "不统一要求",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::left_to_doers;

    #[test]
    fn timing_left_to_the_doers_is_untracked() {
        assert!(left_to_doers("各支行组织学习，具体时间自定"));
        assert!(left_to_doers("各部门自行安排培训，不做统一要求"));
        assert!(!left_to_doers("各部门自行安排员工参加考试报名"));
        assert!(!left_to_doers("各支行组织学习，5月10日前完成"));
    }
}
