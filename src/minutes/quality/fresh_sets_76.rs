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
