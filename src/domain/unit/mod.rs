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
mod registry;
pub mod select;
mod types;

pub use kind::UnitKind;
pub use registry::{Binding, UnitRegistry};
pub use select::{SelectError, select_units};
pub use types::{MAX_NAME_CHARS, Origin, Unit, UnitDecl, UnitError};

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
