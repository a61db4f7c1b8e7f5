//! The held-out sets from the seventy-sixth on, compiled in (continuing `fresh_sets_72.rs`): every
//! file of each folder, by name. A new set is appended here and last in `ALL_SETS`.

use super::sets::MinutesSet;

/// The seventy-sixth held-out set: every file in `src/minutes/heldout76/`, written blind on
/// 2026-12-07 (session 49) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT76: MinutesSet = minutes_set![
    "heldout76";
];

/// The seventy-seventh held-out set: every file in `src/minutes/heldout77/`, written blind on
/// 2026-12-07 (session 49) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT77: MinutesSet = minutes_set![
    "heldout77";
    "01-wealth-committee-carryover-numbered",
    "02-east-branch-monthly-table-before-spring",
    "03-branch-heads-weekly-three-lines",
    "04-brokerage-weekly-miaoji-timestamps",
    "05-operations-biweekly-email-status-only",
    "06-hr-okr-q1-review-tree",
    "07-performance-interview-pip-form",
    "08-north-branch-midyear-reports-blocks",
    "09-supervision-bulletin-ranking-long",
    "10-gm-office-tracking-emoji-legend",
    "11-advisory-team-ai-summary-tiaoxiu-sunday",
    "12-institutional-weekly-english-mixed",
    "13-wealth-committee-three-lines-tiaoxiu-saturday",
    "14-south-branch-monthly-miaoji-before-mayday",
    "15-branch-heads-weekly-status-only",
    "16-brokerage-weekly-email-correction",
    "17-operations-biweekly-table-tiaoxiu-saturday",
    "18-hr-okr-q2-review-long-annex",
    "19-performance-interview-prose",
    "20-dept-heads-annual-reports-status-only-december",
    "21-southwest-branch-monthly-prose-carryover",
    "22-branch-heads-weekly-roll-call-long",
    "23-brokerage-weekly-requirement-blocks-tiaoxiu",
    "24-operations-biweekly-three-lines",
    "25-hr-okr-q3-progress-email-status-only",
    "26-performance-interview-summary-table",
    "27-southwest-annual-reports-qa",
    "28-supervision-bulletin-overdue-table-before-national-day",
    "29-gm-office-tracking-ai-summary",
    "30-advisory-team-weekly-before-midautumn",
    "31-wealth-committee-miaoji-nicknames",
    "32-north-branch-monthly-tiaoxiu-saturday",
    "33-branch-heads-weekly-checkbox-december",
    "34-institutional-weekly-english-status-only",
    "35-supervision-bulletin-year-end-ranking",
    "36-gm-office-tracking-email-report",
    "37-advisory-team-chat-relay",
    "38-brokerage-weekly-three-lines-december",
    "39-operations-biweekly-ai-summary",
    "40-hr-okr-annual-table-december",
    "41-supervision-bulletin-all-closed-status-only",
    "42-wealth-committee-monthly-branch-leads",
    "43-east-branch-monthly-email-person-headings",
    "44-performance-interview-miaoji",
    "45-south-branch-tenure-review-score-table-tiaoxiu",
    "46-gm-office-tracking-before-mayday",
    "47-wealth-committee-all-closed-status-only",
    "48-advisory-team-weekly-english-mixed",
    "49-institutional-monthly-client-blocks",
    "50-institutional-monthly-numbered-carryover",
];

/// The seventy-eighth held-out set: every file in `src/minutes/heldout78/`, written blind on
/// 2026-12-07 (session 49) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT78: MinutesSet = minutes_set![
    "heldout78";
];

/// The seventy-ninth held-out set: every file in `src/minutes/heldout79/`, written blind on
/// 2026-12-07 (session 49) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT79: MinutesSet = minutes_set![
    "heldout79";
];
