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
];

/// The seventy-eighth held-out set: every file in `src/minutes/heldout78/`, written blind on
/// 2026-12-07 (session 49) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT78: MinutesSet = minutes_set![
    "heldout78";
    "01-ipo-intermediary-coordination-numbered",
    "02-qc-prereview-blocks",
    "03-research-morning-three-lines",
    "04-am-ic-launch-miaoji-saturday",
    "05-inst-visit-recap-email-english",
    "06-custody-ops-weekly-status-only",
    "07-bond-issue-t-day-timetable",
    "08-prop-ic-resolution-votes",
    "09-mm-weekly-email-status-only",
    "10-hk-bilingual-weekly-call",
    "11-refinancing-ai-summary-sunday",
    "12-qc-workpaper-rectification-table",
    "13-research-roadshow-schedule-table",
    "14-am-ic-decisions-status-only",
    "15-inst-client-followup-chat-log",
    "16-custody-followup-last-time-plus-new",
    "17-fi-three-lines-before-national-day",
    "18-prop-research-miaoji-speaker-lines",
    "19-mm-three-lines",
    "20-hk-ops-review-email-status-only",
    "21-bond-underwriting-email-external",
    "22-qc-ipo-wenhe-checklist-long",
    "23-research-pharma-group-numbered",
    "24-am-ic-ai-summary-before-spring-festival",
    "25-inst-client-visit-review-blocks",
    "26-custody-quarter-end-nav-check-long",
    "27-fi-credit-committee-saturday",
    "28-prop-weekly-positions-status-only",
    "29-mm-miaoji-etf-liquidity",
    "30-hk-three-lines-english",
    "31-ipo-filing-checklist-coordination-long",
    "32-neihe-meeting-results-status-only",
    "33-research-morning-ai-summary",
    "34-am-year-end-email-minutes",
    "35-inst-visit-followup-table",
    "36-custody-ai-summary-new-client",
    "37-fi-bond-timetable-status-only",
    "38-prop-ic-numbered-cancelled-deferred",
    "39-mm-stock-quote-issue-table",
    "40-hk-miaoji-english-cantonese",
    "41-ipo-inquiry-response-by-question",
    "42-qc-saturday-workday-numbered",
    "43-research-roadshow-email",
    "44-am-ic-last-time-plus-new",
    "45-inst-visit-three-lines",
    "46-custody-incident-review-sunday",
    "47-fi-bond-issue-email-english",
    "48-prop-ic-miaoji-before-qingming",
    "49-mm-numbered-before-dragon-boat",
    "50-hk-traditional-minutes",
];

/// The seventy-ninth held-out set: every file in `src/minutes/heldout79/`, written blind on
/// 2026-12-07 (session 49) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT79: MinutesSet = minutes_set![
    "heldout79";
];
