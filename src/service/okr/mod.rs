//! Issue 18's classes and OKR alignment: `/督办 类别` ([`class`]), the class and alignment a
//! new item starts with ([`class::initial`]), `/督办 对齐` and `/项目 对齐` (the owner's OKRs
//! fetched before the lock, [`fetch`]; the picker and its click, [`align`]), and the progress
//! record written on 验收 ([`progress`]).

mod align;
mod class;
mod fetch;
mod progress;

pub(super) use align::{align_item, align_project, on_align_click};
pub(super) use class::{initial, set_class};
pub(super) use fetch::{OkrFetched, fetch_for};
pub(super) use progress::{materialize_progress, progress_delivered, progress_failed, queue_progress};
