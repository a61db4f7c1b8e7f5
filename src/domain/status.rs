//! The stored status of a 督办 item (pure). Both the item's lifecycle (`domain/item/`)
//! and the permissions table (`domain/permissions.rs`) read it.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::listed::listed;

listed! {
/// A stored status. 逾期 is not one: see `Item::is_overdue`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 待签收: waiting for the owner to acknowledge.
    Pending,
    /// 进行中
    InProgress,
    /// 待验收: submitted, waiting for the creator's acceptance.
    Submitted,
    /// 已完成
    Done,
    /// 已取消
    Cancelled,
}
}

impl Status {
    /// The Chinese name: 待签收 / 进行中 / 待验收 / 已完成 / 已取消.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pending => "待签收",
            Self::InProgress => "进行中",
            Self::Submitted => "待验收",
            Self::Done => "已完成",
            Self::Cancelled => "已取消",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
