//! A meeting's own header (pure): a title over `时间：… 牵头：…` and `参会：…` lines names the
//! meeting, its time and who came; it is no task block, though its fields look like one's.

/// Words of a field listing who attended.
const ATTENDANCE: &[&str] = &[
    "参会：",
    "参会:",
    "参会人",
    "参加人员",
    "出席：",
    "出席:",
    "出席人",
    "与会人",
    "与会：",
    "列席：",
];

/// Whether one of the next two lines (`next`, blank ones aside) lists who attended: the line
/// above them heads the meeting, not a block of work.
pub(super) fn over_attendance(next: &[&str]) -> bool {
    next.iter()
        .take(2)
        .any(|l| ATTENDANCE.iter().any(|w| l.replace("**", "").contains(w)))
}

/// Keys of the meeting's own date (`日期：11月25日`, `会议时间：…`).
const WHEN: &[&str] = &["日期", "会议日期", "会议时间", "开会时间", "时间", "date"];
/// Keys of the meeting's roles or place, written beside its date (`牵头：某某`, `地点：…`).
const ROLES: &[&str] = &["主持", "牵头", "召集", "记录", "地点", "会议室", "chair"];

/// Whether the minutes' first line (`n == 0`) is over a line that opens with the meeting's date
/// (no `前`/`内` in it, so no deadline) and names its chair, lead or place beside it: the title
/// of the meeting, not a block of work, whatever the keys' order and separators.
pub(super) fn over_meeting_date(n: usize, next: &[&str]) -> bool {
    let Some(line) = next.first() else {
        return false;
    };
    let line = line.replace("**", "").to_lowercase();
    let Some((key, rest)) = line.trim().split_once(['：', ':']) else {
        return false;
    };
    let date = rest
        .split(['，', ',', '；', ';', '｜', '|', ' ', '\u{3000}'])
        .find(|p| !p.trim().is_empty())
        .unwrap_or_default();
    n == 0
        && WHEN.contains(&key.trim())
        && !date.contains(['前', '内'])
        && ROLES
            .iter()
            .any(|r| rest.contains(&format!("{r}：")) || rest.contains(&format!("{r}:")))
}

#[cfg(test)]
mod tests {
    use super::over_meeting_date;

    #[test]
    fn the_first_line_over_the_meetings_date_and_lead_is_its_title() {
        assert!(over_meeting_date(0, &["日期：3月2日 牵头：严冬"]));
        assert!(over_meeting_date(0, &["会议时间：3月2日｜主持：严冬"]));
        assert!(!over_meeting_date(0, &["时间：3月5日前 牵头：严冬"]));
        assert!(!over_meeting_date(4, &["日期：3月2日 牵头：严冬"]));
        assert!(!over_meeting_date(0, &["负责人：严冬"]));
    }
}
