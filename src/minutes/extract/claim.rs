//! Work claimed in a group relay (pure): `1. 某某 认领：核对名单，12月9日前`, `某某 领取：…`,
//! `某某 接：…`, `某某（认领）…` — a person, a claiming verb, then the work — is that person's work,
//! read as `某某负责核对名单，12月9日前`; work nobody has claimed yet (`（待认领）照片收集`,
//! `【待认领】…`, `待认领：…`) is still work, read with its owner open (`照片收集，负责人待定`).

/// Verbs a person writes before the work they take on.
const CLAIM: &[&str] = &["认领", "领取", "承接", "接单", "领走", "报名"];
/// Marks of work nobody has taken yet.
const OPEN: &[&str] = &["待认领", "无人认领", "暂无人认领", "待领取", "待分配", "待指派"];

/// The list marker at the line's start (`1. `, `2、`, `- `), kept as written.
fn marker(line: &str) -> usize {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &t[digits..];
    let sep = if digits > 0 {
        rest.chars()
            .next()
            .filter(|c| ['.', '、', '．', ')', '）'].contains(c))
            .map_or(0, char::len_utf8)
    } else {
        rest.chars()
            .next()
            .filter(|c| ['-', '*', '•', '·'].contains(c))
            .map_or(0, char::len_utf8)
    };
    let after = &t[digits + sep..];
    lead + digits + sep + (after.len() - after.trim_start().len())
}

fn is_person(name: &str, is_name: &impl Fn(&str) -> bool) -> bool {
    let n = name.chars().count();
    is_name(name) || ((2..=4).contains(&n) && name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
}

/// `某某 认领：work` → `某某负责work`; `（待认领）work` → `work，负责人待定`.
fn rewrite(line: &str, is_name: &impl Fn(&str) -> bool) -> Option<String> {
    let at = marker(line);
    let (head, body) = line.split_at(at);
    if head.trim().is_empty() {
        return None;
    }
    for open in OPEN {
        for (a, b) in [("（", "）"), ("(", ")"), ("【", "】"), ("[", "]"), ("", "：")] {
            if let Some(work) = body.strip_prefix(&format!("{a}{open}{b}")) {
                let work = work.trim().trim_end_matches(['。', '；', ';']);
                return (!work.is_empty()).then(|| format!("{head}{work}，负责人待定"));
            }
        }
    }
    let (name, rest) = body.split_once([' ', '（', '('])?;
    let name = name.trim();
    let rest = rest.trim_start().trim_start_matches(['（', '(']);
    let verb = CLAIM.iter().find(|v| rest.starts_with(**v))?;
    let work = rest[verb.len()..]
        .trim_start_matches(['）', ')'])
        .trim_start()
        .strip_prefix(['：', ':'])
        .unwrap_or_else(|| rest[verb.len()..].trim_start_matches(['）', ')']))
        .trim();
    (is_person(name, is_name) && work.chars().count() >= 2).then(|| format!("{head}{name}负责{work}"))
}

/// Whether `line` heads a pasted relay (`#接龙`, `【接龙】…`, `接龙：…`).
fn relay_head(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['#', '＃']);
    ["接龙", "【接龙】", "[接龙]"].iter().any(|h| t.starts_with(h))
}

/// Under a relay's head, `3 某某 事项 时间` (number, a member's name, then the work) is that
/// member's claim, read as `3 某某负责事项 时间`.
fn relay_entry(line: &str, is_name: &impl Fn(&str) -> bool) -> Option<String> {
    let at = marker(line);
    let (head, body) = line.split_at(at);
    if !head.trim().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (name, work) = body.split_once([' ', '\u{3000}'])?;
    let work = work.trim_start();
    let taken = CLAIM.iter().any(|v| work.starts_with(v)) || work.starts_with("负责");
    (is_name(name) && !taken && work.chars().count() >= 2).then(|| format!("{head}{name}负责{work}"))
}

/// Rewrites every claimed or unclaimed item of a relay list, when at least two list items are
/// claimed so (a relay, not one aside); and the numbered entries below a relay's head up to the
/// next blank line, when two or more name a member.
pub(super) fn read_claims(lines: &mut [String], is_name: impl Fn(&str) -> bool) {
    super::repeated::rewrite_if_repeated(lines, |l| rewrite(l, &is_name));
    let mut n = 0;
    while n < lines.len() {
        if !lines.get(n).is_some_and(|l| relay_head(l)) {
            n += 1;
            continue;
        }
        let mut end = n + 1;
        let mut seen = false;
        while let Some(l) = lines.get(end) {
            if l.trim().is_empty() && seen {
                break;
            }
            seen |= relay_entry(l, &is_name).is_some();
            end += 1;
        }
        if let Some(block) = lines.get_mut(n + 1..end) {
            super::repeated::rewrite_if_repeated(block, |l| relay_entry(l, &is_name));
        }
        n = end;
    }
}
