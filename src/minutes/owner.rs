//! Who an action item from minutes belongs to (pure): shared by the line scanner, the
//! extraction and the meeting's draft items.

use serde::{Deserialize, Serialize};

use crate::domain::ids::Person;

/// Who an action item belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OwnerRef {
    /// A group member (from a mention or an exact name match).
    Person(Person),
    /// A name (or department) that matched nobody: shown as written, never guessed.
    Unresolved(String),
}

impl OwnerRef {
    /// The name as shown.
    pub fn name(&self) -> &str {
        match self {
            Self::Person(p) => &p.name,
            Self::Unresolved(n) => n,
        }
    }

    /// The person, when resolved.
    pub fn person(&self) -> Option<&Person> {
        match self {
            Self::Person(p) => Some(p),
            Self::Unresolved(_) => None,
        }
    }
}
