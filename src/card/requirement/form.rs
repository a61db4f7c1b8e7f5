//! The requirement's forms (pure): the triage forms opened 1:1 from the manager's card, and
//! the submission form of `/需求 新建`.

use serde_json::Value;

use crate::card::callback::drawn::from_form_card;
use crate::card::callback::requirement::{requirement_value, submit_value};
use crate::card::fmt::{card, header, md_text};
use crate::card::forms::{Prefill, form_card, prefilled};
use crate::card::widgets::{
    danger, date_picker, form, person_picker, select, submit_button, text_input, with,
};
use crate::domain::priority::Priority;
use crate::domain::requirement::{ReqStatus, Requirement};

/// The 1:1 form card of triage op `op` (`r_accept`, `r_ask_info`, `r_merge`, `r_reject`) for
/// `r` at its current version, keeping `prefill`; `None` when it does not apply to `r`'s status.
pub fn triage_form_card(r: &Requirement, op: &str, prefill: Option<&Prefill>) -> Option<Value> {
    let open = r.status.is_open();
    let submit = |name: &str, text: &str| submit_button(name, text, from_form_card(requirement_value(op, r)));
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
        with(date_picker("expected", "期望上线时间"), "required", false),
        select("priority", "优先级", &priority_options(), Some("P2")),
        person_picker("contact", "联系人"),
        text_input("description", "详细说明", true, false),
        submit_button("r_submit_submit", "提交需求", submit_value()),
    ];
    card(hdr, vec![form("r_submit_form", "需求信息", fields)], "提交需求")
}
