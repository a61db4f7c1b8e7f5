//! The 晾晒 board card (pure): where the group's items stand, in a public but respectful tone —
//! totals by state, this month's on-time rate, overdue items ranked by working days overdue
//! with their owners @-mentioned, items due this week, and a 表扬 section for on-time work.

use jiff::Timestamp;
use serde_json::Value;

use crate::calendar::Calendar;
use crate::card::fmt::{at, card, civil_day, font, format_datetime, header, hr, markdown, md_text, note};
use crate::domain::board::{Board, BoardRow};
use crate::domain::deadline::DeadlineHint;

/// Rows shown per section before "另有N项".
pub const MAX_ROWS: usize = 20;
const TITLE_MAX: usize = 40;

/// The board card for `b` at `now`.
pub fn board_card(b: &Board, now: Timestamp, cal: &Calendar) -> Value {
    let d = b.generated_for;
    let title = format!("督办晾晒 · {}", civil_day(d, false));
    let mut tags: Vec<(String, &str)> = vec![(format!("未完成{}项", b.open), "blue")];
    if !b.overdue.is_empty() {
        tags.push((format!("逾期{}项", b.overdue.len()), "red"));
    }
    if let Some(r) = b.on_time_month {
        tags.push((format!("本月按时率{}%", r.percent()), "green"));
    }
    let tag_refs: Vec<(&str, &str)> = tags.iter().map(|(t, c)| (t.as_str(), *c)).collect();
    let template = if b.overdue.is_empty() { "green" } else { "orange" };
    let hdr = header(
        &title,
        template,
        Some("每周一自动发布，也可随时发送 /督办 晾晒 查看"),
        &tag_refs,
    );

    let totals: Vec<String> = b
        .totals
        .iter()
        .map(|(s, n)| format!("{} **{n}**", s.label()))
        .collect();
    let rate = match b.on_time_month {
        Some(r) => format!(
            "本月按时完成率：**{}%**（完成{}项，其中按时{}项）",
            r.percent(),
            r.completed,
            r.on_time
        ),
        None => "本月按时完成率：本月还没有完成的事项".to_owned(),
    };
    let mut elements = vec![
        markdown(&format!("**总览**：{}\n{rate}", totals.join(" · "))),
        hr(),
    ];

    let overdue = if b.overdue.is_empty() {
        "**逾期事项**\n目前没有逾期事项，感谢大家的配合。".to_owned()
    } else {
        section(
            "**逾期事项**（按逾期工作日排序；如有困难，可在事项卡片上申请延期或更新进展）",
            &b.overdue,
            |r| {
                let hint = if r.overdue_workdays > 0 {
                    format!("已逾期{}个工作日", r.overdue_workdays)
                } else {
                    DeadlineHint::compute(r.deadline, now, cal).to_string()
                };
                font("red", &hint)
            },
            now,
        )
    };
    elements.push(markdown(&overdue));

    let week = if b.due_this_week.is_empty() {
        "**本周到期**\n本周没有其他到期事项。".to_owned()
    } else {
        section(
            "**本周到期**",
            &b.due_this_week,
            |r| DeadlineHint::compute(r.deadline, now, cal).to_string(),
            now,
        )
    };
    elements.push(markdown(&week));

    if !b.top_on_time.is_empty() {
        let lines: Vec<String> = b
            .top_on_time
            .iter()
            .enumerate()
            .map(|(i, (p, n))| format!("{}. {} 按时完成 **{n}** 项", i + 1, at(p)))
            .collect();
        elements.push(hr());
        elements.push(markdown(&format!(
            "**表扬 · 本月按时完成**\n{}\n感谢以上同事的高效配合！",
            lines.join("\n")
        )));
    }
    elements.push(note(
        "发送 `/督办 列表 逾期` 查看逾期详情，`/督办 统计` 查看个人统计。",
    ));
    card(hdr, elements, &title)
}

/// A section: heading, then one line per row (at most [`MAX_ROWS`]).
fn section(heading: &str, rows: &[BoardRow], hint: impl Fn(&BoardRow) -> String, now: Timestamp) -> String {
    let mut lines = vec![heading.to_owned()];
    for (i, r) in rows.iter().take(MAX_ROWS).enumerate() {
        lines.push(format!(
            "{}. **{}** {} · 主办 {} · 截止{} · {}",
            i + 1,
            r.id,
            md_text(&r.title, TITLE_MAX),
            at(&r.owner),
            format_datetime(r.deadline, now),
            hint(r)
        ));
    }
    if rows.len() > MAX_ROWS {
        lines.push(format!("另有{}项未列出…", rows.len() - MAX_ROWS));
    }
    lines.join("\n")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::card::fixtures::{self, cal, now, person};
    use crate::card::fmt::within_limits;
    use crate::domain::board::board;
    use crate::domain::ids::ItemId;
    use crate::domain::status::Status;
    use crate::domain::supervision::Item;

    fn items() -> Vec<Item> {
        let mut overdue = fixtures::overdue(); // 11-20, 张三
        overdue.id = ItemId(3);
        let mut soon = fixtures::due_soon(); // 11-26
        soon.id = ItemId(5);
        soon.owner = person("wangwu", "王五");
        let mut later = fixtures::in_progress(); // 11-30: next week
        later.id = ItemId(6);
        let mut done = fixtures::done(); // completed 11-25, due 11-30: on time
        done.id = ItemId(7);
        let mut late_done = fixtures::done();
        late_done.id = ItemId(8);
        late_done.deadline = fixtures::at(2026, 11, 18, 18, 0);
        vec![overdue, soon, later, done, late_done, fixtures::cancelled()]
    }

    #[test]
    fn the_board_names_owners_and_praises_on_time_work() {
        let b = board(&items(), now(), &cal(), 3);
        let c = board_card(&b, now(), &cal());
        let text = c.to_string();
        assert!(text.contains("已逾期3个工作日"));
        assert!(text.contains("<at id=ou_zhangsan></at>"));
        assert!(text.contains("表扬 · 本月按时完成"));
        assert!(text.contains("本月按时完成率：**50%**"));
        assert_eq!(c["header"]["template"], "orange");
        assert!(within_limits(&c));
    }

    #[test]
    fn a_clean_board_is_green_and_says_thanks() {
        let b = board(&[fixtures::done()], now(), &cal(), 3);
        let c = board_card(&b, now(), &cal());
        assert_eq!(c["header"]["template"], "green");
        assert!(c.to_string().contains("目前没有逾期事项，感谢大家的配合"));
    }

    #[test]
    fn a_huge_board_stays_within_limits() {
        let many: Vec<Item> = (1..=300)
            .map(|i| {
                let mut it = fixtures::maximal(Status::InProgress);
                it.id = ItemId(i);
                it.deadline = fixtures::at(2026, 11, 2 + (i % 20) as i8, 18, 0);
                it
            })
            .collect();
        let c = board_card(&board(&many, now(), &cal(), 5), now(), &cal());
        assert!(within_limits(&c), "{} bytes", crate::card::fmt::json_size(&c));
        assert!(c.to_string().contains("另有"));
    }

    #[test]
    fn snapshot_of_the_board_card() {
        let b = board(&items(), now(), &cal(), 3);
        insta::assert_json_snapshot!("board_card", board_card(&b, now(), &cal()));
    }
}
