//! The pure core: supervision items, their lifecycle, permissions and audit records.
//! No tokio, reqwest, sled or axum here; `now` is always an argument.

pub mod audit;
pub mod batch;
pub mod board;
pub mod deadline;
pub mod ids;
pub mod permissions;
pub mod priority;
pub mod project;
pub mod project_nudge;
pub mod requirement;
pub mod schedule;
pub mod status;
pub mod supervision;
pub mod time;
pub mod unit;
