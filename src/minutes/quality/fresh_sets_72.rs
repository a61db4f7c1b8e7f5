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
    "01-fintech-demand-intake-numbered",
    "02-branch-requirement-review-blocks",
    "03-ops-year-end-three-lines",
    "04-app-dev-review-miaoji",
    "05-product-design-ai-summary",
    "06-uat-issue-table-before-dragon-boat",
    "07-pmo-weekly-rag-status-only",
    "08-vendor-crm-email",
    "09-middle-platform-english-sync",
    "10-infosec-monthly-status-only",
    "11-uat-round3-full-issue-list-long",
    "12-release-checklist-rollback-saturday",
    "13-data-churn-model-effect-feedback",
    "14-arch-quote-service-cloud-native-review",
    "15-pm-requirement-freeze-three-lines",
    "16-qa-regression-standup-miaoji-saturday",
    "17-support-jielong-claims",
    "18-vendor-counter-upgrade-before-mayday",
    "19-branch-requests-reply-letter-saturday",
    "20-ops-monthly-report-status-only",
    "21-pmo-project-initiation-sunday",
    "22-infosec-pentest-rectification-table",
    "23-cab-change-review-forms",
    "24-core-dev-weekly-carryover-december",
    "25-algo-trading-ai-summary-saturday",
    "26-uat-report-review-status-only",
    "27-data-metric-caliber-list-long",
    "28-fintech-demand-collection-email",
    "29-vendor-facesdk-english-call",
    "30-branch-sunday-three-lines",
    "31-support-weekly-status-only",
    "32-arch-adr-message-queue",
    "33-pmo-weekly-rag-with-actions",
    "34-data-request-review-blocks",
    "35-infosec-data-selfcheck-email",
    "36-arch-margin-microservice-transcript",
    "37-support-signing-effect-feedback",
    "38-fintech-jira-export-year-end",
    "39-vendor-monthly-service-status-only",
    "40-data-year-end-summary-status-only",
    "41-wealth-demand-numbered-before-spring",
    "42-prd-doc-comment-thread",
    "43-pmo-app-project-retrospective",
    "44-infosec-mlps-handwritten-transcript",
    "45-pm-open-questions-table",
    "46-data-year-end-three-lines",
    "47-vendor-level2-english-before-national-day",
    "48-support-golive-week-issue-table",
    "49-fintech-demand-pool-resolutions",
    "50-branch-requirement-review-fields",
];

/// The seventy-fifth held-out set: every file in `src/minutes/heldout75/`, written blind on
/// 2026-12-07 (session 48) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT75: MinutesSet = minutes_set![
    "heldout75";
];
