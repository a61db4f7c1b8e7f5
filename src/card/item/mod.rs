//! The live, shared item card (pure): one per item, updated in place on every change.
//!
//! Header colour: blue while pending / in progress / awaiting acceptance, orange when due by
//! the end of the next working day, red when overdue, green when done, grey when cancelled.
//! Buttons appear only where the action applies to the item's status; who may press them is
//! checked when the callback arrives (a shared group card cannot know who is looking, so a
//! confirm dialog opens for anyone; buttons that open a form check first). The card carries no
//! forms: they open in a 1:1 card, see [`crate::card::item_forms`].

use jiff::Timestamp;
use serde_json::Value;

use crate::calendar::Calendar;
use crate::card::callback::drawn::{Target, open_form_value, versioned};
use crate::card::callback::item::callback_value;
use crate::card::fmt::{
    at, card, day, day_off, font, format_datetime, header, hr, markdown, md_text, mentions, progress_bar,
    truncate,
};
use crate::card::widgets::{button_row, with_confirm};
use crate::domain::batch::{Report, Target as NumericTarget};
use crate::domain::permissions::ActionKind;
use crate::domain::status::Status;
use crate::domain::supervision::Item;

const TITLE_IN_HEADER: usize = 60;
const TITLE_MAX: usize = 200;
const TEXT_MAX: usize = 500;
const MAX_MENTIONS: usize = 20;

/// A numeric target on an item (a 下达 with `指标：≥30户`) and the latest value its owner
/// reported (`/督办 汇报 DB-m 24`), shown on the item card.
#[derive(Debug, Clone, Copy)]
pub struct TargetView<'a> {
    /// The target.
    pub target: &'a NumericTarget,
    /// The latest report, if any.
    pub report: Option<&'a Report>,
}

/// The live card for `item` at `now`.
pub fn item_card(item: &Item, now: Timestamp, cal: &Calendar) -> Value {
    item_card_with(item, None, now, cal)
}

/// The live card for `item` at `now`, with its numeric target and report when it has one
/// (the line `**指标**：≥30户 · 已汇报 24户（80%）` under the progress bar). Without a target
/// it is [`item_card`], byte for byte.
pub fn item_card_with(item: &Item, target: Option<TargetView<'_>>, now: Timestamp, cal: &Calendar) -> Value {
    item_card_full(item, None, target, now, cal)
}

/// The live card for `item` at `now`, naming the unit it belongs to (`**单位**：杭州营业部`,
/// under the owners) and its numeric target when it has them. Without either it is
/// [`item_card`], byte for byte.
pub fn item_card_full(
    item: &Item,
    unit: Option<&str>,
    target: Option<TargetView<'_>>,
    now: Timestamp,
    cal: &Calendar,
) -> Value {
    let overdue = item.is_overdue(now);
    let due_soon = item.is_due_soon(now, cal);
    let template = match item.status {
        Status::Done => "green",
        Status::Cancelled => "grey",
        Status::Pending | Status::InProgress | Status::Submitted if overdue => "red",
        Status::Pending | Status::InProgress | Status::Submitted if due_soon => "orange",
        Status::Pending | Status::InProgress | Status::Submitted => "blue",
    };
    let mut tags: Vec<(&str, &str)> = Vec::new();
    if overdue {
        tags.push(("逾期", "red"));
    } else if due_soon {
        tags.push(("即将到期", "orange"));
    }
    tags.push(match item.status {
        Status::Pending => ("待签收", "blue"),
        Status::InProgress => ("进行中", "blue"),
        Status::Submitted => ("待验收", "orange"),
        Status::Done => ("已完成", "green"),
        Status::Cancelled => ("已取消", "neutral"),
    });
    if item.extension.is_some() {
        tags.push(("延期申请中", "violet"));
    }
    if returned(item) {
        tags.push(("已退回", "red"));
    }
    let title = format!("{} {}", item.id, truncate(&item.title, TITLE_IN_HEADER));
    // A name not known yet is left out rather than shown blank.
    let creator = if item.creator.name.is_empty() {
        String::new()
    } else {
        format!("督办人：{} · ", item.creator.name)
    };
    let subtitle = format!("{creator}{} {}", item.priority, item.priority.label());
    let hdr = header(&title, template, Some(&subtitle), &tags);

    let mut elements = vec![markdown(&fields(item, unit, target, now, cal))];
    if let Some(ext) = &item.extension {
        let mut s = format!(
            "**延期申请**：{} 申请延至 **{}**{}",
            at(&ext.requested_by),
            format_datetime(ext.deadline, now),
            day_off(ext.deadline, cal)
        );
        if let Some(r) = &ext.reason {
            s.push_str(&format!("\n理由：{}", md_text(r, TEXT_MAX)));
        }
        elements.push(markdown(&s));
    }
    elements.extend(controls(item));
    card(hdr, elements, &format!("{} {}", item.id, item.title))
}

/// The field block as one markdown element.
fn fields(
    item: &Item,
    unit: Option<&str>,
    target: Option<TargetView<'_>>,
    now: Timestamp,
    cal: &Calendar,
) -> String {
    let mut lines = Vec::new();
    if item.title.chars().count() > TITLE_IN_HEADER {
        lines.push(format!("**事项**：{}", md_text(&item.title, TITLE_MAX)));
    }
    lines.push(format!("**主办**：{}", at(&item.owner)));
    if !item.assistants.is_empty() {
        lines.push(format!("**协办**：{}", mentions(&item.assistants, MAX_MENTIONS)));
    }
    if let Some(u) = unit {
        lines.push(format!("**单位**：{}", md_text(u, 40)));
    }
    lines.push(deadline_line(item, now, cal));
    lines.extend(extended_line(item, now));
    lines.push(progress_line(item));
    lines.push(class_line(item));
    lines.extend(target.map(|t| target_line(item, t)));
    lines.extend(rejection_line(item, now));
    if let Some(n) = &item.latest_note {
        lines.push(format!("**最新进展**：{}", md_text(n, TEXT_MAX)));
    }
    lines.extend(tags_line(item));
    for (label, value) in [
        ("资源投入", &item.resources),
        ("场景", &item.scenario),
        ("说明", &item.description),
    ] {
        if let Some(v) = value {
            lines.push(format!("**{label}**：{}", md_text(v, TEXT_MAX)));
        }
    }
    if item.source_message.is_some() {
        lines.push(format!(
            "**来源**：由回复群消息创建（[打开群聊](https://applink.feishu.cn/client/chat/open?openChatId={})）",
            item.chat_id
        ));
    }
    lines.join("\n")
}

/// `**指标**：≥30户 · 已汇报 24户（80%）`, `（已达标）` once met, `尚未汇报` with how to
/// report; the report's 说明 on a second line.
pub(crate) fn target_line(item: &Item, t: TargetView<'_>) -> String {
    let goal = md_text(&t.target.to_string(), 20);
    let Some(r) = t.report else {
        return format!(
            "**指标**：{goal} · 尚未汇报（主办可发送 `/督办 汇报 {} 数值` 汇报）",
            item.id
        );
    };
    let a = t.target.attainment(r.value);
    let how = match (a.percent, a.met) {
        (Some(p), true) => font("green", &format!("{p}%，已达标")),
        (Some(p), false) => format!("{p}%"),
        (None, true) => font("green", "已达标"),
        (None, false) => font("red", "未达标"),
    };
    let mut line = format!(
        "**指标**：{goal} · 已汇报 {}（{how}）",
        md_text(&t.target.show(r.value), 30)
    );
    if let Some(n) = &r.note {
        line.push_str(&format!("\n**汇报说明**：{}", md_text(n, TEXT_MAX)));
    }
    line
}

/// `**标签**：#合规 #季度` (at most ten tags) when the item has any.
/// `**类别**：突发 · **对齐**：O2 / KR1 线上开户占比达到 80%`.
pub(crate) fn class_line(item: &Item) -> String {
    let mut s = format!("**类别**：{}", item.class.label());
    if let Some(a) = &item.alignment {
        s.push_str(&format!(" · **对齐**：{}", md_text(&a.summary(), 120)));
    }
    s
}

pub(crate) fn tags_line(item: &Item) -> Option<String> {
    if item.tags.is_empty() {
        return None;
    }
    let tags: Vec<String> = item
        .tags
        .iter()
        .take(10)
        .map(|t| format!("#{}", md_text(t, 20)))
        .collect();
    Some(format!("**标签**：{}", tags.join(" ")))
}

/// Whether the item was returned (退回) and not submitted again since.
fn returned(item: &Item) -> bool {
    item.rejection.is_some() && matches!(item.status, Status::Pending | Status::InProgress)
}

/// `**进度**：██ 100%`; after a 退回 the number stays (it is what the owner claimed) but is
/// marked as returned, so nobody reads it as finished.
pub(crate) fn progress_line(item: &Item) -> String {
    let bar = progress_bar(item.progress);
    if returned(item) {
        format!("**进度**：{bar}（已退回，待重新提交）")
    } else {
        format!("**进度**：{bar}")
    }
}

/// `**已退回**：原因（赵督办 · 3月18日（周三）10:00）` while the item is back with its owner.
pub(crate) fn rejection_line(item: &Item, now: Timestamp) -> Option<String> {
    let r = item.rejection.as_ref().filter(|_| returned(item))?;
    let by = if r.by.name.is_empty() {
        String::new()
    } else {
        format!("{} · ", md_text(&r.by.name, 30))
    };
    Some(format!(
        "**已退回**：{}（{by}{}）",
        md_text(&r.reason, TEXT_MAX),
        format_datetime(r.at, now)
    ))
}

/// `**延期**：已延期1次，原截止3月20日（周五）` once an extension was approved.
pub(crate) fn extended_line(item: &Item, now: Timestamp) -> Option<String> {
    if item.extension_count == 0 {
        return None;
    }
    let original = item
        .original_deadline
        .map(|d| format!("，原截止{}", day(d, now)))
        .unwrap_or_default();
    Some(format!("**延期**：已延期{}次{original}", item.extension_count))
}

/// `**截止**：11月30日（周一）18:00 · 还剩2天`, or the completion / cancellation facts.
pub(crate) fn deadline_line(item: &Item, now: Timestamp, cal: &Calendar) -> String {
    let when = format_datetime(item.deadline, now);
    match item.status {
        Status::Done => {
            let done = item
                .completed_at
                .map(|t| format!("，已于{}完成", format_datetime(t, now)))
                .unwrap_or_default();
            format!("**截止**：{when}{done}")
        }
        Status::Cancelled => format!("**截止**：{when}（已取消）"),
        Status::Submitted => format!("**截止**：{when}（已提交，待验收）"),
        Status::Pending | Status::InProgress => {
            let hint = item.deadline_hint(now, cal);
            if hint.is_overdue() {
                format!("**截止**：{when} · {}", font("red", &hint.to_string()))
            } else {
                format!("**截止**：{when} · {hint}{}", day_off(item.deadline, cal))
            }
        }
    }
}

fn button(kind: ActionKind, item: &Item, text: &str, style: &str) -> Value {
    let value = versioned(callback_value(kind, item.id), item.version);
    crate::card::widgets::button(&format!("btn_{}", kind.key()), text, style, value)
}

/// A button that opens `kind`'s form in a card sent 1:1 to whoever clicks it.
fn form_button(kind: ActionKind, item: &Item, text: &str, style: &str) -> Value {
    let value = open_form_value(kind.key(), Target::Item(item.id), item.version);
    crate::card::widgets::button(&format!("open_{}", kind.key()), text, style, value)
}

/// The buttons for the item's status (none when done or cancelled). The card stays short:
/// 更新进展, 申请延期 and 退回 open their form in a 1:1 card
/// ([`crate::card::item_forms::item_form_card`]) instead of carrying it; 退回 and 拒绝延期 are
/// red. Every button carries the item's version (see [`crate::card::drawn`]).
fn controls(item: &Item) -> Vec<Value> {
    let mut out = Vec::new();
    match item.status {
        Status::Done | Status::Cancelled => return out,
        Status::Submitted => {
            out.push(hr());
            out.push(button_row(vec![
                with_confirm(
                    button(ActionKind::Accept, item, "验收通过", "primary_filled"),
                    "确认验收通过？",
                    "验收后事项将标记为已完成。",
                ),
                form_button(ActionKind::Reject, item, "退回重办", "danger"),
            ]));
        }
        Status::Pending | Status::InProgress => {
            out.push(hr());
            let mut row = Vec::new();
            if item.status == Status::Pending {
                row.push(button(ActionKind::Acknowledge, item, "签收", "primary_filled"));
            }
            row.push(with_confirm(
                button(ActionKind::Submit, item, "提交完成", "primary"),
                "确认提交完成？",
                "提交后将等待督办人验收。",
            ));
            row.push(form_button(ActionKind::Progress, item, "更新进展", "default"));
            if item.extension.is_some() {
                row.push(button(ActionKind::ApproveExtension, item, "批准延期", "primary"));
                row.push(button(ActionKind::RejectExtension, item, "拒绝延期", "danger"));
            } else {
                row.push(form_button(
                    ActionKind::RequestExtension,
                    item,
                    "申请延期",
                    "default",
                ));
            }
            row.push(button(ActionKind::Nudge, item, "催办", "default"));
            out.push(button_row(row));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
