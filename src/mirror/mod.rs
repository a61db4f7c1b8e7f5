//! The Bitable (多维表格) mirror: items (and, once they exist, projects and requirements)
//! copied into an admin's base so managers can build dashboards on live data.
//!
//! [`record`] and [`items`] are pure (records, configuration, idempotency tokens, the item →
//! fields mapping); [`engine`] is the edge that upserts them through the [`FeishuClient`]
//! Bitable calls, one table at a time, in batches of at most 500, each batch idempotent under
//! a `client_token` derived from its content.
//!
//! [`FeishuClient`]: crate::feishu::FeishuClient

pub mod engine;
pub mod items;
pub mod projects;
pub mod record;

#[cfg(test)]
mod tests;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod columns_tests;

pub use engine::{ConflictRetry, FlushReport, Mirror, RecordMap};
pub use items::{ITEM_FIELDS, item_fields, item_record};
pub use projects::{
    PROJECT_FIELDS, REQUIREMENT_FIELDS, project_fields, project_record, requirement_fields,
    requirement_record,
};
pub use record::{ADDED_COLUMNS, KEY_FIELD, MirrorConfig, MirrorRecord, MirrorTable, client_token};
