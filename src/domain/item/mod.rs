//! 督办 items (pure): the record, its lifecycle and the derived deadline facts.
//!
//! [`Item::apply`] is the only way an item changes. It checks the permissions table
//! ([`crate::domain::permissions::rule_for`]), then performs the transition, and returns the new
//! item together with its [`crate::domain::audit::AuditRecord`]. Overdue (逾期) is never stored:
//! it is derived from the deadline and `now`. Times are stored as UTC instants and shown in
//! Asia/Shanghai ([`crate::domain::time`]).
//!
//! - `record`: [`Item`] as stored, [`NewItem`], creation, and the facts derived at `now`;
//! - `action`: [`Action`], what a person does to an item;
//! - `policy`: [`Actor`] and [`Policy`] (shared by every family), roles and [`Item::may`];
//! - `error`: [`TransitionError`], why an action was refused;
//! - `class`: [`ItemClass`], 承诺 / 挑战 / 突发 (appraisal);
//! - `classify`: [`Item::set_class`] and [`Item::align`], the 类别 and 对齐 changes (issue 18);
//! - `apply`: [`Item::apply`], the transitions and their audit changes.
//!
//! This module was `domain::supervision`; that path still works (`pub use` in `domain`).

mod action;
mod apply;
mod class;
mod classify;
mod error;
mod policy;
mod record;

pub use self::action::Action;
pub use self::class::ItemClass;
pub use self::error::TransitionError;
pub use self::policy::{Actor, Policy};
pub use self::record::{ExtensionRequest, Item, NewItem, Rejection};

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
