//! What the evidence of a line is read from (pure): where it stands and what the scanner found.

use crate::minutes::layout::{Marker, Section};
use crate::minutes::scan::Scan;
use crate::minutes::weights::{Signal, weight};

/// Where a line stands and what the scanner found in it.
pub(crate) struct LineFacts<'a> {
    pub(crate) section: Section,
    pub(crate) marker: Marker,
    pub(crate) todo_label: bool,
    pub(crate) scan: &'a Scan,
    /// The line as written (status words are looked for there, not only in the task text).
    pub(crate) raw: &'a str,
}

/// Adds `s` with its weight to the signals found.
pub(crate) fn add(out: &mut Vec<(Signal, i32)>, s: Signal) {
    out.push((s, weight(s)));
}
