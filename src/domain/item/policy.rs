//! Who acts and under which tenant-wide rules: [`Actor`] and [`Policy`] (shared by items,
//! projects and requirements), and the item's glue to the permissions table
//! ([`crate::domain::permissions::rule_for`]): the roles a person holds and whether they may act.

use jiff::SignedDuration;

use super::error::TransitionError;
use super::record::Item;
use crate::domain::ids::{OpenId, Person};
use crate::domain::permissions::{ActionKind, Roles, rule_for, who_may};

/// Tenant-wide rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// `true` (default): 提交完成 waits for the creator's 验收; `false`: submit goes to Done.
    pub require_acceptance: bool,
    /// Minimum time between two nudges of the same item (default 1 hour).
    pub nudge_cooldown: SignedDuration,
    /// Admins: may do whatever a creator may, on every item.
    pub admins: Vec<OpenId>,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            require_acceptance: true,
            nudge_cooldown: SignedDuration::from_hours(1),
            admins: Vec::new(),
        }
    }
}

/// The person performing an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Who.
    pub person: Person,
}
impl Item {
    /// The roles `who` holds on this item.
    pub fn role_of(&self, who: &OpenId, policy: &Policy) -> Roles {
        Roles {
            creator: self.creator.open_id == *who,
            owner: self.owner.open_id == *who,
            assistant: self.assistants.iter().any(|p| p.open_id == *who),
            admin: policy.admins.contains(who),
        }
    }

    /// Whether `who` may perform an action of `kind` on the item in its current status (the
    /// first check of [`Self::apply`]; also asked before a form is opened for `who`).
    ///
    /// # Errors
    /// [`TransitionError::WrongState`] or [`TransitionError::Forbidden`], saying who may.
    pub fn may(&self, kind: ActionKind, who: &OpenId, policy: &Policy) -> Result<(), TransitionError> {
        let rule = rule_for(kind);
        if !rule.states.contains(&self.status) {
            return Err(TransitionError::WrongState {
                action: kind,
                status: self.status,
            });
        }
        if !self.role_of(who, policy).any_of(rule.roles) {
            return Err(TransitionError::Forbidden {
                action: kind,
                who: who_may(kind, &self.creator, &self.owner),
            });
        }
        Ok(())
    }
}
