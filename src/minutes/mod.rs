//! Meeting follow-up (pure): action items extracted from minutes ([`extract`]), the meeting and
//! its draft items awaiting confirmation ([`meeting`]), and the extraction quality measured over
//! realistic minutes ([`quality`]: a tuning set in `src/minutes/corpus/` and a held-out set in
//! `src/minutes/heldout/`).
//!
//! No I/O and no clock: the caller fetches the minutes (pasted text, a Feishu doc, a minutes
//! page), the group's members and the time, stores the [`meeting::Meeting`], and turns confirmed
//! drafts into ordinary 督办 items.

mod assign;
mod blocks;
mod error;
mod evidence;
pub mod explain;
pub mod extract;
mod item;
mod layout;
pub mod lexical;
pub mod meeting;
pub mod owner;
pub mod quality;
mod records;
mod scan;
mod speaker;
mod table;
pub mod weights;

pub use error::MinutesError;
pub use extract::{ActionItem, Extraction, explain, extract};
pub use meeting::{
    ClosureRow, ClosureState, ClosureSummary, DraftItem, DraftStatus, Meeting, MeetingId, MeetingSource,
    closure_summary,
};
pub use owner::OwnerRef;
