//! The project's 1:1 form cards (pure): 退回上一阶段 and 更新阶段计划, opened from the live
//! card's buttons.

use serde_json::Value;

use crate::card::callback::drawn::from_form_card;
use crate::card::callback::project::project_value;
use crate::card::fmt::md_text;
use crate::card::forms::{Prefill, form_card, prefilled};
use crate::card::widgets::{
    danger, date_picker, form, offering, person_picker, select, submit_button, text_input, with,
};
use crate::domain::ids::Person;
use crate::domain::project::{Project, ProjectStatus, StageState};

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
    let submit_value = |op: &str| from_form_card(project_value(op, p));
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
                    with(date_picker("date", "计划完成日期（可不改）"), "required", false),
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

/// The stage-owner picker of the plan form: `people`, then the project's owner and stage owners.
fn people_picker(p: &Project, people: &[Person]) -> Value {
    let mut ids: Vec<&str> = Vec::new();
    let named = std::iter::once(&p.owner).chain(p.stages.iter().filter_map(|s| s.owner.as_ref()));
    for who in people.iter().chain(named) {
        if !ids.contains(&who.open_id.0.as_str()) {
            ids.push(&who.open_id.0);
        }
    }
    offering(person_picker("owner", "阶段负责人（可不改）"), &ids)
}
