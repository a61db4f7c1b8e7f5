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
    "01-monday-huddle-numbered",
    "02-complaint-review-cards",
    "03-lobby-three-lines",
    "04-pipeline-miaoji-saturday",
    "05-counter-monthly-status-only",
    "06-kaimenhong-ai-summary",
    "07-relocation-email-sunday",
    "08-channel-jielong-quota-saturday",
    "09-hnw-service-plan-table",
    "10-newhire-mentoring-english-mixed",
    "11-suitability-callback-checklist-saturday",
    "12-advisor-strategy-status-only",
    "13-inst-client-review-blocks",
    "14-counter-whiteboard-photo",
    "15-channel-miaoji-before-mayday",
    "16-admin-three-lines-newyear",
    "17-newhire-weekly-status-only",
    "18-advisor-yearend-email",
    "19-lobby-weekly-with-lastweek",
    "20-compliance-resolutions-sunday",
    "21-wealth-transcript-before-midautumn",
    "22-callback-group-chat-replies",
    "23-advisor-manager-quota-briefing",
    "24-admin-asset-count-long",
    "25-inst-weekly-sync-english",
    "26-callback-monthly-status-only",
    "27-gm-weekly-table",
    "28-inspection-rectification-outline",
    "29-lobby-three-lines-august",
    "30-channel-ai-summary-november",
    "31-counter-three-lines-saturday",
    "32-mentoring-pairs-list",
    "33-relocation-done-status-only",
    "34-advisor-numbered-april",
    "35-suitability-review-miaoji-hms",
    "36-hnw-yearend-ledger-long",
    "37-channel-carryover-january",
    "38-lobby-mystery-shopper-scorecard",
    "39-counter-email-november",
    "40-gm-monthly-analysis-status-only",
    "41-inst-december-numbered",
    "42-newhire-feedback-forms",
    "43-callback-customer-table",
    "44-advisor-three-lines-dragonboat",
    "45-admin-fire-drill-ai-summary",
    "46-product-shelf-review-blocks",
    "47-wealth-quarter-status-only",
    "48-wealth-managers-runon-wechat",
    "49-inst-newyear-visit-timeline",
    "50-vgm-kaimenhong-countdown-checklist",
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
