//! duban (督办): a Feishu/Lark supervision bot.
//!
//! A pure core — [`calendar`], [`domain`], [`command`] parsing and card building — and thin
//! edges: the HTTP webhook, the sled store, the Feishu client and the scheduler.

pub mod calendar;
pub mod card;
pub mod clock;
pub mod command;
pub mod domain;
