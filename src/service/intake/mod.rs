//! Intake: which family a message (or the minutes event) is for, prepared before the service
//! lock ([`prepare`]) and routed under it ([`route`]).

mod prepare;
mod quoted;
mod route;

pub(super) use prepare::{Prepared, prepare_event_minutes, prepare_message, prepare_read_message};
pub(super) use quoted::quoted_text;
pub(super) use route::apply_message;
