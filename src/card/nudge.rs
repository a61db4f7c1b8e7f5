//! Nudge messages (pure): the combined reminder card for one person and the short text that
//! replies under an item's card. Its 稍后提醒 / 处理中 buttons carry
//! [`crate::card::callback::nudge`] values.

use jiff::Timestamp;
use serde_json::Value;

use crate::calendar::Calendar;
pub use crate::card::callback::nudge::NudgeAction;
use crate::card::callback::nudge::nudge_callback_value;
use crate::card::fmt::{at, card, font, format_datetime, header, markdown, md_text, text_at, text_safe};
use crate::card::widgets::{button, button_row, with};
use crate::domain::ids::ItemId;
use crate::domain::ids::Person;
use crate::domain::schedule::{NudgeKind, PlannedNudge, SnoozeChoice};
use crate::domain::supervision::Item;

/// Items shown in one card before "另有N项" (each item costs about 15 components).
pub const MAX_ENTRIES: usize = 10;
const TITLE_MAX: usize = 60;

fn nudge_button(text: &str, style: &str, action: NudgeAction) -> Value {
    let name = match action {
        NudgeAction::Snooze { item, choice } => format!("snooze_{}_{}", item.0, choice.key()),
        NudgeAction::Working { item } => format!("working_{}", item.0),
    };
    with(
        button(&name, text, style, nudge_callback_value(action)),
        "size",
        "small",
    )
}

fn buttons(item: ItemId) -> Value {
    let mut list = vec![nudge_button("处理中", "primary", NudgeAction::Working { item })];
    for choice in SnoozeChoice::ALL {
        let text = match choice {
            SnoozeChoice::OneHour => "1小时后提醒",
            SnoozeChoice::TomorrowMorning => "明天上午提醒",
            SnoozeChoice::NextWorkday => "下个工作日提醒",
        };
        list.push(nudge_button(
            text,
            "default",
            NudgeAction::Snooze { item, choice },
        ));
    }
    button_row(list)
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
        lines.push(font(
            "grey",
            &format!("截止：{} · {hint}{creator}", format_datetime(item.deadline, now)),
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
    let mentions: Vec<String> = planned.mention.iter().map(text_at).collect();
    let title = text_safe(&crate::card::fmt::truncate(&item.title, TITLE_MAX));
    let body = format!("【督办提醒】{} {title}：{}", item.id, text_safe(&planned.text));
    if mentions.is_empty() {
        body
    } else {
        format!("{} {body}", mentions.join(" "))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::card::callback::{Callback, CallbackError, parse};
    use crate::card::fixtures::{self, at as ts, cal, now, person};
    use crate::card::fmt::within_limits;
    use crate::domain::schedule::{NudgeState, ReminderPolicy, due_now};
    use serde_json::json;

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
            assert_eq!(parse(&v, None, now()), Ok(Callback::Nudge(action)));
            assert_eq!(
                parse(&Value::String(v.to_string()), None, now()),
                Ok(Callback::Nudge(action))
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
                assert!(matches!(parse(v, None, now()), Ok(Callback::Nudge(_))), "{v}");
                found += 1;
            }
        }
        assert_eq!(found, 8, "two items, four buttons each");
    }

    #[test]
    fn other_ops_fall_through_and_broken_values_are_errors() {
        let nudge = |v: Value| parse(&v, None, now());
        assert!(matches!(
            nudge(json!({"op": "acknowledge", "item": 12})),
            Ok(Callback::Item(_))
        ));
        assert_eq!(nudge(json!("not json")), Err(CallbackError::Malformed));
        assert_eq!(
            nudge(json!({"op": "snooze", "item": 12, "for": "forever"})),
            Err(CallbackError::Malformed)
        );
        assert_eq!(
            nudge(json!({"op": "working", "item": 0})),
            Err(CallbackError::Malformed)
        );
        assert_eq!(
            nudge(json!({"op": "working", "item": "DB-7"})),
            Ok(Callback::Nudge(NudgeAction::Working { item: ItemId(7) }))
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
