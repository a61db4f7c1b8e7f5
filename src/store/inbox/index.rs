//! The in-memory de-duplication index: every key (`e:<event_id>`, `m:<tenant>:<message_id>`)
//! of an event that is waiting in the inbox or was processed within the window, as a 128-bit
//! digest (16 bytes a key, whatever its length). The acknowledgement path reads it instead of
//! writing a key per event; [`super::rebuild`] builds it at open.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

/// A key's state in the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    /// When it was admitted (pending) or processed (Unix ms).
    pub(crate) at_ms: i64,
    /// The inbox entry still waiting, if any: never forgotten while it waits.
    pub(crate) pending: Option<u64>,
}

/// The index (behind a mutex in the store).
#[derive(Debug, Default)]
pub struct Dedup {
    marks: HashMap<u128, Mark>,
}

/// The 128-bit digest a key is indexed by (16 bytes a key, whatever its length).
pub(crate) fn digest(key: &str) -> u128 {
    let d = Sha256::digest(key.as_bytes());
    let mut a = [0u8; 16];
    a.copy_from_slice(&d[..16]);
    u128::from_be_bytes(a)
}

impl Dedup {
    pub(crate) fn contains(&self, d: u128) -> bool {
        self.marks.contains_key(&d)
    }

    pub(crate) fn get(&self, d: u128) -> Option<Mark> {
        self.marks.get(&d).copied()
    }

    pub(crate) fn insert(&mut self, d: u128, mark: Mark) {
        self.marks.insert(d, mark);
    }

    pub(crate) fn remove(&mut self, d: u128) {
        self.marks.remove(&d);
    }

    /// Number of keys held.
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    /// Whether no key is held.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }
}
