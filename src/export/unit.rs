//! `--unit NAME`: the rows of one registered unit (issue 14/15). The name is read against
//! the registry as the running duban has it (the configured units plus the units bound in
//! chat, kept in the store), tolerantly (`杭州` finds 杭州营业部 when no other unit starts so);
//! an unknown name is refused with the units that exist.
//!
//! What belongs to a unit: the items filed under it (`store::units`), the projects and
//! requirements whose `org_unit` it is, and — for requirements from before units — those
//! whose 提出单位 names it; the audit of a unit is the audit of all of these.

use std::collections::HashSet;

use crate::domain::ids::ItemId;
use crate::domain::project::Project;
use crate::domain::requirement::Requirement;
use crate::domain::supervision::Item;
use crate::domain::unit::UnitRegistry;
use crate::store::{Store, StoreError};

/// Why `--unit` cannot be served.
#[derive(Debug, thiserror::Error)]
pub enum UnitScopeError {
    /// The name names no registered unit (or several): the message lists the known ones.
    #[error("{0}")]
    Unknown(String),
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One registered unit, resolved.
#[derive(Debug, Clone)]
pub struct UnitScope {
    /// The unit's registered name.
    pub name: String,
    registry: UnitRegistry,
}

impl UnitScope {
    /// Reads `query` against `configured` plus the store's bindings.
    ///
    /// # Errors
    /// [`UnitScopeError::Unknown`] naming the known units when `query` names none (or
    /// several); store errors.
    pub fn resolve(store: &Store, configured: &UnitRegistry, query: &str) -> Result<Self, UnitScopeError> {
        let (registry, _) = configured.clone().with_bindings(store.bound_units()?);
        let name = match registry.find(query.trim()) {
            Ok(u) => u.name.clone(),
            Err(e) => {
                let known: Vec<&str> = registry.all().iter().map(|u| u.name.as_str()).collect();
                let list = if known.is_empty() {
                    "还没有登记任何单位（在配置文件 [[units]] 中登记，或在单位的群里用 /督办 绑定单位）"
                        .to_owned()
                } else {
                    format!("已登记的单位：{}", known.join("、"))
                };
                return Err(UnitScopeError::Unknown(format!("{e}。{list}")));
            }
        };
        Ok(Self { name, registry })
    }

    /// The unit's items (through the per-unit index, not a scan), oldest first.
    ///
    /// # Errors
    /// Store errors.
    pub fn items(&self, store: &Store) -> Result<Vec<Item>, StoreError> {
        let mut out = Vec::new();
        for id in store.unit_item_ids(&self.name)? {
            if let Some(it) = store.get_item(id)? {
                out.push(it);
            }
        }
        Ok(out)
    }

    /// Whether `p` belongs to the unit.
    pub fn has_project(&self, p: &Project) -> bool {
        p.org_unit.as_deref() == Some(self.name.as_str())
    }

    /// Whether `r` belongs to the unit: its registered unit, or, for a requirement from
    /// before units, the unit its 提出单位 names.
    pub fn has_requirement(&self, r: &Requirement) -> bool {
        match &r.org_unit {
            Some(u) => *u == self.name,
            None => r
                .unit
                .as_deref()
                .and_then(|u| self.registry.find(u).ok())
                .is_some_and(|u| u.name == self.name),
        }
    }

    /// The subjects (`DB-n`, `XM-n`, `XQ-n`) whose audit records belong to the unit.
    ///
    /// # Errors
    /// Store errors.
    pub fn subjects(&self, store: &Store) -> Result<HashSet<String>, StoreError> {
        let mut out: HashSet<String> = store
            .unit_item_ids(&self.name)?
            .into_iter()
            .map(|id: ItemId| id.to_string())
            .collect();
        out.extend(
            store
                .all_projects()?
                .iter()
                .filter(|p| self.has_project(p))
                .map(|p| p.id.to_string()),
        );
        out.extend(
            store
                .all_requirements()?
                .iter()
                .filter(|r| self.has_requirement(r))
                .map(|r| r.id.to_string()),
        );
        Ok(out)
    }
}
