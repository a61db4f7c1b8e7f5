//! Project cards (pure): the live project card, the board, the list and the help card. Their
//! buttons carry the values of [`crate::card::callback::project`] (the version the card was
//! drawn for, see [`crate::card::drawn`]); 退回 and 更新阶段计划 open their form in a 1:1 card
//! ([`project_form_card`]).

use jiff::Timestamp;
use serde_json::Value;

use crate::calendar::Calendar;
use crate::card::callback::drawn::{Target, open_form_value};
use crate::card::callback::project::project_value;
use crate::card::fmt::{
    at, card, day, day_off, font, format_datetime, header, hr, markdown, md_text, truncate, when,
};
use crate::card::help::family_help_card;
use crate::card::widgets::{button, button_row, with_confirm};
use crate::command::spec::PROJECT_COMMANDS;
use crate::domain::project::{Project, ProjectStatus, Stage, StageState};
use crate::domain::supervision::Item;

const NAME_IN_HEADER: usize = 50;
const MAX_ITEMS: usize = 15;

mod board;
mod form;

pub use board::{project_board_card, project_list_card};
pub use form::project_form_card;

/// The live card of `p`: stage progress, current stage and owner, planned vs actual dates, the
/// open 督办 items (`open_items`, as loaded by the caller) and the buttons that apply.
pub fn project_card(p: &Project, open_items: &[Item], now: Timestamp, cal: &Calendar) -> Value {
    let late = p.is_late(now);
    let template = match p.status {
        ProjectStatus::Done => "green",
        ProjectStatus::Cancelled => "grey",
        ProjectStatus::Active if late => "red",
        ProjectStatus::Active => "blue",
    };
    let mut tags: Vec<(&str, &str)> = vec![match p.status {
        ProjectStatus::Active => ("进行中", "blue"),
        ProjectStatus::Done => ("已完成", "green"),
        ProjectStatus::Cancelled => ("已取消", "neutral"),
    }];
    if late {
        tags.push(("延期", "red"));
    }
    let stage = p.current_stage().map_or("", |s| s.name.as_str());
    // A name not known yet (the body's @-mention still shows it) is left out, not blank.
    let owner = if p.owner.name.is_empty() {
        String::new()
    } else {
        format!("负责人：{} · ", p.owner.name)
    };
    let subtitle = format!("{owner}阶段 {}/{} {stage}", p.current + 1, p.stages.len());
    let title = format!("{} {}", p.id, truncate(&p.name, NAME_IN_HEADER));
    let hdr = header(&title, template, Some(&subtitle), &tags);

    let mut elements = vec![markdown(&summary(p, now, cal))];
    elements.push(markdown(&stage_lines(p, now)));
    elements.push(markdown(&items_block(open_items, now, cal)));
    if !p.requirements.is_empty() {
        let ids: Vec<String> = p.requirements.iter().take(20).map(ToString::to_string).collect();
        elements.push(markdown(&format!("**来源需求**：{}", ids.join("、"))));
    }
    elements.extend(controls(p));
    card(hdr, elements, &format!("{} {}", p.id, p.name))
}

/// Current stage, its owner and plan, and the stalled / late flags.
fn summary(p: &Project, now: Timestamp, cal: &Calendar) -> String {
    let mut lines = Vec::new();
    if p.name.chars().count() > NAME_IN_HEADER {
        lines.push(format!("**项目**：{}", md_text(&p.name, 200)));
    }
    lines.push(format!("**负责人**：{}", at(&p.owner)));
    if let Some(u) = &p.org_unit {
        lines.push(format!("**单位**：{}", md_text(u, 40)));
    }
    if let Some(c) = p.creator.as_ref().filter(|c| c.open_id != p.owner.open_id) {
        lines.push(format!("**发起人**：{}", at(c)));
    }
    match (p.status, p.current_stage()) {
        (ProjectStatus::Active, Some(s)) => {
            let owner = s.owner.as_ref().map_or_else(|| "未指派".to_owned(), at);
            lines.push(format!("**当前阶段**：{} · {owner}", md_text(&s.name, 40)));
            if let Some(end) = s.planned_end {
                let when = when(end, s.planned_has_time, now);
                if p.is_late(now) {
                    lines.push(format!("**计划完成**：{when} · {}", font("red", "已超过计划")));
                } else {
                    lines.push(format!("**计划完成**：{when}{}", day_off(end, cal)));
                }
            }
            if let Ok(n) = p.stalled_workdays(now, cal)
                && n > 0
            {
                lines.push(format!("**停留**：本阶段已{n}个工作日没有推进"));
            }
        }
        (ProjectStatus::Done, _) => lines.push(format!(
            "**状态**：全部阶段已完成（{}）",
            format_datetime(p.last_moved_at, now)
        )),
        (ProjectStatus::Cancelled, _) | (ProjectStatus::Active, None) => {
            lines.push(format!("**状态**：{}", p.status.label()));
        }
    }
    if let Some(r) = &p.last_rollback {
        let by = if r.by.name.is_empty() {
            String::new()
        } else {
            format!("{} · ", md_text(&r.by.name, 30))
        };
        lines.push(format!(
            "**最近退回**：从「{}」退回，原因：{}（{by}{}）",
            md_text(&r.from_stage, 20),
            md_text(&r.reason, 500),
            format_datetime(r.at, now)
        ));
    }
    lines.join("\n")
}

/// `/项目 查看`: the project card without its buttons, followed by the full record.
pub fn project_detail_card(
    p: &Project,
    open_items: &[Item],
    history: &[crate::domain::audit::AuditRecord],
    now: Timestamp,
    cal: &Calendar,
) -> Value {
    crate::card::detail::record_card(project_card(p, open_items, now, cal), history, now)
}

/// One line per stage: `✓ / ▶ / ○ 名称 · 负责人 · 计划 … · 实际 …`, late parts in red.
fn stage_lines(p: &Project, now: Timestamp) -> String {
    let late = p.late_stages(now);
    let mut out = vec!["**阶段进度**".to_owned()];
    for (i, s) in p.stages.iter().enumerate() {
        let state = p.stage_state(i);
        let mark = match state {
            StageState::Done => "✓",
            StageState::Current if p.status == ProjectStatus::Cancelled => "■",
            StageState::Current => "▶",
            StageState::Pending => "○",
        };
        let name = md_text(&s.name, 20);
        let name = if state == StageState::Current {
            format!("**{name}**")
        } else {
            name
        };
        let owner = s.owner.as_ref().map_or_else(|| "未指派".to_owned(), at);
        let mut parts = vec![format!("{mark} {}. {name}", i + 1), owner];
        if let Some(end) = s.planned_end {
            parts.push(format!("计划 {}", when(end, s.planned_has_time, now)));
        }
        parts.push(actual(s, state, now));
        let line = parts
            .into_iter()
            .filter(|x| !x.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        if late.contains(&i) {
            let why = if state == StageState::Done {
                "晚于计划"
            } else {
                "已超计划"
            };
            out.push(font("red", &format!("{line}（{why}）")));
        } else {
            out.push(line);
        }
    }
    out.join("\n")
}

fn actual(s: &Stage, state: StageState, now: Timestamp) -> String {
    match (state, s.started_at, s.finished_at) {
        (StageState::Done, _, Some(done)) => format!("{}完成", day(done, now)),
        (StageState::Current, Some(start), _) => format!("{}开始", day(start, now)),
        (StageState::Done | StageState::Current | StageState::Pending, _, _) => String::new(),
    }
}

fn items_block(items: &[Item], now: Timestamp, cal: &Calendar) -> String {
    if items.is_empty() {
        return "**未完成的督办事项**：无（可发送 `/项目 关联 XM-编号 DB-编号` 关联）".to_owned();
    }
    let mut sorted: Vec<&Item> = items.iter().collect();
    sorted.sort_by_key(|it| (!it.is_overdue(now), it.deadline, it.id));
    let mut out = vec![format!("**未完成的督办事项（{}）**", items.len())];
    for it in sorted.iter().take(MAX_ITEMS) {
        let hint = it.deadline_hint(now, cal);
        let hint = if hint.is_overdue() {
            font("red", &hint.to_string())
        } else {
            hint.to_string()
        };
        out.push(format!(
            "- {} {} · {} · {hint}",
            it.id,
            md_text(&it.title, 30),
            at(&it.owner)
        ));
    }
    if items.len() > MAX_ITEMS {
        out.push(format!("- 还有{}项未显示", items.len() - MAX_ITEMS));
    }
    out.join("\n")
}

/// The buttons of the live card. 退回 and 更新阶段计划 open their form in a 1:1 card
/// ([`project_form_card`]); every button carries the project's version.
fn controls(p: &Project) -> Vec<Value> {
    let mut out = Vec::new();
    if p.status == ProjectStatus::Cancelled {
        return out;
    }
    out.push(hr());
    let mut row = Vec::new();
    if p.status == ProjectStatus::Active {
        let next = p.stages.get(p.current + 1).map_or_else(
            || "确认后项目将标记为已完成。".to_owned(),
            |s| format!("确认后进入“{}”阶段。", s.name),
        );
        let stage = p.current_stage().map_or("", |s| s.name.as_str());
        row.push(with_confirm(
            button(
                "btn_p_advance",
                "推进到下一阶段",
                "primary_filled",
                project_value("p_advance", p),
            ),
            &format!("确认“{stage}”已完成？"),
            &next,
        ));
        row.push(button(
            "open_p_plan",
            "更新阶段计划",
            "default",
            open_form_value("p_plan", Target::Project(p.id), p.version),
        ));
    }
    if p.current > 0 || p.status == ProjectStatus::Done {
        let title = if p.status == ProjectStatus::Done {
            "重新打开最后阶段"
        } else {
            "退回上一阶段"
        };
        row.push(button(
            "open_p_rollback",
            title,
            "danger",
            open_form_value("p_rollback", Target::Project(p.id), p.version),
        ));
    }
    out.push(button_row(row));
    out
}

/// The `/项目` help card, rendered from [`PROJECT_COMMANDS`].
pub fn project_help_card() -> Value {
    family_help_card(
        "项目使用说明",
        "/项目",
        "/project",
        PROJECT_COMMANDS,
        "项目按阶段推进：需求对接 → 产品设计 → 开发评审 → 测试升级 → 效果反馈。\
         项目卡片上的按钮也可以推进、退回和更新阶段计划。",
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
pub(crate) mod tests;
