//! The statistics card (pure): per 主办, completions, on-time rate, average delay in working
//! days, current overdue items, extensions and times urged — the evidence for OKR and
//! performance reviews. Names are plain text (no @): statistics should not ping anyone.

use serde_json::Value;

use crate::card::fmt::{card, font, header, hr, markdown, md_text, note};
use crate::domain::board::{Period, PersonStats};
use crate::domain::ids::Person;

/// People shown before "另有N人".
pub const MAX_PEOPLE: usize = 40;

/// The header tags every statistics card carries: 完成N项, and the on-time rate once something
/// was completed.
pub(crate) fn completion_tags(completed: u32, on_time: u32) -> Vec<(String, &'static str)> {
    let mut tags = vec![(format!("完成{completed}项"), "blue")];
    if completed > 0 {
        tags.push((
            format!("按时率{}", percent(f64::from(on_time) / f64::from(completed))),
            "green",
        ));
    }
    tags
}

/// The statistics card for `period`; `person` when the query named one.
pub fn stats_card(period: Period, rows: &[PersonStats], person: Option<&Person>) -> Value {
    let title = match person {
        Some(p) => format!("督办统计 · {} · {}", period.label(), md_text(&p.name, 20)),
        None => format!("督办统计 · {}", period.label()),
    };
    let completed: u32 = rows.iter().map(|r| r.completed).sum();
    let on_time: u32 = rows.iter().map(|r| r.on_time).sum();
    let tags = completion_tags(completed, on_time);
    let tag_refs: Vec<(&str, &str)> = tags.iter().map(|(t, c)| (t.as_str(), *c)).collect();
    let hdr = header(&title, "blue", Some("按主办人统计"), &tag_refs);

    let mut elements = Vec::new();
    if rows.is_empty() {
        let who = person.map_or_else(String::new, |p| md_text(&p.name, 20));
        elements.push(markdown(&format!(
            "{}{who}暂无可统计的督办事项。",
            period.label()
        )));
    }
    for r in rows.iter().take(MAX_PEOPLE) {
        elements.push(markdown(&line(r)));
    }
    if rows.len() > MAX_PEOPLE {
        elements.push(markdown(&format!("另有{}人未列出…", rows.len() - MAX_PEOPLE)));
    }
    elements.push(hr());
    elements.push(note(
        "口径：完成 = 统计期内验收通过；按时 = 在截止时间（含已批准的延期）前完成；\
         平均延误按工作日计（按时完成计0）；当前逾期为此刻仍逾期的事项；被催办 = 手动催办 + 逾期后的催办提醒（不含签收提醒、到期前一天等到期前的例行提醒）；\
         延期与被催办次数按统计期内仍在办理的事项计。",
    ));
    card(hdr, elements, &title)
}

pub(crate) fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn line(r: &PersonStats) -> String {
    let rate = r.on_time_rate.map_or_else(|| "—".to_owned(), percent);
    let delay = r
        .avg_delay_workdays
        .map_or_else(|| "—".to_owned(), |d| format!("{d:.1}个工作日"));
    let overdue = if r.open_overdue > 0 {
        font("red", &format!("当前逾期 {} 项", r.open_overdue))
    } else {
        "当前逾期 0 项".to_owned()
    };
    format!(
        "**{}**\n完成 {} 项{} · 按时 {} 项 · 按时率 {rate} · 平均延误 {delay}\n{overdue} · 延期 {} 次 · 被催办 {} 次",
        md_text(&r.person.name, 20),
        r.completed,
        by_class(r),
        r.on_time,
        r.extensions,
        r.times_urged
    )
}

/// `（承诺 2 · 挑战 1 · 突发 1）` once something other than 承诺 was completed.
fn by_class(r: &PersonStats) -> String {
    let [_, stretch, urgent] = r.completed_by_class;
    if stretch == 0 && urgent == 0 {
        return String::new();
    }
    let parts: Vec<String> = crate::domain::item::ItemClass::ALL
        .iter()
        .zip(r.completed_by_class)
        .map(|(c, n)| format!("{} {n}", c.label()))
        .collect();
    format!("（{}）", parts.join(" · "))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::card::fixtures::person;
    use crate::card::fmt::within_limits;

    fn row(name: &str, completed: u32, on_time: u32, delay: Option<f64>, overdue: u32) -> PersonStats {
        PersonStats {
            person: person(name, name),
            completed,
            on_time,
            on_time_rate: (completed > 0).then(|| f64::from(on_time) / f64::from(completed)),
            avg_delay_workdays: delay,
            open_overdue: overdue,
            extensions: 1,
            times_urged: 4,
            completed_by_class: [completed, 0, 0],
        }
    }

    #[test]
    fn rows_show_rate_delay_and_counts_without_mentions() {
        let rows = [row("王五", 4, 3, Some(0.5), 0), row("张三", 0, 0, None, 2)];
        let c = stats_card(Period::ThisMonth, &rows, None);
        let text = c.to_string();
        assert!(text.contains("按时率 75%"));
        assert!(text.contains("平均延误 0.5个工作日"));
        assert!(text.contains("当前逾期 2 项"));
        assert!(!text.contains("<at"));
        assert_eq!(c["header"]["title"]["content"], "督办统计 · 本月");
        assert!(within_limits(&c));
    }

    #[test]
    fn an_empty_query_says_so() {
        let p = person("zhaoliu", "赵六");
        let c = stats_card(Period::LastMonth, &[], Some(&p));
        assert!(c.to_string().contains("上月赵六暂无可统计的督办事项"));
    }

    #[test]
    fn many_people_stay_within_limits() {
        let rows: Vec<PersonStats> = (0..200)
            .map(|i| row(&format!("同事{i:03}"), 9, 8, Some(1.25), 3))
            .collect();
        let c = stats_card(Period::ThisQuarter, &rows, None);
        assert!(within_limits(&c));
        assert!(c.to_string().contains("另有160人未列出"));
    }

    #[test]
    fn snapshot_of_the_stats_card() {
        let rows = [
            row("王五", 4, 3, Some(0.5), 0),
            row("张三", 2, 2, Some(0.0), 1),
            row("赵六", 0, 0, None, 2),
        ];
        insta::assert_json_snapshot!("stats_card", stats_card(Period::ThisMonth, &rows, None));
    }
}
