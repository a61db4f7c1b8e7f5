//! Project overviews (pure): the pipeline board (per stage, late, stalled) and a list.

use jiff::Timestamp;
use serde_json::Value;

use crate::calendar::Calendar;
use crate::card::fmt::{at, card, font, header, markdown, md_text, rows_card, truncate, when};
use crate::domain::project::{Project, ProjectStatus};

const MAX_ROWS: usize = 30;

/// The pipeline board: active projects per current stage, stalled ones (no movement for
/// `stalled_after` working days or more) and ones late against plan. `scope` names what is
/// shown (`本群` / `全部门`).
pub fn project_board_card(
    projects: &[Project],
    now: Timestamp,
    cal: &Calendar,
    stalled_after: u32,
    scope: &str,
) -> Value {
    let active: Vec<&Project> = projects
        .iter()
        .filter(|p| p.status == ProjectStatus::Active)
        .collect();
    let done = projects
        .iter()
        .filter(|p| p.status == ProjectStatus::Done)
        .count();
    let mut stage_names: Vec<String> = Vec::new();
    for p in &active {
        for s in &p.stages {
            if !stage_names.contains(&s.name) {
                stage_names.push(s.name.clone());
            }
        }
    }
    let counts: Vec<String> = stage_names
        .iter()
        .map(|name| {
            let n = active
                .iter()
                .filter(|p| p.current_stage().is_some_and(|s| &s.name == name))
                .count();
            format!("{} **{n}**", md_text(name, 20))
        })
        .collect();
    let mut late: Vec<&Project> = active.iter().copied().filter(|p| p.is_late(now)).collect();
    late.sort_by_key(|p| (p.current_stage().and_then(|s| s.planned_end), p.id));
    let mut stalled: Vec<(u32, &Project)> = active
        .iter()
        .filter_map(|p| p.stalled_workdays(now, cal).ok().map(|n| (n, *p)))
        .filter(|(n, _)| *n >= stalled_after)
        .collect();
    stalled.sort_by_key(|(n, p)| (std::cmp::Reverse(*n), p.id));

    let template = if late.is_empty() { "blue" } else { "red" };
    let title = format!("项目看板（{scope}）");
    let active_tag = format!("进行中{}个", active.len());
    let late_tag = format!("延期{}个", late.len());
    let stalled_tag = format!("停滞{}个", stalled.len());
    let tags = [
        (active_tag.as_str(), "blue"),
        (late_tag.as_str(), "red"),
        (stalled_tag.as_str(), "orange"),
    ];
    let hdr = header(&title, template, Some(&format!("已完成{done}个")), &tags);
    let mut elements = Vec::new();
    if active.is_empty() {
        elements.push(markdown(
            "目前没有进行中的项目。发送 `/项目 新建 项目名称 @负责人` 新建。",
        ));
        return card(hdr, elements, &title);
    }
    elements.push(markdown(&format!("**各阶段项目数**\n{}", counts.join(" · "))));
    let row = |p: &Project, extra: String| {
        let stage = p.current_stage().map_or("", |s| s.name.as_str());
        let owner = p
            .current_stage()
            .and_then(|s| s.owner.as_ref())
            .unwrap_or(&p.owner);
        format!(
            "- {} {} · {} · {} · {extra}",
            p.id,
            md_text(&p.name, 30),
            md_text(stage, 20),
            at(owner)
        )
    };
    if !late.is_empty() {
        let mut lines = vec![format!("**延期项目（{}）**", late.len())];
        for p in late.iter().take(MAX_ROWS / 2) {
            let end = p
                .current_stage()
                .and_then(|s| s.planned_end.map(|e| when(e, s.planned_has_time, now)))
                .unwrap_or_default();
            lines.push(row(p, font("red", &format!("计划 {end}"))));
        }
        elements.push(markdown(&lines.join("\n")));
    }
    if !stalled.is_empty() {
        let mut lines = vec![format!(
            "**停滞项目（{stalled_after}个工作日以上未推进，{}）**",
            stalled.len()
        )];
        for (n, p) in stalled.iter().take(MAX_ROWS / 2) {
            lines.push(row(p, font("orange", &format!("{n}个工作日未推进"))));
        }
        elements.push(markdown(&lines.join("\n")));
    }
    card(hdr, elements, &title)
}

/// A list of projects under `title`: late first, then by id.
pub fn project_list_card(title: &str, projects: &[Project], now: Timestamp) -> Value {
    let mut sorted: Vec<&Project> = projects.iter().collect();
    sorted.sort_by_key(|p| (!p.is_late(now), p.status != ProjectStatus::Active, p.id));
    let late = sorted.iter().filter(|p| p.is_late(now)).count();
    let count = format!("共{}个", projects.len());
    let late_tag = format!("延期{late}个");
    let mut tags = vec![(count.as_str(), "blue")];
    if late > 0 {
        tags.push((late_tag.as_str(), "red"));
    }
    let hdr = header(
        &truncate(title, 60),
        if late > 0 { "red" } else { "blue" },
        None,
        &tags,
    );
    let rows = sorted.iter().map(|p| {
        let stage = p.current_stage().map_or("", |s| s.name.as_str());
        let state = match p.status {
            ProjectStatus::Active if p.is_late(now) => font("red", "延期"),
            ProjectStatus::Active => format!("阶段 {}/{}", p.current + 1, p.stages.len()),
            ProjectStatus::Done | ProjectStatus::Cancelled => p.status.label().to_owned(),
        };
        format!(
            "**{}** {} · {} · {state} · 负责人 {}",
            p.id,
            md_text(&p.name, 40),
            md_text(stage, 20),
            at(&p.owner)
        )
    });
    rows_card(
        hdr,
        title,
        rows,
        sorted.len(),
        MAX_ROWS,
        "没有符合条件的项目。发送 `/项目 新建 项目名称 @负责人` 新建，或 `/项目 帮助` 查看用法。",
        |n| format!("还有{n}个未显示…"),
    )
}
