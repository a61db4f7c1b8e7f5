//! The held-out sets from the seventy-second on, compiled in (continuing `fresh_sets_64.rs`): every
//! file of each folder, by name. A new set is appended here and last in `ALL_SETS`.

use super::sets::MinutesSet;

/// The seventy-second held-out set: every file in `src/minutes/heldout72/`, written blind on
/// 2026-12-07 (session 48) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT72: MinutesSet = minutes_set![
    "heldout72";
    "01-wealth-committee-followup-table",
    "02-brokerage-weekly-numbered",
    "03-margin-three-lines",
    "04-product-monthly-ai-summary",
    "05-data-center-monthly-status-only",
    "06-advisory-miaoji-timestamps",
    "07-finance-kpi-caliber-email",
    "08-compliance-marketing-review-blocks",
    "09-branch-gm-meeting-decisions",
    "10-branch-heads-long-ranking",
    "11-institution-english-mixed",
    "12-retail-weekly-status-only",
    "13-margin-monthly-task-table",
    "14-advisory-okr-review-new",
    "15-handover-sheet-new",
    "16-product-three-lines",
    "17-wealth-committee-resolutions-email",
    "18-institution-miaoji-brackets",
    "19-data-center-request-table",
    "20-compliance-quarterly-status-only",
    "21-branch-heads-per-branch-blocks-new",
    "22-finance-three-lines-december",
    "23-finance-performance-ai-summary",
    "24-retail-numbered-with-last-time",
    "25-branch-gm-miaoji-hms",
    "26-product-shelf-review-blocks",
    "27-margin-email-concentration",
    "28-advisory-status-only-monthly",
    "29-institution-table-quarter",
    "30-data-center-english-mixed",
    "31-compliance-conduct-checks-followup",
    "32-brokerage-ai-summary-chapters",
    "33-wealth-committee-year-end-headings",
    "34-retail-transcript-saturday",
    "35-branch-gm-email-december",
    "36-branch-heads-pre-spring-numbered",
    "37-product-status-only-october",
    "38-margin-miaoji-september",
    "39-brokerage-q1-long-checklist",
    "40-branch-gm-traffic-light-new",
    "41-institution-three-lines",
    "42-data-center-status-only-quarterly",
    "43-finance-allocation-table",
    "44-compliance-email-rejected",
    "45-wealth-committee-status-only-interim",
    "46-retail-english-mixed",
    "47-branch-heads-q3-nicknames",
    "48-advisory-december-numbered",
    "49-product-margin-joint-handover",
    "50-brokerage-prose-december",
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
];
