//! The store (an edge): typed trees over sled or PostgreSQL ([`kv`], the one seam between
//! them), one group-commit flusher for sled. Values are JSON behind a one-byte format version.
//!
//! Trees:
//! - `inbox`: acknowledged events not yet processed, key = big-endian sequence.
//! - `seen`: de-duplication keys (`e:<event_id>`, `m:<tenant>:<message_id>`) of processed
//!   events, each with its time (pruned by age after eight hours); with the inbox, the source
//!   of the in-memory de-duplication index (see [`inbox`]).
//! - `outbox` / `outbox_dead`: everything the bot will send, and what Feishu refused for good.
//! - `meta`: schema version, counters.
//! - `items`, `audit`, `chat_items`, `item_cards`: see [`items`].
//! - `due`, `nudge_state`: see [`nudges`]; `chats`: per-group board state.
//! - `meetings`, `item_meeting`, `meeting_closure`, `meeting_cards`: see [`meetings`].
//! - `projects`, `requirements`, `proj_audit`, `chat_projects`, `proj_cards`, `proj_due`,
//!   `proj_due_by`, `proj_watch`, `mirror_queue`, `mirror_map`: see [`projects`].
//! - `onboarding`: who was welcomed, and which groups removed the bot: see [`onboarding`].
//! - `repeat_series`, `repeat_items`: recurring-item series beside their items: see [`repeat`].

pub mod backup;
pub mod batches;
pub mod behaviours;
mod codec;
mod db;
mod error;
mod flusher;
pub mod inbox;
pub mod items;
pub mod kv;
pub mod meetings;
pub mod migrate;
pub mod nudges;
pub mod okr;
pub mod onboarding;
mod open;
pub mod org;
pub mod outbox;
mod parallel;
pub mod projects;
pub mod repeat;
pub mod retention;
pub mod series;
pub mod targets;
#[doc(hidden)]
pub mod testing;
pub mod units;

pub use codec::SCHEMA_VERSION;
pub(crate) use codec::{be, decode, encode, from_be};
pub use db::{Store, Trees};
pub use error::StoreError;
pub(crate) use error::tx_err;
pub use flusher::Flusher;
pub use open::PG_POOL;
pub(crate) use parallel::in_parallel;
