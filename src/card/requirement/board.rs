//! The intake board (pure): requirements by status, by branch and by age.

use jiff::Timestamp;
use serde_json::Value;

use crate::card::fmt::{card, day, header, markdown, md_text};
use crate::domain::requirement::{ReqStatus, Requirement};
use crate::domain::time::local;

const MAX_ROWS: usize = 20;

/// The intake board: open requirements by branch, counts by status, and open ones by age
/// (calendar days since submission), the longest-waiting listed.
pub fn requirement_board_card(reqs: &[Requirement], now: Timestamp) -> Value {
    let open: Vec<&Requirement> = reqs
        .iter()
        .filter(|r| r.status.is_open() || r.status == ReqStatus::Accepted)
        .collect();
    let waiting: Vec<&Requirement> = reqs.iter().filter(|r| r.status.is_open()).collect();
    let hdr = header(
        "需求看板",
        if waiting.is_empty() { "blue" } else { "orange" },
        None,
        &[],
    );
    if reqs.is_empty() {
        return card(
            hdr,
            vec![markdown("还没有需求。发送 `/需求 标题` 或 `/需求 新建` 提交。")],
            "需求看板",
        );
    }
    let mut by_status: Vec<(&str, usize)> = Vec::new();
    for r in reqs {
        let label = r.status.label();
        match by_status.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n += 1,
            None => by_status.push((label, 1)),
        }
    }
    let status_line = by_status
        .iter()
        .map(|(l, n)| format!("{l} **{n}**"))
        .collect::<Vec<_>>()
        .join(" · ");
    let mut by_unit: Vec<(String, usize)> = Vec::new();
    for r in &open {
        let unit = r.unit.clone().unwrap_or_else(|| "未填写单位".to_owned());
        match by_unit.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, n)) => *n += 1,
            None => by_unit.push((unit, 1)),
        }
    }
    by_unit.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let unit_lines: Vec<String> = by_unit
        .iter()
        .take(MAX_ROWS)
        .map(|(u, n)| format!("- {} **{n}**", md_text(u, 30)))
        .collect();
    let today = local(now).date();
    let age = |r: &Requirement| i64::from((today - local(r.created_at).date()).get_days());
    let buckets = [
        ("3天内", 0, 3),
        ("4–7天", 4, 7),
        ("8–30天", 8, 30),
        ("30天以上", 31, i64::MAX),
    ];
    let age_line = buckets
        .iter()
        .map(|(label, lo, hi)| {
            let n = waiting.iter().filter(|r| (*lo..=*hi).contains(&age(r))).count();
            format!("{label} **{n}**")
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let mut oldest = waiting.clone();
    oldest.sort_by_key(|r| (r.created_at, r.id));
    let mut elements = vec![
        markdown(&format!("**按状态**\n{status_line}")),
        markdown(&format!("**未关闭需求按提出单位**\n{}", unit_lines.join("\n"))),
        markdown(&format!("**待处理需求按等待时间**\n{age_line}")),
    ];
    if !oldest.is_empty() {
        let mut lines = vec!["**等待最久的需求**".to_owned()];
        for r in oldest.iter().take(10) {
            lines.push(format!(
                "- {} {} · {} · 已等待{}天（{}提交）",
                r.id,
                md_text(&r.title, 30),
                r.status.label(),
                age(r),
                day(r.created_at, now)
            ));
        }
        elements.push(markdown(&lines.join("\n")));
    }
    card(hdr, elements, "需求看板")
}
