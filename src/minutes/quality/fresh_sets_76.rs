//! The held-out sets from the seventy-sixth on, compiled in (continuing `fresh_sets_72.rs`): every
//! file of each folder, by name. A new set is appended here and last in `ALL_SETS`.

use super::sets::MinutesSet;

/// The seventy-sixth held-out set: every file in `src/minutes/heldout76/`, written blind on
/// 2026-12-07 (session 49) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT76: MinutesSet = minutes_set![
    "heldout76";
    "01-ops-weekly-numbered",
    "02-duty-handover-saturday-status-only",
    "03-network-three-lines",
    "04-order-gateway-postmortem-timeline-table",
    "05-dba-miaoji-saturday",
    "06-dr-drill-ai-summary-before-duanwu",
    "07-vendor-sla-email-commitments",
    "08-cab-change-tickets-before-national-day",
    "09-xinchuang-progress-tab-separated",
    "10-machine-room-monthly-inspection-status-only",
    "11-mlps-rectification-table",
    "12-market-data-perftest-english",
    "13-dc-relocation-device-list-long",
    "14-test-group-uat-email",
    "15-duty-manager-three-lines-saturday",
    "16-red-blue-exercise-ai-summary",
    "17-tech-committee-q4-status-only",
    "18-market-data-miaoji-before-spring-festival",
    "19-architecture-review-blocks",
    "20-duty-handover-roles-vendor",
    "21-dr-center-three-lines-before-qingming",
    "22-system-group-weekly-carryover",
    "23-trading-miaoji-hms-sunday",
    "24-tech-committee-resolutions",
    "25-vendor-onsite-weekly-report-status-only",
    "26-network-table-host-assist",
    "27-dba-cutover-summary-email",
    "28-phishing-drill-rectification",
    "29-ops-monthly-report-status-only",
    "30-oms-perftest-long-table",
    "31-vendor-onsite-sync-speaker-clock",
    "32-test-group-three-lines",
    "33-incident-bridge-call-miaoji",
    "34-ntp-postmortem-five-whys",
    "35-dr-annual-plan-sunday",
    "36-market-data-sla-monthly-status-only",
    "37-architecture-english-email",
    "38-machine-room-ups-ai-summary",
    "39-network-miaoji-brackets-saturday",
    "40-core-db-failover-postmortem-long",
    "41-security-vuln-monthly-status-only",
    "42-vendor-onsite-person-headings",
    "43-test-requirement-review-blocks",
    "44-dba-three-lines-year-end",
    "45-duty-holiday-email-before-mayday",
    "46-trading-heading-deadlines-before-midautumn",
    "47-dr-takeover-drill-runbook",
    "48-market-data-weekly-pan-zong",
    "49-tech-committee-year-end-special",
    "50-storage-vendor-interview",
];

/// The seventy-seventh held-out set: every file in `src/minutes/heldout77/`, written blind on
/// 2026-12-07 (session 49) by someone who had never seen the rules (see its README.md), and run in
/// aggregate only on its first runs.
pub const HELDOUT77: MinutesSet = minutes_set![
    "heldout77";
    "01-wealth-committee-carryover-numbered",
    "02-east-branch-monthly-table-before-spring",
    "03-branch-heads-weekly-three-lines",
    "04-brokerage-weekly-miaoji-timestamps",
    "05-operations-biweekly-email-status-only",
    "06-hr-okr-q1-review-tree",
    "07-performance-interview-pip-form",
    "08-north-branch-midyear-reports-blocks",
    "09-supervision-bulletin-ranking-long",
    "10-gm-office-tracking-emoji-legend",
    "11-advisory-team-ai-summary-tiaoxiu-sunday",
    "12-institutional-weekly-english-mixed",
    "13-wealth-committee-three-lines-tiaoxiu-saturday",
    "14-south-branch-monthly-miaoji-before-mayday",
    "15-branch-heads-weekly-status-only",
    "16-brokerage-weekly-email-correction",
    "17-operations-biweekly-table-tiaoxiu-saturday",
    "18-hr-okr-q2-review-long-annex",
    "19-performance-interview-prose",
    "20-dept-heads-annual-reports-status-only-december",
    "21-southwest-branch-monthly-prose-carryover",
    "22-branch-heads-weekly-roll-call-long",
    "23-brokerage-weekly-requirement-blocks-tiaoxiu",
    "24-operations-biweekly-three-lines",
    "25-hr-okr-q3-progress-email-status-only",
    "26-performance-interview-summary-table",
    "27-southwest-annual-reports-qa",
    "28-supervision-bulletin-overdue-table-before-national-day",
    "29-gm-office-tracking-ai-summary",
    "30-advisory-team-weekly-before-midautumn",
    "31-wealth-committee-miaoji-nicknames",
    "32-north-branch-monthly-tiaoxiu-saturday",
    "33-branch-heads-weekly-checkbox-december",
    "34-institutional-weekly-english-status-only",
    "35-supervision-bulletin-year-end-ranking",
    "36-gm-office-tracking-email-report",
    "37-advisory-team-chat-relay",
    "38-brokerage-weekly-three-lines-december",
    "39-operations-biweekly-ai-summary",
    "40-hr-okr-annual-table-december",
    "41-supervision-bulletin-all-closed-status-only",
    "42-wealth-committee-monthly-branch-leads",
    "43-east-branch-monthly-email-person-headings",
    "44-performance-interview-miaoji",
    "45-south-branch-tenure-review-score-table-tiaoxiu",
    "46-gm-office-tracking-before-mayday",
    "47-wealth-committee-all-closed-status-only",
    "48-advisory-team-weekly-english-mixed",
    "49-institutional-monthly-client-blocks",
    "50-institutional-monthly-numbered-carryover",
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
];
