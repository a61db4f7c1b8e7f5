//! The appraisal class of an item (pure): 承诺, 挑战 or 突发, as the firm's "OKR + 绩效"
//! scores them (issue 18).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::listed::listed;

listed! {
/// 承诺 (committed OKR work, the default), 挑战 (aspirational OKR work) or 突发 (urgent,
/// unplanned work).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ItemClass {
    /// 承诺 (default).
    #[default]
    Commit,
    /// 挑战
    Stretch,
    /// 突发
    Urgent,
}
}

impl ItemClass {
    /// Reads 承诺 / 挑战 / 突发 (also 承诺目标, 挑战目标, 突发型工作, 突发工作, and the
    /// English words `commit`, `stretch`, `urgent` in any case).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        match s {
            "承诺" | "承诺目标" | "承诺型" => Some(Self::Commit),
            "挑战" | "挑战目标" | "挑战型" => Some(Self::Stretch),
            "突发" | "突发型" | "突发型工作" | "突发工作" => Some(Self::Urgent),
            _ if s.eq_ignore_ascii_case("commit") => Some(Self::Commit),
            _ if s.eq_ignore_ascii_case("stretch") => Some(Self::Stretch),
            _ if s.eq_ignore_ascii_case("urgent") => Some(Self::Urgent),
            _ => None,
        }
    }

    /// The Chinese word shown on cards, lists and exports: 承诺 / 挑战 / 突发.
    pub fn label(self) -> &'static str {
        match self {
            Self::Commit => "承诺",
            Self::Stretch => "挑战",
            Self::Urgent => "突发",
        }
    }
}

impl fmt::Display for ItemClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::ItemClass;

    #[test]
    fn every_class_reads_back_from_its_label_and_defaults_to_commit() {
        for class in ItemClass::ALL {
            assert_eq!(ItemClass::parse(class.label()), Some(class));
        }
        assert_eq!(ItemClass::default(), ItemClass::Commit);
        assert_eq!(ItemClass::parse("突发型工作"), Some(ItemClass::Urgent));
        assert_eq!(ItemClass::parse("Stretch"), Some(ItemClass::Stretch));
        assert_eq!(ItemClass::parse("紧急"), None);
    }

    #[test]
    fn an_item_stored_before_classes_existed_reads_as_commit() {
        let json = serde_json::to_string(&ItemClass::Urgent).unwrap();
        assert_eq!(json, "\"urgent\"");
        #[derive(serde::Deserialize)]
        struct Old {
            #[serde(default)]
            class: ItemClass,
        }
        let old: Old = serde_json::from_str("{}").unwrap();
        assert_eq!(old.class, ItemClass::Commit);
    }
}
