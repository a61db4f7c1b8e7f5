//! The series line of a recurring item's card (pure): `**重复**：每周（周五） · 第3期（首期 DB-5）`,
//! with the holiday rule and what happens next, or that the series was ended. Added to the
//! live item card under its fields; an item that does not recur keeps its card byte for byte.

use jiff::Timestamp;
use serde_json::Value;

use crate::card::fmt::{font, markdown, md_text};
use crate::domain::ids::{ItemId, Person};
use crate::domain::time::format_datetime;

/// What the card says about the series an item belongs to.
#[derive(Debug, Clone, Copy)]
pub struct SeriesView<'a> {
    /// 第N期.
    pub number: u32,
    /// The series' first item.
    pub first: ItemId,
    /// The rule, described (`每周（周五）`).
    pub rule: &'a str,
    /// Who ended the series, and when.
    pub stopped: Option<(&'a Person, Timestamp)>,
    /// What happens next, on the current occurrence of a running series.
    pub next: Option<&'a str>,
}

/// The series line.
pub fn series_line(v: &SeriesView<'_>, now: Timestamp) -> String {
    let first = if v.number > 1 {
        format!("（首期 {}）", v.first)
    } else {
        String::new()
    };
    let mut line = format!("**重复**：{} · 第{}期{first}", md_text(v.rule, 40), v.number);
    match (v.stopped, v.next) {
        (Some((by, at)), _) => {
            let who = if by.name.is_empty() {
                String::new()
            } else {
                format!("{} ", md_text(&by.name, 20))
            };
            line.push_str(&format!(
                "\n{}",
                font(
                    "grey",
                    &format!(
                        "重复已停止（{who}{}），不再发起新的一期",
                        format_datetime(at, now)
                    )
                )
            ));
        }
        (None, Some(next)) => {
            line.push_str(&format!(
                "\n{}",
                font("grey", &format!("遇节假日顺延至下一个工作日；{next}"))
            ));
        }
        (None, None) => {}
    }
    line
}

/// `card` (a live item card) with the series line under its fields.
pub fn with_series(mut card: Value, v: &SeriesView<'_>, now: Timestamp) -> Value {
    if let Some(elements) = card["body"]["elements"].as_array_mut() {
        let at = usize::from(!elements.is_empty());
        elements.insert(at, markdown(&series_line(v, now)));
    }
    card
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::ids::OpenId;

    fn now() -> Timestamp {
        "2026-03-11T10:00:00+08:00".parse().unwrap()
    }

    #[test]
    fn the_line_names_the_period_number_the_rule_and_what_comes_next() {
        let v = SeriesView {
            number: 3,
            first: ItemId(5),
            rule: "每周",
            stopped: None,
            next: Some("本期完成或取消后即发起下一期"),
        };
        let line = series_line(&v, now());
        assert!(line.starts_with("**重复**：每周 · 第3期（首期 DB-5）"), "{line}");
        assert!(
            line.contains("遇节假日顺延至下一个工作日；本期完成或取消后即发起下一期"),
            "{line}"
        );
        let first = SeriesView {
            number: 1,
            next: None,
            ..v
        };
        assert_eq!(series_line(&first, now()), "**重复**：每周 · 第1期");
    }

    #[test]
    fn a_stopped_series_says_who_ended_it_and_the_line_goes_under_the_fields() {
        let boss = Person {
            open_id: OpenId("ou_boss".to_owned()),
            name: "赵督办".to_owned(),
        };
        let v = SeriesView {
            number: 2,
            first: ItemId(5),
            rule: "每月最后一个工作日",
            stopped: Some((&boss, now())),
            next: None,
        };
        let card = serde_json::json!({"body": {"elements": [{"tag": "markdown", "content": "fields"}, {"tag": "hr"}]}});
        let out = with_series(card, &v, now());
        let els = out["body"]["elements"].as_array().unwrap();
        assert_eq!(els.len(), 3);
        let line = els[1]["content"].as_str().unwrap();
        assert!(line.contains("重复已停止（赵督办 "), "{line}");
        assert!(line.contains("不再发起新的一期"), "{line}");
        assert_eq!(els[2]["tag"], "hr");
    }
}
