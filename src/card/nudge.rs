//! Nudge messages (pure): the combined reminder card for one person and the short text that
//! replies under an item's card, plus the 稍后提醒 / 处理中 callback contract.
//!
//! Button values: `{"op":"snooze","item":12,"for":"1h"|"tomorrow"|"next_workday"}` and
//! `{"op":"working","item":12}`. [`parse_nudge_callback`] returns `None` for any other `op`, so
//! the caller falls back to [`crate::card::parse_callback`].

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::calendar::Calendar;
use crate::card::action::CardActionError;
use crate::card::fmt::{at, card, header, markdown, md_text, plain};
use crate::domain::ids::ItemId;
use crate::domain::ids::Person;
use crate::domain::schedule::{NudgeKind, PlannedNudge, SnoozeChoice};
use crate::domain::supervision::Item;
use crate::domain::time::format_datetime;

/// Items shown in one card before "另有N项" (each item costs about 15 components).
pub const MAX_ENTRIES: usize = 10;
const TITLE_MAX: usize = 60;

/// What a nudge card button asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NudgeAction {
    /// 稍后提醒.
    Snooze {
        /// The item.
        item: ItemId,
        /// When.
        choice: SnoozeChoice,
    },
    /// 处理中: no more reminders today.
    Working {
        /// The item.
        item: ItemId,
    },
}

/// The callback value of a nudge button.
pub fn nudge_callback_value(action: NudgeAction) -> Value {
    match action {
        NudgeAction::Snooze { item, choice } => json!({"op": "snooze", "item": item.0, "for": choice.key()}),
        NudgeAction::Working { item } => json!({"op": "working", "item": item.0}),
    }
}

/// Parses a nudge button's callback value; `None` when `op` is not `snooze` or `working`.
///
/// # Errors
/// `Some(Err(CardActionError::Malformed))` when it is a nudge op without a valid item or
/// snooze choice.
pub fn parse_nudge_callback(value: &Value) -> Option<Result<NudgeAction, CardActionError>> {
    let value = crate::card::action::decode_callback(value)?;
    let op = value.get("op").and_then(Value::as_str)?;
    if op != "snooze" && op != "working" {
        return None;
    }
    let item = match value.get("item") {
        Some(Value::Number(n)) => n.as_u64().filter(|n| *n > 0).map(ItemId),
        Some(Value::String(s)) => ItemId::parse(s),
        _ => None,
    };
    let Some(item) = item else {
        return Some(Err(CardActionError::Malformed));
    };
    if op == "working" {
        return Some(Ok(NudgeAction::Working { item }));
    }
    let choice = value
        .get("for")
        .and_then(Value::as_str)
        .and_then(SnoozeChoice::from_key);
    Some(
        choice
            .map(|choice| NudgeAction::Snooze { item, choice })
            .ok_or(CardActionError::Malformed),
    )
}

fn button(text: &str, style: &str, action: NudgeAction) -> Value {
    let name = match action {
        NudgeAction::Snooze { item, choice } => format!("snooze_{}_{}", item.0, choice.key()),
        NudgeAction::Working { item } => format!("working_{}", item.0),
    };
    json!({
        "tag": "button",
        "name": name,
        "text": plain(text),
        "type": style,
        "size": "small",
        "behaviors": [{ "type": "callback", "value": nudge_callback_value(action) }],
    })
}

fn buttons(item: ItemId) -> Value {
    let mut list = vec![button("处理中", "primary", NudgeAction::Working { item })];
    for choice in SnoozeChoice::ALL {
        let text = match choice {
            SnoozeChoice::OneHour => "1小时后提醒",
            SnoozeChoice::TomorrowMorning => "明天上午提醒",
            SnoozeChoice::NextWorkday => "下个工作日提醒",
        };
        list.push(button(text, "default", NudgeAction::Snooze { item, choice }));
    }
    let columns: Vec<Value> = list
        .into_iter()
        .map(|b| json!({ "tag": "column", "width": "auto", "elements": [b] }))
        .collect();
    json!({ "tag": "column_set", "flex_mode": "flow", "horizontal_spacing": "8px", "columns": columns })
}

/// One combined reminder card for `recipient`: every item due for them in this round, each
/// with its reminder lines, deadline and the 处理中 / 稍后提醒 buttons. Several nudges of the
/// same item are shown under one heading.
pub fn nudge_card(
    recipient: &Person,
    entries: &[(Item, PlannedNudge)],
    now: Timestamp,
    cal: &Calendar,
) -> Value {
    let mut groups: Vec<(&Item, Vec<&PlannedNudge>)> = Vec::new();
    for (item, n) in entries {
        match groups.iter_mut().find(|(it, _)| it.id == item.id) {
            Some((_, list)) => list.push(n),
            None => groups.push((item, vec![n])),
        }
    }
    let overdue = entries
        .iter()
        .any(|(_, n)| matches!(n.kind, NudgeKind::AtDeadline | NudgeKind::Overdue { .. }));
    let urgent = entries.iter().any(|(_, n)| !n.urgent.is_empty());
    let template = if overdue { "red" } else { "orange" };
    let mut tags: Vec<(&str, &str)> = Vec::new();
    if urgent {
        tags.push(("加急", "red"));
    }
    let title = if groups.len() > 1 {
        format!("督办提醒 · {}项待关注", groups.len())
    } else {
        "督办提醒".to_owned()
    };
    let hdr = header(
        &title,
        template,
        Some("处理中：今天不再提醒；稍后提醒：到时再提醒"),
        &tags,
    );
    let mut elements = vec![markdown(&format!(
        "{} 您好，以下督办事项需要您关注：",
        at(recipient)
    ))];
    for (item, nudges) in groups.iter().take(MAX_ENTRIES) {
        let mut lines = vec![format!("**{}** {}", item.id, md_text(&item.title, TITLE_MAX))];
        for n in nudges {
            lines.push(format!("· {}", md_text(&n.text, 200)));
        }
        // Everyone the single reminders would have @-mentioned (the 督办人 from overdue day 2,
        // 协办 the day before …) is @-mentioned here too, under the item concerned.
        let others = also_mentioned(recipient, nudges);
        if !others.is_empty() {
            let ats: Vec<String> = others.iter().map(|p| at(p)).collect();
            lines.push(format!("同时提醒：{}", ats.join(" ")));
        }
        let hint = item.deadline_hint(now, cal);
        // The 督办人 by name (an unknown name is left out rather than shown empty).
        let creator = Some(item.creator.name.trim())
            .filter(|n| !n.is_empty())
            .map(|n| format!(" · 督办人：{}", md_text(n, 20)))
            .unwrap_or_default();
        lines.push(format!(
            "<font color='grey'>截止：{} · {hint}{creator}</font>",
            format_datetime(item.deadline, now)
        ));
        elements.push(markdown(&lines.join("\n")));
        elements.push(buttons(item.id));
    }
    if groups.len() > MAX_ENTRIES {
        elements.push(markdown(&format!(
            "另有{}项未列出，发送 `/督办 列表 我的` 查看全部。",
            groups.len() - MAX_ENTRIES
        )));
    }
    let summary = match groups.first() {
        Some((item, _)) if groups.len() == 1 => format!("督办提醒：{} {}", item.id, item.title),
        _ => format!("督办提醒：{}项待关注", groups.len()),
    };
    card(hdr, elements, &summary)
}

/// The people `nudges` @-mention besides `recipient`, each once, in order.
fn also_mentioned<'a>(recipient: &Person, nudges: &[&'a PlannedNudge]) -> Vec<&'a Person> {
    let mut out: Vec<&Person> = Vec::new();
    for p in nudges.iter().flat_map(|n| n.mention.iter()) {
        if p.open_id != recipient.open_id && !out.iter().any(|o| o.open_id == p.open_id) {
            out.push(p);
        }
    }
    out
}

/// The short text message for one nudge, sent as a reply under the item's card, e.g.
/// `<at user_id="ou_1">张三</at> 【督办提醒】DB-12 报送报告：已逾期2个工作日，请尽快办理`.
pub fn nudge_text(item: &Item, planned: &PlannedNudge) -> String {
    let mentions: Vec<String> = planned
        .mention
        .iter()
        .map(|p| format!("<at user_id=\"{}\">{}</at>", p.open_id, safe(&p.name)))
        .collect();
    let title = safe(&crate::card::fmt::truncate(&item.title, TITLE_MAX));
    let body = format!("【督办提醒】{} {title}：{}", item.id, safe(&planned.text));
    if mentions.is_empty() {
        body
    } else {
        format!("{} {body}", mentions.join(" "))
    }
}

/// Text safe inside a Feishu text message: no `<` that could open a forged `<at>` tag.
fn safe(s: &str) -> String {
    s.replace('<', "＜").replace('>', "＞")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::card::fixtures::{self, at as ts, cal, now, person};
    use crate::card::fmt::within_limits;
    use crate::domain::schedule::{NudgeState, ReminderPolicy, due_now};

    fn planned(item: &Item, t: Timestamp) -> Vec<(Item, PlannedNudge)> {
        let due = due_now(
            item,
            &NudgeState::default(),
            t,
            &ReminderPolicy::default(),
            &cal(),
        )
        .unwrap();
        due.into_iter().map(|n| (item.clone(), n)).collect()
    }

    fn entries() -> Vec<(Item, PlannedNudge)> {
        let mut e = planned(&fixtures::overdue(), ts(2026, 11, 25, 10, 0)); // day 3: 加急
        let mut soon = fixtures::due_soon();
        soon.id = ItemId(13);
        soon.title = "更新反洗钱客户风险等级".to_owned();
        e.extend(planned(&soon, ts(2026, 11, 25, 10, 0)));
        e
    }

    #[test]
    fn every_button_round_trips() {
        for action in [
            NudgeAction::Working { item: ItemId(12) },
            NudgeAction::Snooze {
                item: ItemId(12),
                choice: SnoozeChoice::OneHour,
            },
            NudgeAction::Snooze {
                item: ItemId(12),
                choice: SnoozeChoice::TomorrowMorning,
            },
            NudgeAction::Snooze {
                item: ItemId(12),
                choice: SnoozeChoice::NextWorkday,
            },
        ] {
            let v = nudge_callback_value(action);
            assert_eq!(parse_nudge_callback(&v), Some(Ok(action)));
            assert_eq!(
                parse_nudge_callback(&Value::String(v.to_string())),
                Some(Ok(action))
            );
        }
        let c = nudge_card(&person("zhangsan", "张三"), &entries(), now(), &cal());
        let mut found = 0;
        for cs in c["body"]["elements"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["tag"] == "column_set")
        {
            for col in cs["columns"].as_array().unwrap() {
                let v = &col["elements"][0]["behaviors"][0]["value"];
                assert!(matches!(parse_nudge_callback(v), Some(Ok(_))), "{v}");
                found += 1;
            }
        }
        assert_eq!(found, 8, "two items, four buttons each");
    }

    #[test]
    fn other_ops_fall_through_and_broken_values_are_errors() {
        assert_eq!(
            parse_nudge_callback(&json!({"op": "acknowledge", "item": 12})),
            None
        );
        assert_eq!(parse_nudge_callback(&json!("not json")), None);
        assert_eq!(
            parse_nudge_callback(&json!({"op": "snooze", "item": 12, "for": "forever"})),
            Some(Err(CardActionError::Malformed))
        );
        assert_eq!(
            parse_nudge_callback(&json!({"op": "working", "item": 0})),
            Some(Err(CardActionError::Malformed))
        );
        assert_eq!(
            parse_nudge_callback(&json!({"op": "working", "item": "DB-7"})),
            Some(Ok(NudgeAction::Working { item: ItemId(7) }))
        );
    }

    #[test]
    fn one_card_combines_a_person_s_items() {
        let c = nudge_card(&person("zhangsan", "张三"), &entries(), now(), &cal());
        let text = c.to_string();
        assert!(text.contains("已逾期3个工作日"));
        assert!(text.contains("明天截止"));
        assert_eq!(c["header"]["template"], "red");
        assert_eq!(c["header"]["title"]["content"], "督办提醒 · 2项待关注");
        assert!(within_limits(&c));
    }

    #[test]
    fn the_combined_card_mentions_everyone_the_single_reminders_would() {
        let c = nudge_card(&person("zhangsan", "张三"), &entries(), now(), &cal());
        let text = c.to_string();
        // DB-12 is on overdue day 3: its single reminder @-mentions the 主办 and the 督办人.
        let (_, single) = &entries()[0];
        assert!(single.mention.len() >= 2, "{:?}", single.mention);
        for p in &single.mention {
            assert!(
                text.contains(&format!("<at id={}></at>", p.open_id)),
                "{} in {text}",
                p.name
            );
        }
        // The recipient once (in the greeting), not again under each item.
        assert_eq!(text.matches("<at id=ou_zhangsan></at>").count(), 1, "{text}");
    }

    #[test]
    fn a_big_round_stays_within_limits() {
        let many: Vec<(Item, PlannedNudge)> = (1..=40)
            .flat_map(|i| {
                let mut it = fixtures::maximal(crate::domain::status::Status::InProgress);
                it.id = ItemId(i);
                it.deadline = ts(2026, 11, 20, 18, 0);
                it.extension = None;
                planned(&it, ts(2026, 11, 25, 10, 0))
            })
            .collect();
        let c = nudge_card(&person("zhangsan", "张三"), &many, now(), &cal());
        assert!(within_limits(&c), "{}", crate::card::fmt::component_count(&c));
        assert!(c.to_string().contains("另有30项未列出"));
    }

    #[test]
    fn the_reply_text_mentions_and_cannot_be_forged() {
        let mut it = fixtures::overdue();
        it.title = "报告<at user_id=\"all\">所有人</at>".to_owned();
        let (_, n) = planned(&it, ts(2026, 11, 24, 10, 0)).remove(0);
        assert_eq!(
            nudge_text(&it, &n),
            "<at user_id=\"ou_zhangsan\">张三</at> <at user_id=\"ou_lisi\">李四</at> 【督办提醒】DB-12 \
             报告＜at user_id=\"all\"＞所有人＜/at＞：已逾期2个工作日，请尽快办理；如需更多时间请申请延期"
        );
    }

    #[test]
    fn snapshot_of_the_nudge_card() {
        insta::assert_json_snapshot!(
            "nudge_card",
            nudge_card(&person("zhangsan", "张三"), &entries(), now(), &cal())
        );
    }
}
