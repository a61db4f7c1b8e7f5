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
