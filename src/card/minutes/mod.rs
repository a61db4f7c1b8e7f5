//! The meeting follow-up card and the closure card (pure).
//!
//! The follow-up card lists every draft action item of a meeting. Each pending item has a form
//! (person picker `owner_<i>`, date picker `date_<i>`, text `text_<i>`, where `<i>` is the item's
//! index) with two submit buttons, 转为督办 and 忽略; a 全部转为督办 button converts every ready
//! item. Callback values:
//!
//! | button | value |
//! | --- | --- |
//! | 转为督办 | `{"op":"m_convert","meeting":n,"idx":i,"v":ver}` + `form_value` |
//! | 忽略 | `{"op":"m_ignore","meeting":n,"idx":i,"v":ver}` |
//! | 全部转为督办 | `{"op":"m_convert_all","meeting":n,"v":ver}` |
//!
//! `v` is the meeting's version when the card was drawn ([`crate::card::drawn`]).
//!
//! Field names carry the index because Feishu wants component names unique within a card; the
//! parser also accepts the bare names `owner`, `date`, `text`. Assumption (not confirmed by the
//! protocol reference): `select_person` takes its preset as `initial_option` (an open_id), and
//! `input` as `default_value`.

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use crate::calendar::Calendar;
use crate::card::action::{CardActionError, parse_picker};
use crate::card::fmt::{at, card, header, hr, json_size, markdown, md_text, plain};
use crate::domain::deadline::Deadline;
use crate::domain::ids::OpenId;
use crate::domain::time::{format_datetime, local, weekday_label};
use crate::minutes::meeting::{ClosureState, ClosureSummary, DraftItem, DraftStatus, Meeting, MeetingId};
use crate::minutes::owner::OwnerRef;

/// Pending items shown with an edit form (the card stays under 200 components); the others
/// are listed and get their form once earlier ones are handled.
pub const MAX_FORMS: usize = 8;
const TEXT_MAX: usize = 200;
const MAX_ROWS: usize = 60;
/// Bytes the item rows may take (Feishu's limit is 30 KB for the whole card).
const ROWS_BYTES: usize = 24 * 1024;

/// What a click on the follow-up card asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MinutesAction {
    /// 转为督办, with the form's edits (absent fields mean "keep").
    Convert {
        /// The meeting.
        meeting: MeetingId,
        /// The draft's index.
        idx: usize,
        /// A picked owner (the caller resolves the name from the chat members).
        owner: Option<OpenId>,
        /// A picked date (that day 18:00 unless a time was picked).
        deadline: Option<Deadline>,
        /// Edited text.
        text: Option<String>,
    },
    /// 忽略.
    Ignore {
        /// The meeting.
        meeting: MeetingId,
        /// The draft's index.
        idx: usize,
    },
    /// 全部转为督办.
    ConvertAll {
        /// The meeting.
        meeting: MeetingId,
    },
}

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
        elements.push(json!({
            "tag": "button",
            "name": "m_convert_all",
            "text": plain("全部转为督办"),
            "type": "primary_filled",
            "behaviors": [{ "type": "callback", "value": { "op": "m_convert_all", "meeting": m.id.0, "v": m.version } }],
        }));
        elements.push(markdown(
            "<font color='grey'>“全部转为督办”只转换负责人和截止时间都已明确的事项，其余事项会提示缺少什么。</font>",
        ));
    }
    card(hdr, elements, &format!("会后待办：{}", m.title))
}

fn date_label(m: &Meeting) -> String {
    format!(
        "{}年{}月{}日（{}）",
        m.date.year(),
        m.date.month(),
        m.date.day(),
        weekday_label(m.date)
    )
}

fn owners_text(owners: &[OwnerRef]) -> String {
    if owners.is_empty() {
        return "<font color='orange'>⚠未指定，请选择</font>".to_owned();
    }
    owners
        .iter()
        .take(10)
        .map(|o| match o {
            OwnerRef::Person(p) => at(p),
            OwnerRef::Unresolved(n) => format!("<font color='orange'>⚠未匹配:{}</font>", md_text(n, 20)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn deadline_text(item: &DraftItem, now: Timestamp) -> String {
    match (&item.deadline, &item.deadline_text) {
        (Some(d), _) => format_datetime(d.at, now),
        (None, Some(t)) => format!(
            "<font color='orange'>⚠“{}”无法确定，请选择日期</font>",
            md_text(t, 30)
        ),
        (None, None) => "<font color='orange'>⚠未写明，请选择日期</font>".to_owned(),
    }
}

fn item_text(idx: usize, item: &DraftItem, now: Timestamp) -> String {
    let n = idx + 1;
    let text = md_text(&item.text, TEXT_MAX);
    match item.status {
        DraftStatus::Pending => {
            let mut s = format!(
                "**{n}. {text}**\n负责人：{}\n截止：{}",
                owners_text(&item.owners),
                deadline_text(item, now)
            );
            if let Some(p) = item.priority {
                s.push_str(&format!("\n优先级：{p} {}", p.label()));
            }
            s
        }
        DraftStatus::Converted(id) => {
            format!(
                "<font color='green'>✓</font> {n}. {text}\n<font color='green'>已转为督办 **{id}**</font>"
            )
        }
        DraftStatus::Ignored => format!("<font color='grey'>{n}. {text}（已忽略）</font>"),
    }
}

fn edit_form(m: &Meeting, idx: usize, item: &DraftItem) -> Value {
    let mut owner = json!({
        "tag": "select_person",
        "name": format!("owner_{idx}"),
        "placeholder": plain("选择负责人"),
        "width": "fill",
    });
    if let (Some(p), Some(obj)) = (
        item.owners.first().and_then(OwnerRef::person),
        owner.as_object_mut(),
    ) {
        obj.insert("initial_option".to_owned(), json!(p.open_id.0));
    }
    let mut date = json!({
        "tag": "date_picker",
        "name": format!("date_{idx}"),
        "placeholder": plain("选择截止日期"),
        "width": "fill",
    });
    if let (Some(d), Some(obj)) = (&item.deadline, date.as_object_mut()) {
        obj.insert("initial_date".to_owned(), json!(local(d.at).date().to_string()));
    }
    let text = json!({
        "tag": "input",
        "name": format!("text_{idx}"),
        "placeholder": plain("待办内容"),
        "default_value": item.text.chars().take(TEXT_MAX).collect::<String>(),
        "max_length": TEXT_MAX,
    });
    let value = |op: &str| json!({ "op": op, "meeting": m.id.0, "idx": idx, "v": m.version });
    let button = |op: &str, label: &str, style: &str| {
        json!({
            "tag": "column",
            "width": "auto",
            "elements": [{
                "tag": "button",
                "name": format!("{op}_{idx}"),
                "text": plain(label),
                "type": style,
                "form_action_type": "submit",
                "behaviors": [{ "type": "callback", "value": value(op) }],
            }],
        })
    };
    json!({
        "tag": "form",
        "name": format!("m_form_{idx}"),
        "elements": [
            owner,
            date,
            text,
            {
                "tag": "column_set",
                "flex_mode": "flow",
                "horizontal_spacing": "8px",
                "columns": [button("m_convert", "转为督办", "primary"), button("m_ignore", "忽略", "default")],
            },
        ],
    })
}

/// Parses a follow-up card callback. `None` when `value` is not a minutes op (the caller then
/// tries [`crate::card::parse_callback`]).
///
/// # Errors
/// Inside the `Some`: [`CardActionError`] when the value is malformed or the picked date is
/// unreadable or not in the future.
pub fn parse_minutes_callback(
    value: &Value,
    form_value: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Option<Result<MinutesAction, CardActionError>> {
    let value = crate::card::action::decode_callback(value)?;
    let op = value.get("op").and_then(Value::as_str)?;
    if !matches!(op, "m_convert" | "m_ignore" | "m_convert_all") {
        return None;
    }
    Some(parse_op(op, &value, form_value, now))
}

fn parse_op(
    op: &str,
    value: &Value,
    form: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Result<MinutesAction, CardActionError> {
    let number = |key: &str| match value.get(key) {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().trim_start_matches("HY-").parse().ok(),
        _ => None,
    };
    let meeting = number("meeting")
        .filter(|n| *n > 0)
        .map(MeetingId)
        .ok_or(CardActionError::Malformed)?;
    if op == "m_convert_all" {
        return Ok(MinutesAction::ConvertAll { meeting });
    }
    let idx = number("idx")
        .and_then(|i| usize::try_from(i).ok())
        .ok_or(CardActionError::Malformed)?;
    if op == "m_ignore" {
        return Ok(MinutesAction::Ignore { meeting, idx });
    }
    let field = |name: &str| {
        let v = form?.get(&format!("{name}_{idx}")).or_else(|| form?.get(name))?;
        let s = match v {
            Value::String(s) => s.trim().to_owned(),
            Value::Array(a) => a.first().and_then(Value::as_str)?.trim().to_owned(),
            _ => return None,
        };
        (!s.is_empty()).then_some(s)
    };
    let deadline = match field("date") {
        None => None,
        Some(raw) => {
            let (at, has_time) = parse_picker(&raw)?;
            if at <= now {
                return Err(CardActionError::PastDate);
            }
            Some(Deadline { at, has_time })
        }
    };
    Ok(MinutesAction::Convert {
        meeting,
        idx,
        owner: field("owner").map(OpenId),
        deadline,
        text: field("text").map(|t| t.chars().take(TEXT_MAX).collect()),
    })
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
        "已完成 **{}** · 进行中 **{}** · <font color='red'>逾期 **{}**</font> · 未转督办 **{}**{}",
        s.done,
        s.in_progress,
        s.overdue,
        s.not_converted,
        if s.cancelled > 0 {
            format!(" · 已取消 **{}**", s.cancelled)
        } else {
            String::new()
        }
    ))];
    let groups: [(&str, &[ClosureState]); 4] = [
        ("<font color='red'>逾期</font>", &[ClosureState::Overdue]),
        ("进行中", &[ClosureState::InProgress]),
        ("<font color='green'>已完成</font>", &[ClosureState::Done]),
        ("未转为督办", &[ClosureState::NotConverted]),
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
                    format!(" · <font color='red'>已逾期{}个工作日</font>", r.overdue_workdays)
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
mod tests;
