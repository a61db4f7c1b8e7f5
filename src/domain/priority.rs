//! Item priority (pure).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::listed::listed;

listed! {
/// P0 (紧急) … P3 (低); the default is P2 (中).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum Priority {
    /// 紧急
    P0,
    /// 高
    P1,
    /// 中 (default)
    #[default]
    P2,
    /// 低
    P3,
}
}

impl Priority {
    /// Parses `P0`–`P3` (any case) or 紧急/高/中/低 (also 最高/一般/普通).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "P0" | "p0" | "紧急" | "最高" | "特急" => Some(Self::P0),
            "P1" | "p1" | "高" | "重要" => Some(Self::P1),
            "P2" | "p2" | "中" | "一般" | "普通" => Some(Self::P2),
            "P3" | "p3" | "低" => Some(Self::P3),
            _ => None,
        }
    }

    /// The Chinese word: 紧急 / 高 / 中 / 低.
    pub fn label(self) -> &'static str {
        match self {
            Self::P0 => "紧急",
            Self::P1 => "高",
            Self::P2 => "中",
            Self::P3 => "低",
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = match self {
            Self::P0 => "P0",
            Self::P1 => "P1",
            Self::P2 => "P2",
            Self::P3 => "P3",
        };
        f.write_str(code)
    }
}
