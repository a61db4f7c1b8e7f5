//! The value and key encodings every tree shares: a one-byte format version before JSON, and
//! big-endian u64 keys.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::StoreError;

/// Current on-disk schema.
pub const SCHEMA_VERSION: u64 = 8;
/// The format byte before every JSON value.
pub(crate) const FORMAT: u8 = 1;

/// Encodes a value: format byte + JSON.
pub(crate) fn encode<T: Serialize>(v: &T) -> Vec<u8> {
    let mut out = vec![FORMAT];
    // Serialising our own plain data types to JSON cannot fail (no maps with non-string keys).
    if serde_json::to_writer(&mut out, v).is_err() {
        out.truncate(1);
        out.extend_from_slice(b"null");
    }
    out
}

/// Decodes a value written by [`encode`].
pub(crate) fn decode<T: DeserializeOwned>(key: &[u8], bytes: &[u8]) -> Result<T, StoreError> {
    let codec = |reason: String| StoreError::Codec {
        key: String::from_utf8_lossy(key).into_owned(),
        reason,
    };
    match bytes.split_first() {
        Some((&FORMAT, rest)) => serde_json::from_slice(rest).map_err(|e| codec(e.to_string())),
        Some((v, _)) => Err(codec(format!("unknown format {v}"))),
        None => Err(codec("empty".to_owned())),
    }
}

/// Big-endian u64 key.
pub(crate) fn be(n: u64) -> [u8; 8] {
    n.to_be_bytes()
}

/// Reads a big-endian u64 key prefix.
pub(crate) fn from_be(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    let n = b.len().min(8);
    a[..n].copy_from_slice(&b[..n]);
    u64::from_be_bytes(a)
}
