//! The list card (pure): compact rows, overdue first, then by deadline; at most 30 rows.

use jiff::Timestamp;
use serde_json::Value;

use crate::calendar::Calendar;
use crate::card::fmt::{at, font, format_datetime, header, md_text, rows_card, truncate};
use crate::domain::status::Status;
use crate::domain::supervision::Item;

/// Rows shown before "还有N项…".
pub const MAX_ROWS: usize = 30;
const TITLE_MAX: usize = 40;

/// A list of `items` under `title` at `now`.
pub fn list_card(title: &str, items: &[Item], now: Timestamp, cal: &Calendar) -> Value {
    let mut sorted: Vec<&Item> = items.iter().collect();
    sorted.sort_by_key(|it| (!it.is_overdue(now), it.deadline, it.id));
    let overdue = sorted.iter().filter(|it| it.is_overdue(now)).count();

    let mut tags: Vec<(String, &str)> = vec![(format!("共{}项", items.len()), "blue")];
    if overdue > 0 {
        tags.push((format!("逾期{overdue}项"), "red"));
    }
    let tag_refs: Vec<(&str, &str)> = tags.iter().map(|(t, c)| (t.as_str(), *c)).collect();
    let template = if overdue > 0 { "red" } else { "blue" };
    let hdr = header(&truncate(title, 60), template, None, &tag_refs);

    rows_card(
        hdr,
        title,
        sorted.iter().map(|it| row(it, now, cal)),
        sorted.len(),
        MAX_ROWS,
        "这里还没有符合条件的督办事项。\n需要时可以发送 `/督办 事项 @主办 截止时间` 新建，或发送 `/督办 帮助` 查看用法。",
        |n| format!("还有{n}项未显示…可以用 `/督办 列表 逾期`、`/督办 列表 我的` 等缩小范围。"),
    )
}

fn row(it: &Item, now: Timestamp, cal: &Calendar) -> String {
    let when = format_datetime(it.deadline, now);
    let state = match it.status {
        Status::Pending | Status::InProgress => {
            let hint = it.deadline_hint(now, cal);
            if it.is_overdue(now) {
                format!("{} · {}", font("red", &hint.to_string()), it.status.label())
            } else {
                format!("{hint} · {}", it.status.label())
            }
        }
        Status::Submitted | Status::Done | Status::Cancelled => it.status.label().to_owned(),
    };
    let ext = if it.extension.is_some() {
        " · 延期申请中"
    } else {
        ""
    };
    let aligned = it
        .alignment
        .as_ref()
        .map_or_else(String::new, |a| format!(" · 对齐 {}", a.label()));
    format!(
        "**{}** {}\n主办 {} · {} · {when} · {state}{ext}{aligned}",
        it.id,
        md_text(&it.title, TITLE_MAX),
        at(&it.owner),
        it.class.label()
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::card::fixtures::{self, cal, now};
    use crate::card::fmt::within_limits;
    use crate::domain::ids::ItemId;

    #[test]
    fn overdue_items_come_first_then_by_deadline() {
        let mut a = fixtures::in_progress(); // 11-30
        a.id = ItemId(1);
        let mut b = fixtures::due_soon(); // 11-26
        b.id = ItemId(2);
        let mut c = fixtures::overdue(); // 11-20, overdue
        c.id = ItemId(3);
        let card = list_card("本群督办", &[a, b, c], now(), &cal());
        let rows: Vec<String> = card["body"]["elements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["content"].as_str().unwrap().to_owned())
            .collect();
        assert!(rows[0].starts_with("**DB-3**"));
        assert!(rows[1].starts_with("**DB-2**"));
        assert!(rows[2].starts_with("**DB-1**"));
        assert_eq!(card["header"]["template"], "red");
    }

    #[test]
    fn an_empty_list_says_so_kindly() {
        let c = list_card("我的督办", &[], now(), &cal());
        assert!(c.to_string().contains("还没有符合条件的督办事项"));
    }

    #[test]
    fn long_lists_stop_at_thirty_rows_and_stay_within_limits() {
        let items: Vec<Item> = (1..=45)
            .map(|i| {
                let mut it = fixtures::maximal(Status::InProgress);
                it.id = ItemId(i);
                it
            })
            .collect();
        let c = list_card("全部督办", &items, now(), &cal());
        let elements = c["body"]["elements"].as_array().unwrap();
        assert_eq!(elements.len(), MAX_ROWS + 1);
        assert!(
            elements[MAX_ROWS]["content"]
                .as_str()
                .unwrap()
                .starts_with("还有15项")
        );
        assert!(within_limits(&c));
    }

    #[test]
    fn snapshot_of_the_list_card() {
        let items: Vec<Item> = fixtures::all_states()
            .into_iter()
            .zip(1..)
            .map(|((_, mut it), i)| {
                it.id = ItemId(i);
                it
            })
            .collect();
        insta::assert_json_snapshot!("list_card", list_card("本群督办事项", &items, now(), &cal()));
        insta::assert_json_snapshot!("list_card_empty", list_card("我的督办", &[], now(), &cal()));
    }
}
