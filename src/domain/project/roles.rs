//! Who holds which role on a project (owner, creator, stage owners), and how a refusal names
//! who may.

use super::record::Project;
use crate::domain::ids::OpenId;

impl Project {
    /// Whether `who` owns the project.
    pub fn is_owner(&self, who: &OpenId) -> bool {
        self.owner.open_id == *who
    }

    /// Whether `who` created the project.
    pub fn is_creator(&self, who: &OpenId) -> bool {
        self.creator.as_ref().is_some_and(|c| c.open_id == *who)
    }

    /// `项目负责人（张三）、发起人（赵督办）[、extra]或管理员`: who may do what the owner may.
    pub(super) fn owners_or_admin(&self, extra: Option<&str>) -> String {
        let mut who = vec![format!("项目负责人（{}）", self.owner.name)];
        match &self.creator {
            Some(c) if c.open_id != self.owner.open_id && !c.name.is_empty() => {
                who.push(format!("发起人（{}）", c.name));
            }
            Some(c) if c.open_id != self.owner.open_id => who.push("项目发起人".to_owned()),
            Some(_) | None => {}
        }
        who.extend(extra.map(str::to_owned));
        format!("{}或管理员", who.join("、"))
    }

    /// Whether `who` owns any stage.
    pub fn is_stage_owner(&self, who: &OpenId) -> bool {
        self.stages
            .iter()
            .any(|s| s.owner.as_ref().is_some_and(|o| o.open_id == *who))
    }

    /// Whether `who` owns the current stage.
    pub fn is_current_stage_owner(&self, who: &OpenId) -> bool {
        self.current_stage()
            .and_then(|s| s.owner.as_ref())
            .is_some_and(|o| o.open_id == *who)
    }
}
