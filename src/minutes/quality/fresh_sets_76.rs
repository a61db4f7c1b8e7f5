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
];

/// The seventy-ninth held-out set: every file in `src/minutes/heldout79/`, written blind on
/// 2026-12-07 (session 49) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT79: MinutesSet = minutes_set![
    "heldout79";
    "01-branch-wechat-sunday-emoji",
    "02-client-manager-phone-three-lines",
    "03-ops-duty-chat-status-only",
    "04-compliance-voice-no-punctuation",
    "05-hk-trading-weekly-status-only",
    "06-whiteboard-typed-saturday",
    "07-wealth-word-minutes-odd-bullets",
    "08-it-weekly-broken-table",
    "09-hr-onboarding-training-notes",
    "10-inst-english-shorthand-sync",
    "11-branch-supervision-findings",
    "12-admin-holiday-notice-status-only",
    "13-branch-wechat-quoted-replies",
    "14-client-manager-phone-saturday-short",
    "15-ops-duty-chat-after-national-day",
    "16-compliance-miaoji-timestamps",
    "17-hk-joint-meeting-email-traditional",
    "18-whiteboard-columns-saturday",
    "19-wealth-word-q4-review-status-only",
    "20-it-weekly-markdown-checkboxes",
    "21-hr-compliance-hours-name-typo",
    "22-inst-email-client-call-recap",
    "23-branch-supervision-long-checklist",
    "24-admin-minutes-forwarded-notice",
    "25-branch-wechat-keycap-emoji",
    "26-client-manager-callback-log",
    "27-ops-duty-chat-long-reconciliation",
    "28-compliance-voice-status-only",
    "29-hk-whatsapp-cantonese-chat",
    "30-whiteboard-three-lines",
    "31-wealth-two-meetings-one-paste",
    "32-it-weekly-markdown-status-only",
    "33-hr-ai-summary-trainee-review",
    "34-inst-english-action-tracker-table",
    "35-branch-supervision-recheck-carryover",
    "36-admin-inventory-notice-and-minutes",
    "37-branch-wechat-tilde-no-commas",
    "38-client-manager-phone-three-lines-december",
    "39-ops-handover-chat-before-spring",
    "40-compliance-voice-year-end-errors",
    "41-hk-word-minutes-resolutions",
    "42-slide-screenshot-four-quadrants",
    "43-wealth-advisory-brackets-stars",
    "44-it-weekly-nested-bullets-ddl",
    "45-hr-training-year-report-status-only",
    "46-inst-miaoji-english-mixed",
    "47-branch-supervision-ai-summary",
    "48-admin-dragonboat-notice-and-minutes",
    "49-it-requirement-review-blocks",
    "50-branch-wechat-voice-to-text",
];
