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
