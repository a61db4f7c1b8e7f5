//! The closed loop the submitter sees (已提交 → 已受理 → 进入开发 → 测试 → 上线), derived from
//! the requirement and its linked project's stage.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::record::{ReqStatus, Requirement};
use crate::domain::project::{Project, ProjectStatus};

/// The closed-loop stage the submitter sees.
///
/// Mapping from the linked project's current stage (see [`loop_status`]): 需求对接 and 产品设计
/// → 已受理; 开发评审 → 进入开发; 测试升级 → 测试; 效果反馈, or the project done → 上线. Stage names
/// of other templates map by keyword: 反馈/上线/推广 → 上线, 测试/升级/验证 → 测试, 开发/评审/实施 →
/// 进入开发, anything else → 已受理. When the project ends the requirement itself closes
/// ([`Requirement::follow_project`]): 已上线 → 上线, 已关闭 → 已关闭. (An accepted requirement
/// whose project was cancelled before that rule existed shows 已受理.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoopStatus {
    /// 已提交
    Submitted,
    /// 待补充
    NeedsInfo,
    /// 已受理
    Accepted,
    /// 进入开发
    InDevelopment,
    /// 测试
    Testing,
    /// 上线
    Launched,
    /// 已合并
    Merged,
    /// 已驳回
    Rejected,
    /// 已关闭 (its project was cancelled)
    Closed,
}

impl LoopStatus {
    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Submitted => "已提交",
            Self::NeedsInfo => "待补充",
            Self::Accepted => "已受理",
            Self::InDevelopment => "进入开发",
            Self::Testing => "测试",
            Self::Launched => "上线",
            Self::Merged => "已合并",
            Self::Rejected => "已驳回",
            Self::Closed => "已关闭",
        }
    }

    /// The happy path shown as a progress line, in order.
    pub const PATH: [Self; 5] = [
        Self::Submitted,
        Self::Accepted,
        Self::InDevelopment,
        Self::Testing,
        Self::Launched,
    ];
}

impl fmt::Display for LoopStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The closed-loop stage of `req` given its linked project (see [`LoopStatus`] for the mapping).
/// A project whose id differs from `req.project` is ignored.
pub fn loop_status(req: &Requirement, project: Option<&Project>) -> LoopStatus {
    match &req.status {
        ReqStatus::Submitted => LoopStatus::Submitted,
        ReqStatus::NeedsInfo => LoopStatus::NeedsInfo,
        ReqStatus::Merged => LoopStatus::Merged,
        ReqStatus::Rejected { .. } => LoopStatus::Rejected,
        ReqStatus::Launched => LoopStatus::Launched,
        ReqStatus::Closed { .. } => LoopStatus::Closed,
        ReqStatus::Accepted => {
            let Some(p) = project.filter(|p| Some(p.id) == req.project) else {
                return LoopStatus::Accepted;
            };
            match p.status {
                ProjectStatus::Done => LoopStatus::Launched,
                ProjectStatus::Cancelled => LoopStatus::Accepted,
                ProjectStatus::Active => p
                    .current_stage()
                    .map_or(LoopStatus::Accepted, |s| stage_loop(&s.name)),
            }
        }
    }
}

pub(super) fn stage_loop(name: &str) -> LoopStatus {
    match name {
        "需求对接" | "产品设计" => LoopStatus::Accepted,
        "开发评审" => LoopStatus::InDevelopment,
        "测试升级" => LoopStatus::Testing,
        "效果反馈" => LoopStatus::Launched,
        n if ["反馈", "上线", "推广"].iter().any(|k| n.contains(k)) => LoopStatus::Launched,
        n if ["测试", "升级", "验证"].iter().any(|k| n.contains(k)) => LoopStatus::Testing,
        n if ["开发", "评审", "实施"].iter().any(|k| n.contains(k)) => LoopStatus::InDevelopment,
        _ => LoopStatus::Accepted,
    }
}
