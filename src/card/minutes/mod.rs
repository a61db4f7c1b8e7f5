//! The meeting follow-up card and the closure card (pure).
//!
//! The follow-up card lists every draft action item of a meeting. Each pending item has a form
//! (person picker `owner_<i>`, date picker `date_<i>`, text `text_<i>`, where `<i>` is the item's
//! index) with two submit buttons, 转为督办 and 忽略; a 全部转为督办 button converts every ready
//! item. Their values and form fields are described in [`crate::card::callback::minutes`]
//! (`v` is the meeting's version when the card was drawn, [`crate::card::drawn`]).
//!
//! Assumption (not confirmed by the protocol reference): `select_person` takes its preset as
//! `initial_option` (an open_id), and `input` as `default_value`.

use jiff::Timestamp;
use serde_json::Value;

use crate::calendar::Calendar;
pub use crate::card::callback::minutes::MinutesAction;
use crate::card::callback::minutes::{TEXT_MAX, convert_all_value, draft_value};
use crate::card::fmt::{
    at, card, civil_day, font, format_datetime, header, hr, json_size, markdown, md_text, note, picker_day,
};
use crate::card::widgets::{
    button, button_row, date_picker, input, person_picker, styled, submit_button, untitled_form, with,
};
use crate::minutes::meeting::{ClosureState, ClosureSummary, DraftItem, DraftStatus, Meeting};
use crate::minutes::owner::OwnerRef;

/// Pending items shown with an edit form (the card stays under 200 components); the others
/// are listed and get their form once earlier ones are handled.
pub const MAX_FORMS: usize = 8;
const MAX_ROWS: usize = 60;
/// Bytes the item rows may take (Feishu's limit is 30 KB for the whole card).
const ROWS_BYTES: usize = 24 * 1024;

/// The follow-up card for `m`.
pub fn minutes_card(m: &Meeting, now: Timestamp) -> Value {
    let pending = m
        .items
        .iter()
        .filter(|i| i.status == DraftStatus::Pending)
        .count();
    let converted = m
        .items
        .iter()
        .filter(|i| matches!(i.status, DraftStatus::Converted(_)))
        .count();
    let subtitle = format!("{} · 会议日期：{}", m.id, date_label(m));
    let template = if pending == 0 { "green" } else { "blue" };
    let tag = format!("待确认 {pending}");
    let done_tag = format!("已转督办 {converted}");
    let hdr = header(
        &format!("会后待办：{}", md_text(&m.title, 40)),
        template,
        Some(&subtitle),
        &[(&tag, "blue"), (&done_tag, "green")],
    );
    let mut elements = Vec::new();
    if m.items.is_empty() {
        elements.push(markdown(
            "这份纪要里没有找到带负责人或截止时间的待办事项。\n如需跟进，可以直接发送“/督办 事项 @负责人 截止时间”新建督办。",
        ));
    } else if pending > 0 {
        elements.push(markdown(
            "以下是从会议纪要中整理出的待办事项。请核对负责人和截止时间，可在每条下方修改后点“转为督办”，不需要跟进的点“忽略”。",
        ));
    }
    let mut forms = 0;
    let mut hidden = 0;
    let mut shown = 0;
    let mut bytes = 0;
    for (idx, item) in m.items.iter().enumerate().take(MAX_ROWS) {
        let row = markdown(&item_text(idx, item, now));
        let form =
            (item.status == DraftStatus::Pending && forms < MAX_FORMS).then(|| edit_form(m, idx, item));
        let size = json_size(&row) + form.as_ref().map_or(0, json_size);
        if bytes + size > ROWS_BYTES {
            break;
        }
        bytes += size;
        shown += 1;
        elements.push(row);
        if let Some(f) = form {
            elements.push(f);
            forms += 1;
        } else if item.status == DraftStatus::Pending {
            hidden += 1;
        }
    }
    if m.items.len() > shown {
        elements.push(markdown(&format!(
            "另有{}条事项因卡片篇幅所限未显示，可将纪要拆分后分次发送“/纪要”。",
            m.items.len() - shown
        )));
    }
    if hidden > 0 {
        elements.push(markdown(&format!(
            "还有{hidden}条待确认事项暂未显示编辑框，处理上面的事项后会依次显示。"
        )));
    }
    if !m.decisions.is_empty() {
        elements.push(hr());
        let lines: Vec<String> = m
            .decisions
            .iter()
            .take(10)
            .map(|d| format!("- {}", md_text(d, TEXT_MAX)))
            .collect();
        elements.push(markdown(&format!("**会议决议**\n{}", lines.join("\n"))));
    }
    if pending > 0 {
        elements.push(hr());
        elements.push(button(
            "m_convert_all",
            "全部转为督办",
            "primary_filled",
            convert_all_value(m),
        ));
        elements.push(note(
            "“全部转为督办”只转换负责人和截止时间都已明确的事项，其余事项会提示缺少什么。",
        ));
    }
    card(hdr, elements, &format!("会后待办：{}", m.title))
}

fn date_label(m: &Meeting) -> String {
    civil_day(m.date, true)
}

fn owners_text(owners: &[OwnerRef], units: &[String]) -> String {
    let units = units
        .iter()
        .take(5)
        .map(|u| md_text(u, 20))
        .collect::<Vec<_>>()
        .join("、");
    if owners.is_empty() {
        if units.is_empty() {
            return font("orange", "⚠未指定，请选择");
        }
        return format!("{units} {}", font("orange", "⚠请选择具体负责人"));
    }
    let people = owners
        .iter()
        .take(10)
        .map(|o| match o {
            OwnerRef::Person(p) => at(p),
            OwnerRef::Unresolved(n) => font("orange", &format!("⚠未匹配:{}", md_text(n, 20))),
        })
        .collect::<Vec<_>>()
        .join(" ");
    if units.is_empty() {
        people
    } else {
        format!("{people}（{units}）")
    }
}

fn deadline_text(item: &DraftItem, now: Timestamp) -> String {
    match (&item.deadline, &item.deadline_text) {
        (Some(d), _) => format_datetime(d.at, now),
        (None, Some(t)) => font("orange", &format!("⚠“{}”无法确定，请选择日期", md_text(t, 30))),
        (None, None) => font("orange", "⚠未写明，请选择日期"),
    }
}

fn item_text(idx: usize, item: &DraftItem, now: Timestamp) -> String {
    let n = idx + 1;
    let text = md_text(&item.text, TEXT_MAX);
    match item.status {
        DraftStatus::Pending => {
            let mut s = format!(
                "**{n}. {text}**\n负责人：{}\n截止：{}",
                owners_text(&item.owners, &item.units),
                deadline_text(item, now)
            );
            if let Some(p) = item.priority {
                s.push_str(&format!("\n优先级：{p} {}", p.label()));
            }
            s
        }
        DraftStatus::Converted(id) => {
            format!(
                "{} {n}. {text}\n{}",
                font("green", "✓"),
                font("green", &format!("已转为督办 **{id}**"))
            )
        }
        DraftStatus::Ignored => font("grey", &format!("{n}. {text}（已忽略）")),
    }
}

fn edit_form(m: &Meeting, idx: usize, item: &DraftItem) -> Value {
    let owner = with(
        person_picker(&format!("owner_{idx}"), "选择负责人"),
        "width",
        "fill",
    );
    let owner = match item.owners.first().and_then(OwnerRef::person) {
        Some(p) => with(owner, "initial_option", p.open_id.0.as_str()),
        None => owner,
    };
    let date = with(
        date_picker(&format!("date_{idx}"), "选择截止日期"),
        "width",
        "fill",
    );
    let date = match &item.deadline {
        Some(d) => with(date, "initial_date", picker_day(d.at)),
        None => date,
    };
    let text = with(
        input(&format!("text_{idx}"), "待办内容", TEXT_MAX),
        "default_value",
        item.text.chars().take(TEXT_MAX).collect::<String>(),
    );
    let submit = |op: &str, label: &str, style: &str| {
        styled(
            submit_button(&format!("{op}_{idx}"), label, draft_value(op, m, idx)),
            style,
        )
    };
    untitled_form(
        &format!("m_form_{idx}"),
        vec![
            owner,
            date,
            text,
            button_row(vec![
                submit("m_convert", "转为督办", "primary"),
                submit("m_ignore", "忽略", "default"),
            ]),
        ],
    )
}

/// The closure card: where each of the meeting's items stands, for the committee's review.
/// (`_cal` is unused today: working days overdue come precomputed in the summary.)
pub fn closure_card(m: &Meeting, s: &ClosureSummary, now: Timestamp, _cal: &Calendar) -> Value {
    let template = if s.overdue > 0 {
        "red"
    } else if s.in_progress > 0 || s.not_converted > 0 {
        "orange"
    } else {
        "green"
    };
    let subtitle = format!("{} · 会议日期：{}", m.id, date_label(m));
    let hdr = header(
        &format!("会议事项回顾：{}", md_text(&m.title, 40)),
        template,
        Some(&subtitle),
        &[],
    );
    let mut elements = vec![markdown(&format!(
        "已完成 **{}** · 进行中 **{}** · {} · 未转督办 **{}**{}",
        s.done,
        s.in_progress,
        font("red", &format!("逾期 **{}**", s.overdue)),
        s.not_converted,
        if s.cancelled > 0 {
            format!(" · 已取消 **{}**", s.cancelled)
        } else {
            String::new()
        }
    ))];
    let groups: [(String, &[ClosureState]); 4] = [
        (font("red", "逾期"), &[ClosureState::Overdue]),
        ("进行中".to_owned(), &[ClosureState::InProgress]),
        (font("green", "已完成"), &[ClosureState::Done]),
        ("未转为督办".to_owned(), &[ClosureState::NotConverted]),
    ];
    for (label, states) in groups {
        let rows: Vec<String> = s
            .rows
            .iter()
            .filter(|r| states.contains(&r.state))
            .take(30)
            .map(|r| {
                let id = r.item.map(|i| format!("{i} ")).unwrap_or_default();
                let owners = if r.owners.is_empty() {
                    "未指定".to_owned()
                } else {
                    r.owners
                        .iter()
                        .take(5)
                        .map(|o| md_text(o, 20))
                        .collect::<Vec<_>>()
                        .join("、")
                };
                let due = r
                    .deadline
                    .map(|d| format!(" · 截止 {}", format_datetime(d, now)))
                    .unwrap_or_default();
                let late = if r.overdue_workdays > 0 {
                    format!(
                        " · {}",
                        font("red", &format!("已逾期{}个工作日", r.overdue_workdays))
                    )
                } else {
                    String::new()
                };
                format!("- {id}{} · {owners}{due}{late}", md_text(&r.text, 80))
            })
            .collect();
        if !rows.is_empty() {
            elements.push(hr());
            elements.push(markdown(&format!("**{label}**\n{}", rows.join("\n"))));
        }
    }
    if s.rows.is_empty() {
        elements.push(markdown("这次会议没有需要跟进的事项。"));
    }
    card(hdr, elements, &format!("会议事项回顾：{}", m.title))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub(crate) mod tests;
