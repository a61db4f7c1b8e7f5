//! 例会 cards (pure): the pre-meeting card (会前提醒), the series detail and list, the help card.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::calendar::Calendar;
use crate::card::fmt::{card, civil_day, font, header, hr, markdown, md_text, note, plain};
use crate::card::help::family_help_card;
use crate::command::spec::SERIES_COMMANDS;
use crate::domain::ids::Person;
use crate::domain::series::{Occurrence, Series, SeriesStatus};
use crate::domain::supervision::Item;
use crate::domain::time::format_datetime;

/// At most this many rows per section (the rest are counted).
const MAX_ROWS: usize = 15;

/// What the pre-meeting card of one occurrence shows.
#[derive(Debug, Clone, Default)]
pub struct PreMeeting {
    /// Last meeting's items (from the minutes attached to the previous occurrence).
    pub last_items: Vec<Item>,
    /// The group's open items due before the meeting starts.
    pub due_before: Vec<Item>,
    /// The group's overdue items.
    pub overdue: Vec<Item>,
    /// Project stage moves since the last meeting, one line each.
    pub stage_moves: Vec<String>,
    /// New requirements since the last meeting, one line each.
    pub new_requirements: Vec<String>,
    /// 进展征集: each owner asked, and whether they have updated since.
    pub asked: Vec<(Person, bool)>,
}

/// A button that opens `url`.
fn link_button(text: &str, url: &str, primary: bool) -> Value {
    json!({
        "tag": "button",
        "text": plain(text),
        "type": if primary { "primary" } else { "default" },
        "behaviors": [{ "type": "open_url", "default_url": url }],
    })
}

fn item_line(i: &Item, now: Timestamp) -> String {
    let overdue = if i.is_overdue(now) {
        font("red", "（已逾期）")
    } else {
        String::new()
    };
    format!(
        "- {} {}｜{}｜{}｜截止 {}{overdue}",
        i.id,
        md_text(&i.title, 40),
        md_text(&i.owner.name, 20),
        i.status.label(),
        format_datetime(i.deadline, now),
    )
}

fn section(title: &str, lines: Vec<String>, empty: &str) -> Value {
    if lines.is_empty() {
        return markdown(&format!("**{title}**\n{}", font("grey", empty)));
    }
    let n = lines.len();
    let mut shown: Vec<String> = lines.into_iter().take(MAX_ROWS).collect();
    if n > MAX_ROWS {
        shown.push(format!("……另有{}项", n - MAX_ROWS));
    }
    markdown(&format!("**{title}**（{n}）\n{}", shown.join("\n")))
}

/// The pre-meeting card (会前提醒) of `occ`.
pub fn pre_meeting_card(
    s: &Series,
    occ: &Occurrence,
    v: &PreMeeting,
    now: Timestamp,
    _cal: &Calendar,
) -> Value {
    let started = now >= occ.start;
    let when = format_datetime(occ.start, now);
    let moved = if s.moved.contains_key(&occ.date) {
        "（本次已改期）"
    } else {
        ""
    };
    let mut elements = vec![markdown(&format!(
        "**会议时间**：{when}{moved}\n**周期**：{}",
        s.cadence.describe()
    ))];
    let mut buttons = Vec::new();
    if let Some(a) = &s.agenda {
        buttons.push(link_button("打开会议提纲", a, true));
    }
    if let Some(b) = &s.board {
        buttons.push(link_button("打开看板", b, false));
    }
    if !buttons.is_empty() {
        elements.push(json!({
            "tag": "column_set",
            "flex_mode": "flow",
            "columns": buttons.into_iter().map(|b| json!({"tag": "column", "width": "auto", "elements": [b]})).collect::<Vec<_>>(),
        }));
    }
    elements.push(hr());
    elements.push(section(
        "上次会议事项",
        v.last_items.iter().map(|i| item_line(i, now)).collect(),
        "上次会议没有关联纪要事项",
    ));
    elements.push(section(
        "会前到期",
        v.due_before.iter().map(|i| item_line(i, now)).collect(),
        "会前没有到期的事项",
    ));
    elements.push(section(
        "本群逾期事项",
        v.overdue.iter().map(|i| item_line(i, now)).collect(),
        "没有逾期事项",
    ));
    elements.push(section(
        "项目阶段变动（上次会议以来）",
        v.stage_moves
            .iter()
            .map(|l| format!("- {}", md_text(l, 80)))
            .collect(),
        "没有项目阶段变动",
    ));
    elements.push(section(
        "新需求（上次会议以来）",
        v.new_requirements
            .iter()
            .map(|l| format!("- {}", md_text(l, 80)))
            .collect(),
        "没有新需求",
    ));
    if !v.asked.is_empty() {
        let done = v.asked.iter().filter(|(_, u)| *u).count();
        let names = v
            .asked
            .iter()
            .map(|(p, updated)| {
                if *updated {
                    format!("✔ {}", md_text(&p.name, 20))
                } else {
                    font("orange", &format!("⏳ {}", md_text(&p.name, 20)))
                }
            })
            .collect::<Vec<_>>()
            .join("　");
        elements.push(hr());
        elements.push(markdown(&format!(
            "**进展征集**（已更新 {done}/{}）\n{names}",
            v.asked.len()
        )));
    }
    let cancelled = s.status == SeriesStatus::Cancelled;
    elements.push(note(if cancelled {
        "例会已取消，本卡片不再更新。"
    } else if started {
        "会议已开始，本卡片不再更新。会后用 /纪要 发送会议纪要，事项会关联到本次例会。"
    } else {
        "会前本卡片会随事项变化自动更新；✔ 表示发出提醒后已更新进展或状态。"
    }));
    let title = format!("会前提醒 · {}", s.name);
    let subtitle = format!("{} {}", s.id, civil_day(occ.date, false));
    let (template, tags): (&str, &[(&str, &str)]) = if cancelled {
        ("grey", &[("例会已取消", "neutral")])
    } else if started {
        ("grey", &[("会议已开始", "neutral")])
    } else {
        ("blue", &[])
    };
    card(
        header(&title, template, Some(&subtitle), tags),
        elements,
        &format!("{} 会前提醒", s.name),
    )
}

/// The series detail card (`查看`), with the next occurrences and when the next one's
/// pre-meeting card comes (`notice_at`, or that it was posted).
pub fn series_card(s: &Series, next: &[Occurrence], notice_at: Option<Timestamp>, now: Timestamp) -> Value {
    let people = if s.attendees.is_empty() {
        "（未指定）".to_owned()
    } else {
        s.attendees
            .iter()
            .map(|p| md_text(&p.name, 20))
            .collect::<Vec<_>>()
            .join("、")
    };
    let mut lines = vec![
        format!("**周期**：{}", s.cadence.describe()),
        format!("**参会人**：{people}"),
        format!("**状态**：{}", s.status.label()),
    ];
    if let Some(a) = &s.agenda {
        lines.push(format!("**会议提纲**：{}", md_text(a, 200)));
    }
    if let Some(b) = &s.board {
        lines.push(format!("**看板**：{}", md_text(b, 200)));
    }
    let mut elements = vec![markdown(&lines.join("\n"))];
    if s.status == SeriesStatus::Active && !next.is_empty() {
        let when: Vec<String> = next
            .iter()
            .map(|o| {
                let moved = if s.moved.contains_key(&o.date) {
                    "（改期）"
                } else {
                    ""
                };
                format!("- {}{moved}", format_datetime(o.start, now))
            })
            .collect();
        elements.push(markdown(&format!("**接下来**\n{}", when.join("\n"))));
        let posted = s
            .notice
            .as_ref()
            .is_some_and(|n| next.first().is_some_and(|o| o.date == n.occurrence));
        let line = if posted {
            Some("**会前提醒**：这次例会的会前提醒已在本群发出，并已请相关负责人更新进展".to_owned())
        } else {
            notice_at
                .filter(|t| *t > now)
                .map(|t| format!("**会前提醒**：{} 在本群发出", format_datetime(t, now)))
        };
        if let Some(l) = line {
            elements.push(markdown(&l));
        }
    }
    elements.push(note(
        "会前一个工作日16:00在本群发会前提醒，并请未完成事项的负责人更新进展。",
    ));
    card(
        header(&format!("{} {}", s.id, s.name), "blue", None, &[]),
        elements,
        &s.name,
    )
}

/// The group's series (`列表`).
pub fn series_list_card(list: &[(Series, Option<Occurrence>)], now: Timestamp) -> Value {
    let rows: Vec<String> = list
        .iter()
        .map(|(s, next)| {
            let when = next
                .map(|o| format!("，下次 {}", format_datetime(o.start, now)))
                .unwrap_or_default();
            format!(
                "- **{}** {}｜{}｜{}{when}",
                s.id,
                md_text(&s.name, 40),
                s.cadence.describe(),
                s.status.label()
            )
        })
        .collect();
    let body = if rows.is_empty() {
        "本群还没有例会。新建：`/例会 新建 周例会 每周一 9:30`".to_owned()
    } else {
        rows.join("\n")
    };
    card(
        header("本群例会", "blue", None, &[]),
        vec![markdown(&body)],
        "本群例会",
    )
}

/// The `/例会` help card.
pub fn series_help_card() -> Value {
    family_help_card(
        "例会使用说明",
        "/例会",
        "/meeting-series",
        SERIES_COMMANDS,
        "例会按工作日日历排期：遇节假日顺延到下一个工作日。会前一个工作日16:00在群里发会前提醒（会议提纲、看板、上次会议事项、会前到期和逾期事项），\
         并请相关负责人在会前更新进展。会后在本群发 /纪要，纪要事项会关联到这次例会。",
    )
}
