//! The stages of a pipeline: the configured templates and one stage as stored.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::domain::ids::Person;

/// The stage names of a pipeline, from configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageTemplate {
    /// The template's name, as typed in `/项目 新建 … <模板>` (`默认`).
    pub name: String,
    /// Stage names, in order (at least one).
    pub stages: Vec<String>,
}

impl StageTemplate {
    /// The name of the default template.
    pub const DEFAULT_NAME: &'static str = "默认";

    /// 需求对接 → 产品设计 → 开发评审 → 测试升级 → 效果反馈, named `默认`.
    pub fn default_five() -> Self {
        Self {
            name: Self::DEFAULT_NAME.to_owned(),
            stages: ["需求对接", "产品设计", "开发评审", "测试升级", "效果反馈"]
                .into_iter()
                .map(str::to_owned)
                .collect(),
        }
    }

    /// The template called `name` among `templates` (exact match, then ASCII case-insensitive).
    pub fn find<'a>(templates: &'a [Self], name: &str) -> Option<&'a Self> {
        let name = name.trim();
        templates
            .iter()
            .find(|t| t.name == name)
            .or_else(|| templates.iter().find(|t| t.name.eq_ignore_ascii_case(name)))
    }
}
/// One stage of a project's pipeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    /// The stage's name (`产品设计`).
    pub name: String,
    /// Who answers for the stage, once planned.
    pub owner: Option<Person>,
    /// The planned end.
    pub planned_end: Option<Timestamp>,
    /// Whether the planned end carries a clock time (else it is that day's 18:00).
    #[serde(default)]
    pub planned_has_time: bool,
    /// When the stage became current (the latest time, after a rollback).
    pub started_at: Option<Timestamp>,
    /// When the stage was confirmed.
    pub finished_at: Option<Timestamp>,
}
