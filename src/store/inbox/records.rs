//! The on-disk formats of the inbox entries and the `seen` records, current and earlier.

use serde::{Deserialize, Serialize};

use super::super::{StoreError, decode, from_be};

/// An acknowledged push waiting to be processed, as stored: the store keeps bytes, and the
/// inbox worker reads the event in them.
#[derive(Debug, Clone, PartialEq)]
pub struct InboxEntry {
    /// Position in the inbox.
    pub seq: u64,
    /// The push.
    pub body: InboxBody,
    /// When it was acknowledged (Unix ms).
    pub received_ms: i64,
    /// Its de-duplication keys, as admitted (empty in entries of earlier versions, whose keys
    /// live in `seen`).
    pub keys: Vec<String>,
}

/// What an inbox entry holds.
#[derive(Debug, Clone, PartialEq)]
pub enum InboxBody {
    /// The push's decrypted JSON, as received.
    Push(Vec<u8>),
    /// A received message, read once on the acknowledgement path and stored as the fields
    /// duban uses (the bytes of [`crate::feishu::message_push::StoredMessage`]): the worker
    /// decodes them instead of parsing the JSON again, and the entry is a third of the size.
    Message(Vec<u8>),
    /// Written by earlier versions: the event re-encoded (the JSON of the event's envelope).
    Envelope(serde_json::Value),
}

/// An inbox entry as earlier versions encoded it ([`encode`](super::super::encode)d).
#[derive(Deserialize)]
struct LegacyEntry {
    envelope: serde_json::Value,
    received_ms: i64,
}

/// A `seen` record as earlier versions wrote it (JSON); [`Seen::Processed`] is also what the
/// compact record reads as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Seen {
    /// Admitted as inbox entry `seq`, not yet processed.
    Pending { seq: u64, at_ms: i64 },
    /// Processed.
    Processed { at_ms: i64 },
    /// A message key: the event key that carried it.
    Alias { event_key: String, at_ms: i64 },
    /// The keys of the events one worker commit processed (sled; [`SEEN_BATCH`]).
    Batch { keys: Vec<String>, at_ms: i64 },
}

/// The compact `seen` record: format byte, then be(processed ms).
pub(crate) const SEEN_COMPACT: u8 = 2;

/// Encodes a processed key's record.
pub(crate) fn processed_record(at_ms: i64) -> Vec<u8> {
    let mut v = Vec::with_capacity(9);
    v.push(SEEN_COMPACT);
    v.extend_from_slice(&at_ms.to_be_bytes());
    v
}

/// The batch `seen` record (sled, schema 7): format byte, be(processed ms), then each key as
/// be(u16 length) + bytes. One record, under `b:` + be(the first event's sequence), holds the
/// keys of every event a worker commit processed: one write for the batch instead of one per
/// key, appended at the end of the tree instead of at random places in it.
pub(crate) const SEEN_BATCH: u8 = 4;

/// The key of a batch record whose first event is inbox entry `seq`.
pub(crate) fn batch_key(seq: u64) -> Vec<u8> {
    [&b"b:"[..], &seq.to_be_bytes()].concat()
}

/// A batch record with no key yet, processed at `at_ms`.
pub(crate) fn batch_record(at_ms: i64) -> Vec<u8> {
    let mut v = Vec::with_capacity(256);
    v.push(SEEN_BATCH);
    v.extend_from_slice(&at_ms.to_be_bytes());
    v
}

/// Appends `key` to a batch record.
pub(crate) fn push_batch_key(record: &mut Vec<u8>, key: &str) {
    let b = &key.as_bytes()[..key.len().min(usize::from(u16::MAX))];
    record.extend_from_slice(&u16::try_from(b.len()).unwrap_or(u16::MAX).to_be_bytes());
    record.extend_from_slice(b);
}

/// Reads a `seen` record: compact, batch, or as earlier versions wrote it.
pub(crate) fn read_record(key: &[u8], v: &[u8]) -> Result<Seen, StoreError> {
    match v.split_first() {
        Some((&SEEN_COMPACT, rest)) if rest.len() == 8 => Ok(Seen::Processed {
            at_ms: from_be(rest).cast_signed(),
        }),
        Some((&SEEN_BATCH, rest)) if rest.len() >= 8 => {
            let (ms, mut rest) = rest.split_at(8);
            let mut keys = Vec::new();
            while !rest.is_empty() {
                let truncated = || StoreError::Codec {
                    key: String::from_utf8_lossy(key).into_owned(),
                    reason: "truncated batch record".to_owned(),
                };
                let (len, tail) = rest.split_at_checked(2).ok_or_else(truncated)?;
                let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
                let (k, tail) = tail.split_at_checked(len).ok_or_else(truncated)?;
                keys.push(String::from_utf8_lossy(k).into_owned());
                rest = tail;
            }
            Ok(Seen::Batch {
                keys,
                at_ms: from_be(ms).cast_signed(),
            })
        }
        _ => decode(key, v),
    }
}

/// Format byte of an inbox entry stored as received by earlier versions: then be(received
/// ms), then the JSON.
pub(crate) const RAW: u8 = 2;
/// Format byte of an inbox entry with its keys: be(received ms), the number of keys (u8),
/// each key as be(u16 length) + bytes, then the JSON as received.
pub(crate) const KEYED: u8 = 3;
/// Format byte of a received message's entry: as [`KEYED`], then, instead of the JSON, the
/// message as read on the acknowledgement path ([`InboxBody::Message`]).
pub(crate) const KEYED_MESSAGE: u8 = 5;

/// What the acknowledgement path stores for a push.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payload<'a> {
    /// The decrypted JSON, as received.
    Push(&'a [u8]),
    /// A received message as read ([`InboxBody::Message`]).
    Message(&'a [u8]),
}

impl Payload<'_> {
    /// The bytes stored.
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Self::Push(b) | Self::Message(b) => b,
        }
    }
}

impl<'a> From<&'a [u8]> for Payload<'a> {
    fn from(json: &'a [u8]) -> Self {
        Self::Push(json)
    }
}

impl<'a> From<&'a Vec<u8>> for Payload<'a> {
    fn from(json: &'a Vec<u8>) -> Self {
        Self::Push(json)
    }
}

pub(crate) fn keyed_entry(payload: Payload<'_>, keys: &[String], received_ms: i64) -> Vec<u8> {
    let mut v =
        Vec::with_capacity(payload.bytes().len() + 10 + keys.iter().map(|k| k.len() + 2).sum::<usize>());
    keyed_entry_into(&mut v, payload, keys, received_ms);
    v
}

/// [`keyed_entry`], appended to `v`.
pub(crate) fn keyed_entry_into(v: &mut Vec<u8>, payload: Payload<'_>, keys: &[String], received_ms: i64) {
    let (format, body) = match payload {
        Payload::Push(json) => (KEYED, json),
        Payload::Message(bytes) => (KEYED_MESSAGE, bytes),
    };
    let keys = &keys[..keys.len().min(usize::from(u8::MAX))];
    v.push(format);
    v.extend_from_slice(&received_ms.to_be_bytes());
    v.push(u8::try_from(keys.len()).unwrap_or(u8::MAX));
    for k in keys {
        let b = &k.as_bytes()[..k.len().min(usize::from(u16::MAX))];
        v.extend_from_slice(&u16::try_from(b.len()).unwrap_or(u16::MAX).to_be_bytes());
        v.extend_from_slice(b);
    }
    v.extend_from_slice(body);
}

/// Decodes an inbox entry: with its keys ([`KEYED`], [`KEYED_MESSAGE`]), as received
/// ([`RAW`]) or, from earlier versions, re-encoded.
pub(crate) fn decode_entry(seq: u64, key: &[u8], v: &[u8]) -> Result<InboxEntry, StoreError> {
    let codec = |reason: &str| StoreError::Codec {
        key: String::from_utf8_lossy(key).into_owned(),
        reason: reason.to_owned(),
    };
    match v.split_first() {
        Some((&format @ (KEYED | KEYED_MESSAGE), rest)) if rest.len() >= 9 => {
            let (ms, rest) = rest.split_at(8);
            let (&n, mut rest) = rest.split_first().ok_or_else(|| codec("truncated"))?;
            let mut keys = Vec::with_capacity(usize::from(n));
            for _ in 0..n {
                let (len, tail) = rest.split_at_checked(2).ok_or_else(|| codec("truncated key"))?;
                let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
                let (k, tail) = tail.split_at_checked(len).ok_or_else(|| codec("truncated key"))?;
                keys.push(String::from_utf8_lossy(k).into_owned());
                rest = tail;
            }
            let body = if format == KEYED {
                InboxBody::Push(rest.to_vec())
            } else {
                InboxBody::Message(rest.to_vec())
            };
            Ok(InboxEntry {
                seq,
                body,
                received_ms: from_be(ms).cast_signed(),
                keys,
            })
        }
        Some((&RAW, rest)) if rest.len() >= 8 => {
            let (ms, json) = rest.split_at(8);
            Ok(InboxEntry {
                seq,
                body: InboxBody::Push(json.to_vec()),
                received_ms: from_be(ms).cast_signed(),
                keys: Vec::new(),
            })
        }
        _ => {
            let legacy: LegacyEntry = decode(key, v)?;
            Ok(InboxEntry {
                seq,
                body: InboxBody::Envelope(legacy.envelope),
                received_ms: legacy.received_ms,
                keys: Vec::new(),
            })
        }
    }
}
