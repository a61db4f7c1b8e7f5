//! Everything Feishu-specific on the outgoing side (an edge): the OpenAPI client with its
//! token cache and rate limiters, the error type with its retry disposition, and the outgoing
//! operations the outbox stores. This module only declares and re-exports.

mod client;
mod error;
mod limits;
mod response;
mod token;
mod types;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap (no clippy.toml yet)
mod tests;

pub use client::{ClientConfig, FeishuClient};
pub use error::{Disposition, FeishuError};
pub use types::{
    BotInfo, Delivered, FetchedMessage, MAX_UUID_LEN, Outgoing, OutgoingKind, ReceiveIdType, feishu_uuid,
};
