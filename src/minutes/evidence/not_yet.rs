//! Status said as "not yet" (pure): `驻点人员下个月要增加到四个网点，排班还没排。` — a line whose
//! last clause says something is still not done, with nobody asked or promising, reports where
//! things stand; the task, if any, is given in another line.

/// Whether `raw` ends on a short `还没…` / `尚未…` clause (`排班还没排`, `场地还没定`) and no one
/// in it is asked or promises (`我`, `你`, `请`, `负责`).
pub(super) fn ends_not_yet(raw: &str) -> bool {
    let body = raw.trim().trim_end_matches(['。', '！', '!', '.', ' ']);
    let body = body.split_once(['：', ':']).map_or(body, |(_, r)| r);
    if ["我", "你", "请", "负责", "牵头", "跟进"]
        .iter()
        .any(|w| body.contains(w))
    {
        return false;
    }
    let last = body.rsplit(['，', ',', '；', ';', '。']).next().unwrap_or(body);
    ["还没有", "还没", "尚未"].iter().any(|w| {
        last.split_once(w)
            .is_some_and(|(_, after)| (1..=4).contains(&after.chars().count()))
    })
}

#[cfg(test)]
mod tests {
    use super::ends_not_yet;

    #[test]
    fn a_last_clause_saying_not_yet_is_told_from_work_asked() {
        assert!(ends_not_yet("某某：值班人员下个月要增加到三个网点，排班还没排。"));
        assert!(ends_not_yet("另外答谢会还没定场地。"));
        assert!(!ends_not_yet("回退方案还没看到，今晚10点前发给我。"));
        assert!(!ends_not_yet("还没批，我跟一下，争取下周三前有结果。"));
        assert!(!ends_not_yet("某某负责排班，下周三前完成。"));
    }
}
