//! The 下达 roll-up card (pure): posted in the issuing chat and updated in place as units act.
//! Header `XD-n 事项`; the headline (签收 52/67 · 进行中 · 待验收 · 已完成 40 · 逾期 6); the late
//! units by working days overdue; the target attained (summed over the units, or averaged for a
//! percentage); every unit folded per state (`collapsible_panel`); for the issuer 取消下达 and
//! 全部延期, which open their form in a 1:1 card ([`batch_form_card`]). When Feishu's 14-day
//! update window is closing the service posts the card anew with `reposted` set, and the card
//! says so.

mod list;

pub use list::{BatchLine, BatchState, MAX_BATCH_ROWS, batch_list_card};

use jiff::Timestamp;
use serde_json::Value;

use crate::card::callback::batch::{BatchForm, open_value, submit_value};
use crate::card::fmt::{card, font, format_datetime, header, hr, markdown, md_text, note, truncate};
use crate::card::forms::{Prefill, form_card, prefilled};
use crate::card::widgets::{
    button, button_row, collapsible, danger, date_picker, form, submit_button, text_input, with,
};
use crate::domain::batch::rollup::{Attained, ChildState, Mode, Rollup};
use crate::domain::batch::{Batch, BatchStatus, Target};

/// Late units listed before "另有N个单位".
pub const MAX_LATE: usize = 20;
/// Units named in one folded panel before "等N个单位" (67 names fit well within the limits).
pub const MAX_IN_PANEL: usize = 80;
const TITLE_IN_HEADER: usize = 50;

/// The note of a roll-up posted anew because the old card could no longer be updated.
pub const REPOSTED_NOTE: &str = "原卡片已超过可更新期限，此为最新汇总";

/// The roll-up card of `batch` at `now`. `reposted`: posted anew in place of a card Feishu no
/// longer lets duban update.
pub fn rollup_card(batch: &Batch, r: &Rollup, reposted: bool, now: Timestamp) -> Value {
    let cancelled = batch.status == BatchStatus::Cancelled;
    let late = r.count(ChildState::Overdue);
    let template = if cancelled {
        "grey"
    } else if r.total > 0 && r.is_settled() {
        "green"
    } else if late > 0 {
        "red"
    } else {
        "blue"
    };
    let mut tags: Vec<(String, &str)> = Vec::new();
    let dropped = r.count(ChildState::Cancelled);
    if cancelled {
        tags.push(("已取消".to_owned(), "neutral"));
    } else if r.is_settled() && r.count(ChildState::Posting) == 0 {
        tags.push(("已全部完成".to_owned(), "green"));
        if dropped > 0 {
            tags.push((format!("已取消{dropped}"), "neutral"));
        }
    } else {
        if late > 0 {
            tags.push((format!("逾期{late}个单位"), "red"));
        }
        tags.push((
            format!("已完成{}/{}", r.count(ChildState::Done), r.total),
            "green",
        ));
    }
    let tag_refs: Vec<(&str, &str)> = tags.iter().map(|(t, c)| (t.as_str(), *c)).collect();
    let title = format!("{} {}", batch.id, truncate(&batch.title, TITLE_IN_HEADER));
    let subtitle = format!(
        "下达 · 督办人：{} · 共{}个单位",
        truncate(&batch.issuer.name, 20),
        batch.units.len()
    );
    let hdr = header(&title, template, Some(&subtitle), &tag_refs);

    let mut elements = vec![markdown(&overview(batch, r, now))];
    if let (false, Some(a), Some(t)) = (cancelled, &r.attained, &batch.target) {
        elements.push(markdown(&attained_text(t, a, r.total)));
    }
    if !r.late.is_empty() && !cancelled {
        elements.push(markdown(&late_text(r)));
    }
    let panels = panels(r);
    if !panels.is_empty() {
        elements.push(hr());
        elements.extend(panels);
    }
    if reposted {
        elements.push(markdown(&font("orange", REPOSTED_NOTE)));
    }
    if batch.status == BatchStatus::Open && !r.is_settled() {
        elements.push(hr());
        elements.push(button_row(vec![
            button(
                "open_b_extend",
                "全部延期",
                "default",
                open_value(BatchForm::Extend, batch.id, batch.version),
            ),
            danger(button(
                "open_b_cancel",
                "取消下达",
                "default",
                open_value(BatchForm::Cancel, batch.id, batch.version),
            )),
        ]));
        elements.push(note("取消下达和全部延期只有下达人或管理员可以操作。"));
    }
    elements.push(note(&if cancelled {
        format!("发送 `/督办 下达 查看 {}` 可随时查看。", batch.id)
    } else {
        format!(
            "各单位在本单位群里的事项卡片上操作，本卡片随之更新；发送 `/督办 下达 查看 {}` 可随时查看。",
            batch.id
        )
    }));
    card(hdr, elements, &format!("{} {}", batch.id, batch.title))
}

/// What the earlier roll-up card of `batch` becomes once a new one was posted in its place
/// (Feishu's update window was closing): a short note pointing to the new card.
pub fn replaced_rollup_card(batch: &Batch, now: Timestamp) -> Value {
    let title = format!("{} {}", batch.id, truncate(&batch.title, TITLE_IN_HEADER));
    let hdr = header(&title, "grey", Some("下达 · 汇总"), &[("已停止更新", "neutral")]);
    let text = format!(
        "这张汇总卡片即将超过飞书的可更新期限，最新汇总已在{}重新发到本群，请查看新卡片；         也可随时发送 `/督办 下达 查看 {}`。",
        format_datetime(now, now),
        batch.id
    );
    card(
        hdr,
        vec![markdown(&text)],
        &format!("{} {}", batch.id, batch.title),
    )
}

/// 事项, 对象, 截止 and the headline.
fn overview(batch: &Batch, r: &Rollup, now: Timestamp) -> String {
    let mut lines = Vec::new();
    if batch.title.chars().count() > TITLE_IN_HEADER {
        lines.push(format!("**事项**：{}", md_text(&batch.title, 200)));
    }
    lines.push(format!("**对象**：{}", md_text(&batch.selector, 100)));
    let original = batch
        .original_deadline
        .map(|d| format!("（已统一延期，原截止{}）", format_datetime(d, now)))
        .unwrap_or_default();
    lines.push(format!(
        "**截止**：{}{original}",
        format_datetime(batch.deadline, now)
    ));
    if let Some(t) = &batch.target {
        lines.push(format!("**指标**：每个单位{}", md_text(&t.to_string(), 20)));
    }
    if batch.status == BatchStatus::Cancelled {
        let why = batch
            .cancel_reason
            .as_deref()
            .map(|w| format!("，原因：{}", md_text(w, 200)))
            .unwrap_or_default();
        lines.push(format!("**已取消**：各单位未完成的事项已一并取消{why}"));
    }
    lines.push(format!("**汇总**：{}", bold_numbers(&r.headline())));
    lines.join("\n")
}

/// `签收 **3**/5 · 进行中 **1**`: the headline with its counts in bold, as the board shows totals.
fn bold_numbers(headline: &str) -> String {
    headline
        .split(" · ")
        .map(|part| match part.rsplit_once(' ') {
            Some((label, n)) => match n.split_once('/') {
                Some((a, b)) => format!("{label} **{a}**/{b}"),
                None => format!("{label} **{n}**"),
            },
            None => part.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The target attained: summed (`合计 720户 / 目标 2010户`) or averaged (`平均 85%`).
fn attained_text(t: &Target, a: &Attained, total: u32) -> String {
    if a.reported == 0 {
        return format!("**指标完成**：还没有单位汇报（共{total}个单位）");
    }
    let figure = match a.mode {
        Mode::Sum => format!("合计 **{}** / 目标 {}", t.show(a.value), t.show(a.goal)),
        Mode::Average => format!("平均 **{}** / 目标 {}", t.show(a.value), t.show(a.goal)),
    };
    let percent = a.percent.map(|p| format!("（达成{p}%）")).unwrap_or_default();
    format!(
        "**指标完成**：{figure}{percent}\n已汇报 **{}**/{total} 个单位，其中达标 **{}** 个",
        a.reported, a.met
    )
}

/// `1. 长沙营业部 · DB-45 · 已逾期3个工作日`, most days first.
fn late_text(r: &Rollup) -> String {
    let mut lines = vec!["**逾期单位**（按逾期工作日排序）".to_owned()];
    for (i, l) in r.late.iter().take(MAX_LATE).enumerate() {
        let days = if l.workdays > 0 {
            format!("已逾期{}个工作日", l.workdays)
        } else {
            "今天已逾期".to_owned()
        };
        lines.push(format!(
            "{}. {} · {} · {}",
            i + 1,
            md_text(&l.unit, 30),
            l.item,
            font("red", &days)
        ));
    }
    if r.late.len() > MAX_LATE {
        lines.push(format!("另有{}个单位逾期未列出…", r.late.len() - MAX_LATE));
    }
    lines.join("\n")
}

/// One folded panel per state that has units, in [`ChildState::ORDER`]; folded, so the card
/// stays short with 67 units.
pub(crate) fn panels(r: &Rollup) -> Vec<Value> {
    ChildState::ORDER
        .iter()
        .filter(|s| r.count(**s) > 0)
        .map(|s| {
            let units = r.units(*s);
            let colour = match s {
                ChildState::Overdue => "red",
                ChildState::Done => "green",
                ChildState::Submitted => "orange",
                _ => "grey",
            };
            let title = format!("{} **{}** 个单位", font(colour, s.label()), units.len());
            collapsible(&title, false, vec![markdown(&unit_names(units))])
        })
        .collect()
}

/// `杭州营业部、宁波营业部…`, at most [`MAX_IN_PANEL`] then `等N个单位`.
pub(crate) fn unit_names(units: &[String]) -> String {
    let mut out: Vec<String> = units.iter().take(MAX_IN_PANEL).map(|u| md_text(u, 30)).collect();
    if units.len() > MAX_IN_PANEL {
        out.push(format!("等{}个单位", units.len()));
    }
    out.join("、")
}

/// The 1:1 form card of `which` (取消下达: a reason; 全部延期: a new day) for `batch` at its
/// current version, keeping what was typed in a refused submission (`prefill`).
pub fn batch_form_card(batch: &Batch, which: BatchForm, now: Timestamp, prefill: Option<&Prefill>) -> Value {
    let submit = |text: &str| {
        submit_button(
            &format!("{}_submit", which.op()),
            text,
            submit_value(which, batch.id, batch.version),
        )
    };
    let (label, f) = match which {
        BatchForm::Cancel => (
            "取消下达",
            form(
                "batch_cancel_form",
                "取消下达",
                vec![
                    text_input("reason", "请写明取消原因（必填，各单位会看到）", true, true),
                    danger(submit("取消下达")),
                ],
            ),
        ),
        BatchForm::Extend => (
            "全部延期",
            form(
                "batch_extend_form",
                "全部延期",
                vec![
                    with(date_picker("date", "新的截止日期（当天18:00）"), "required", true),
                    submit("全部延期"),
                ],
            ),
        ),
    };
    let context = format!(
        "**{} {}**\n当前截止：{} · 共{}个单位\n{}",
        batch.id,
        md_text(&batch.title, 100),
        format_datetime(batch.deadline, now),
        batch.units.len(),
        match which {
            BatchForm::Cancel => "取消后，各单位未完成的事项将一并取消，并通知各单位。",
            BatchForm::Extend => "延期后，各单位未完成的事项截止时间统一改为新日期，并通知各单位。",
        }
    );
    form_card(
        &format!("{label} · {}", batch.id),
        &context,
        prefilled(f, prefill),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
