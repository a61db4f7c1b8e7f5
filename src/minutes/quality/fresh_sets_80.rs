//! The held-out sets from the eightieth on, compiled in (continuing `fresh_sets_76.rs`): every
//! file of each folder, by name. A new set is appended here and last in `ALL_SETS`.

use super::sets::MinutesSet;

/// The eightieth held-out set: every file in `src/minutes/heldout80/`, written blind on
/// 2026-12-07 (session 50) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT80: MinutesSet = minutes_set![
    "heldout80";
    "01-cco-office-meeting-numbered",
    "02-risk-weekly-figures-status-only",
    "03-audit-followup-three-lines",
    "04-legal-email-litigation-update",
    "05-aml-miaoji-suspicious-review",
    "06-branch-selfcheck-saturday",
    "07-branch-supervision-arrow-chain",
    "08-complaint-ai-summary",
    "09-inspection-rectification-table",
    "10-itsec-check-english-mixed",
    "11-board-risk-committee-notes-status-only",
    "12-conduct-screening-hr-numbered",
    "13-cco-office-carryover-before-mayday",
    "14-risk-weekly-miaoji-sunday",
    "15-audit-findings-tracking-table",
    "16-legal-contract-review-blocks",
    "17-aml-three-lines-december",
    "18-branch-selfcheck-all-done-status-only",
    "19-branch-supervision-email",
    "20-complaint-review-carryover",
    "21-onsite-inspection-document-list-long",
    "22-itsec-ai-summary-before-dragonboat",
    "23-board-risk-secretary-notes-december",
    "24-conduct-screening-miaoji-clock",
    "25-cco-instructions-docket-new",
    "26-risk-events-table-before-spring-festival",
    "27-audit-tracking-all-closed-status-only",
    "28-legal-case-docket-cards-new",
    "29-aml-case-review-blocks-sunday",
    "30-branch-selfcheck-three-lines",
    "31-branch-supervision-table-saturday",
    "32-complaint-transcript-12386-december",
    "33-inspection-daily-huddle-status-only",
    "34-itsec-english-email-sync",
    "35-board-risk-prep-ai-summary",
    "36-conduct-screening-roster-long",
    "37-cco-office-resolutions",
    "38-risk-weekly-by-person",
    "39-audit-followup-carryover-december",
    "40-legal-numbered-before-spring-festival",
    "41-aml-monthly-figures-status-only",
    "42-branch-selfcheck-table-before-national-day",
    "43-branch-supervision-letter-receipt",
    "44-complaint-three-lines",
    "45-inspection-feedback-tagged-assignments-new",
    "46-itsec-check-closing-status-only",
    "47-board-risk-secretary-precheck",
    "48-conduct-screening-carryover-after-mayday",
    "49-branch-compliance-english-notes",
    "50-aml-kyc-email-after-national-day",
];

/// The eighty-first held-out set: every file in `src/minutes/heldout81/`, written blind on
/// 2026-12-07 (session 50) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT81: MinutesSet = minutes_set![
    "heldout81";
    "01-brokerage-hq-kickoff-numbered",
    "02-wealth-office-ai-summary",
    "03-ops-cash-count-three-lines",
    "04-south-branch-supervision",
    "05-wensan-morning-meeting-sunday",
    "06-ranking-january-status-only",
    "07-retail-channel-mayday-email",
    "08-joint-inspection-table-saturday",
    "09-hangzhou-area-miaoji",
    "10-it-terminal-refresh-table",
    "11-northwest-feedback-status-only",
    "12-hr-appraisal-appeal-review",
    "13-half-year-ranking-long",
    "14-retail-channel-english-sync",
    "15-kickoff-second-followup",
    "16-chengdu-area-three-lines-sunday",
    "17-north-feedback-replies",
    "18-advisory-target-split-saturday",
    "19-ops-preholiday-check-ai-summary",
    "20-it-refresh-closing-status-only",
    "21-aml-inspection-notice-receipt",
    "22-hr-annual-review-email-december",
    "23-tianfu-monday-morning-meeting",
    "24-northeast-gm-supervision",
    "25-suitability-recheck-batches",
    "26-advisor-sinking-miaoji",
    "27-ops-annual-check-long",
    "28-east-branch-table-saturday",
    "29-xian-area-yearend-status-only",
    "30-xinjiekou-morning-three-lines",
    "31-south-feedback-miaoji",
    "32-red-yellow-list-ranking",
    "33-channel-monthly-data-status-only",
    "34-inspection-rectification-tracking",
    "35-hr-reserve-cadre-dash-lines",
    "36-it-network-jielong-chat",
    "37-brokerage-q4-checkin-english",
    "38-wealth-august-ai-summary-status-only",
    "39-ops-dragon-boat-email",
    "40-southwest-yearend-transcript",
    "41-shenzhen-area-numbered",
    "42-jiefangbei-after-holiday-morning",
    "43-post-festival-feedback-table",
    "44-q3-ranking-notice-status-only",
    "45-channel-yearend-deadline-headings",
    "46-aml-reidentify-three-lines",
    "47-hr-branch-head-changes-table",
    "48-it-video-conf-ai-summary",
    "49-margin-target-claiming",
    "50-wealth-twelve-branches-revisit",
];

/// The eighty-second held-out set: every file in `src/minutes/heldout82/`, written blind on
/// 2026-12-07 (session 50) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT82: MinutesSet = minutes_set![
    "heldout82";
];

/// The eighty-third held-out set: every file in `src/minutes/heldout83/`, written blind on
/// 2026-12-07 (session 50) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT83: MinutesSet = minutes_set![
    "heldout83";
];
