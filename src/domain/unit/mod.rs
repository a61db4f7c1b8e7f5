//! Organisational units (pure): the firm's 营业部, 分公司 and 总部部门, each with its group
//! chat, optional 片区 (region) and heads, and the registry that finds them.
//!
//! Units come from two places: the configuration (`[[units]]`, read as [`UnitDecl`]) and
//! bindings made in a unit's group by an admin (`/督办 绑定单位 …`, kept in sled as [`Unit`]
//! with [`Origin::Chat`]). [`UnitRegistry`] holds both and refuses what would make a lookup
//! ambiguous: two units with one name, a group bound to two units, a unit without a group, a
//! region nobody declared.
//!
//! Regions: the known 片区 are the configuration's explicit list when it has one (then it is
//! authoritative, for declarations and bindings alike); otherwise they are the regions the
//! `[[units]]` declarations name. A binding typed in a chat may only use a known region, so a
//! typo (华东区) is refused instead of silently founding a new region. `华东` is read as
//! `华东片区` when that region exists.
//!
//! Names: a lookup accepts the exact name, a leading `@`, and a unique prefix of at least two
//! characters (`杭州` → 杭州营业部 only when no other unit's name starts with 杭州; otherwise the
//! error names the candidates). See [`UnitRegistry::find`] and [`select`] for 下达 targets.

mod kind;
pub mod ranking;
pub mod select;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::domain::ids::{ChatId, OpenId, Person};

pub use kind::UnitKind;
pub use select::SelectError;

/// Longest unit name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 30;

/// One organisational unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// The unit's name, e.g. 杭州营业部 (unique).
    pub name: String,
    /// 营业部, 分公司, 总部部门, …
    pub kind: UnitKind,
    /// 片区, e.g. 华东片区.
    #[serde(default)]
    pub region: Option<String>,
    /// The unit's group chat (one unit per group).
    pub chat_id: ChatId,
    /// 负责人: the first is 主办 of the unit's 下达 items, the others 协办.
    #[serde(default)]
    pub heads: Vec<OpenId>,
    /// Where the unit was declared.
    pub origin: Origin,
}

/// Where a unit was declared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Origin {
    /// `[[units]]` in the configuration (changed only there).
    Config,
    /// `/督办 绑定单位` in the unit's group.
    Chat {
        /// The admin who bound it.
        by: Person,
        /// When.
        at: Timestamp,
    },
}

/// `[[units]]` in the configuration, as written. `kind` may be left out when the name ends
/// with it (杭州营业部); `chat_id` is optional here only so that a missing one gets a clear
/// message instead of a parser error.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitDecl {
    /// The unit's name.
    pub name: String,
    /// 营业部 / 分公司 / 总部部门 / any other label.
    #[serde(default)]
    pub kind: Option<String>,
    /// 片区.
    #[serde(default)]
    pub region: Option<String>,
    /// The unit's group (`oc_…`).
    #[serde(default)]
    pub chat_id: Option<String>,
    /// Heads' open_ids (`ou_…`).
    #[serde(default)]
    pub heads: Vec<String>,
}

/// Why a unit declaration, binding or lookup was refused (plain Chinese).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnitError {
    /// No name.
    #[error("请写明单位名称，例如：/督办 绑定单位 杭州营业部 营业部 华东片区 @负责人")]
    EmptyName,
    /// A name that selections could not tell apart from something else.
    #[error("单位名称“{name}”不能使用：{why}")]
    BadName {
        /// The name.
        name: String,
        /// Why.
        why: String,
    },
    /// Two declarations with one name.
    #[error("单位“{name}”登记了不止一次，每个单位只能登记一次")]
    DuplicateName {
        /// The name.
        name: String,
    },
    /// No group.
    #[error("单位“{name}”没有对应的群：请在配置中写明 chat_id（oc_ 开头），或在该单位的群里绑定")]
    NoChat {
        /// The unit.
        name: String,
    },
    /// Not a chat id.
    #[error("单位“{name}”的群 ID“{chat}”不对，群 ID 以 oc_ 开头")]
    BadChat {
        /// The unit.
        name: String,
        /// What was given.
        chat: String,
    },
    /// The group already belongs to another unit.
    #[error("这个群已经绑定为“{other}”，一个群只能对应一个单位")]
    ChatTaken {
        /// The unit asked for.
        name: String,
        /// The unit the group belongs to.
        other: String,
    },
    /// The name is bound to another group.
    #[error("单位“{name}”已经绑定在另一个群，请先在那里解绑（/督办 单位 解绑 {name}）")]
    NameTaken {
        /// The unit.
        name: String,
    },
    /// A region nobody declared.
    #[error("单位“{name}”的片区“{region}”还没有登记{}", known_list("已登记的片区", .known))]
    UnknownRegion {
        /// The unit.
        name: String,
        /// The region given.
        region: String,
        /// The known regions.
        known: Vec<String>,
    },
    /// No kind given and none implied by the name.
    #[error("请写明单位“{name}”的类别，例如：营业部、分公司或总部部门")]
    NoKind {
        /// The unit.
        name: String,
    },
    /// A head that is not an open_id.
    #[error("单位“{name}”的负责人“{head}”不是有效的用户 ID（ou_ 开头）")]
    BadHead {
        /// The unit.
        name: String,
        /// What was given.
        head: String,
    },
    /// A configured unit cannot be changed from a chat.
    #[error("单位“{name}”是在配置文件中登记的，请修改配置文件，不能在群里绑定或解绑")]
    FromConfig {
        /// The unit.
        name: String,
    },
    /// No unit by that name.
    #[error("找不到单位“{query}”{}", known_list("相近的单位", .near))]
    Unknown {
        /// What was asked for.
        query: String,
        /// Units whose names contain it.
        near: Vec<String>,
    },
    /// Several units start with that name.
    #[error("“{query}”可能是{}，请写出完整的单位名称", .candidates.join("、"))]
    Ambiguous {
        /// What was asked for.
        query: String,
        /// The units it could be.
        candidates: Vec<String>,
    },
}

/// `"：甲、乙"` after `label`, or `""` when `names` is empty.
fn known_list(label: &str, names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!("（{label}：{}）", names.join("、"))
    }
}

/// Characters a unit name may not hold (they separate 下达 targets).
const SEPARATORS: [char; 8] = [',', '，', '、', ';', '；', '@', '＠', '/'];

/// Checks a unit name against the kinds and regions it must not be confused with.
fn check_name(name: &str, regions: &[String]) -> Result<(), UnitError> {
    let bad = |why: &str| {
        Err(UnitError::BadName {
            name: name.to_owned(),
            why: why.to_owned(),
        })
    };
    if name.is_empty() {
        return Err(UnitError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return bad(&format!("名称最多{MAX_NAME_CHARS}个字"));
    }
    if name.chars().any(|c| c.is_whitespace() || SEPARATORS.contains(&c)) {
        return bad("名称里不能有空格、逗号、顿号、分号、@ 或 /");
    }
    if UnitKind::known(name).is_some() {
        return bad("这是单位类别的名称");
    }
    if ["全部", "所有", "全体"].iter().any(|p| name.starts_with(p)) {
        return bad("以“全部、所有、全体”开头的名称会和下达对象混淆");
    }
    if regions.iter().any(|r| r == name) {
        return bad("这是片区的名称");
    }
    Ok(())
}

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
            match reg.from_decl(d).map(|u| reg.normalise(u)) {
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

    fn from_decl(&self, d: &UnitDecl) -> Result<Unit, UnitError> {
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
            return Err(UnitError::NoChat { name: name.to_owned() });
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
                UnitError::DuplicateName { name: name.to_owned() }
            } else {
                UnitError::FromConfig { name: name.to_owned() }
            }),
            Some(old) if old.chat_id == unit.chat_id => Ok(Binding::Replaces(Box::new(old.clone()))),
            Some(_) => Err(UnitError::NameTaken { name: name.to_owned() }),
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

    /// The units a 下达 target names (see [`select::select`]).
    ///
    /// # Errors
    /// [`SelectError`] naming every word that matched nothing, was ambiguous or named no unit.
    pub fn select(&self, spec: &str) -> Result<Vec<&Unit>, SelectError> {
        select::select(self, spec)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
