//! The detail card (pure): every field of an item and its full history, newest last.
//! When the history does not fit Feishu's limits the oldest entries are left out, with a note.
//! [`record_card`] gives projects and requirements the same history under their own card.

use jiff::Timestamp;
use serde_json::Value;

use crate::calendar::Calendar;
use crate::card::fmt::{
    at, card, format_datetime, header, hr, json_size, markdown, md_text, mentions, truncate,
};
use crate::card::item::{class_line, deadline_line, extended_line, progress_line, rejection_line, tags_line};
use crate::domain::audit::AuditRecord;
use crate::domain::permissions::ActionKind;
use crate::domain::project::ProjectActionKind;
use crate::domain::supervision::Item;

const TEXT_MAX: usize = 500;
/// Bytes reserved for the history: the card must stay under 30 KB in total.
const HISTORY_BUDGET: usize = 16 * 1024;
/// History entries per markdown element (keeps the component count low).
const PER_ELEMENT: usize = 10;
/// At most this many entries are shown.
const MAX_ENTRIES: usize = 150;

/// The detail card for `item` with its `history` (oldest first, as stored).
pub fn detail_card(item: &Item, history: &[AuditRecord], now: Timestamp, cal: &Calendar) -> Value {
    let title = format!("{} 详情 · {}", item.id, truncate(&item.title, 40));
    let template = if item.is_overdue(now) { "red" } else { "blue" };
    let hdr = header(&title, template, None, &[(item.status.label(), "blue")]);

    let mut lines = vec![
        format!("**事项**：{}", md_text(&item.title, 200)),
        format!("**状态**：{}", item.status.label()),
        format!("**督办人**：{}", at(&item.creator)),
        format!("**主办**：{}", at(&item.owner)),
    ];
    if !item.assistants.is_empty() {
        lines.push(format!("**协办**：{}", mentions(&item.assistants, 20)));
    }
    lines.push(deadline_line(item, now, cal));
    lines.extend(extended_line(item, now));
    lines.push(format!("**优先级**：{} {}", item.priority, item.priority.label()));
    lines.push(progress_line(item));
    lines.push(class_line(item));
    lines.extend(rejection_line(item, now));
    let optional = [
        ("最新进展", &item.latest_note),
        ("资源投入", &item.resources),
        ("场景", &item.scenario),
        ("说明", &item.description),
    ];
    for (label, value) in optional {
        if let Some(v) = value {
            lines.push(format!("**{label}**：{}", md_text(v, TEXT_MAX)));
        }
    }
    lines.extend(tags_line(item));
    if let Some(ext) = &item.extension {
        lines.push(format!(
            "**延期申请**：申请延至{}，理由：{}",
            format_datetime(ext.deadline, now),
            ext.reason
                .as_deref()
                .map_or_else(|| "未填写".to_owned(), |r| md_text(r, TEXT_MAX))
        ));
    }
    let mut times = vec![format!("创建于{}", format_datetime(item.created_at, now))];
    for (label, t) in [
        ("签收于", item.acknowledged_at),
        ("提交于", item.submitted_at),
        ("完成于", item.completed_at),
    ] {
        if let Some(t) = t {
            times.push(format!("{label}{}", format_datetime(t, now)));
        }
    }
    lines.push(format!("**时间**：{}", times.join("，")));
    lines.push(format!(
        "**催办**：{}次　**已批准延期**：{}次",
        item.nudge_count, item.extension_count
    ));

    let mut elements = vec![markdown(&lines.join("\n")), hr()];
    elements.extend(history_elements(history, now));
    card(hdr, elements, &title)
}

/// `card` (a project's or a requirement's live card) as a record: its header and facts,
/// followed by the full `history` (oldest first, as stored), then its buttons. Inline forms are
/// dropped (a record is for reading); the buttons stay, so `/项目 查看` can be acted on like the
/// live card (every button carries the version it was drawn for: a click after the record has
/// moved on is refused and the card refreshed). Answers `/项目 查看` and `/需求 查看`.
pub fn record_card(mut card: Value, history: &[AuditRecord], now: Timestamp) -> Value {
    if let Some(elements) = card.pointer_mut("/body/elements").and_then(Value::as_array_mut) {
        let (controls, mut facts): (Vec<Value>, Vec<Value>) =
            std::mem::take(elements).into_iter().partition(is_control);
        while facts.last().is_some_and(|e| e["tag"] == "hr") {
            facts.pop();
        }
        facts.push(hr());
        facts.extend(history_elements(history, now));
        let buttons: Vec<Value> = controls.into_iter().filter(|e| e["tag"] != "form").collect();
        if !buttons.is_empty() {
            facts.push(hr());
            facts.extend(buttons);
        }
        *elements = facts;
    }
    card
}

/// Whether a card element is interactive: a form, a button, or a row holding buttons.
fn is_control(e: &Value) -> bool {
    match e["tag"].as_str() {
        Some("form" | "button") => true,
        Some("column_set") => e.to_string().contains("\"tag\":\"button\""),
        _ => false,
    }
}

/// The Chinese verb of an audit record's action key (items, projects, requirements).
fn action_label(key: &str) -> &str {
    match key {
        "create" => "创建",
        "p_create" => "新建项目",
        "p_link_req" => "关联需求",
        "r_create" => "提交需求",
        "reminder_moved" => "提醒顺延",
        "set_class" => "修改类别",
        "align" => "对齐 OKR",
        "repeat_stop" => "停止重复",
        key => ActionKind::from_key(key)
            .map(ActionKind::label)
            .or_else(|| {
                ProjectActionKind::ALL
                    .into_iter()
                    .find(|k| k.key() == key)
                    .map(ProjectActionKind::label)
            })
            .or_else(|| crate::domain::requirement::action_label(key))
            .unwrap_or(key),
    }
}

fn entry(rec: &AuditRecord, now: Timestamp) -> String {
    let what = action_label(&rec.action);
    let who = if rec.actor.name.is_empty() {
        String::new()
    } else {
        format!("{} ", md_text(&rec.actor.name, 30))
    };
    let mut s = format!(
        "**{}** {who}{what}（{}）",
        format_datetime(rec.at, now),
        rec.source.label()
    );
    let changes: Vec<String> = rec
        .changes
        .iter()
        .map(|c| {
            let before = if c.before.is_empty() {
                "无".to_owned()
            } else {
                md_text(&c.before, 60)
            };
            let after = if c.after.is_empty() {
                "无".to_owned()
            } else {
                md_text(&c.after, 60)
            };
            format!("{}：{before} → {after}", c.field_label())
        })
        .collect();
    if !changes.is_empty() {
        s.push_str(&format!("\n{}", changes.join("；")));
    }
    if let Some(n) = &rec.note {
        s.push_str(&format!("\n说明：{}", md_text(n, 200)));
    }
    s
}

fn history_elements(history: &[AuditRecord], now: Timestamp) -> Vec<Value> {
    if history.is_empty() {
        return vec![markdown("**处理记录**：暂无")];
    }
    // Newest first until the budget is spent, then back to chronological order.
    let mut kept: Vec<String> = Vec::new();
    let mut used = 0;
    for rec in history.iter().rev().take(MAX_ENTRIES) {
        let e = entry(rec, now);
        let cost = json_size(&Value::String(e.clone()));
        if used + cost > HISTORY_BUDGET {
            break;
        }
        used += cost;
        kept.push(e);
    }
    kept.reverse();
    let omitted = history.len() - kept.len();
    let mut head = format!("**处理记录**（共{}条）", history.len());
    if omitted > 0 {
        head.push_str(&format!("\n较早的{omitted}条记录未显示（卡片篇幅有限）"));
    }
    let mut out = vec![markdown(&head)];
    out.extend(
        kept.chunks(PER_ELEMENT)
            .map(|chunk| markdown(&chunk.join("\n\n"))),
    );
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::card::fixtures::{self, cal, now};
    use crate::card::fmt::within_limits;
    use crate::card::item_card;
    use crate::domain::audit::Source;
    use crate::domain::ids::MessageId;
    use crate::domain::status::Status;
    use crate::domain::supervision::{Action, Actor};

    #[test]
    fn snapshot_of_the_detail_card() {
        let (item, log) = fixtures::history();
        assert_eq!(log.len(), 6, "every step of the fixture history applied");
        insta::assert_json_snapshot!("detail_card", detail_card(&item, &log, now(), &cal()));
    }

    #[test]
    fn the_history_is_newest_last_with_before_and_after() {
        let (item, log) = fixtures::history();
        let text = detail_card(&item, &log, now(), &cal()).to_string();
        let ack = text.find("签收（卡片）").unwrap();
        let nudge = text.find("催办（消息）").unwrap();
        assert!(ack < nudge);
        assert!(text.contains("截止时间：11月30日（周一）18:00 → 12月4日（周五）18:00"));
    }

    #[test]
    fn a_returned_item_says_why_on_both_cards_and_marks_its_progress() {
        let p = fixtures::policy();
        let boss = Actor {
            person: fixtures::person("lisi", "李四"),
        };
        let src = || Source::Card(MessageId("om_card".to_owned()));
        let reject = Action::Reject {
            reason: "缺少附件二".to_owned(),
        };
        let (item, _) = fixtures::submitted()
            .apply(reject, &boss, &p, now(), src())
            .unwrap();
        assert_eq!(item.progress, 100, "the number the owner claimed stays");
        for c in [
            item_card(&item, now(), &cal()),
            detail_card(&item, &[], now(), &cal()),
        ] {
            let text = c.to_string();
            assert!(text.contains("100%（已退回，待重新提交）"), "{text}");
            assert!(text.contains("**已退回**：缺少附件二（李四 · "), "{text}");
        }
        assert!(
            item_card(&item, now(), &cal())["header"]
                .to_string()
                .contains("已退回")
        );
        // Submitting again clears it.
        let owner = Actor {
            person: fixtures::person("zhangsan", "张三"),
        };
        let submit = Action::Submit { note: None };
        let (again, _) = item.apply(submit, &owner, &p, now(), src()).unwrap();
        assert!(!item_card(&again, now(), &cal()).to_string().contains("已退回"));
    }

    #[test]
    fn an_extended_item_says_how_often_and_from_which_deadline() {
        let (item, _) = fixtures::history();
        assert_eq!(item.extension_count, 1);
        let text = item_card(&item, now(), &cal()).to_string();
        assert!(
            text.contains("**延期**：已延期1次，原截止11月30日（周一）"),
            "{text}"
        );
        let plain = fixtures::in_progress();
        assert!(!item_card(&plain, now(), &cal()).to_string().contains("已延期"));
    }

    #[test]
    fn a_record_card_keeps_the_facts_and_buttons_drops_forms_and_adds_the_history() {
        let (_, log) = fixtures::history();
        let mut live = item_card(&fixtures::in_progress(), now(), &cal());
        assert!(live.to_string().contains("\"tag\":\"button\""));
        // An inline form (as older cards and the minutes card carry) does not stay in a record.
        if let Some(els) = live.pointer_mut("/body/elements").and_then(Value::as_array_mut) {
            els.push(serde_json::json!({"tag": "form", "name": "f", "elements": []}));
        }
        let c = record_card(live, &log, now());
        let text = c.to_string();
        assert!(!text.contains("\"tag\":\"form\""), "{text}");
        let els = c["body"]["elements"].as_array().unwrap();
        let history_at = els
            .iter()
            .position(|e| e.to_string().contains("处理记录"))
            .unwrap();
        let button_at = els.iter().rposition(is_control).unwrap();
        assert!(history_at < button_at, "buttons come after the history: {text}");
        assert!(
            text.contains("**主办**") && text.contains("**处理记录**（共6条）"),
            "{text}"
        );
        assert!(within_limits(&c));
    }

    #[test]
    fn history_entries_name_project_and_requirement_actions_in_chinese() {
        assert_eq!(action_label("p_rollback"), "退回");
        assert_eq!(action_label("p_create"), "新建项目");
        assert_eq!(action_label("r_accept"), "受理");
        assert_eq!(action_label("approve_extension"), "批准延期");
        assert_eq!(action_label("something_new"), "something_new");
    }

    #[test]
    fn a_huge_history_is_cut_from_the_oldest_end_and_fits() {
        let (_, log) = fixtures::history();
        let item = fixtures::maximal(Status::InProgress);
        let mut long = Vec::new();
        for i in 0..400 {
            let mut rec = log[i % log.len()].clone();
            rec.note = Some(format!("第{i}条：{}", "很长的说明".repeat(60)));
            long.push(rec);
        }
        let c = detail_card(&item, &long, now(), &cal());
        assert!(within_limits(&c), "{} bytes", crate::card::fmt::json_size(&c));
        let text = c.to_string();
        assert!(text.contains("第399条"), "the newest entry is kept");
        assert!(!text.contains("第0条"), "the oldest entry is dropped");
        assert!(text.contains("条记录未显示"));
    }
}
