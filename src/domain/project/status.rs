//! A project's stored status and a stage's derived one.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A project's stored status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    /// 进行中
    Active,
    /// 已完成 (the last stage was confirmed)
    Done,
    /// 已取消
    Cancelled,
}

impl ProjectStatus {
    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Active => "进行中",
            Self::Done => "已完成",
            Self::Cancelled => "已取消",
        }
    }
}

/// A stage's derived status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageState {
    /// 已完成 ✓
    Done,
    /// 当前 ▶
    Current,
    /// 未开始 ○
    Pending,
}
impl fmt::Display for StageState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Done => "已完成",
            Self::Current => "进行中",
            Self::Pending => "未开始",
        })
    }
}
