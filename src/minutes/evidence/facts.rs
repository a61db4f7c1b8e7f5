//! What the evidence of a line is read from (pure): where it stands and what the scanner found.

use crate::minutes::layout::{Marker, Section};
use crate::minutes::scan::Scan;

/// Where a line stands and what the scanner found in it.
pub(crate) struct LineFacts<'a> {
    pub(crate) section: Section,
    pub(crate) marker: Marker,
    pub(crate) todo_label: bool,
    pub(crate) scan: &'a Scan,
    /// The line as written (status words are looked for there, not only in the task text).
    pub(crate) raw: &'a str,
}
