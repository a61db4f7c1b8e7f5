//! What sort of unit a unit is: 营业部, 分公司, 总部部门, or a kind named in the firm's own words.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A unit's kind. Stored and declared as its Chinese label (`"营业部"`); any other label is
/// kept as typed ([`UnitKind::Other`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum UnitKind {
    /// 营业部 (a branch office).
    Branch,
    /// 分公司.
    Company,
    /// 总部部门 (a head-office department).
    HeadOffice,
    /// Any other kind, by its label (e.g. 子公司, 委员会).
    Other(String),
}

impl UnitKind {
    /// The three kinds every firm has, in the order lists show them.
    pub const KNOWN: [Self; 3] = [Self::Branch, Self::Company, Self::HeadOffice];

    /// The Chinese label.
    pub fn label(&self) -> &str {
        match self {
            Self::Branch => "营业部",
            Self::Company => "分公司",
            Self::HeadOffice => "总部部门",
            Self::Other(s) => s,
        }
    }

    /// The kind a word names: a label, or an alias (`总部`, `部门` → 总部部门); anything else
    /// non-empty is [`UnitKind::Other`]. `None` for a blank word.
    pub fn parse(word: &str) -> Option<Self> {
        let w = word.trim();
        if w.is_empty() {
            return None;
        }
        Some(Self::known(w).unwrap_or_else(|| Self::Other(w.to_owned())))
    }

    /// One of the three known kinds named by `word` (label or alias), else `None`.
    pub fn known(word: &str) -> Option<Self> {
        match word.trim() {
            "营业部" => Some(Self::Branch),
            "分公司" => Some(Self::Company),
            "总部部门" | "总部" | "部门" | "总部各部门" => Some(Self::HeadOffice),
            _ => None,
        }
    }

    /// The kind a unit's name implies: `…营业部` → 营业部, `…分公司` → 分公司, `…部` or
    /// `…中心` → 总部部门. `None` when the name says nothing.
    pub fn infer(name: &str) -> Option<Self> {
        let n = name.trim();
        if n.ends_with("营业部") {
            Some(Self::Branch)
        } else if n.ends_with("分公司") {
            Some(Self::Company)
        } else if n.ends_with('部') || n.ends_with("中心") {
            Some(Self::HeadOffice)
        } else {
            None
        }
    }
}

impl From<String> for UnitKind {
    fn from(s: String) -> Self {
        Self::known(&s).unwrap_or(Self::Other(s))
    }
}

impl From<UnitKind> for String {
    fn from(k: UnitKind) -> Self {
        match k {
            UnitKind::Other(s) => s,
            known => known.label().to_owned(),
        }
    }
}

impl fmt::Display for UnitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
