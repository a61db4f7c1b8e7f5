//! Identifiers (pure newtypes).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A Feishu user's open_id (`ou_…`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OpenId(pub String);

/// A Feishu chat id (`oc_…`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ChatId(pub String);

/// A Feishu message id (`om_…`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MessageId(pub String);

/// A person as the chat shows them: open_id plus display name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Person {
    /// The person's open_id.
    pub open_id: OpenId,
    /// Display name (from the mention or the member list).
    pub name: String,
}

/// A 督办 item number: shown as `DB-<n>`, unique per tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(pub u64);

macro_rules! display_inner {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl AsRef<str> for $t {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    )*};
}
display_inner!(OpenId, ChatId, MessageId);

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DB-{}", self.0)
    }
}

impl ItemId {
    /// Parses `DB-12`, `db-12`, `DB12` or `12`.
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim();
        let rest = t
            .strip_prefix("DB-")
            .or_else(|| t.strip_prefix("db-"))
            .or_else(|| t.strip_prefix("Db-"))
            .or_else(|| t.strip_prefix("DB"))
            .or_else(|| t.strip_prefix("db"))
            .unwrap_or(t);
        if rest.is_empty() || !rest.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        rest.parse().ok().filter(|n| *n > 0).map(Self)
    }
}

/// A project number: shown as `XM-<n>`, unique per tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProjectId(pub u64);

/// A requirement number: shown as `XQ-<n>`, unique per tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RequirementId(pub u64);

impl fmt::Display for ProjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "XM-{}", self.0)
    }
}

impl fmt::Display for RequirementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "XQ-{}", self.0)
    }
}

impl ProjectId {
    /// Parses `XM-3`, `xm-3`, `XM3`, `xm3` or `3`.
    pub fn parse(s: &str) -> Option<Self> {
        parse_prefixed(s, "XM").map(Self)
    }
}

impl RequirementId {
    /// Parses `XQ-5`, `xq-5`, `XQ5`, `xq5` or `5`.
    pub fn parse(s: &str) -> Option<Self> {
        parse_prefixed(s, "XQ").map(Self)
    }
}

/// A 下达 batch number: shown as `XD-<n>`, unique per tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BatchId(pub u64);

impl fmt::Display for BatchId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "XD-{}", self.0)
    }
}

impl BatchId {
    /// Parses `XD-4`, `xd-4`, `XD4`, `xd4` or `4`.
    pub fn parse(s: &str) -> Option<Self> {
        parse_prefixed(s, "XD").map(Self)
    }
}

/// A 例会 series number: shown as `HYS-<n>`, unique per tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SeriesId(pub u64);

impl fmt::Display for SeriesId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HYS-{}", self.0)
    }
}

impl SeriesId {
    /// Parses `HYS-2`, `hys-2`, `HYS2` or `2`.
    pub fn parse(s: &str) -> Option<Self> {
        parse_prefixed(s, "HYS").map(Self)
    }
}

/// A positive number after an optional case-insensitive `prefix` and optional `-`.
fn parse_prefixed(s: &str, prefix: &str) -> Option<u64> {
    let t = s.trim();
    let rest = match t.get(..prefix.len()) {
        Some(head) if head.eq_ignore_ascii_case(prefix) => {
            let r = t.get(prefix.len()..).unwrap_or("");
            r.strip_prefix('-').unwrap_or(r)
        }
        _ => t,
    };
    if rest.is_empty() || !rest.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    rest.parse().ok().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_and_requirement_ids_parse_like_item_ids() {
        for s in ["XM-3", "xm-3", "XM3", "xm3", "3", " Xm-3 "] {
            assert_eq!(ProjectId::parse(s), Some(ProjectId(3)), "{s}");
        }
        for s in ["XQ-5", "xq5", "5"] {
            assert_eq!(RequirementId::parse(s), Some(RequirementId(5)), "{s}");
        }
        for s in ["XM-", "XM-0", "DB-3", "XQ-3", "-3", "XM--3", "项目"] {
            assert_eq!(ProjectId::parse(s), None, "{s}");
        }
        assert_eq!(ProjectId(3).to_string(), "XM-3");
        assert_eq!(RequirementId(5).to_string(), "XQ-5");
    }
}
