//! Requirement cards (pure): the manager's triage card, the submitter's status card, the
//! submission form, the feedback form, the board and the help card. Their buttons and forms
//! carry the values of [`crate::card::callback::requirement`] (with the version the card was
//! drawn for, see [`crate::card::drawn`]); the triage card carries buttons only, each opening
//! its form in a 1:1 card ([`triage_form_card`]).

use jiff::Timestamp;
use serde_json::Value;

use crate::card::callback::drawn::{Target, open_form_value};
use crate::card::callback::requirement::requirement_value;
use crate::card::fmt::{at, card, format_datetime, header, hr, markdown, md_text, truncate, when};
use crate::card::help::family_help_card;
use crate::card::widgets::{button, button_row, form, submit_button, text_input};
use crate::command::spec::REQUIREMENT_COMMANDS;
use crate::domain::project::Project;
use crate::domain::requirement::{LoopStatus, ReqStatus, Requirement, loop_status, stars};

mod board;
mod feedback;
mod form;

pub use crate::card::callback::requirement::RequirementCardAction;
pub use board::requirement_board_card;
pub use feedback::{feedback_card, feedback_done_card};
pub use form::{requirement_form_card, triage_form_card};

const TEXT_MAX: usize = 500;
const TITLE_IN_HEADER: usize = 50;

fn status_colour(r: &Requirement) -> &'static str {
    match r.status {
        ReqStatus::Submitted => "blue",
        ReqStatus::NeedsInfo => "orange",
        ReqStatus::Accepted => "turquoise",
        ReqStatus::Merged => "grey",
        ReqStatus::Rejected { .. } => "red",
        ReqStatus::Launched => "green",
        ReqStatus::Closed { .. } => "grey",
    }
}

/// The requirement's fields as markdown lines.
fn fields(r: &Requirement, now: Timestamp) -> Vec<String> {
    let mut lines = Vec::new();
    if r.title.chars().count() > TITLE_IN_HEADER {
        lines.push(format!("**需求**：{}", md_text(&r.title, 200)));
    }
    // 提出单位 as written; the registered unit it links to (or whose group it came from) as
    // 单位, once when both say the same.
    if let Some(u) = r.unit.as_ref().filter(|u| r.org_unit.as_ref() != Some(*u)) {
        lines.push(format!("**提出单位**：{}", md_text(u, 60)));
    }
    if let Some(u) = &r.org_unit {
        lines.push(format!("**单位**：{}", md_text(u, 40)));
    }
    lines.push(format!("**提出人**：{}", at(&r.submitter)));
    if let Some(c) = r.contact.as_ref().filter(|c| c.open_id != r.submitter.open_id) {
        lines.push(format!("**联系人**：{}", at(c)));
    }
    lines.push(format!("**优先级**：{} {}", r.priority, r.priority.label()));
    if let Some(e) = &r.expected {
        lines.push(format!("**期望上线**：{}", when(e.at, e.has_time, now)));
    }
    if let Some(s) = &r.scenario {
        lines.push(format!("**场景**：{}", md_text(s, TEXT_MAX)));
    }
    if let Some(d) = &r.description {
        lines.push(format!("**说明**：{}", md_text(d, TEXT_MAX)));
    }
    for s in r.supplements.iter().rev().take(3).rev() {
        lines.push(format!(
            "**补充（{}）**：{}",
            format_datetime(s.at, now),
            md_text(&s.text, TEXT_MAX)
        ));
    }
    lines.push(format!("**提交时间**：{}", format_datetime(r.created_at, now)));
    lines
}

/// `已提交 ✓ → 已受理 ▶ → 进入开发 → 测试 → 上线`, or the closed state.
fn loop_line(stage: LoopStatus) -> String {
    let Some(pos) = LoopStatus::PATH.iter().position(|s| *s == stage) else {
        return format!("**进展**：{}", stage.label());
    };
    let parts: Vec<String> = LoopStatus::PATH
        .iter()
        .enumerate()
        .map(|(i, s)| match i.cmp(&pos) {
            std::cmp::Ordering::Less => format!("{} ✓", s.label()),
            std::cmp::Ordering::Equal => format!("**{}** ▶", s.label()),
            std::cmp::Ordering::Greater => s.label().to_owned(),
        })
        .collect();
    format!("**进展**：{}", parts.join(" → "))
}

/// What happened, in one or two sentences, for the submitter and managers alike.
fn state_note(r: &Requirement, project: Option<&Project>) -> Option<String> {
    match &r.status {
        ReqStatus::Submitted => None,
        ReqStatus::NeedsInfo => Some(format!(
            "需求管理员请您补充：{}",
            md_text(r.info_request.as_deref().unwrap_or("更多信息"), TEXT_MAX)
        )),
        ReqStatus::Merged => Some(match r.merged_into {
            Some(id) => format!("与 {id} 内容重复，已合并到 {id}，后续进展请关注 {id}。"),
            None => "与已有需求重复，已合并。".to_owned(),
        }),
        ReqStatus::Rejected { reason } => Some(format!("驳回原因：{}", md_text(reason, TEXT_MAX))),
        ReqStatus::Launched => Some(match r.project {
            Some(id) => format!("项目 {id} 已完成，需求已上线，本需求已关闭。"),
            None => "需求已上线，本需求已关闭。".to_owned(),
        }),
        ReqStatus::Closed { reason } => Some(format!(
            "需求已关闭：{}。如需继续推进，需求管理员可重新受理到其他项目。",
            md_text(reason, TEXT_MAX)
        )),
        ReqStatus::Accepted => Some(match (r.project, project.filter(|p| Some(p.id) == r.project)) {
            (Some(_), Some(p)) => format!(
                "已纳入项目 {} {}（当前阶段：{}）",
                p.id,
                md_text(&p.name, 40),
                p.current_stage().map_or("", |s| s.name.as_str())
            ),
            (Some(id), None) => format!("已纳入项目 {id}"),
            (None, _) => "已受理，等待排期。".to_owned(),
        }),
    }
}

/// `**效果评价**：★★★★☆ comment`, once the submitter rated it.
fn feedback_line(r: &Requirement) -> Option<String> {
    let f = r.feedback.as_ref()?;
    let comment = f
        .comment
        .as_deref()
        .map(|c| format!(" {}", md_text(c, TEXT_MAX)))
        .unwrap_or_default();
    Some(format!("**效果评价**：{}{comment}", stars(f.rating)))
}

/// The manager's card: every field, the loop status and, while undecided, the triage buttons
/// 受理 / 合并 / 驳回 / 待补充.
pub fn requirement_card(r: &Requirement, project: Option<&Project>, now: Timestamp) -> Value {
    let stage = loop_status(r, project);
    let title = format!("{} {}", r.id, truncate(&r.title, TITLE_IN_HEADER));
    let tag = (r.status.label(), status_colour(r));
    let subtitle = r.unit.as_deref().map(|u| truncate(u, 30));
    let hdr = header(&title, status_colour(r), subtitle.as_deref(), &[tag]);
    let mut lines = fields(r, now);
    lines.push(loop_line(stage));
    if let Some(n) = state_note(r, project) {
        lines.push(n);
    }
    lines.extend(feedback_line(r));
    let mut elements = vec![markdown(&lines.join("\n"))];
    if r.status.is_open() || r.status == ReqStatus::Accepted {
        elements.push(hr());
        let open = |op: &str, text: &str, style: &str| {
            button(
                &format!("open_{op}"),
                text,
                style,
                open_form_value(op, Target::Requirement(r.id), r.version),
            )
        };
        let mut row = Vec::new();
        if r.status.is_open() {
            row.push(open("r_accept", "受理", "primary"));
            row.push(open("r_ask_info", "待补充", "default"));
            row.push(open("r_merge", "合并", "default"));
        }
        row.push(open("r_reject", "驳回", "danger"));
        elements.push(button_row(row));
    }
    card(hdr, elements, &format!("{} {}", r.id, r.title))
}

/// The short card the submitting group gets at every change: the loop progress, what happened,
/// and for 待补充 a form to add the details.
pub fn requirement_status_card(r: &Requirement, project: Option<&Project>, now: Timestamp) -> Value {
    let stage = loop_status(r, project);
    let colour = match stage {
        LoopStatus::Launched => "green",
        LoopStatus::Rejected => "red",
        LoopStatus::NeedsInfo => "orange",
        LoopStatus::Merged | LoopStatus::Closed => "grey",
        LoopStatus::Submitted | LoopStatus::Accepted | LoopStatus::InDevelopment | LoopStatus::Testing => {
            "blue"
        }
    };
    // The loop's closed ends name the stored status (需求已上线 / 需求已关闭).
    let label = match r.status {
        ReqStatus::Launched | ReqStatus::Closed { .. } => r.status.label(),
        _ => stage.label(),
    };
    let title = format!("需求{label}：{} {}", r.id, truncate(&r.title, 40));
    let hdr = header(&title, colour, None, &[]);
    let mut lines = vec![format!("**提出人**：{}", at(&r.submitter))];
    lines.extend(
        r.org_unit
            .as_ref()
            .map(|u| format!("**单位**：{}", md_text(u, 40))),
    );
    lines.push(loop_line(stage));
    if let Some(n) = state_note(r, project) {
        lines.push(n);
    }
    lines.extend(feedback_line(r));
    lines.push(format!("**更新时间**：{}", format_datetime(r.updated_at, now)));
    let mut elements = vec![markdown(&lines.join("\n"))];
    if r.status == ReqStatus::NeedsInfo {
        elements.push(form(
            "r_supplement_form",
            "补充信息",
            vec![
                text_input("text", "请在这里补充（必填）", true, true),
                submit_button(
                    "r_supplement_submit",
                    "提交补充",
                    requirement_value("r_supplement", r),
                ),
            ],
        ));
    } else if r.status.is_open() || r.status == ReqStatus::Accepted {
        elements.push(markdown(&format!(
            "发送 `/需求 查看 {}` 查看详情，或 `/需求 补充 {} 内容` 补充信息。",
            r.id, r.id
        )));
    } else {
        elements.push(markdown(&format!("发送 `/需求 查看 {}` 查看详情。", r.id)));
    }
    card(hdr, elements, &title)
}

/// The submitter's first card, 需求已提交: the status card and where the triage card went
/// (`routed`, e.g. "已单独发给需求管理员（孙管理员）受理…").
pub fn requirement_submitted_card(r: &Requirement, routed: &str, now: Timestamp) -> Value {
    let mut c = requirement_status_card(r, None, now);
    if let Some(elements) = c["body"]["elements"].as_array_mut() {
        elements.insert(1, markdown(&md_text(routed, TEXT_MAX)));
    }
    c
}

/// The `/需求` help card, rendered from [`REQUIREMENT_COMMANDS`].
pub fn requirement_help_card() -> Value {
    family_help_card(
        "需求使用说明",
        "/需求",
        "/req",
        REQUIREMENT_COMMANDS,
        "各营业部、各部门都可以在群里提交需求，需求管理员受理后会进入项目跟踪，\
         每次进展都会通知提交的群。",
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
pub(crate) mod tests;
