//! Requirement cards (pure): the manager's triage card, the submitter's status card, the
//! submission form, the feedback form, the board and the help card; and
//! [`parse_requirement_callback`] for their buttons and forms.
//!
//! Callback contract: `{"op": <op>, "req": <n>, "v": <version>}` (`r_submit` carries no `req`;
//! `v` is the version the card was drawn for, see [`crate::card::drawn`]). The triage card
//! carries buttons only; each opens its form in a 1:1 card ([`triage_form_card`]):
//!
//! | op | form fields |
//! | --- | --- |
//! | `r_accept` | `project` (text: empty, `XM-3`, or `新建项目`) |
//! | `r_merge` | `into` (text, `XQ-2`, required) |
//! | `r_reject` | `reason` (text, required) |
//! | `r_ask_info` | `what` (text, required) |
//! | `r_supplement` | `text` (text, required) |
//! | `r_feedback` | `rating` (select `"1"`…`"5"`, required), `comment` (text) |
//! | `r_submit` | `title` (required), `unit`, `scenario`, `expected` (date picker), `priority` (select `P0`…`P3`), `contact` (select_person), `description` |

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use crate::card::action::{CardActionError, form_text};
use crate::card::drawn::{Target, from_form_card, open_form_value};
use crate::card::fmt::{at, card, day, header, hr, markdown, md_text, truncate, when};
use crate::card::forms::{Prefill, form_card, prefilled};
use crate::card::project::{family_help_card, future_date};
use crate::card::widgets::{
    button, button_row, danger, date_picker, form, person_picker, select, submit_button, text_input,
};
use crate::command::NewReq;
use crate::command::spec::REQUIREMENT_COMMANDS;
use crate::domain::ids::{OpenId, Person, ProjectId, RequirementId};
use crate::domain::priority::Priority;
use crate::domain::project::Project;
use crate::domain::requirement::{LoopStatus, ReqAction, ReqStatus, Requirement, loop_status, stars};
use crate::domain::time::{format_datetime, local};

const TEXT_MAX: usize = 500;
const TITLE_IN_HEADER: usize = 50;
const MAX_ROWS: usize = 20;

/// A parsed requirement card interaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequirementCardAction {
    /// A domain action on a requirement (triage, supplement, feedback).
    Act {
        /// The requirement.
        req: RequirementId,
        /// The action.
        action: ReqAction,
    },
    /// 受理 into a new project (named after the requirement; the service creates it).
    AcceptIntoNewProject {
        /// The requirement.
        req: RequirementId,
    },
    /// The submission form was sent. A picked contact has an empty `name` (fill it from the
    /// chat's member list).
    Submit(NewReq),
}

/// The callback value of `op` on `r`, drawn for its current version.
fn value(op: &str, r: &Requirement) -> Value {
    json!({ "op": op, "req": r.id.0, "v": r.version })
}

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
    if let Some(u) = &r.unit {
        lines.push(format!("**提出单位**：{}", md_text(u, 60)));
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

/// The 1:1 form card of triage op `op` (`r_accept`, `r_ask_info`, `r_merge`, `r_reject`) for
/// `r` at its current version, keeping `prefill`; `None` when it does not apply to `r`'s status.
pub fn triage_form_card(r: &Requirement, op: &str, prefill: Option<&Prefill>) -> Option<Value> {
    let open = r.status.is_open();
    let submit = |name: &str, text: &str| submit_button(name, text, from_form_card(value(op, r)));
    let (label, f) = match op {
        "r_accept" if open => (
            "受理",
            form(
                "r_accept_form",
                "受理",
                vec![
                    text_input(
                        "project",
                        "关联项目编号（如 XM-3），或写“新建项目”；可留空",
                        false,
                        false,
                    ),
                    submit("r_accept_submit", "受理"),
                ],
            ),
        ),
        "r_ask_info" if open => (
            "请提出人补充",
            form(
                "r_ask_info_form",
                "请提出人补充",
                vec![
                    text_input("what", "需要补充什么（必填）", true, true),
                    submit("r_ask_info_submit", "待补充"),
                ],
            ),
        ),
        "r_merge" if open => (
            "合并到已有需求",
            form(
                "r_merge_form",
                "合并到已有需求",
                vec![
                    text_input("into", "重复的需求编号，如 XQ-2（必填）", false, true),
                    submit("r_merge_submit", "合并"),
                ],
            ),
        ),
        "r_reject" if open || r.status == ReqStatus::Accepted => (
            "驳回",
            form(
                "r_reject_form",
                "驳回",
                vec![
                    text_input("reason", "驳回原因（必填，提出人会看到）", true, true),
                    danger(submit("r_reject_submit", "驳回")),
                ],
            ),
        ),
        _ => return None,
    };
    let context = format!(
        "**{}** {}\n提出人：{} · 当前状态：{}",
        r.id,
        md_text(&r.title, 100),
        md_text(&r.submitter.name, 20),
        r.status.label()
    );
    Some(form_card(
        &format!("{label} · {} {}", r.id, r.title),
        &context,
        prefilled(f, prefill),
    ))
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
    let mut lines = vec![format!("**提出人**：{}", at(&r.submitter)), loop_line(stage)];
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
                submit_button("r_supplement_submit", "提交补充", value("r_supplement", r)),
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

fn priority_options() -> Vec<(String, String)> {
    Priority::ALL
        .iter()
        .map(|p| (p.to_string(), format!("{p} {}", p.label())))
        .collect()
}

/// The form opened by `/需求 新建`.
pub fn requirement_form_card() -> Value {
    let hdr = header("提交需求", "blue", Some("填写后提交，需求管理员会尽快受理"), &[]);
    let fields = vec![
        text_input("title", "需求标题（必填）", false, true),
        text_input("unit", "提出单位 / 营业部", false, false),
        text_input("scenario", "业务场景", true, false),
        date_picker("expected", "期望上线时间", false),
        select("priority", "优先级", &priority_options(), Some("P2")),
        person_picker("contact", "联系人"),
        text_input("description", "详细说明", true, false),
        submit_button("r_submit_submit", "提交需求", json!({ "op": "r_submit" })),
    ];
    card(hdr, vec![form("r_submit_form", "需求信息", fields)], "提交需求")
}

/// The 效果反馈 request: a 1–5 ★ rating and a comment.
pub fn feedback_card(r: &Requirement) -> Value {
    let title = format!("效果反馈：{} {}", r.id, truncate(&r.title, 40));
    let hdr = header(&title, "green", Some("需求已上线，请评价使用效果"), &[]);
    let options: Vec<(String, String)> = (1..=5u8).rev().map(|n| (n.to_string(), stars(n))).collect();
    let elements = vec![
        markdown(&format!(
            "{} 您提出的需求已上线，请花一分钟评价使用效果，帮助我们改进。",
            at(&r.submitter)
        )),
        form(
            "r_feedback_form",
            "效果评价",
            vec![
                select("rating", "评分（必选）", &options, None),
                text_input("comment", "意见和建议", true, false),
                submit_button("r_feedback_submit", "提交评价", value("r_feedback", r)),
            ],
        ),
    ];
    card(hdr, elements, &title)
}

/// What the 效果反馈 card turns into once rated: the stars and the comment, who rated and when.
pub fn feedback_done_card(r: &Requirement, now: Timestamp) -> Value {
    let title = format!("效果反馈：{} {}", r.id, truncate(&r.title, 40));
    let hdr = header(
        &title,
        "green",
        Some("已收到评价，感谢反馈"),
        &[("已评价", "green")],
    );
    let mut lines = Vec::new();
    if let Some(f) = &r.feedback {
        lines.push(format!("**评分**：{}（{}星）", stars(f.rating), f.rating));
        if let Some(c) = &f.comment {
            lines.push(format!("**意见和建议**：{}", md_text(c, TEXT_MAX)));
        }
        lines.push(format!("**评价时间**：{}", format_datetime(f.at, now)));
    }
    lines.push(format!("**提出人**：{}", at(&r.submitter)));
    card(hdr, vec![markdown(&lines.join("\n"))], &title)
}

/// The intake board: open requirements by branch, counts by status, and open ones by age
/// (calendar days since submission), the longest-waiting listed.
pub fn requirement_board_card(reqs: &[Requirement], now: Timestamp) -> Value {
    let open: Vec<&Requirement> = reqs
        .iter()
        .filter(|r| r.status.is_open() || r.status == ReqStatus::Accepted)
        .collect();
    let waiting: Vec<&Requirement> = reqs.iter().filter(|r| r.status.is_open()).collect();
    let hdr = header(
        "需求看板",
        if waiting.is_empty() { "blue" } else { "orange" },
        None,
        &[],
    );
    if reqs.is_empty() {
        return card(
            hdr,
            vec![markdown("还没有需求。发送 `/需求 标题` 或 `/需求 新建` 提交。")],
            "需求看板",
        );
    }
    let mut by_status: Vec<(&str, usize)> = Vec::new();
    for r in reqs {
        let label = r.status.label();
        match by_status.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n += 1,
            None => by_status.push((label, 1)),
        }
    }
    let status_line = by_status
        .iter()
        .map(|(l, n)| format!("{l} **{n}**"))
        .collect::<Vec<_>>()
        .join(" · ");
    let mut by_unit: Vec<(String, usize)> = Vec::new();
    for r in &open {
        let unit = r.unit.clone().unwrap_or_else(|| "未填写单位".to_owned());
        match by_unit.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, n)) => *n += 1,
            None => by_unit.push((unit, 1)),
        }
    }
    by_unit.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let unit_lines: Vec<String> = by_unit
        .iter()
        .take(MAX_ROWS)
        .map(|(u, n)| format!("- {} **{n}**", md_text(u, 30)))
        .collect();
    let today = local(now).date();
    let age = |r: &Requirement| i64::from((today - local(r.created_at).date()).get_days());
    let buckets = [
        ("3天内", 0, 3),
        ("4–7天", 4, 7),
        ("8–30天", 8, 30),
        ("30天以上", 31, i64::MAX),
    ];
    let age_line = buckets
        .iter()
        .map(|(label, lo, hi)| {
            let n = waiting.iter().filter(|r| (*lo..=*hi).contains(&age(r))).count();
            format!("{label} **{n}**")
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let mut oldest = waiting.clone();
    oldest.sort_by_key(|r| (r.created_at, r.id));
    let mut elements = vec![
        markdown(&format!("**按状态**\n{status_line}")),
        markdown(&format!("**未关闭需求按提出单位**\n{}", unit_lines.join("\n"))),
        markdown(&format!("**待处理需求按等待时间**\n{age_line}")),
    ];
    if !oldest.is_empty() {
        let mut lines = vec!["**等待最久的需求**".to_owned()];
        for r in oldest.iter().take(10) {
            lines.push(format!(
                "- {} {} · {} · 已等待{}天（{}提交）",
                r.id,
                md_text(&r.title, 30),
                r.status.label(),
                age(r),
                day(r.created_at, now)
            ));
        }
        elements.push(markdown(&lines.join("\n")));
    }
    card(hdr, elements, "需求看板")
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

/// Parses a requirement card callback. `None` when `value` is not a requirement op.
///
/// # Errors
/// Inside the `Some`: [`CardActionError`] when the requirement number is missing, a required
/// field is empty, or a picked date or typed number is unreadable.
pub fn parse_requirement_callback(
    value: &Value,
    form_value: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Option<Result<RequirementCardAction, CardActionError>> {
    let value = crate::card::action::decode_callback(value)?;
    let op = value.get("op").and_then(Value::as_str)?;
    if !op.starts_with("r_") {
        return None;
    }
    Some(parse_op(op, &value, form_value, now))
}

fn parse_op(
    op: &str,
    value: &Value,
    form_value: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Result<RequirementCardAction, CardActionError> {
    let field = |name: &str| form_text(form_value, name);
    if op == "r_submit" {
        return submission(form_value, now).map(RequirementCardAction::Submit);
    }
    let req = match value.get("req") {
        Some(Value::Number(n)) => n.as_u64().filter(|n| *n > 0).map(RequirementId),
        Some(Value::String(s)) => RequirementId::parse(s),
        _ => None,
    }
    .ok_or(CardActionError::Malformed)?;
    let bad = |raw: String, expected: &'static str| CardActionError::BadValue {
        input: raw.chars().take(40).collect(),
        expected,
    };
    let action = match op {
        "r_accept" => match field("project") {
            None => ReqAction::Accept { project: None },
            Some(t) if matches!(t.as_str(), "新建项目" | "新项目" | "新建") => {
                return Ok(RequirementCardAction::AcceptIntoNewProject { req });
            }
            Some(t) => ReqAction::Accept {
                project: Some(ProjectId::parse(&t).ok_or_else(|| bad(t, "项目编号（如 XM-3）或“新建项目”"))?),
            },
        },
        "r_merge" => {
            let t = field("into").ok_or(CardActionError::MissingField {
                field: "需求编号"
            })?;
            ReqAction::Merge {
                into: RequirementId::parse(&t).ok_or_else(|| bad(t, "需求编号（如 XQ-2）"))?,
            }
        }
        "r_reject" => ReqAction::Reject {
            reason: field("reason").ok_or(CardActionError::MissingReason)?,
        },
        "r_ask_info" => ReqAction::AskInfo {
            what: field("what").ok_or(CardActionError::MissingField {
                field: "需要补充什么",
            })?,
        },
        "r_supplement" => ReqAction::Supplement {
            text: field("text").ok_or(CardActionError::MissingField {
                field: "补充内容"
            })?,
        },
        "r_feedback" => {
            let raw = field("rating").unwrap_or_default();
            let rating = raw
                .parse::<u8>()
                .ok()
                .filter(|r| (1..=5).contains(r))
                .ok_or_else(|| {
                    if raw.is_empty() {
                        CardActionError::MissingField { field: "评分" }
                    } else {
                        bad(raw.clone(), "1到5星的评分")
                    }
                })?;
            ReqAction::Feedback {
                rating,
                comment: field("comment"),
            }
        }
        other => {
            return Err(CardActionError::UnknownOp {
                op: other.chars().take(40).collect(),
            });
        }
    };
    Ok(RequirementCardAction::Act { req, action })
}

fn submission(form_value: Option<&Map<String, Value>>, now: Timestamp) -> Result<NewReq, CardActionError> {
    let field = |name: &str| form_text(form_value, name);
    let title = field("title").ok_or(CardActionError::MissingField {
        field: "需求标题"
    })?;
    Ok(NewReq {
        title: title.chars().take(crate::command::MAX_TITLE_CHARS).collect(),
        unit: field("unit"),
        scenario: field("scenario"),
        expected: field("expected").map(|raw| future_date(&raw, now)).transpose()?,
        priority: field("priority")
            .and_then(|p| Priority::parse(&p))
            .unwrap_or_default(),
        contact: field("contact").map(|id| Person {
            open_id: OpenId(id),
            name: String::new(),
        }),
        description: field("description"),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
