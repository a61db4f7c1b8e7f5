//! What the project flow says after a change.

use super::super::reply::at;
use crate::domain::project::{Project, ProjectStatus};
use crate::domain::time::format_datetime;

/// The chat confirmation of a project change.
pub(super) fn movement_text(before: &Project, after: &Project, now: jiff::Timestamp) -> String {
    let id = after.id;
    let name = &after.name;
    let stage = after.current_stage();
    let stage_name = stage.map_or("", |s| s.name.as_str());
    let owner = stage
        .and_then(|s| s.owner.as_ref())
        .map(|o| format!("，阶段负责人 {}", at(o)))
        .unwrap_or_default();
    match (before.status, after.status) {
        (_, ProjectStatus::Cancelled) => format!("{id}「{name}」已取消。"),
        (ProjectStatus::Active, ProjectStatus::Done) => {
            format!("{id}「{name}」全部阶段已完成，项目结项，辛苦了！")
        }
        (ProjectStatus::Done, ProjectStatus::Active) => {
            format!("{id}「{name}」已重新打开「{stage_name}」阶段{owner}。")
        }
        _ if after.current > before.current => {
            let plan = stage
                .and_then(|s| s.planned_end)
                .map(|e| format!("，计划 {} 完成", format_datetime(e, now)))
                .unwrap_or_default();
            format!("{id}「{name}」已推进到「{stage_name}」阶段{owner}{plan}。")
        }
        _ if after.current < before.current => format!("{id}「{name}」已退回到「{stage_name}」阶段{owner}。"),
        _ if after.items.len() > before.items.len() => {
            let added: Vec<String> = after
                .items
                .iter()
                .filter(|i| !before.items.contains(i))
                .map(ToString::to_string)
                .collect();
            format!("已将 {} 关联到 {id}「{name}」。", added.join("、"))
        }
        _ if after.items.len() < before.items.len() => {
            format!("已取消关联，{id} 现有{}个关联事项。", after.items.len())
        }
        _ => format!("{id}「{name}」的阶段计划已更新。"),
    }
}
