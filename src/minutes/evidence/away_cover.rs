//! Cover while someone is away (pure): `小芸休假，她的复核工作这周由老马代`, `本月请假两周，客户由
//! 小包代为维护`. Who stands in for whom while they are off is how the work goes on, a state of
//! things, not work given.

/// Words of being away.
const AWAY: &[&str] = &["休假", "请假", "年假", "产假", "病假", "婚假", "陪产假"];

/// Words asking for something, which make the line a request after all (`请…`, `要…`).
const ASKS: &[&str] = &["请", "要", "需", "务必", "负责"];

/// Whether `lower` says who stands in (`由X代`, `由X代为…`) while someone is away.
pub(super) fn covers_while_away(lower: &str) -> bool {
    let stands_in = lower.match_indices('由').any(|(i, _)| {
        let rest: String = lower
            .get(i + '由'.len_utf8()..)
            .unwrap_or_default()
            .chars()
            .take(6)
            .collect();
        rest.chars().skip(2).take(4).any(|c| c == '代')
    });
    // `某某本周休年假，期间有事找某乙`: whom to ask meanwhile.
    let stands_in = stands_in || lower.contains("有事找");
    let asks = ASKS
        .iter()
        .any(|w| lower.replace("请假", "").replace("要求", "").contains(w));
    stands_in && AWAY.iter().any(|w| lower.contains(w)) && !asks
}

#[cfg(test)]
mod tests {
    use super::covers_while_away;

    #[test]
    fn who_stands_in_while_someone_is_away_is_a_state() {
        assert!(covers_while_away("柯文休假，他的对账工作这周由潘越代"));
        assert!(covers_while_away("本月产假三个月，客户由韦海代为维护，无新增。"));
        assert!(!covers_while_away("柯文休假期间，请潘越周五前把对账表发群里。"));
        assert!(!covers_while_away("由潘越代为申购的流程周五前理清楚。"));
        assert!(covers_while_away("柯文本周休年假，期间有事找潘越。"));
    }
}
