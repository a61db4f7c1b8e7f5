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
