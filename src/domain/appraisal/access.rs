//! Who may see a person's 考评 pack and behaviour records, and who may record: the person
//! themself (see only), their configured leaders and the admins. Everyone else is refused
//! with the same words whether or not anything exists (see the service).

use serde::Deserialize;

use crate::domain::ids::OpenId;

/// `[appraisal] leaders` entry: `{ person = "ou_…", leaders = ["ou_…"] }`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeaderRule {
    /// The appraised person's open_id.
    pub person: String,
    /// Their leaders' open_ids (direct and dotted-line alike).
    pub leaders: Vec<String>,
}

/// The access rules, resolved from configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Access {
    /// Who leads whom.
    pub leaders: Vec<LeaderRule>,
    /// The admins (`[supervision] admins`).
    pub admins: Vec<OpenId>,
}

impl Access {
    /// Whether `who` is an admin.
    pub fn is_admin(&self, who: &OpenId) -> bool {
        self.admins.contains(who)
    }

    /// Whether `leader` is one of `person`'s configured leaders.
    pub fn leads(&self, leader: &OpenId, person: &OpenId) -> bool {
        self.leaders
            .iter()
            .any(|r| r.person == person.0 && r.leaders.contains(&leader.0))
    }

    /// Whether `asker` may see `person`'s pack and records: themself, a leader, an admin.
    pub fn may_see(&self, asker: &OpenId, person: &OpenId) -> bool {
        asker == person || self.is_admin(asker) || self.leads(asker, person)
    }

    /// Whether `asker` may record 标杆 / 负面 about `person`: a leader or an admin (never
    /// about themself, unless an admin).
    pub fn may_record(&self, asker: &OpenId, person: &OpenId) -> bool {
        self.is_admin(asker) || (asker != person && self.leads(asker, person))
    }

    /// The people whose packs `asker` may export: everyone (`None`) for an admin, else the
    /// people they lead and themself.
    pub fn people_of(&self, asker: &OpenId) -> Option<Vec<OpenId>> {
        if self.is_admin(asker) {
            return None;
        }
        let mut out = vec![asker.clone()];
        for r in &self.leaders {
            if r.leaders.contains(&asker.0) && !out.iter().any(|o| o.0 == r.person) {
                out.push(OpenId(r.person.clone()));
            }
        }
        Some(out)
    }

    /// Whether `who` may record about anyone at all (an admin or a configured leader).
    pub fn is_manager(&self, who: &OpenId) -> bool {
        self.is_admin(who) || self.leaders.iter().any(|r| r.leaders.contains(&who.0))
    }
}
