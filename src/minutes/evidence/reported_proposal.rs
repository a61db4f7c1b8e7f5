//! A proposal reported from the meeting (pure): `某某提出…，建议…`, `某某认为…，建议…`,
//! `某某说…，建议…`, `大家反映…，建议…`. Someone's view and what they suggest follows from it; the
//! sentence records an opinion given, not work given to anyone (what the meeting made of it is
//! said apart: `同意，…`, `会议决定…`).

/// Words reporting what someone raised or thought.
const REPORTING: &[&str] = &["提出", "认为", "表示", "反映", "指出", "说"];

/// Subjects whose finding is the meeting's own (`会议认为…`), not one person's view.
const MEETING: &[&str] = &["会议", "会上", "与会"];

/// Whether `lower` (one sentence) reports a view and then a suggestion in a clause of its own:
/// a reporting word, then `，建议…` to the end of the sentence.
pub(super) fn reported_proposal(lower: &str) -> bool {
    let body = lower.trim_end().trim_end_matches(['。', '；', ';', '！', '!']);
    let Some(at) = body.find("，建议").or_else(|| body.find(",建议")) else {
        return false;
    };
    let (head, tail) = body.split_at(at);
    // `…，建议…。会议决定由…`: another sentence after the suggestion.
    if tail.contains(['。', '；', ';']) {
        return false;
    }
    REPORTING.iter().any(|w| {
        head.match_indices(w).any(|(i, _)| {
            let before = head.get(..i).unwrap_or_default();
            let after = head.get(i + w.len()..).unwrap_or_default();
            // `说明…`, `据说…`: not someone saying it.
            let plain = !(*w == "说" && (after.starts_with('明') || before.ends_with('据')));
            plain && !before.is_empty() && !MEETING.iter().any(|m| before.contains(m))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::reported_proposal;

    #[test]
    fn a_view_then_a_suggestion_is_reported() {
        assert!(reported_proposal(
            "柯文提出夜盘时段客服排班太紧，建议增加两个弹性班次。"
        ));
        assert!(reported_proposal(
            "3. 网点改造：潘越说老城区客户习惯现金业务，建议保留一台存取款机。"
        ));
        assert!(reported_proposal(
            "各团队普遍反映考核表填报太频繁，建议改成双周一报"
        ));
    }

    #[test]
    fn the_meeting_finding_or_a_plain_suggestion_is_not() {
        assert!(!reported_proposal("会议认为风险可控，建议按原计划推进。"));
        assert!(!reported_proposal("建议柯文下周三前补齐夜盘排班表。"));
        assert!(!reported_proposal("说明材料已备齐，建议周五前报送。"));
        assert!(!reported_proposal(
            "柯文提出排班太紧，建议增加班次。会议决定由潘越周五前出方案。"
        ));
    }
}
