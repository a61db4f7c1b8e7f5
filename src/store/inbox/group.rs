//! Grouped admission (sled): the events acknowledged while one flush is prepared are written
//! as ONE inbox record, by the flusher thread, just before the flush that makes them durable.
//!
//! Issue 20: a profile of the acknowledgement path showed sled's insert (a copy of the leaf it
//! lands in, and a split of that leaf every few events, the inbox being appended at one end and
//! emptied at the other) as the largest single cost of an event; the worker's removal of each
//! entry cost about as much again. One record for the 20–60 events a flush covers under load
//! takes both down by that factor. What is acknowledged does not change: an event is answered
//! once the flush that covered its record returned; each event keeps its own sequence number,
//! keys and body; the worker processes the events of a record in order and removes the record
//! with its last event (each earlier event's `seen` keys are committed with its effects, so
//! after a crash the events of a record already processed are skipped: see
//! [`super::super::Store::already_processed`]).
//!
//! A record: [`GROUPED`], be(u16 count), then for each event be(u64 sequence), be(u32 length)
//! and its entry as [`super::records::keyed_entry`] writes it. Its key is be(the last event's
//! sequence), so a scan from a sequence finds every record holding a later event.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::super::{StoreError, from_be};
use super::records::{InboxEntry, Payload, decode_entry, keyed_entry_into};

/// Format byte of a grouped inbox record.
pub(crate) const GROUPED: u8 = 6;
/// A record holds at most this many events …
const MAX_EVENTS: u16 = 64;
/// … and takes no further event once it is this large: a leaf of sled's holds up to 17
/// records before it splits, and sled writes a page larger than a quarter of a segment
/// (128 KiB) as a file of its own; 17 records of 6 KiB and a last event of 1 KiB stay under it
/// (10–15 received messages a record).
const MAX_BYTES: usize = 6 * 1024;

/// One record being filled.
struct Record {
    buf: Vec<u8>,
    count: u16,
    last: u64,
}

impl Record {
    fn new() -> Self {
        let mut buf = Vec::with_capacity(MAX_BYTES + 2 * 1024);
        buf.push(GROUPED);
        buf.extend_from_slice(&0_u16.to_be_bytes());
        Self {
            buf,
            count: 0,
            last: 0,
        }
    }

    fn full(&self) -> bool {
        self.count >= MAX_EVENTS || self.buf.len() >= MAX_BYTES
    }

    fn push(&mut self, seq: u64, payload: Payload<'_>, keys: &[String], received_ms: i64) {
        self.buf.extend_from_slice(&seq.to_be_bytes());
        let at = self.buf.len();
        self.buf.extend_from_slice(&0_u32.to_be_bytes());
        keyed_entry_into(&mut self.buf, payload, keys, received_ms);
        let len = u32::try_from(self.buf.len() - at - 4).unwrap_or(u32::MAX);
        self.buf[at..at + 4].copy_from_slice(&len.to_be_bytes());
        self.count += 1;
        self.last = seq;
        self.buf[1..3].copy_from_slice(&self.count.to_be_bytes());
    }
}

/// The events admitted since the flusher last wrote them out, in sequence order.
#[derive(Default)]
pub(crate) struct Admissions {
    records: Mutex<Vec<Record>>,
    /// A write of the records failed: sled's errors are lasting (it stops taking writes), and
    /// events were marked as admitted that are not in the inbox, so nothing is acknowledged any
    /// more — every later flush reports the failure until duban restarts.
    failed: AtomicBool,
}

impl std::fmt::Debug for Admissions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Admissions")
            .field("failed", &self.failed.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl Admissions {
    /// Adds an event. The caller holds the de-duplication index, in which sequence numbers
    /// are also taken, so records fill in sequence order.
    pub(crate) fn push(&self, seq: u64, payload: Payload<'_>, keys: &[String], received_ms: i64) {
        let mut records = self
            .records
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if records.last().is_none_or(Record::full) {
            records.push(Record::new());
        }
        if let Some(r) = records.last_mut() {
            r.push(seq, payload, keys, received_ms);
        }
    }

    /// Writes every record filled so far into `inbox` (the flusher, before it flushes).
    ///
    /// # Errors
    /// The write failed, now or at an earlier call.
    pub(crate) fn write_out(&self, inbox: &sled::Tree) -> Result<(), String> {
        if self.failed.load(Ordering::Acquire) {
            return Err("收件箱写入失败，请重启 duban".to_owned());
        }
        let records = std::mem::take(
            &mut *self
                .records
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        for r in records {
            if let Err(e) = inbox.insert(r.last.to_be_bytes(), r.buf) {
                self.failed.store(true, Ordering::Release);
                return Err(e.to_string());
            }
        }
        Ok(())
    }
}

/// The events of an inbox record: those of a grouped record, or the one entry of any other.
///
/// # Errors
/// A damaged record.
pub(crate) fn decode_record(key: &[u8], v: &[u8]) -> Result<Vec<InboxEntry>, StoreError> {
    let Some((&GROUPED, rest)) = v.split_first() else {
        return Ok(vec![decode_entry(from_be(key), key, v)?]);
    };
    let damaged = || StoreError::Codec {
        key: String::from_utf8_lossy(key).into_owned(),
        reason: "truncated grouped record".to_owned(),
    };
    let (count, mut rest) = rest.split_at_checked(2).ok_or_else(damaged)?;
    let count = u16::from_be_bytes([count[0], count[1]]);
    let mut out = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        let (seq, tail) = rest.split_at_checked(8).ok_or_else(damaged)?;
        let (len, tail) = tail.split_at_checked(4).ok_or_else(damaged)?;
        let len =
            usize::try_from(u32::from_be_bytes([len[0], len[1], len[2], len[3]])).map_err(|_| damaged())?;
        let (entry, tail) = tail.split_at_checked(len).ok_or_else(damaged)?;
        out.push(decode_entry(from_be(seq), key, entry)?);
        rest = tail;
    }
    if !rest.is_empty() {
        return Err(damaged());
    }
    Ok(out)
}

/// How many events an inbox record holds (1 unless grouped; a damaged record counts as one).
pub(crate) fn events_in(v: &[u8]) -> usize {
    match v {
        [GROUPED, a, b, ..] => usize::from(u16::from_be_bytes([*a, *b])),
        _ => 1,
    }
}
