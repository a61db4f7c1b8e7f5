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
