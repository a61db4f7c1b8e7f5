//! Project cards (pure): the live project card, the board, the list and the help card; and
//! [`parse_project_callback`] for the project card's buttons and forms.
//!
//! Callback contract: every button / form-submit carries `{"op": <op>, "project": <n>, "v": <version>}`
//! (the version the card was drawn for, see [`crate::card::drawn`]); 退回 and 更新阶段计划 are
//! buttons that open their form in a 1:1 card ([`project_form_card`]):
//!
//! | op | form fields |
//! | --- | --- |
//! | `p_advance` | — (a button with a confirmation) |
//! | `p_rollback` | `reason` (text, required) |
//! | `p_plan` | `stage` (select, `"1"`…), `owner` (select_person, an open_id), `date` (date picker) |
//!
//! A person picked in a form arrives as an open_id only: the parsed [`Person`] has an empty
//! `name`, which the service fills from the chat's member list.

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use crate::calendar::Calendar;
use crate::card::action::{CardActionError, form_text, parse_picker};
use crate::card::drawn::{Target, from_form_card, open_form_value};
use crate::card::fmt::{at, card, day, header, hr, markdown, md_text, truncate, when};
use crate::card::forms::{Prefill, form_card, prefilled};
use crate::card::widgets::{
    button, button_row, danger, date_picker, form, person_picker, select, submit_button, text_input,
    with_confirm,
};
use crate::command::spec::{CommandSpec, PROJECT_COMMANDS};
use crate::command::when::day_off_note;
use crate::domain::deadline::Deadline;
use crate::domain::ids::{OpenId, Person, ProjectId};
use crate::domain::project::{Project, ProjectAction, ProjectStatus, Stage, StageState};
use crate::domain::supervision::Item;
use crate::domain::time::format_datetime;

const NAME_IN_HEADER: usize = 50;
const MAX_ITEMS: usize = 15;
const MAX_ROWS: usize = 30;

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
                    lines.push(format!(
                        "**计划完成**：{when} · <font color='red'>已超过计划</font>"
                    ));
                } else {
                    let note = day_off_note(end, cal)
                        .map(|n| format!(" · <font color='orange'>注意：{n}</font>"))
                        .unwrap_or_default();
                    lines.push(format!("**计划完成**：{when}{note}"));
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
            out.push(format!("<font color='red'>{line}（{why}）</font>"));
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
            format!("<font color='red'>{hint}</font>")
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

/// The stage-owner picker of the plan form: `people`, then the project's owner and stage owners.
fn people_picker(p: &Project, people: &[Person]) -> Value {
    let mut ids: Vec<&str> = Vec::new();
    let named = std::iter::once(&p.owner).chain(p.stages.iter().filter_map(|s| s.owner.as_ref()));
    for who in people.iter().chain(named) {
        if !ids.contains(&who.open_id.0.as_str()) {
            ids.push(&who.open_id.0);
        }
    }
    let mut picker = person_picker("owner", "阶段负责人（可不改）");
    if let Some(obj) = picker.as_object_mut() {
        let options: Vec<Value> = ids.iter().take(100).map(|id| json!({ "value": id })).collect();
        obj.insert("options".to_owned(), Value::Array(options));
    }
    picker
}

/// The callback value for project op `op`, drawn for `p`'s current version.
fn value(op: &str, p: &Project) -> Value {
    json!({ "op": op, "project": p.id.0, "v": p.version })
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
                value("p_advance", p),
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

/// The 1:1 form card of `op` (`p_rollback`, `p_plan`) for `p` at its current version, keeping
/// `prefill`; `None` when that form does not apply to the project's status. The stage-owner
/// picker offers `people` (the project group's members, as the caller knows them) and the
/// people the project already names: in a 1:1 chat an empty picker would offer only the
/// clicker.
pub fn project_form_card(
    p: &Project,
    op: &str,
    prefill: Option<&Prefill>,
    people: &[Person],
) -> Option<Value> {
    let submit_value = |op: &str| from_form_card(value(op, p));
    let (label, f) = match op {
        "p_rollback" if p.current > 0 || p.status == ProjectStatus::Done => {
            let title = if p.status == ProjectStatus::Done {
                "重新打开最后阶段"
            } else {
                "退回上一阶段"
            };
            let f = form(
                "p_rollback_form",
                title,
                vec![
                    text_input("reason", "请写明退回原因（必填）", true, true),
                    danger(submit_button(
                        "p_rollback_submit",
                        "退回",
                        submit_value("p_rollback"),
                    )),
                ],
            );
            (title, f)
        }
        "p_plan" if p.status == ProjectStatus::Active => {
            let options: Vec<(String, String)> = p
                .stages
                .iter()
                .enumerate()
                .filter(|(i, _)| p.stage_state(*i) != StageState::Done)
                .map(|(i, s)| ((i + 1).to_string(), format!("{}. {}", i + 1, s.name)))
                .collect();
            let initial = (p.current + 1).to_string();
            let f = form(
                "p_plan_form",
                "更新阶段计划",
                vec![
                    select("stage", "选择阶段", &options, Some(&initial)),
                    people_picker(p, people),
                    date_picker("date", "计划完成日期（可不改）", false),
                    submit_button("p_plan_submit", "更新", submit_value("p_plan")),
                ],
            );
            ("更新阶段计划", f)
        }
        _ => return None,
    };
    let stage = p.current_stage().map_or("", |s| s.name.as_str());
    let context = format!(
        "**{}** {}\n当前阶段：{} {}/{} · {}",
        p.id,
        md_text(&p.name, 100),
        md_text(stage, 20),
        p.current + 1,
        p.stages.len(),
        p.status.label()
    );
    Some(form_card(
        &format!("{label} · {} {}", p.id, p.name),
        &context,
        prefilled(f, prefill),
    ))
}

/// Parses a project card callback. `None` when `value` is not a project op (so the caller
/// tries the other card families).
///
/// # Errors
/// Inside the `Some`: [`CardActionError`] when the project number is missing, the reason is
/// empty, or the date is unreadable or not in the future.
pub fn parse_project_callback(
    value: &Value,
    form_value: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Option<Result<(ProjectId, ProjectAction), CardActionError>> {
    let value = crate::card::action::decode_callback(value)?;
    let op = value.get("op").and_then(Value::as_str)?;
    if !op.starts_with("p_") {
        return None;
    }
    Some(parse_project_op(op, &value, form_value, now))
}

fn parse_project_op(
    op: &str,
    value: &Value,
    form_value: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Result<(ProjectId, ProjectAction), CardActionError> {
    let id = match value.get("project") {
        Some(Value::Number(n)) => n.as_u64().filter(|n| *n > 0).map(ProjectId),
        Some(Value::String(s)) => ProjectId::parse(s),
        _ => None,
    }
    .ok_or(CardActionError::Malformed)?;
    let field = |name: &str| form_text(form_value, name);
    let action = match op {
        "p_advance" => ProjectAction::Advance { note: field("note") },
        "p_rollback" => ProjectAction::Rollback {
            reason: field("reason").ok_or(CardActionError::MissingReason)?,
        },
        "p_plan" => ProjectAction::Plan {
            stage: field("stage").unwrap_or_default(),
            owner: field("owner").map(|id| Person {
                open_id: OpenId(id),
                name: String::new(),
            }),
            planned_end: field("date").map(|raw| future_date(&raw, now)).transpose()?,
        },
        other => {
            return Err(CardActionError::UnknownOp {
                op: other.chars().take(40).collect(),
            });
        }
    };
    Ok((id, action))
}

/// A picked date (or date-time) that lies in the future.
pub(crate) fn future_date(raw: &str, now: Timestamp) -> Result<Deadline, CardActionError> {
    let (at, has_time) = parse_picker(raw)?;
    if at <= now {
        return Err(CardActionError::PastDate);
    }
    Ok(Deadline { at, has_time })
}

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
            lines.push(row(p, format!("<font color='red'>计划 {end}</font>")));
        }
        elements.push(markdown(&lines.join("\n")));
    }
    if !stalled.is_empty() {
        let mut lines = vec![format!(
            "**停滞项目（{stalled_after}个工作日以上未推进，{}）**",
            stalled.len()
        )];
        for (n, p) in stalled.iter().take(MAX_ROWS / 2) {
            lines.push(row(p, format!("<font color='orange'>{n}个工作日未推进</font>")));
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
    if sorted.is_empty() {
        return card(
            hdr,
            vec![markdown(
                "没有符合条件的项目。发送 `/项目 新建 项目名称 @负责人` 新建，或 `/项目 帮助` 查看用法。",
            )],
            title,
        );
    }
    let mut elements: Vec<Value> = sorted
        .iter()
        .take(MAX_ROWS)
        .map(|p| {
            let stage = p.current_stage().map_or("", |s| s.name.as_str());
            let state = match p.status {
                ProjectStatus::Active if p.is_late(now) => "<font color='red'>延期</font>".to_owned(),
                ProjectStatus::Active => format!("阶段 {}/{}", p.current + 1, p.stages.len()),
                ProjectStatus::Done | ProjectStatus::Cancelled => p.status.label().to_owned(),
            };
            markdown(&format!(
                "**{}** {} · {} · {state} · 负责人 {}",
                p.id,
                md_text(&p.name, 40),
                md_text(stage, 20),
                at(&p.owner)
            ))
        })
        .collect();
    if sorted.len() > MAX_ROWS {
        elements.push(markdown(&format!("还有{}个未显示…", sorted.len() - MAX_ROWS)));
    }
    card(hdr, elements, title)
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

/// A help card for one command family (`/项目`, `/需求`) from its command table.
pub(crate) fn family_help_card(
    title: &str,
    prefix: &str,
    alias: &str,
    commands: &[CommandSpec],
    intro: &str,
) -> Value {
    let mut elements = vec![
        markdown(&format!("{intro}\n英文别名以 `{alias}` 开头，效果相同。")),
        hr(),
    ];
    for c in commands.iter().take(60) {
        let (zh, en) = if c.zh.is_empty() {
            (prefix.to_owned(), alias.to_owned())
        } else {
            (format!("{prefix} {}", c.zh), format!("{alias} {}", c.en))
        };
        let args = if c.args.is_empty() {
            String::new()
        } else {
            format!(" {}", md_text(c.args, 200))
        };
        let example = c.example.replace('`', "'");
        let example = if example.contains('\n') {
            format!("\n```\n{example}\n```")
        } else {
            format!("`{example}`")
        };
        elements.push(markdown(&format!(
            "**{zh}**{args}\n{}（英文：`{en}`）\n示例：{example}",
            md_text(c.summary, 200),
        )));
    }
    card(header(title, "blue", None, &[]), elements, title)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
pub(crate) mod tests;
