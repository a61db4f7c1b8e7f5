//! The held-out sets from the seventy-second on, compiled in (continuing `fresh_sets_64.rs`): every
//! file of each folder, by name. A new set is appended here and last in `ALL_SETS`.

use super::sets::MinutesSet;

/// The seventy-second held-out set: every file in `src/minutes/heldout72/`, written blind on
/// 2026-12-07 (session 48) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT72: MinutesSet = minutes_set![
    "heldout72";
];

/// The seventy-third held-out set: every file in `src/minutes/heldout73/`, written blind on
/// 2026-12-07 (session 48) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT73: MinutesSet = minutes_set![
    "heldout73";
];

/// The seventy-fourth held-out set: every file in `src/minutes/heldout74/`, written blind on
/// 2026-12-07 (session 48) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT74: MinutesSet = minutes_set![
    "heldout74";
];

/// The seventy-fifth held-out set: every file in `src/minutes/heldout75/`, written blind on
/// 2026-12-07 (session 48) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT75: MinutesSet = minutes_set![
    "heldout75";
    "01-gm-office-meeting-resolutions",
    "02-hr-campus-recruit-miaoji",
    "03-finance-budget-three-lines",
    "04-admin-canteen-status-only",
    "05-union-spring-outing-email-quoted",
    "06-party-study-session",
    "07-audit-rectification-four-field-blocks",
    "08-strategy-annual-plan-ai-summary",
    "09-risk-limit-table",
    "10-legal-contract-review-blocks",
    "11-training-new-hire-numbered",
    "12-gm-branch-network-special-meeting-long",
    "13-office-supervision-english-mixed",
    "14-hr-performance-interview-status-only",
    "15-finance-expense-last-time-plus-new",
    "16-admin-relocation-miaoji",
    "17-union-three-lines",
    "18-party-branch-ai-summary",
    "19-audit-followup-email-quoted",
    "20-strategy-bitable-csv-export",
    "21-risk-weekly-status-only",
    "22-legal-three-lines-before-mid-autumn",
    "23-training-internal-lecturer-table",
    "24-gm-annual-work-conference-long",
    "25-office-minutes-with-leader-instructions",
    "26-hr-recruit-email-english",
    "27-finance-dept-budget-review-blocks",
    "28-admin-fire-safety-status-only",
    "29-union-sports-meet-table",
    "30-party-lecture-miaoji-saturday",
    "31-audit-rectification-ledger-long",
    "32-strategy-offsite-english-before-dragon-boat",
    "33-risk-ai-summary-before-labour-day",
    "34-legal-monthly-status-only",
    "35-training-department-sections",
    "36-gm-office-meeting-before-spring-festival",
    "37-office-three-lines-year-end",
    "38-hr-training-plan-numbered",
    "39-finance-year-end-closing-miaoji",
    "40-admin-vehicle-dispatch-table",
    "41-union-committee-status-only",
    "42-party-democratic-life-email",
    "43-audit-interview-status-only",
    "44-strategy-ai-summary-with-todo-table",
    "45-risk-stress-test-numbered-before-national-day",
    "46-legal-litigation-table",
    "47-training-email-quoted-replies",
    "48-office-weekly-plan-dash-owners",
    "49-hr-exit-interview-ai-summary",
    "50-gm-three-lines",
];
