//! Watched records — projects and requirements — with reminders of their own: one engine
//! ([`watch`] after every change, [`remind`] in the tick) and each family's rules behind the
//! [`engine::Watch`] trait; their cards rendered at send time.

mod cards;
mod engine;
mod project;
mod requirement;

#[cfg(test)]
mod tests;

pub(super) use cards::{delivered, materialize};
pub(super) use engine::watch;
