//! The firm's 晾晒 card: this month's 按时完成 by unit first (praise before blame), then the
//! units with overdue items (count and worst working days), this week's due items per unit,
//! and the open 下达 batches with their completion. Per-unit details fold into
//! `collapsible_panel`s so a board over 67 units stays short.

use jiff::Timestamp;
use serde_json::Value;

use crate::calendar::Calendar;
use crate::card::fmt::{
    card, civil_day, font, format_datetime, header, hr, markdown, md_text, note, progress_bar, within_limits,
};
use crate::card::widgets::collapsible;
use crate::domain::board::BoardRow;
use crate::domain::deadline::DeadlineHint;
use crate::domain::unit::ranking::{BatchLine, OrgBoard};

/// Units listed per section before "另有N个单位".
pub const MAX_UNITS: usize = 20;
/// Items shown inside one unit's panel before "另有N项".
pub const MAX_ROWS_PER_UNIT: usize = 3;
/// Batches listed before "另有N批".
const MAX_BATCHES: usize = 10;
const TITLE_MAX: usize = 30;

/// The firm's 晾晒 card for `b` at `now`. Each section lists at most [`MAX_UNITS`] units;
/// when long titles would push the card past Feishu's size limit, fewer are listed (the rest
/// counted in "另有N个单位").
pub fn org_board_card(b: &OrgBoard, now: Timestamp, cal: &Calendar) -> Value {
    let mut max = MAX_UNITS;
    loop {
        let c = build(b, now, cal, max);
        if within_limits(&c) || max <= 5 {
            return c;
        }
        max -= 5;
    }
}

fn build(b: &OrgBoard, now: Timestamp, cal: &Calendar, max_units: usize) -> Value {
    let title = format!("全公司督办晾晒 · {}", civil_day(b.generated_for, false));
    let on_time: u32 = b.ranking.on_time.iter().map(|f| f.on_time).sum();
    let late_items: usize = b.ranking.late.iter().map(|l| l.rows.len()).sum();
    let mut tags: Vec<(String, &str)> = Vec::new();
    if !b.ranking.late.is_empty() {
        tags.push((format!("逾期{}个单位", b.ranking.late.len()), "red"));
    }
    tags.push((format!("本月按时完成{on_time}项"), "green"));
    if !b.batches.is_empty() {
        tags.push((format!("下达进行中{}批", b.batches.len()), "blue"));
    }
    let tag_refs: Vec<(&str, &str)> = tags.iter().map(|(t, c)| (t.as_str(), *c)).collect();
    let template = if b.ranking.late.is_empty() {
        "green"
    } else {
        "orange"
    };
    let hdr = header(
        &title,
        template,
        Some("按单位排名 · 每周一发布到领导群，也可发送 /督办 晾晒 全部门 查看"),
        &tag_refs,
    );

    let mut elements = vec![markdown(&praise(b, max_units)), hr()];
    elements.push(markdown(&if b.ranking.late.is_empty() {
        "**逾期单位**\n目前没有单位有逾期事项，感谢各单位的配合。".to_owned()
    } else {
        format!(
            "**逾期单位**（共{}个单位、{late_items}项，按逾期事项数和最长逾期排序；点开查看事项）",
            b.ranking.late.len()
        )
    }));
    elements.extend(unit_panels(
        b.ranking.late.iter().map(|l| {
            let worst = l.worst_workdays();
            let worst = if worst > 0 {
                format!("最长已逾期{worst}个工作日")
            } else {
                "今天刚逾期".to_owned()
            };
            (
                format!(
                    "**{}** 逾期 **{}** 项 · {}",
                    md_text(&l.unit, 30),
                    l.rows.len(),
                    font("red", &worst)
                ),
                l.rows.as_slice(),
            )
        }),
        b.ranking.late.len(),
        max_units,
        |r| {
            if r.overdue_workdays > 0 {
                font("red", &format!("已逾期{}个工作日", r.overdue_workdays))
            } else {
                font("red", &DeadlineHint::compute(r.deadline, now, cal).to_string())
            }
        },
        now,
    ));

    elements.push(markdown(&if b.due_this_week.is_empty() {
        "**本周到期**\n本周没有其他到期事项。".to_owned()
    } else {
        let n: usize = b.due_this_week.iter().map(|(_, r)| r.len()).sum();
        format!("**本周到期**（{}个单位、{n}项）", b.due_this_week.len())
    }));
    elements.extend(unit_panels(
        b.due_this_week.iter().map(|(u, rows)| {
            (
                format!("**{}** 本周到期 **{}** 项", md_text(u, 30), rows.len()),
                rows.as_slice(),
            )
        }),
        b.due_this_week.len(),
        max_units,
        |r| DeadlineHint::compute(r.deadline, now, cal).to_string(),
        now,
    ));

    if !b.batches.is_empty() {
        elements.push(hr());
        elements.push(markdown(&batches(&b.batches)));
    }
    elements.push(note(
        "口径：按时完成 = 本月在截止时间（含已批准的延期）前验收通过；逾期按工作日计。\
         发送 `/督办 统计 本季度 按单位` 查看各单位统计，`/督办 下达 查看 XD-编号` 查看下达汇总。",
    ));
    card(hdr, elements, &title)
}

/// `**表扬 · 本月按时完成**` with one line per unit.
fn praise(b: &OrgBoard, max_units: usize) -> String {
    let fs = &b.ranking.on_time;
    if fs.is_empty() {
        return "**表扬 · 本月按时完成**\n本月还没有单位按时完成事项。".to_owned();
    }
    let mut lines = vec!["**表扬 · 本月按时完成**（按单位）".to_owned()];
    for (i, f) in fs.iter().take(max_units).enumerate() {
        let rate = f
            .on_time_rate
            .map(|r| format!("，按时率{:.0}%", r * 100.0))
            .unwrap_or_default();
        lines.push(format!(
            "{}. {} 按时完成 **{}** 项（完成{}项{rate}）",
            i + 1,
            md_text(&f.unit, 30),
            f.on_time,
            f.completed
        ));
    }
    if fs.len() > max_units {
        lines.push(format!("另有{}个单位未列出…", fs.len() - max_units));
    }
    lines.push("感谢以上单位的高效配合！".to_owned());
    lines.join("\n")
}

/// One folded panel per unit (at most `max_units`), its rows inside.
fn unit_panels<'a>(
    units: impl Iterator<Item = (String, &'a [BoardRow])>,
    total: usize,
    max_units: usize,
    hint: impl Fn(&BoardRow) -> String,
    now: Timestamp,
) -> Vec<Value> {
    let mut out: Vec<Value> = units
        .take(max_units)
        .map(|(title, rows)| {
            let mut lines: Vec<String> = rows
                .iter()
                .take(MAX_ROWS_PER_UNIT)
                .map(|r| {
                    format!(
                        "**{}** {} · 主办 {} · 截止{} · {}",
                        r.id,
                        md_text(&r.title, TITLE_MAX),
                        md_text(&r.owner.name, 20),
                        format_datetime(r.deadline, now),
                        hint(r)
                    )
                })
                .collect();
            if rows.len() > MAX_ROWS_PER_UNIT {
                lines.push(format!("另有{}项未列出…", rows.len() - MAX_ROWS_PER_UNIT));
            }
            collapsible(&title, false, vec![markdown(&lines.join("\n"))])
        })
        .collect();
    if total > max_units {
        out.push(markdown(&format!("另有{}个单位未列出…", total - max_units)));
    }
    out
}

/// `**XD-3** 本月完成两融开户` with its completion bar and headline, one per open batch.
fn batches(lines: &[BatchLine]) -> String {
    let mut out = vec!["**下达完成情况**".to_owned()];
    for l in lines.iter().take(MAX_BATCHES) {
        let pct = if l.total == 0 {
            0
        } else {
            u8::try_from((u64::from(l.done) * 100 + u64::from(l.total) / 2) / u64::from(l.total))
                .unwrap_or(100)
        };
        out.push(format!(
            "**{}** {} · 已完成 **{}**/{}\n{} · {}",
            l.id,
            md_text(&l.title, TITLE_MAX),
            l.done,
            l.total,
            progress_bar(pct),
            md_text(&l.headline, 120)
        ));
    }
    if lines.len() > MAX_BATCHES {
        out.push(format!("另有{}批下达未列出…", lines.len() - MAX_BATCHES));
    }
    out.join("\n")
}
