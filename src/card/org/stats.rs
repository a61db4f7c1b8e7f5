//! The per-unit statistics card (`/督办 统计 本季度 按单位`): per unit, completions, on-time
//! rate, average delay in working days, current overdue items, extensions, nudges received and
//! the share of its 下达 items it completed. Units are ordered by on-time rate (units that
//! completed nothing last), then by completions, then as given.

use std::collections::HashMap;

use serde_json::Value;

use crate::card::fmt::{card, font, header, hr, markdown, md_text, note};
use crate::card::stats::{completion_tags, percent};
use crate::domain::board::Period;
use crate::domain::unit::ranking::UnitFigures;

/// Units shown before "另有N个单位".
pub(super) const MAX_UNITS: usize = 40;

/// A unit's 下达 items in the period: how many it received and completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IssuedShare {
    /// 下达 items completed.
    pub done: u32,
    /// 下达 items received.
    pub total: u32,
}

/// The per-unit statistics card for `period`: `rows` from
/// [`crate::domain::unit::ranking::unit_figures`], `issued` keyed by unit name (a unit that
/// received no 下达 is left out of it).
pub fn unit_stats_card(period: Period, rows: &[UnitFigures], issued: &HashMap<String, IssuedShare>) -> Value {
    let title = format!("督办统计 · {} · 按单位", period.label());
    let completed: u32 = rows.iter().map(|r| r.completed).sum();
    let on_time: u32 = rows.iter().map(|r| r.on_time).sum();
    let mut tags = vec![(format!("{}个单位", rows.len()), "blue")];
    tags.extend(completion_tags(completed, on_time));
    let tag_refs: Vec<(&str, &str)> = tags.iter().map(|(t, c)| (t.as_str(), *c)).collect();
    let hdr = header(&title, "blue", Some("按单位统计，按按时率排序"), &tag_refs);

    let mut elements = Vec::new();
    if rows.is_empty() {
        elements.push(markdown(
            "还没有登记任何单位。管理员可以在配置文件中登记，或在单位的群里发送 `/督办 绑定单位 杭州营业部 营业部 华东片区 @负责人`。",
        ));
    }
    let ordered = ordered(rows);
    for r in ordered.iter().take(MAX_UNITS) {
        elements.push(markdown(&line(r, issued.get(&r.unit))));
    }
    if ordered.len() > MAX_UNITS {
        elements.push(markdown(&format!(
            "另有{}个单位未列出…",
            ordered.len() - MAX_UNITS
        )));
    }
    elements.push(hr());
    elements.push(note(
        "口径：完成 = 统计期内验收通过；按时 = 在截止时间（含已批准的延期）前完成；\
         平均延误按工作日计（按时完成计0）；当前逾期为此刻仍逾期的事项；被催办含手动催办和逾期后的催办提醒；\
         下达完成 = 统计期内该单位收到的下达事项中已完成的项数。",
    ));
    card(hdr, elements, &title)
}

/// Highest on-time rate first (no completion last), then most completions; ties keep the
/// order given.
pub(crate) fn ordered(rows: &[UnitFigures]) -> Vec<&UnitFigures> {
    let mut v: Vec<&UnitFigures> = rows.iter().collect();
    v.sort_by(|a, b| {
        let rate = |f: &UnitFigures| f.on_time_rate.unwrap_or(-1.0);
        rate(b).total_cmp(&rate(a)).then(b.completed.cmp(&a.completed))
    });
    v
}

fn line(r: &UnitFigures, issued: Option<&IssuedShare>) -> String {
    let rate = r.on_time_rate.map_or_else(|| "—".to_owned(), percent);
    let delay = r
        .avg_delay_workdays
        .map_or_else(|| "—".to_owned(), |d| format!("{d:.1}个工作日"));
    let overdue = if r.open_overdue > 0 {
        font("red", &format!("当前逾期 {} 项", r.open_overdue))
    } else {
        "当前逾期 0 项".to_owned()
    };
    let issued = match issued {
        Some(s) if s.total > 0 => format!(" · 下达完成 {}/{}", s.done, s.total),
        _ => String::new(),
    };
    format!(
        "**{}**\n完成 {} 项 · 按时 {} 项 · 按时率 {rate} · 平均延误 {delay}\n{overdue} · 延期 {} 次 · 被催办 {} 次{issued}",
        md_text(&r.unit, 30),
        r.completed,
        r.on_time,
        r.extensions,
        r.times_urged
    )
}
