//! The registry of units: built from the configuration and the chat bindings, validated, and
//! searched by group, name, region and kind.

use super::kind::UnitKind;
use super::types::{Origin, Unit, UnitDecl, UnitError, check_name};
use crate::domain::ids::{ChatId, OpenId};

/// What a valid binding does to the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Binding {
    /// A unit new to the registry.
    New,
    /// The group's unit is bound again (its kind, region or heads change): the old record.
    Replaces(Box<Unit>),
}

/// Every known unit, with lookups by group, name, region and kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitRegistry {
    /// Configured units in declaration order, then bound units by name.
    units: Vec<Unit>,
    /// Known regions.
    regions: Vec<String>,
}

impl UnitRegistry {
    /// The registry of the configuration's `[[units]]`. `regions`: the explicit region list
    /// (empty: the regions the declarations name). Every problem is reported, not just the first.
    ///
    /// # Errors
    /// Each declaration that is refused, with why.
    pub fn from_decls(regions: &[String], decls: &[UnitDecl]) -> Result<Self, Vec<UnitError>> {
        let mut known: Vec<String> = regions.iter().map(|r| r.trim().to_owned()).collect();
        if known.is_empty() {
            for r in decls.iter().filter_map(|d| d.region.as_deref()) {
                let r = r.trim();
                if !r.is_empty() && !known.iter().any(|k| k == r) {
                    known.push(r.to_owned());
                }
            }
        }
        let mut reg = Self {
            units: Vec::new(),
            regions: known,
        };
        let mut errors = Vec::new();
        for d in decls {
            match reg.unit_of_decl(d).map(|u| reg.normalise(u)) {
                Ok(u) => {
                    if let Err(e) = reg.check_binding(&u) {
                        errors.push(e);
                    } else {
                        reg.units.push(u);
                    }
                }
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() { Ok(reg) } else { Err(errors) }
    }

    fn unit_of_decl(&self, d: &UnitDecl) -> Result<Unit, UnitError> {
        let name = d.name.trim().to_owned();
        check_name(&name, &self.regions)?;
        let kind = match d.kind.as_deref().and_then(UnitKind::parse) {
            Some(k) => k,
            None => UnitKind::infer(&name).ok_or_else(|| UnitError::NoKind { name: name.clone() })?,
        };
        let chat = d.chat_id.as_deref().map(str::trim).unwrap_or_default();
        if chat.is_empty() {
            return Err(UnitError::NoChat { name });
        }
        let heads = d.heads.iter().map(|h| OpenId(h.trim().to_owned())).collect();
        Ok(Unit {
            name,
            kind,
            region: d.region.clone(),
            chat_id: ChatId(chat.to_owned()),
            heads,
            origin: Origin::Config,
        })
    }

    /// Adds the bindings kept in sled. A stored binding that no longer fits (the configuration
    /// now declares its name or group, or dropped its region) is left out and returned with why,
    /// for the log; it stays stored, so fixing the configuration brings it back.
    pub fn with_bindings(mut self, bound: Vec<Unit>) -> (Self, Vec<(Unit, UnitError)>) {
        let mut skipped = Vec::new();
        for u in bound {
            if let Err(e) = self.bind(u.clone()) {
                skipped.push((u, e));
            }
        }
        (self, skipped)
    }

    /// Whether `unit` may be bound, and what it would replace. The region is compared as
    /// [`UnitRegistry::region`] reads it; call [`UnitRegistry::normalise`] first to store the
    /// canonical spelling.
    ///
    /// # Errors
    /// Why not (see [`UnitError`]).
    pub fn check_binding(&self, unit: &Unit) -> Result<Binding, UnitError> {
        let name = unit.name.as_str();
        check_name(name, &self.regions)?;
        if unit.chat_id.0.trim().is_empty() {
            return Err(UnitError::NoChat {
                name: name.to_owned(),
            });
        }
        if !unit.chat_id.0.starts_with("oc_") {
            return Err(UnitError::BadChat {
                name: name.to_owned(),
                chat: unit.chat_id.0.clone(),
            });
        }
        if let Some(h) = unit.heads.iter().find(|h| !h.0.starts_with("ou_")) {
            return Err(UnitError::BadHead {
                name: name.to_owned(),
                head: h.0.clone(),
            });
        }
        if let Some(r) = &unit.region
            && self.region(r).is_none()
        {
            return Err(UnitError::UnknownRegion {
                name: name.to_owned(),
                region: r.clone(),
                known: self.regions.clone(),
            });
        }
        if let Some(other) = self.by_chat(&unit.chat_id)
            && other.name != name
        {
            return Err(UnitError::ChatTaken {
                name: name.to_owned(),
                other: other.name.clone(),
            });
        }
        match self.by_name(name) {
            None => Ok(Binding::New),
            Some(old) if old.origin == Origin::Config => Err(if unit.origin == Origin::Config {
                UnitError::DuplicateName {
                    name: name.to_owned(),
                }
            } else {
                UnitError::FromConfig {
                    name: name.to_owned(),
                }
            }),
            Some(old) if old.chat_id == unit.chat_id => Ok(Binding::Replaces(Box::new(old.clone()))),
            Some(_) => Err(UnitError::NameTaken {
                name: name.to_owned(),
            }),
        }
    }

    /// `unit` with its name trimmed and its region in canonical spelling (`华东` → 华东片区).
    pub fn normalise(&self, mut unit: Unit) -> Unit {
        unit.name = unit.name.trim().trim_start_matches(['@', '＠']).to_owned();
        if let Some(r) = unit.region.as_deref().and_then(|r| self.region(r)) {
            unit.region = Some(r.to_owned());
        }
        unit
    }

    /// Binds `unit` (normalised), replacing the group's earlier binding of the same name.
    ///
    /// # Errors
    /// As [`UnitRegistry::check_binding`]; nothing changes.
    pub fn bind(&mut self, unit: Unit) -> Result<Binding, UnitError> {
        let unit = self.normalise(unit);
        let outcome = self.check_binding(&unit)?;
        match self.units.iter_mut().find(|u| u.name == unit.name) {
            Some(slot) => *slot = unit,
            None => {
                let at = self
                    .units
                    .iter()
                    .position(|u| u.origin != Origin::Config && u.name > unit.name)
                    .unwrap_or(self.units.len());
                self.units.insert(at, unit);
            }
        }
        Ok(outcome)
    }

    /// The bound unit `query` names (tolerantly), if it may be unbound from a chat.
    ///
    /// # Errors
    /// Unknown or ambiguous name; a unit declared in the configuration.
    pub fn check_unbind(&self, query: &str) -> Result<&Unit, UnitError> {
        let u = self.find(query)?;
        if u.origin == Origin::Config {
            return Err(UnitError::FromConfig { name: u.name.clone() });
        }
        Ok(u)
    }

    /// Removes a bound unit; returns it.
    ///
    /// # Errors
    /// As [`UnitRegistry::check_unbind`]; nothing changes.
    pub fn unbind(&mut self, query: &str) -> Result<Unit, UnitError> {
        let name = self.check_unbind(query)?.name.clone();
        let at = self.units.iter().position(|u| u.name == name);
        Ok(self.units.remove(at.unwrap_or_default()))
    }

    /// Every unit: configured ones in declaration order, then bound ones by name.
    pub fn all(&self) -> &[Unit] {
        &self.units
    }

    /// Whether no unit is known.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The known regions.
    pub fn regions(&self) -> &[String] {
        &self.regions
    }

    /// The kinds in use, in the order of [`UnitKind::KNOWN`] then by label.
    pub fn kinds(&self) -> Vec<&UnitKind> {
        let mut v: Vec<&UnitKind> = Vec::new();
        for u in &self.units {
            if !v.contains(&&u.kind) {
                v.push(&u.kind);
            }
        }
        v.sort();
        v
    }

    /// The canonical region `word` names: exact, or with `片区` added (`华东` → 华东片区).
    pub fn region(&self, word: &str) -> Option<&str> {
        let w = word.trim();
        let with_suffix = format!("{w}片区");
        self.regions
            .iter()
            .find(|r| *r == w)
            .or_else(|| self.regions.iter().find(|r| **r == with_suffix))
            .map(String::as_str)
    }

    /// The unit whose group is `chat`.
    pub fn by_chat(&self, chat: &ChatId) -> Option<&Unit> {
        self.units.iter().find(|u| u.chat_id == *chat)
    }

    /// The unit named exactly `name`.
    pub fn by_name(&self, name: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.name == name)
    }

    /// The unit `query` names: the exact name (a leading `@` ignored), else the one unit whose
    /// name starts with it (two characters at least).
    ///
    /// # Errors
    /// [`UnitError::Unknown`] (with near names) or [`UnitError::Ambiguous`] (with candidates).
    pub fn find(&self, query: &str) -> Result<&Unit, UnitError> {
        let q = query.trim().trim_start_matches(['@', '＠']).trim();
        if let Some(u) = self.by_name(q) {
            return Ok(u);
        }
        let long_enough = q.chars().count() >= 2;
        let starts: Vec<&Unit> = if long_enough {
            self.units.iter().filter(|u| u.name.starts_with(q)).collect()
        } else {
            Vec::new()
        };
        match starts.as_slice() {
            [one] => Ok(one),
            [] => Err(UnitError::Unknown {
                query: q.to_owned(),
                near: if long_enough {
                    self.units
                        .iter()
                        .filter(|u| u.name.contains(q))
                        .take(5)
                        .map(|u| u.name.clone())
                        .collect()
                } else {
                    Vec::new()
                },
            }),
            many => Err(UnitError::Ambiguous {
                query: q.to_owned(),
                candidates: many.iter().map(|u| u.name.clone()).collect(),
            }),
        }
    }

    /// The units of a region (canonical or short name), in registry order.
    pub fn in_region(&self, region: &str) -> Vec<&Unit> {
        match self.region(region) {
            Some(r) => self
                .units
                .iter()
                .filter(|u| u.region.as_deref() == Some(r))
                .collect(),
            None => Vec::new(),
        }
    }

    /// The units of a kind, in registry order.
    pub fn of_kind(&self, kind: &UnitKind) -> Vec<&Unit> {
        self.units.iter().filter(|u| u.kind == *kind).collect()
    }
}
