//! Everything Feishu-specific (an edge): event crypto, signatures and envelopes on the way in;
//! the OpenAPI client with its token cache and rate limiters, the error type with its retry
//! disposition, and the outgoing operations the outbox stores on the way out. This module only
//! declares and re-exports.

pub mod bitable;
pub mod bitable_fields;
mod client;
pub mod crypto;
pub mod docs;
mod error;
pub mod event;
pub mod files;
mod limits;
pub mod members;
pub mod message_push;
pub mod minutes;
pub mod okr;
pub mod performance;
mod response;
pub mod scope;
pub mod signature;
mod token;
pub mod types;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap (no clippy.toml yet)
mod tests;

pub use client::{ClientConfig, FeishuClient};
pub use docs::{DocError, DocRef, parse_doc_link};
pub use error::{Disposition, FeishuError};
pub use minutes::{MinutesArtifacts, MinutesText, MinutesTodo};
pub use scope::MissingScope;
pub use types::{
    BotInfo, Delivered, FetchedMessage, MAX_UUID_LEN, Outgoing, OutgoingKind, ReceiveIdType, UrgentChannel,
    feishu_uuid,
};
