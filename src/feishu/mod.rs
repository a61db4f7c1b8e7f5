//! Everything Feishu-specific: event crypto and signatures, event envelopes, the OpenAPI client.

pub mod crypto;
pub mod event;
pub mod signature;
