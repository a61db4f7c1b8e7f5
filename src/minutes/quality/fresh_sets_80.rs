//! The held-out sets from the eightieth on, compiled in (continuing `fresh_sets_76.rs`): every
//! file of each folder, by name. A new set is appended here and last in `ALL_SETS`.

use super::sets::MinutesSet;

/// The eightieth held-out set: every file in `src/minutes/heldout80/`, written blind on
/// 2026-12-07 (session 50) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT80: MinutesSet = minutes_set![
    "heldout80";
];

/// The eighty-first held-out set: every file in `src/minutes/heldout81/`, written blind on
/// 2026-12-07 (session 50) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT81: MinutesSet = minutes_set![
    "heldout81";
];

/// The eighty-second held-out set: every file in `src/minutes/heldout82/`, written blind on
/// 2026-12-07 (session 50) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT82: MinutesSet = minutes_set![
    "heldout82";
    "01-gm-office-annual-kickoff-numbered",
    "02-finance-budget-kickoff-table",
    "03-hr-appraisal-talks-three-lines",
    "04-branch-year-end-review-status-only",
    "05-branch-annual-conf-miaoji-sunday",
    "06-union-gala-prep-pipe-lines",
    "07-wealth-kaimenhong-ai-summary",
    "08-it-freeze-english-mixed",
    "09-ops-spring-duty-roster-status-only",
    "10-research-strategy-conf-topic-review",
    "11-party-office-debrief-prep-postscript",
    "12-audit-annual-report-email",
    "13-gm-office-carryover-and-new",
    "14-finance-budget-second-round-table",
    "15-hr-appraisal-results-long-table",
    "16-branch-year-end-email-status-only",
    "17-branch-annual-conf-followup-saturday",
    "18-gala-group-chat-thread",
    "19-kaimenhong-midpoint-miaoji-brackets",
    "20-it-spring-freeze-three-lines",
    "21-ops-spring-festival-deadline-headings",
    "22-research-conf-ai-summary-numbered-todos",
    "23-party-debrief-session-record-status-only",
    "24-audit-report-closing-email-done-and-open",
    "25-gm-office-half-year-formal-numbered",
    "26-finance-project-budget-review-blocks",
    "27-hr-appraisal-progress-status-table",
    "28-branch-year-end-plan-postscript",
    "29-branch-2027-planning-plans-vs-tasks",
    "30-gala-wrap-up-status-only",
    "31-kaimenhong-close-last-time-saturday",
    "32-it-new-year-freeze-english-ais",
    "33-ops-national-day-roster-long",
    "34-research-conf-kickoff-transcript-hms",
    "35-office-personal-debrief-review-blocks",
    "36-audit-prereview-kickoff-hi-email",
    "37-gm-office-year-end-reports-status-only",
    "38-finance-midyear-execution-ai-summary",
    "39-hr-appraisal-awards-kickoff-numbered",
    "40-branch-year-end-sprint-person-first-pipes",
    "41-branch-annual-conf-three-lines-nickname",
    "42-union-condolence-group-chat",
    "43-kaimenhong-2027-battle-map-targets-table",
    "44-it-dragon-boat-freeze-check-status-only",
    "45-ops-holiday-followups-english-email-sunday",
    "46-research-conf-wrap-up-checkboxes",
    "47-party-branch-committee-formal-carryover",
    "48-audit-report-final-check-three-lines",
    "49-office-holiday-safety-check-hourly-plan",
    "50-audit-pbc-tracker-table-tbd",
];

/// The eighty-third held-out set: every file in `src/minutes/heldout83/`, written blind on
/// 2026-12-07 (session 50) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT83: MinutesSet = minutes_set![
    "heldout83";
];
