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
    marks: HashMap<u128, Mark, DigestHash>,
}

/// Keys are already SHA-256 digests, evenly spread: their low 64 bits are the hash, with no
/// second hash function over them (SipHash cost more than the lookup itself, and again for
/// every entry each time the table grows, under the index's lock).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct DigestHash;

/// The [`std::hash::Hasher`] of [`DigestHash`].
#[derive(Debug, Default)]
pub(crate) struct DigestHasher(u64);

impl std::hash::BuildHasher for DigestHash {
    type Hasher = DigestHasher;
    fn build_hasher(&self) -> DigestHasher {
        DigestHasher(0)
    }
}

impl std::hash::Hasher for DigestHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u128 keys are hashed here; any other input still hashes (folded by 8 bytes).
        for chunk in bytes.chunks(8) {
            let mut a = [0u8; 8];
            a[..chunk.len()].copy_from_slice(chunk);
            self.0 = self.0.rotate_left(5) ^ u64::from_le_bytes(a);
        }
    }
    fn write_u128(&mut self, v: u128) {
        // The low 64 bits of a SHA-256 digest.
        self.0 = u64::try_from(v & u128::from(u64::MAX)).unwrap_or_default();
    }
}

/// The 128-bit digest a key is indexed by (16 bytes a key, whatever its length).
pub(crate) fn digest(key: &str) -> u128 {
    let d = Sha256::digest(key.as_bytes());
    let mut a = [0u8; 16];
    a.copy_from_slice(&d[..16]);
    u128::from_be_bytes(a)
}

/// Keys the index has room for from the start (two a message event): below this a burst never
/// grows the table, which rehashes every key while holding the index's lock and so stalls every
/// acknowledgement meanwhile (a bench of 40,000 events from a fresh start spent 2.6 % of its
/// CPU in those rehashes). 65,536 keys take about 5 MB of address space, touched as used.
const ROOM: usize = 1 << 16;

impl Dedup {
    /// Makes room for [`ROOM`] keys, or twice those held when more (at open, after the rebuild).
    pub(crate) fn make_room(&mut self) {
        let want = ROOM.max(self.marks.len().saturating_mul(2));
        self.marks.reserve(want.saturating_sub(self.marks.len()));
    }

    /// Keys the index holds without growing.
    pub fn capacity(&self) -> usize {
        self.marks.capacity()
    }

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
