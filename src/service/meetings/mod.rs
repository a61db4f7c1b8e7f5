//! Meeting follow-up (`/纪要`, issue 7): minutes in → one follow-up card (`HY-n`) → confirmed
//! drafts become ordinary 督办 items linked back to the meeting → a closure card N working days
//! after the meeting.
//!
//! Network calls (the linked document or minutes, the quoted message, the group's members) run
//! in [`fetch_minutes`] before the service lock; everything else is one transaction.
//! Group members are read through the people cache ([`super::people`]); when the member list cannot be
//! read, names stay unresolved (shown, never guessed) and the reply says why.
//!
//! Optional event (`[minutes] events = true`): `minutes.minute.generated_v1`. Its payload is
//! **not confirmed** by the protocol reference or the SDK files read here; assumed: the minute
//! token at `event.minute_token` (or `event.minute.token`, `event.object_token`) and the group
//! at `event.chat_id` (or `event.meeting.chat_id`). An event without both is logged and
//! dropped. The meeting-ended event carries no minutes, so it is not subscribed to: the minutes
//! event is what starts the flow once the recording is processed.

mod clicks;
mod closure;
mod create;
mod fetch;

pub(super) use closure::materialize;
pub(super) use create::{apply_minutes, with_meeting_source};
pub(super) use fetch::{Fetched, fetch_minutes, prepare_minutes_event};
