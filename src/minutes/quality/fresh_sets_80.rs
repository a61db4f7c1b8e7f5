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
];

/// The eighty-third held-out set: every file in `src/minutes/heldout83/`, written blind on
/// 2026-12-07 (session 50) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT83: MinutesSet = minutes_set![
    "heldout83";
    "01-wealth-feishu-doc-mentions",
    "02-it-miaoji-smart-summary-release",
    "03-vendor-tencent-ai-three-lines",
    "04-branch-dingtalk-flash-before-spring",
    "05-inst-email-thread-status-only",
    "06-ops-bitable-export-status-columns",
    "07-branch-group-notice-atall",
    "08-intl-english-template-cn-content",
    "09-product-standup-checkbox",
    "10-retail-weekly-report-status-only",
    "11-hr-training-minutes-before-qingming",
    "12-gmo-supervision-action-table",
    "13-wealth-topic-table-template",
    "14-it-miaoji-transcript-before-mayday",
    "15-vendor-tencent-ai-saturday",
    "16-branch-dingtalk-status-only",
    "17-inst-email-reply-reassigns",
    "18-ops-bitable-tab-mentions",
    "19-branch-notice-three-lines",
    "20-intl-english-minutes-before-duanwu",
    "21-product-standup-checkbox-emoji-due",
    "22-retail-weekly-last-items-and-new",
    "23-hr-training-status-only",
    "24-gmo-supervision-ledger-long",
    "25-wealth-feishu-doc-comments",
    "26-it-miaoji-new-todo-format",
    "27-vendor-tencent-ai-three-lines",
    "28-branch-dingtalk-sunday-makeup",
    "29-inst-email-quoted-gt-before-midautumn",
    "30-ops-bitable-status-only-before-national",
    "31-branch-notice-saturday-makeup",
    "32-intl-english-action-log-eod",
    "33-product-standup-nested-checkbox",
    "34-retail-weekly-mixed-table",
    "35-hr-training-homework-everyone",
    "36-gmo-supervision-form-feedback",
    "37-wealth-feishu-doc-status-only",
    "38-it-miaoji-speaker-labels-incident",
    "39-vendor-tencent-ai-two-sides-todo",
    "40-branch-dingtalk-december-plan",
    "41-inst-email-two-replies-stacked",
    "42-ops-bitable-branch-check-long",
    "43-branch-notice-bot-reminder",
    "44-intl-english-status-only",
    "45-product-requirement-review-blocks",
    "46-retail-weekly-report-friday",
    "47-hr-training-compliance-exam",
    "48-gmo-supervision-action-items-december",
    "49-wealth-feishu-doc-carryover-new",
    "50-it-miaoji-yearend-dr-ai-summary",
];
