//! The 考评 card (pure): one person's pack — the figures by class, each with the items behind
//! it (number, title, a link to the item's group), the aligned OKRs with their items, and the
//! 标杆 / 负面 records with the subject's comments. Sent only in a 1:1 chat; names are plain
//! text (no @). Also the private notice a subject gets for a new record.

use jiff::Timestamp;
use serde_json::Value;

use crate::card::fmt::{card, day, font, header, hr, markdown, md_text, note};
use crate::card::stats::percent;
use crate::card::widgets::collapsible;
use crate::domain::appraisal::{BehaviourKind, BehaviourRecord, ClassFigures, Figure, Pack};
use crate::domain::ids::ItemId;

/// Items listed behind one figure before "等N项".
const MAX_LISTED: usize = 30;

/// A link to the group an item lives in.
pub fn chat_link(chat_id: &str) -> String {
    format!("https://applink.feishu.cn/client/chat/open?openChatId={chat_id}")
}

/// The pack card.
pub fn pack_card(p: &Pack, now: Timestamp) -> Value {
    let title = format!(
        "考评材料 · {} · {}",
        md_text(&p.person.name, 20),
        p.window.title(now)
    );
    let t = &p.total;
    let mut tags = crate::card::stats::completion_tags(t.completed.count, t.on_time.count);
    let (plus, minus) = p.points();
    if !p.records.is_empty() {
        tags.push((format!("标杆{plus:+}"), "green"));
        tags.push((format!("负面{minus:+}"), "red"));
    }
    let tag_refs: Vec<(&str, &str)> = tags.iter().map(|(s, c)| (s.as_str(), *c)).collect();
    let subtitle = format!(
        "{}（{}）· 仅本人、上级和管理员可见",
        p.window.label(),
        p.window.title(now)
    );
    let hdr = header(&title, "indigo", Some(&subtitle), &tag_refs);
    let mut elements = Vec::new();
    if p.is_empty() {
        elements.push(markdown(&format!(
            "{}没有作为主办的督办事项，也没有标杆/负面记录。",
            p.window.label()
        )));
    }
    elements.push(markdown(&summary_line("合计", t)));
    for c in &p.classes {
        let label = c.class.map_or("合计", |k| k.label());
        let mut inner = vec![markdown(&summary_line(label, c))];
        for (name, f) in c.figures() {
            if f.count > 0 {
                inner.push(markdown(&figure_line(p, name, f)));
            }
        }
        let empty = c.assigned.count == 0 && c.completed.count == 0 && c.urged.count == 0;
        elements.push(collapsible(
            &format!("{label}类事项（点开看每项数字背后的事项）"),
            !empty,
            inner,
        ));
    }
    if !p.okrs.is_empty() {
        elements.push(hr());
        let mut text = "**对齐的 OKR**".to_owned();
        for (okr, items) in &p.okrs {
            text.push_str(&format!("\n· {}：{}", md_text(&okr.text, 60), ids(items)));
        }
        elements.push(markdown(&text));
    }
    elements.push(hr());
    elements.push(markdown(&records_text(&p.records)));
    elements.push(note(
        "口径：交办 = 期内新建（本人为主办）；完成 = 期内验收通过；按时 = 在截止时间（含已批准的延期）前完成；\
         平均延误按工作日计（按时计0）；申请/批准延期按期内发生次数；被催办 = 期内手动催办 + 逾期后的催办提醒；\
         下达响应 = 期内提交或完成的下达事项；急难险重 = 期内完成的突发类 P0 事项。",
    ));
    card(hdr, elements, &title)
}

fn summary_line(label: &str, c: &ClassFigures) -> String {
    let rate = c.on_time_rate().map_or_else(|| "—".to_owned(), percent);
    let delay = c
        .avg_delay_workdays()
        .map_or_else(|| "—".to_owned(), |d| format!("{d:.1}个工作日"));
    format!(
        "**{label}**：交办 {} · 完成 {} · 按时 {}（{rate}）· 平均延误 {delay} · 申请延期 {} · 批准延期 {} · 被催办 {} · 下达响应 {} · 急难险重 {}",
        c.assigned.count,
        c.completed.count,
        c.on_time.count,
        c.extensions_asked.count,
        c.extensions_granted.count,
        c.urged.count,
        c.batches_answered.count,
        c.urgent_handled.count,
    )
}

fn ids(items: &[ItemId]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("、")
}

fn figure_line(p: &Pack, name: &str, f: &Figure) -> String {
    let mut line = format!("**{name} {}**：", f.count);
    let shown: Vec<String> = f
        .items
        .iter()
        .take(MAX_LISTED)
        .map(|id| match p.items.get(id) {
            Some(it) => format!("[{id}]({}) {}", chat_link(&it.chat_id), md_text(&it.title, 24)),
            None => id.to_string(),
        })
        .collect();
    line.push_str(&shown.join("；"));
    if f.items.len() > MAX_LISTED {
        line.push_str(&format!("；等{}项", f.items.len()));
    }
    line
}

fn records_text(records: &[BehaviourRecord]) -> String {
    if records.is_empty() {
        return "**标杆/负面记录**：无".to_owned();
    }
    let mut text = "**标杆/负面记录**".to_owned();
    for r in records {
        let kind = match r.kind {
            BehaviourKind::Commend => font("green", "标杆"),
            BehaviourKind::Fault => font("red", "负面"),
        };
        text.push_str(&format!(
            "\n· {} {kind} {}（{:+}分）{}{} · {} 记录 · {}",
            r.id,
            md_text(&r.code_and_name(), 40),
            r.signed_points(),
            r.item.map(|i| format!(" · {i}")).unwrap_or_default(),
            r.note
                .as_deref()
                .map(|n| format!(" · {}", md_text(n, 80)))
                .unwrap_or_default(),
            md_text(&r.recorder.name, 20),
            day(r.at, r.at),
        ));
        for c in &r.comments {
            text.push_str(&format!("\n  本人备注：{}", md_text(&c.text, 120)));
        }
    }
    text
}

/// The private notice the subject of a new record gets (also the recorder's confirmation).
pub fn record_card(r: &BehaviourRecord, for_subject: bool) -> Value {
    let (template, word) = match r.kind {
        BehaviourKind::Commend => ("green", "标杆"),
        BehaviourKind::Fault => ("red", "负面"),
    };
    let title = if for_subject {
        format!("你有一条新的{word}行为记录 {}", r.id)
    } else {
        format!("已记录{word}行为 {} · {}", r.id, md_text(&r.subject.name, 20))
    };
    let hdr = header(&title, template, Some("仅本人、记录人、上级和管理员可见"), &[]);
    let mut text = format!(
        "**行为**：{}（{:+}分）\n**记录人**：{}",
        md_text(&r.code_and_name(), 60),
        r.signed_points(),
        md_text(&r.recorder.name, 20)
    );
    if let Some(i) = r.item {
        text.push_str(&format!("\n**相关事项**：{i}"));
    }
    if let Some(n) = &r.note {
        text.push_str(&format!("\n**说明**：{}", md_text(n, 500)));
    }
    let mut elements = vec![markdown(&text)];
    if for_subject {
        elements.push(note(&format!(
            "如有补充说明，可在这里发送「/督办 {word} 备注 {} 你的说明」，备注会附在记录上，上级和管理员可见。",
            r.id
        )));
    }
    card(hdr, elements, &title)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
