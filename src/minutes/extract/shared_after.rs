//! A deadline shared by the line before (pure): `严某：收集A；柳某：比对B；孟某：汇总C。` then
//! `以上均于下周一前完成。` — each person's work in the line is due then. The shared deadline is
//! written into each piece (`严某：收集A，下周一前完成；…`) and its own line left blank.

use crate::domain::ids::Person;

/// `以上均于下周一前完成` → `下周一前完成`: the deadline said for everything above.
fn shared_deadline(line: &str) -> Option<String> {
    let mut s = line
        .trim()
        .trim_end_matches(['。', '.', '；', ';'])
        .strip_prefix("以上")?;
    for words in [
        &["各项", "事项", "工作", "任务", "几项", "三项", "两项", "各人"][..],
        &["均", "都", "统一", "一律"],
        &["请", "须", "需", "要"],
        &["于", "在"],
    ] {
        if let Some(r) = words.iter().find_map(|w| s.strip_prefix(w)) {
            s = r;
        }
    }
    let n = s.chars().count();
    let due = ["前完成", "前办结", "前提交", "前反馈", "内完成", "之前完成", "前"]
        .iter()
        .any(|w| s.ends_with(w));
    ((3..=16).contains(&n) && due && !s.contains(['，', ',', '：', ':'])).then(|| s.to_owned())
}

/// The pieces of a line that gives members their own work (`A：…；B：…`), two or more, each
/// opened by a member's name and a colon, none with a date of its own.
fn member_pieces<'a>(line: &'a str, members: &[Person]) -> Option<Vec<&'a str>> {
    let pieces: Vec<&str> = line
        .trim()
        .trim_end_matches(['。', '.'])
        .split(['；', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let given = |p: &str| {
        p.split_once(['：', ':']).is_some_and(|(who, work)| {
            members.iter().any(|m| m.name == who.trim())
                && work.chars().count() >= 2
                && !work.contains(['前', '月', '日', '号'])
        })
    };
    (pieces.len() >= 2 && pieces.iter().all(|p| given(p))).then_some(pieces)
}

/// Writes each shared deadline into the pieces of the line before it.
pub(super) fn spread_shared_deadlines(lines: &mut [String], members: &[Person]) {
    for i in 1..lines.len() {
        let Some(due) = shared_deadline(&lines[i]) else {
            continue;
        };
        let Some(pieces) = member_pieces(&lines[i - 1], members) else {
            continue;
        };
        let indent: String = lines[i - 1].chars().take_while(|c| c.is_whitespace()).collect();
        let spread: Vec<String> = pieces.iter().map(|p| format!("{p}，{due}")).collect();
        lines[i - 1] = format!("{indent}{}。", spread.join("；"));
        lines[i].clear();
    }
}
