//! Orchestration: events and card clicks in, domain changes, audit records and outbox records
//! out. The only module that knows both the store and Feishu. Every change of one event or
//! click is committed in one transaction, under one lock, so domain writes never interleave.
//!
//! One folder per family — [`items`], [`projects`], [`requirements`], [`meetings`] — each with
//! ONE `act` path that chat commands and card clicks share: an [`origin::Origin`] built once
//! (who, which chat, which message or card) → permission → the domain transition → audit →
//! card refresh → schedule → outbox; the caller then answers (a reply in chat, or a toast and
//! the card for a click). [`intake`] recognises which family a message is for and prepares it
//! before the lock; [`inbox`] runs the inbox batches, [`clicks`] and [`card_action`] the card callbacks; [`watched`] ticks
//! projects and requirements with one generic watch/remind pair; [`reply`] holds the one
//! "reply under the card, or post" helper. The rest are single ideas: [`board`], [`nudges`]
//! (item reminders), [`people`], [`identity`], [`onboarding`], [`mirror`], [`export`],
//! [`stale`] (version check of clicks, forms), [`materialize`] (intents rendered at send time).
//! [`base`] holds the [`Service`] object itself; this file only declares and re-exports.
//!
//! A new item action (say `/督办 暂停 DB-3`) touches one place here: its arm in
//! `items/command.rs` (command → [`crate::domain::supervision::Action`]) — the click goes
//! through the same `items::act` — plus its wording in `items/texts.rs`, whose `match` on the
//! action has no wildcard, so the compiler points there.

mod appraisal;
mod base;
mod batches;
mod board;
mod card_action;
mod clicks;
mod describe;
mod export;
mod identity;
mod inbox;
mod intake;
mod items;
mod materialize;
mod meetings;
mod mirror;
mod nudges;
mod okr;
mod onboarding;
mod org;
mod origin;
mod people;
mod projects;
mod repeat;
mod reply;
mod requirements;
mod series;
mod stale;
#[cfg(test)]
mod testkit;
mod units;
mod watched;

pub use base::Service;
pub use describe::{Described, describe_command};
pub use inbox::InboxEvent;
pub use mirror::MirrorRoundError;
pub use org::{open_batch_lines, org_board_view, unit_stats_view};
