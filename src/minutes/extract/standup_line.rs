//! Stand-ups written one person to a line (pure): `【季明哲】昨日：…。今日：…。阻碍：…`,
//! `凯文: Y: … T: … B: …`, or a table `| 成员 | 昨天 | 今天 | 卡点 |`. Yesterday's part is a
//! report and leaves; today's plan stays as that person's line: work given a date is their to-do
//! (`【待办】季明哲：周二前把接口文档补全`), a plan without one (`继续做…`) is read like any other
//! line; a blocker stays only when it asks someone for help (`@曹子健 帮忙看下测试环境`).

use crate::domain::ids::Person;
use crate::minutes::scan::{Ctx, is_cjk};

use super::matrix_table::{cells, rule};
use super::standup::Part;

/// Labels read before `：`/`:` (longest first): those of a stand-up under a name (`standup.rs`)
/// without its weekly `本周`/`下周`, with the one-line forms' `阻碍` and English `Y`/`T`/`B`.
const LABELS: &[(&str, Part)] = &[
    ("昨日/今日", Part::Plan),
    ("昨天/今天", Part::Plan),
    ("今日计划", Part::Plan),
    ("今天计划", Part::Plan),
    ("昨日", Part::Done),
    ("昨天", Part::Done),
    ("今日", Part::Plan),
    ("今天", Part::Plan),
    ("阻碍", Part::Blocker),
    ("阻塞", Part::Blocker),
    ("卡点", Part::Blocker),
    ("Yesterday", Part::Done),
    ("yesterday", Part::Done),
    ("Today", Part::Plan),
    ("today", Part::Plan),
    ("Blockers", Part::Blocker),
    ("blockers", Part::Blocker),
    ("Blocker", Part::Blocker),
    ("blocker", Part::Blocker),
    ("Y", Part::Done),
    ("T", Part::Plan),
    ("B", Part::Blocker),
];

/// Words that ask someone for help in a blocker.
const ASKS: &[&str] = &["@", "帮忙", "帮我", "请", "麻烦", "协助", "help"];

/// Parts that say nothing is planned or blocking.
const NOTHING: &[&str] = &[
    "无", "暂无", "没有", "none", "n/a", "na", "-", "——", "休假", "请假", "调休",
];

/// The label at byte `at` of `s` (at a part's start), with its length up to and past the colon.
fn label_at(s: &str, at: usize) -> Option<(Part, usize)> {
    let rest = s.get(at..)?;
    let before = s.get(..at)?.chars().next_back();
    LABELS.iter().find_map(|(l, p)| {
        let after = rest.strip_prefix(l)?;
        let colon = after.chars().next().filter(|c| matches!(c, '：' | ':'))?;
        // `Y:`, `T:` only as a part's start, not inside a word (`PPT:`).
        let ascii = l.is_ascii();
        if ascii && before.is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        Some((*p, l.len() + colon.len_utf8()))
    })
}

/// The parts of one person's report, in order: (part, text).
fn parts(rest: &str) -> Option<Vec<(Part, String)>> {
    let rest = rest.trim_start();
    let (first, first_len) = label_at(rest, 0)?;
    let mut marks: Vec<(usize, Part, usize)> = vec![(0, first, first_len)];
    let mut i = first_len;
    while i < rest.len() {
        // A label starts a part after a stop or a space (or right after the last part's end).
        let prev = rest[..i].chars().next_back();
        let at_break = prev.is_some_and(|c| matches!(c, '。' | '.' | '；' | ';' | ' ' | '，' | ','));
        if at_break && let Some((p, len)) = label_at(rest, i) {
            marks.push((i, p, len));
            i += len;
            continue;
        }
        i += rest[i..].chars().next().map_or(1, char::len_utf8);
    }
    let mut out = Vec::new();
    for (k, (at, p, len)) in marks.iter().enumerate() {
        let end = marks.get(k + 1).map_or(rest.len(), |m| m.0);
        let text = rest
            .get(at + len..end)?
            .trim()
            .trim_end_matches(['。', '.', '；', ';', '，', ','])
            .trim();
        out.push((*p, text.to_owned()));
    }
    Some(out)
}

/// The member a stand-up line is headed by: a full name, or a given name only one member has.
fn member<'m>(head: &str, members: &'m [Person]) -> Option<&'m str> {
    let head = head.trim().trim_start_matches('@');
    if let Some(p) = members.iter().find(|p| p.name == head) {
        return Some(p.name.as_str());
    }
    (head.chars().count() == 2 && head.chars().all(is_cjk))
        .then(|| super::given_alias::given_of(members, head))
        .flatten()
}

/// `【季明哲】昨日：…` or `季明哲：今日：…` → (the member, the parts).
fn report<'m>(line: &str, members: &'m [Person]) -> Option<(&'m str, Vec<(Part, String)>)> {
    let t = line.trim().trim_start_matches(['-', '*', '·', '•']).trim_start();
    let (head, rest) = if let Some(r) = t.strip_prefix('【') {
        r.split_once('】')?
    } else {
        let (h, r) = t.split_once(['：', ':'])?;
        (h, r)
    };
    let who = member(head, members)?;
    Some((who, parts(rest)?))
}

/// The lines a report stands for: today's plan as the person's own line, a blocker asking for
/// help as a line of its own.
fn report_lines(who: &str, parts: &[(Part, String)], ctx: &Ctx<'_>) -> Vec<String> {
    let mut out = Vec::new();
    for (p, text) in parts {
        let lower = text.to_lowercase();
        if text.is_empty() || NOTHING.contains(&lower.as_str()) {
            continue;
        }
        match p {
            Part::Done => {}
            Part::Plan if ctx.deadline_in(text).is_some_and(|(_, d)| d.is_some()) => {
                out.push(format!("【待办】{who}：{text}"));
            }
            Part::Plan => out.push(format!("{who}：{text}")),
            Part::Blocker if ASKS.iter().any(|w| lower.contains(w)) => out.push(text.clone()),
            Part::Blocker => {}
        }
    }
    out
}

/// `lines` with one-line stand-up reports (and stand-up tables) written as their plans and
/// requests; a document needs two such reports for any to count.
pub(super) fn expand(lines: Vec<String>, ctx: &Ctx<'_>) -> Vec<String> {
    let members = ctx.members;
    // A stand-up table: a name column and two or more stand-up columns.
    let mut lines = tables_to_reports(lines, members);
    let reports = lines
        .iter()
        .filter(|l| report(l, members).is_some_and(|(_, p)| p.len() >= 2))
        .count();
    if reports < 2 {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    for line in lines.drain(..) {
        match report(&line, members) {
            Some((who, parts)) => out.extend(report_lines(who, &parts, ctx)),
            None => out.push(line),
        }
    }
    out
}

/// Stand-up tables written as one report line per row (`【薛凯文】昨天：…。今天：…。卡点：…`).
fn tables_to_reports(lines: Vec<String>, members: &[Person]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut head: Option<(usize, Vec<Option<&'static str>>)> = None;
    for line in lines {
        let Some(row) = cells(&line) else {
            head = None;
            out.push(line);
            continue;
        };
        if let Some((name_col, labels)) = &head {
            if rule(&row) {
                continue;
            }
            if let Some(who) = row.get(*name_col).and_then(|c| member(c, members)) {
                let body: Vec<String> = labels
                    .iter()
                    .zip(&row)
                    .filter_map(|(l, c)| l.map(|l| format!("{l}：{c}")))
                    .collect();
                out.push(format!("【{who}】{}", body.join("。")));
                continue;
            }
            out.push(line);
            continue;
        }
        let name_col = row
            .iter()
            .position(|c| ["成员", "姓名", "人员", "同事", "Name", "name", "Member"].contains(c));
        let labels: Vec<Option<&'static str>> = row
            .iter()
            .map(|c| LABELS.iter().find(|(l, _)| l == c).map(|(l, _)| *l))
            .collect();
        match name_col {
            Some(col) if labels.iter().flatten().count() >= 2 => head = Some((col, labels)),
            _ => out.push(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::minutes::extract::testkit::{due_by_end_of, dues, owners, run, texts};

    #[test]
    fn one_line_stand_ups_give_the_dated_plans_and_the_asks() {
        let ex = run(
            "交易App组 站会\n\
             【季明哲】昨日：休息。今日：周四前把接口文档补全发给后端。阻碍：后端环境不稳定，@曹子健 帮忙看下测试环境，今天下班前给个结论\n\
             【卢思远】昨日：——。今日：继续做自选股云同步。阻碍：无\n\
             凯文: Y: 推送服务压测 done. T: 周五前 ship hotfix 5.18.1. B: none\n",
            &["季明哲", "卢思远", "曹子健", "薛凯文"],
        );
        let t = texts(&ex);
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(
            t[0].contains("接口文档补全") && t[1].contains("帮忙看下测试环境") && t[2].contains("hotfix")
        );
        assert_eq!(owners(&ex), [vec!["季明哲"], vec!["曹子健"], vec!["薛凯文"]]);
        assert_eq!(
            dues(&ex),
            [
                due_by_end_of("2026-03-12"),
                due_by_end_of("2026-03-10"),
                due_by_end_of("2026-03-13")
            ]
        );
    }

    #[test]
    fn a_stand_up_table_is_read_row_by_row() {
        let ex = run(
            "站会\n\
             | 成员 | 昨天 | 今天 | 卡点 |\n\
             |---|---|---|---|\n\
             | 薛凯文 | 修复丢包 | 压测推送服务，周五前出报告 | 无 |\n\
             | 季明哲 | 条件单灰度 | 看灰度数据 | 缺发布证书，@曹子健 今天帮忙申请 |\n",
            &["季明哲", "曹子健", "薛凯文"],
        );
        let t = texts(&ex);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].contains("压测推送服务") && t[1].contains("缺发布证书"));
        assert_eq!(owners(&ex), [vec!["薛凯文"], vec!["曹子健"]]);
    }

    #[test]
    fn one_report_alone_is_no_stand_up() {
        let ex = run("【季明哲】昨日：休息。今日：写文档\n", &["季明哲"]);
        assert!(texts(&ex).iter().all(|t| !t.contains("休息")));
    }
}
